/**
 * The formulas of the 得分 sheet, as text. Each reads the unit's data through the 读数 sheet (readings-sheet.ts:
 * every clerk's cell read as the core reads it) and the scheme's values on the 考核方案 sheet ('考核方案'!$E$9), so a
 * changed input or weight recalculates at once.
 *
 * Two modes:
 * - native: built-in functions only, and only those Excel 2010, WPS and LibreOffice all have without array entry
 *   (IF, MIN, MAX, ROUND, SUM, ABS, COUNTIFS, SUMPRODUCT, VLOOKUP, INDEX, MATCH, ISNUMBER, ROUNDUP; for scheme
 *   version 2 also IFERROR, ISBLANK, EXACT, SUMIFS, COUNT, AVERAGE, MID, NA, CHAR — all in Excel 2007+; no LET, LAMBDA,
 *   XLOOKUP, FILTER, MAXIFS, AGGREGATE — those need an `_xlfn.` prefix and are missing from Excel 2010 or WPS — and
 *   no dynamic arrays).
 * - kh: KH.TARGETSCORE, KH.LIMITSCORE, KH.EFFICACY, KH.VETO, KH.ADJUST, KH.RANKIN, KH.TIER where one fits; the rest
 *   as native.
 *
 * Conventions the formulas rely on (the sheet builder keeps them):
 * - the 否决 column holds “是” or “否” (never blank: COUNTIFS cannot count an empty criterion the same way in every
 *   program);
 * - totals are ROUNDed, so equal totals are equal numbers and compare exactly, also through COUNTIFS's ">"&total;
 * - no literal in E notation (1E-9) and no TRUE/FALSE constants inside arithmetic;
 * - every formula stays within 300 characters and a nesting depth of 8 (test/core/sheets/formula-shape.test.ts).
 * Ranks cost O(n) per unit (COUNTIFS), so a full recalculation is O(n²) with a small constant; 中国式排名 counts a
 * helper column on 读数 that marks the first unit of each (分组, 否决, 总分).
 */
import { Indicator } from "../scheme/types";
import { IndicatorCells, SchemeSheetLayout, TableCells } from "../scheme/scheme-sheet";
import { columnIndex, sheetRef } from "../sheet-model";
import { DEFAULT_GRADE_FACTORS } from "../scoring-methods";
import { absolute, numberLiteral, textLiteral } from "./formula-text";
import { ReadingCells } from "./readings-sheet";

export { absolute, numberLiteral, textLiteral };

export type FormulaMode = "native" | "kh";

/** The parameters a unit may have its own of (a `{column}` in the scheme). */
export type OwnParam = "target" | "limit" | "good" | "bad";

/** Where the scheme's values are: the 考核方案 sheet's name as written and its layout. */
export class SchemeRefs {
  readonly prefix: string;
  constructor(
    readonly layout: SchemeSheetLayout,
    sheet: string = layout.sheet
  ) {
    this.prefix = `${sheetRef(sheet)}!`;
  }

  cell(a1: string): string {
    return `${this.prefix}${absolute(a1)}`;
  }

  /**
   * An indicator's parameter: its cell, read as `IF(cell="",default,cell)` when the method has a default; the
   * scheme's own value when the clerk removed the column; undefined when there is neither.
   */
  param(ind: Indicator, cells: IndicatorCells | undefined, field: keyof Indicator, fallback?: number): string | undefined {
    const a = cells?.cells[field as keyof IndicatorCells["cells"]];
    if (a) {
      const c = this.cell(a);
      return fallback === undefined ? c : `IF(${c}="",${numberLiteral(fallback)},${c})`;
    }
    const v = ind[field];
    if (typeof v === "number") return numberLiteral(v);
    return fallback === undefined ? undefined : numberLiteral(fallback);
  }

  /** The raw cell (blank passes through as blank), for KH.* optional arguments. */
  rawParam(ind: Indicator, cells: IndicatorCells | undefined, field: keyof Indicator): string | undefined {
    const a = cells?.cells[field as keyof IndicatorCells["cells"]];
    if (a) return this.cell(a);
    const v = ind[field];
    return typeof v === "number" ? numberLiteral(v) : undefined;
  }

  /**
   * An indicator's rows of the 等次系数 table as a (等次, 系数) range for VLOOKUP, when they stand together with
   * the factor right of the grade; else undefined (the formula then uses the scheme's own factors).
   */
  gradeFactorRange(indicator: string): string | undefined {
    const t = this.layout.gradeFactors;
    const rows = t?.byIndicator[indicator];
    if (!t || !rows || rows.length === 0) return undefined;
    const g = t.columns.grade;
    const f = t.columns.factor;
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    if (last - first + 1 !== rows.length || !g || !f || columnIndex(f) !== columnIndex(g) + 1) return undefined;
    return `${this.prefix}$${g}$${first}:$${f}$${last}`;
  }

