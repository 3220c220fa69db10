/**
 * The scheme (考核方案) of SPEC §3 and §3.1: how a data sheet becomes scores. Field names are the JSON ones; the
 * `考核方案` sheet shows the same model under Chinese headers.
 *
 * Column references (every `string` naming a column below): a header text or a letter ("C") on the data sheet, or
 * `"sheet!column"` for a column of another sheet (多表汇总, SPEC §3.1): `"1月!党建"` reads, for each unit, the row of
 * sheet 1月 whose unit name equals the unit's. `splitColumnRef` (scoring/other-sheets.ts) splits one.
 */

export type Method = "points" | "target" | "limit" | "efficacy" | "grade" | "benchmark" | "rank" | "vote";

/** A per-unit value: each unit reads its own from this column (SPEC §3.1 “per-unit parameters”). */
export interface ColumnParam {
  column: string;
}

/** A parameter that is one number for every unit, or read per unit from a column. */
export type Param = number | ColumnParam;

export function isColumnParam(p: unknown): p is ColumnParam {
  return typeof p === "object" && p !== null && typeof (p as ColumnParam).column === "string";
}

export interface Indicator {
  name: string;
  /**
   * The column of the indicator's value. For `vote` (which reads `columns`) the normal form repeats the first vote
   * column here, so code that shows an indicator's column always has one.
   */
  column: string;
  method: Method;
  points: number;
  /** target: the target value (a number or per unit); cap: the most a unit can reach, as a multiple of the points (default 1). */
  target?: Param;
  cap?: number;
  /** limit: the limit (a number or per unit); step and deduct (both or neither). */
  limit?: Param;
  step?: number;
  deduct?: number;
  /** efficacy: good and bad values (numbers or per unit), base (default 0.6). */
  good?: Param;
  bad?: Param;
  base?: number;
  /** grade: factor per grade (default 优 1, 良 0.8, 中 0.6, 差 0.4). */
  grades?: Record<string, number>;
  /** vote (民主评议): the columns of vote counts, e.g. 满意, 基本满意, 不满意. */
  columns?: string[];
  /** vote: one weight per vote column (normal form: always present; default 1, 0.6, 0 for three columns). */
  weights?: number[];
  /**
   * Rate (SPEC §3.1): the value is divided by this column's value before the method applies (已参保户数 ÷ 任务户数).
   * Not for grade, rank or vote.
   */
  per?: string;
  /** 平时成绩 columns: the value becomes w·mean(non-blank periodic) + (1−w)·value before `per` and the method. */
  periodic?: string[];
  /** w above, in [0, 1]; present exactly when `periodic` is. */
  periodicWeight?: number;
}

/** Where another sheet's table is (多表汇总): its header row and unit-name column; either may be left to detection. */
export interface OtherSheetSpec {
  /** 1-based; undeclared: the first row holding the data sheet's name-column header (or `name`). */
  headerRow?: number;
  /** The unit-name column's header; default the data sheet's (`data.name`). */
  name?: string;
}

/** 加减分台账: one row per event; positive points add to the bonus, negative ones to the deduction, before the caps. */
export interface Ledger {
  sheet: string;
  /** 1-based header row; undeclared: the first row holding the `unit` header. */
  headerRow?: number;
  /** Columns of the ledger sheet (header text or letter). */
  unit: string;
  points: string;
  reason?: string;
  date?: string;
}

/** 报酬: pay = base + PERFPAY(total, amount, full, pass) + reward + collective (SPEC §3.1). */
export interface Pay {
  /** Default 0. */
  base?: Param;
  amount: Param;
  /** Default 100. */
  full?: Param;
  /** Default 0. */
  pass?: Param;
  /** 集体经济奖金 per unit: a number or a column (a JSON text is a column; normal form `{column}`); blank cell = 0. */
  collective?: Param;
}

export interface Scheme {
  name: string;
  data: { sheet: string; headerRow: number; name: string; group?: string };
  indicators: Indicator[];
  vetoes?: string[];
  /** exclude (default): a vetoed unit keeps its total but is out of the competition; zero: its total becomes 0. */
  vetoMode?: "exclude" | "zero";
  bonus?: { columns: string[]; cap?: number | null };
  deduction?: { columns: string[]; cap?: number | null };
  coefficient?: string;
  /** Decimals of the total (default 2). */
  precision?: number;
  ranking?: { dense?: boolean };
  leaderboard?: { top?: number; bottom?: number };
  /** (minimum score, grade), any order. */
  grades?: [number, string][];
  /** (award, quota, minimum score), best award first. */
  awards?: [string, number, number][];
  rewards?: {
    /** (rank bound, amount) as in KH.RANKBONUS. */
    byRank?: [number, number][];
    byThreshold?: { column: string; tiers: [number, number][] };
    /** Previous rank in `column`; tiers on (previous rank − rank). */
    byImprovement?: { column: string; tiers: [number, number][] };
  };
  fines?: { column: string; amount: number }[];
  /**
   * 分阶段调度. `done`: the column of the cumulative count done, or one column per stage (第1次, 第2次…: stage k
   * reads the k-th), as a dispatch table keeps one column per bulletin.
   */
  progress?: { done: string | string[]; task: string; stages?: number[] };
  /** Other sheets named by `"sheet!column"` references, where their tables are (by sheet name). */
  sheets?: Record<string, OtherSheetSpec>;
  ledger?: Ledger;
  /** 单项末位: indicator names; the lowest unit(s) of a group on any of them get no award and no reward. */
  disqualifyLast?: string[];
  pay?: Pay;
  /** The .docx bulletin's wording (SPEC §4): 发文单位, 主送, 结束语; blank ones take core/bulletin-defaults. */
  bulletin?: { office?: string; salutation?: string; closing?: string };
}
