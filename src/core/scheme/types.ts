/**
 * The scheme (考核方案) of SPEC §3: how a data sheet becomes scores. Field names are the JSON ones; the
 * `考核方案` sheet shows the same model under Chinese headers. Columns are named by header text or by letter ("C").
 */

export type Method = "points" | "target" | "limit" | "efficacy" | "grade" | "benchmark" | "rank";

export interface Indicator {
  name: string;
  column: string;
  method: Method;
  points: number;
  /** target: the target value; cap: the most a unit can reach, as a multiple of the points (default 1). */
  target?: number;
  cap?: number;
  /** limit: the limit; step and deduct (both or neither). */
  limit?: number;
  step?: number;
  deduct?: number;
  /** efficacy: good and bad values, base (default 0.6). */
  good?: number;
  bad?: number;
  base?: number;
  /** grade: factor per grade (default 优 1, 良 0.8, 中 0.6, 差 0.4). */
  grades?: Record<string, number>;
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
  /** The .docx bulletin's wording (SPEC §4): 发文单位, 主送, 结束语; blank ones take core/bulletin-defaults. */
  bulletin?: { office?: string; salutation?: string; closing?: string };
}