  /** A vote indicator's j-th weight: its cell in the 民主评议 table, else the scheme's number. */
  voteWeight(ind: Indicator, j: number): string {
    const t = this.layout.votes;
    const row = t?.byIndicator[ind.name]?.[j];
    if (t && row && t.columns.weight) return `${this.prefix}$${t.columns.weight}$${row}`;
    return numberLiteral((ind.weights ?? [])[j] ?? 0);
  }

  /** A column of a small table, as an absolute range over its rows (first to last entry). */
  tableColumn(t: TableCells | undefined, field: string): string | undefined {
    if (!t || t.rows.length === 0 || !t.columns[field]) return undefined;
    const col = t.columns[field];
    const first = Math.min(...t.rows);
    const last = Math.max(...t.rows);
    return `${this.prefix}$${col}$${first}:$${col}$${last}`;
  }
}

/**
 * 定性等次: the grade's factor, looked up in the indicator's rows of the 等次系数 table on 考核方案 (VLOOKUP is
 * case-insensitive, as the core's grade match is); the default factors as an array constant when the scheme keeps
 * the defaults. A grade not in the table gives #N/A, loud, as the core refuses it.
 */
function gradeFactorFormula(refs: SchemeRefs, ind: Indicator, t: string): string {
  const range = refs.gradeFactorRange(ind.name);
  if (range) return `VLOOKUP(${t},${range},2,FALSE)`;
  const grades = Object.entries(ind.grades ?? DEFAULT_GRADE_FACTORS);
  return `VLOOKUP(${t},{${grades.map(([g, f]) => `${textLiteral(g)},${numberLiteral(f)}`).join(";")}},2,FALSE)`;
}

/**
 * How an indicator's value becomes points (SPEC §3 step 1), for the unit's reading `r` on 读数 (r.text is blank for
 * a blank cell, r.value the number).
 */
export function indicatorFormula(
  mode: FormulaMode,
  ind: Indicator,
  cells: IndicatorCells | undefined,
  refs: SchemeRefs,
  r: ReadingCells,
  /** 标杆法: the best value of the unit's group, a cell on 读数. */
  best?: string,
  /** 民主评议: the readings of the vote columns, in the scheme's order. */
  votes: readonly ReadingCells[] = [],
  /** Per-unit parameters (SPEC §3.1): the unit's own target, limit, good or bad, cells on 读数. */
  own: Partial<Record<OwnParam, string>> = {}
): string {
  const p = refs.param(ind, cells, "points") as string;
  const param = (key: OwnParam) => own[key] ?? (refs.param(ind, cells, key) as string);
  const v = r.value;
  const blankIsZero = (body: string) => `=IF(${r.text}="",0,${body})`;
  switch (ind.method) {
    case "points":
      return blankIsZero(`MIN(MAX(${v},0),${p})`);
    case "target": {
      const t = param("target");
      if (mode === "kh") {
        const cap = refs.rawParam(ind, cells, "cap");
        return blankIsZero(`KH.TARGETSCORE(${v},${t},${p}${cap ? `,${cap}` : ""})`);
      }
      const cap = refs.param(ind, cells, "cap", 1) as string;
      return blankIsZero(`${p}*MIN(MAX(${v}/${t},0),${cap})`);
    }
    case "limit":
      return blankIsZero(limitBody(mode, ind, cells, refs, v, p, param("limit")));
    case "efficacy": {
      const good = param("good");
      const bad = param("bad");
      if (mode === "kh") {
        const base = refs.rawParam(ind, cells, "base");
        return blankIsZero(`KH.EFFICACY(${v},${bad},${good},${p}${base ? `,${base}` : ""})`);
      }
      const base = refs.param(ind, cells, "base", 0.6) as string;
      return blankIsZero(`${p}*MIN(MAX(${base}+(1-${base})*(${v}-${bad})/(${good}-${bad}),0),1)`);
    }
    case "grade":
      return blankIsZero(`${p}*${gradeFactorFormula(refs, ind, r.text)}`);
    case "benchmark": {
      const b = best as string;
      return blankIsZero(`IF(${b}<=0,0,MAX(0,${p}*${v}/${b}))`);
    }
    case "rank": {
      const step = refs.param(ind, cells, "step", 1) as string;
      return blankIsZero(`MAX(0,${p}-(${v}-1)*${step})`);
    }
    case "vote": {
      // VOTESCORE: points × Σ votes·weight / Σ votes; no votes at all scores 0 (the core reports it as missing).
      const counts = votes.map((r) => r.value);
      const sum = `SUM(${counts.join(",")})`;
      const weighted = counts.map((c, i) => `${c}*${refs.voteWeight(ind, i)}`).join("+");
      return `=IF(${sum}=0,0,${p}*(${weighted})/${sum})`;
    }
  }
}

/** 逆向指标: full points up to the limit; above it steps of deductions, or points × limit/value without steps. */
function limitBody(
  mode: FormulaMode,
  ind: Indicator,
  cells: IndicatorCells | undefined,
  refs: SchemeRefs,
  v: string,
  p: string,
  l: string
): string {
  const step = refs.rawParam(ind, cells, "step");
  const deduct = refs.rawParam(ind, cells, "deduct");
  if (mode === "kh") return `KH.LIMITSCORE(${v},${l},${p}${step && deduct ? `,${step},${deduct}` : ""})`;
  const ratio = `IF(${l}=0,0,${p}*${l}/${v})`;
  // Steps begun above the limit, rounded up; the 1e-9 keeps an exact step from counting twice (as KH.LIMITSCORE).
  // ROUNDUP, not CEILING or −INT(−x): those differ between Excel, LibreOffice and other engines for negatives.
  const steps = step && deduct ? `MAX(0,${p}-MAX(0,ROUNDUP((${v}-${l})/${step}-0.000000001,0))*${deduct})` : undefined;
  // A step cell the clerk may clear: blank means no step (the ratio form).
  const above = steps ? (step?.startsWith(refs.prefix) ? `IF(${step}="",${ratio},${steps})` : steps) : ratio;
  return `IF(${v}<=${l},${p},${above})`;
}

/**
 * 否决: “是” when any veto flag is true, else “否”. Native: the flag cells of 读数; kh: KH.VETO over the data cells
 * (one range when the veto columns stand together), which reads flags as the core does.
 */
export function vetoFormula(mode: FormulaMode, flags: string[], dataCells: string[], dataRange?: string): string {
  if (mode === "kh") {
    const inner = dataRange ? `KH.VETO(1,${dataRange})` : dataCells.reduce((acc, r) => `KH.VETO(${acc},${r})`, "1");
    return `=IF(${inner}=0,"是","否")`;
  }
  return `=IF(${flags.length === 1 ? flags[0] : `OR(${flags.join(",")})`},"是","否")`;
}

/**
 * 加分: the sum of the bonus readings (numbers, 0 for a blank), capped by the cap cell when it holds a number
 * (“不设上限” or blank: no cap).
 */
export function bonusFormula(cells: string[], cap: string | undefined, literalCap: number | null | undefined): string {
  return capped(cells.join("+"), cap, literalCap);
}

/** 扣分: Σ|deduction cells|, capped likewise. */
export function deductionFormula(cells: string[], cap: string | undefined, literalCap: number | null | undefined): string {
  return capped(cells.map((c) => `ABS(${c})`).join("+"), cap, literalCap);
}

function capped(sum: string, cap: string | undefined, literalCap: number | null | undefined): string {
  if (cap) return `=IF(ISNUMBER(${cap}),MIN(${sum},${cap}),${sum})`;
  if (typeof literalCap === "number") return `=MIN(${sum},${numberLiteral(literalCap)})`;
  return `=${sum}`;
}

/** 系数: the coefficient reading, 1 when the cell is blank. */
export function coefficientFormula(r: ReadingCells): string {
  return `=IF(${r.text}="",1,${r.value})`;
}

export interface RowCells {
  /** This row's cells on the 得分 sheet, relative (C3). */
  firstScore: string;
  lastScore: string;
  bonus: string;
  deduction: string;
  coefficient: string;
  total: string;
  veto: string;
  group: string;
}

/** 总分 = ROUND((Σ indicator scores + 加分 − 扣分) × 系数, 小数位数); 0 for a vetoed unit in 记零分 mode. */
export function totalFormula(mode: FormulaMode, c: RowCells, precision: string, zeroVetoed: boolean): string {
  const base = `SUM(${c.firstScore}:${c.lastScore})`;
  const adjusted = mode === "kh" ? `KH.ADJUST(${base},${c.bonus},${c.deduction})` : `(${base}+${c.bonus}-${c.deduction})`;
  const rounded = `ROUND(${adjusted}*${c.coefficient},${precision})`;
  if (!zeroVetoed) return `=${rounded}`;
  return mode === "kh" ? `=KH.VETO(${rounded},${c.veto})` : `=IF(${c.veto}="是",0,${rounded})`;
}

/** Absolute ranges of the columns the ranks count, over the unit rows. */
export interface ColumnRanges {
  group?: string;
  veto?: string;
  total: string;
  /**
   * 中国式排名: 读数's column marking the first unit of each (分组, 否决, 总分) — native: with the unit's side
   * (rankSide), "" for the others, so one COUNTIFS criterion counts a side's distinct totals; kh mode: 1, else 0.
   */
  first?: string;
  /** With groups and exclusion: 读数's column of 分组/否决 keys, the unit's cell and the range. */
  key?: { cell: string; range: string };
}

/**
 * Joins the parts of 读数's ranking keys. Not "|": HyperFormula (the playground's engine) reads it as a regular
 * expression's alternation inside COUNTIFS criteria even with regular expressions off, and counts nothing.
 */
export const KEY_SEPARATOR = "/";
const COMPETING = "否";

/**
 * What names the side a unit is ranked in (its group, and in 排除 mode its side of the veto), as a value never "":
 * the 分组/否决 key, else 分组 with the separator (a blank group is still a side), else 否决, else 1. `at` prefixes
 * a 得分 cell with its sheet where the formula is on 读数.
 */
export function rankSide(c: RowCells, r: ColumnRanges, at: (cell: string) => string = (x) => x): string {
  if (r.key) return r.key.cell;
  if (r.group) return `${at(c.group)}&"${KEY_SEPARATOR}"`;
  if (r.veto) return at(c.veto);
  return "1";
}

/** The side of the units a vetoed unit ranks after in 排除 mode: the competing (否) side of its group. */
function competingSide(c: RowCells, r: ColumnRanges): string {
  return r.group ? `${c.group}&"${KEY_SEPARATOR}${COMPETING}"` : `"${COMPETING}"`;
}

/** The COUNTIFS criteria pairs that keep a count within the unit's group (and, excluding, its side of the veto). */
function sameGroup(c: RowCells, r: ColumnRanges, veto: string | undefined = c.veto): string[] {
  const pairs: string[] = [];
  if (r.group) pairs.push(r.group, c.group);
  if (r.veto && veto) pairs.push(r.veto, veto);
  return pairs;
}

/**
 * 名次 within the unit's group, highest total first; in 排除 mode a vetoed unit comes after every competing unit of
 * its group (the ranks continue below them), ranked among the vetoed ones. Competition ranking: 1 + the units of
 * its side strictly above; 中国式排名: 1 + the distinct totals above (the first unit of each total counted).
 */
export function rankFormula(mode: FormulaMode, c: RowCells, r: ColumnRanges, dense: boolean): string {
  if (mode === "kh") return khRankFormula(c, r, dense);
  if (dense && r.first) {
    // 读数's first-occurrence column holds the side: one criterion instead of the side's and a 1 (−1.2 s CPU of
    // LibreOffice's 7 s at 5,000 units, bench/libreoffice-recalc).
    const offset = r.veto ? `+IF(${c.veto}="是",COUNTIFS(${r.first},${competingSide(c, r)}),0)` : "";
    return `=1+COUNTIFS(${r.first},${rankSide(c, r)},${r.total},">"&${c.total})${offset}`;
  }
  const offset = r.veto ? `+IF(${c.veto}="是",COUNTIFS(${sameGroup(c, r, '"否"').join(",")}),0)` : "";
  const side = r.key ? [r.key.range, r.key.cell] : sameGroup(c, r);
  return `=1+COUNTIFS(${[...side, r.total, `">"&${c.total}`].join(",")})${offset}`;
}

/** kh mode's 名次: KH.RANKIN over the side's key, and the competing count of the vetoed as native COUNTIFS. */
function khRankFormula(c: RowCells, r: ColumnRanges, dense: boolean): string {
  const distinct = dense && r.first ? [r.first, "1"] : [];
  // Competing units (distinct totals, for 中国式) of the group: what a vetoed unit's rank continues from.
  const offset = r.veto ? `+IF(${c.veto}="是",COUNTIFS(${[...sameGroup(c, r, '"否"'), ...distinct].join(",")}),0)` : "";
  const key = r.key ?? (r.group ? { cell: c.group, range: r.group } : r.veto ? { cell: c.veto, range: r.veto } : undefined);
  const args = key ? `,0,${dense ? "TRUE" : "FALSE"},${key.cell},${key.range}` : dense ? ",0,TRUE" : "";
  return `=KH.RANKIN(${c.total},${r.total}${args})${offset}`;
}

/**
 * kh mode's 名次 for the whole column at once: rankFormula with every cell of the row replaced by its column's range
 * (`whole`), so KH.RANKIN gets the column of totals (and keys) and answers a column of ranks (functions/lifting) — one
 * call per recalculation where the host spills it, instead of one per unit each marshalling the whole column. The
 * 排除 offset becomes IF over the 否决 column with COUNTIFS's criteria as ranges, which a dynamic-array host answers
 * per entry.
 */
export function liftedRankFormula(whole: RowCells, r: ColumnRanges, dense: boolean): string {
  return rankFormula("kh", whole, { ...r, key: r.key && { cell: r.key.range, range: r.key.range } }, dense);
}

/** 中国式排名's key on 读数: 分组/否决/总分 of the unit (the parts the ranking compares), as text. */
export function totalKeyFormula(c: RowCells, r: ColumnRanges, scoresPrefix: string): string {
  const parts = [r.group ? c.group : undefined, r.veto ? c.veto : undefined, c.total].filter((x): x is string => !!x);
  return `=${parts.map((p) => `${scoresPrefix}${p}`).join(`&"/"&`)}`;
}

/**
 * 中国式排名's helper on 读数: for the first unit (top to bottom) of its key, `mark` (the unit's side in native
 * mode, 1 in kh mode), else "" (native) or 0 (kh). MATCH over the whole key column, which LibreOffice and Excel
 * answer from a lookup cache, where an expanding COUNTIFS($B$3:B3,…) range would cost n²/2 comparisons uncached
 * (measured: 中国式 5,000 units went from several times to about the cost of the competition ranks).
 */
export function firstOfKeyFormula(key: string, keys: string, firstRow: number, mark?: string): string {
  return `=IF(MATCH(${key},${keys},0)=ROW()-${firstRow - 1},${mark ?? "1"},${mark ? '""' : "0"})`;
}

/** Where the grade table is: its thresholds and grades as absolute ranges. */
export interface GradeRanges {
  thresholds: string;
  grades: string;
  /** The whole table (two columns, thresholds first) for KH.TIER, when the two are side by side. */
  table?: string;
  /** 读数's copy of the table in ascending order of 最低分 (live, by SMALL): its columns and first cells. */
  sorted?: { thresholds: string; grades: string; lowestThreshold: string; lowestGrade: string };
}

/**
 * 等次: the grade of the greatest threshold ≤ the total, whatever the table's order on 考核方案 (SPEC §3 step 7); a
 * vetoed unit in 排除 mode gets the grade of the lowest threshold. Native: LOOKUP in 读数's ascending copy of the
 * table; kh: KH.TIER over the table itself.
 */
export function gradeFormula(mode: FormulaMode, c: RowCells, g: GradeRanges, lastForVetoed: boolean): string {
  if (mode === "kh" && g.table) {
    const x = lastForVetoed ? `IF(${c.veto}="是",MIN(${g.thresholds}),${c.total})` : c.total;
    return `=KH.TIER(${x},${g.table},"")`;
  }
  const s = g.sorted as NonNullable<GradeRanges["sorted"]>;
  const byTotal = `IF(${c.total}<${s.lowestThreshold},"",LOOKUP(${c.total},${s.thresholds},${s.grades}))`;
  return lastForVetoed ? `=IF(${c.veto}="是",${s.lowestGrade},${byTotal})` : `=${byTotal}`;
}

/** 读数's ascending copy of the grade table: the k-th smallest 最低分 and its 等次. */
export function sortedGradeFormulas(g: GradeRanges, k: number): { threshold: string; grade: string } {
  return {
    threshold: `=SMALL(${g.thresholds},${k})`,
    grade: `=INDEX(${g.grades},MATCH(SMALL(${g.thresholds},${k}),${g.thresholds},0))`,
  };
}

/**
 * 等次 from the scheme's own grades when the 考核方案 sheet has no grade table: LOOKUP over the thresholds in
 * ascending order (the greatest threshold ≤ the total, as TIER), "" below the lowest.
 */
export function literalGradeFormula(c: RowCells, grades: readonly [number, string][], lastForVetoed: boolean): string {
  const sorted = [...grades].sort((a, b) => a[0] - b[0]);
  if (sorted.length === 0) return '=""';
  const lowest = textLiteral(sorted[0][1]);
  const lookup = `LOOKUP(${c.total},{${sorted.map((g) => numberLiteral(g[0])).join(",")}},{${sorted.map((g) => textLiteral(g[1])).join(",")}})`;
  const body = `IF(${c.total}<${numberLiteral(sorted[0][0])},"",${lookup})`;
  return lastForVetoed ? `=IF(${c.veto}="是",${lowest},${body})` : `=${body}`;
}
