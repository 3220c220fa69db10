/**
 * The formulas of the 得分 sheet, as text. Each reads the clerk's data sheet by the unit's row ('村级考核'!C5) and the
 * scheme's values on the 考核方案 sheet ('考核方案'!$E$9), so a changed input or weight recalculates at once.
 *
 * Two modes:
 * - native: built-in functions only, and only those Excel 2007, WPS and LibreOffice all have without array entry
 *   (IF, MIN, MAX, ROUND, INT, SUMPRODUCT, COUNTIFS, INDEX, MATCH, SUBSTITUTE, FIND, MID…; no LET, LAMBDA, XLOOKUP,
 *   FILTER, MAXIFS, dynamic arrays). Array work is done inside SUMPRODUCT, which every one of them evaluates as an
 *   array without Ctrl+Shift+Enter.
 * - kh: KH.TARGETSCORE, KH.LIMITSCORE, KH.EFFICACY, KH.VETO, KH.ADJUST, KH.RANKIN, KH.TIER where one fits; the rest
 *   as native.
 *
 * Conventions the formulas rely on (the sheet builder keeps them):
 * - the 否决 column holds “是” or “否” (never blank: COUNTIFS cannot count an empty criterion the same way in every
 *   program);
 * - totals are ROUNDed, so equal totals are equal numbers and compare exactly;
 * - no literal in E notation (1E-9) and no TRUE/FALSE constants inside arithmetic.
 * `--x` turns a number typed as text into a number where MIN, MAX or a sum would skip it (a blank becomes 0).
 */
import { Indicator } from "../scheme/types";
import { IndicatorCells, SchemeSheetLayout, TableCells } from "../scheme/scheme-sheet";
import { formatGradeFactors } from "../scheme/sheet-text";
import { sheetRef } from "../sheet-model";
import { DEFAULT_GRADE_FACTORS } from "../scoring-methods";

export type FormulaMode = "native" | "kh";

/** A number as a formula literal: no exponent, negatives in brackets. */
export function numberLiteral(x: number): string {
  let s = String(x);
  if (/e/i.test(s)) s = x.toFixed(20).replace(/\.?0+$/, "");
  return x < 0 ? `(${s})` : s;
}

/** A text as a formula string literal. */
export function textLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** "E9" → "$E$9"; "A35:B38" → "$A$35:$B$38". */
export function absolute(a1: string): string {
  return a1
    .split(":")
    .map((p) => p.replace(/^\$?([A-Z]+)\$?(\d+)$/i, "$$$1$$$2"))
    .join(":");
}

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
 * Separators a clerk may type in 等次系数 (优=1;良=0.8, or with the Chinese IME 优：1，良：0.8、…): each folded to
 * “;” or “=”. Every fold replaces one character by one, so positions in the folded text are positions in the raw one.
 */
const LIST_FOLDS = ["；", "，", ",", "、"];
const PAIR_FOLDS = ["：", ":", "＝"];

function fold(text: string, folds: readonly string[], to: string): string {
  let s = text;
  for (const from of folds) s = `SUBSTITUTE(${s},${textLiteral(from)},${textLiteral(to)})`;
  return s;
}

/**
 * 定性等次: the grade's factor read live from the 等次系数 cell. The grade (“;良=”) is found in the folded text; the
 * factor is cut from the raw text at the same place, up to the next separator. A grade that is not in the cell
 * gives #VALUE! (loud, as the core refuses it). Spaces around “=” are not folded (they would shift positions).
 */
function gradeFactorFormula(cell: string, v: string): string {
  const folded = `";"&${fold(fold(`SUBSTITUTE(${cell},CHAR(10),";")`, LIST_FOLDS, ";"), PAIR_FOLDS, "=")}`;
  const key = `";"&TRIM(${v})&"="`;
  // The factor and what follows it, at most 20 characters, from the raw text.
  const tail = `MID(";"&${cell}&";",FIND(${key},${folded})+LEN(${key}),20)`;
  const end = `FIND(";",${fold(`SUBSTITUTE(${tail},CHAR(10),";")`, LIST_FOLDS, ";")}&";")`;
  return `VALUE(LEFT(${tail},${end}-1))`;
}

/** How an indicator's value becomes points (SPEC §3 step 1), for the data cell `v`. */
export function indicatorFormula(
  mode: FormulaMode,
  ind: Indicator,
  cells: IndicatorCells | undefined,
  refs: SchemeRefs,
  v: string,
  /** 标杆法: the best value of the unit's group, as a formula expression. */
  best?: string
): string {
  const p = refs.param(ind, cells, "points") as string;
  const blankIsZero = (body: string) => `=IF(${v}="",0,${body})`;
  switch (ind.method) {
    case "points":
      return blankIsZero(`MIN(MAX(--${v},0),${p})`);
    case "target": {
      const t = refs.param(ind, cells, "target") as string;
      if (mode === "kh") {
        const cap = refs.rawParam(ind, cells, "cap");
        return blankIsZero(`KH.TARGETSCORE(${v},${t},${p}${cap ? `,${cap}` : ""})`);
      }
      const cap = refs.param(ind, cells, "cap", 1) as string;
      return blankIsZero(`${p}*MIN(MAX(${v}/${t},0),${cap})`);
    }
    case "limit": {
      const l = refs.param(ind, cells, "limit") as string;
      if (mode === "kh") {
        const step = refs.rawParam(ind, cells, "step");
        const deduct = refs.rawParam(ind, cells, "deduct");
        const extra = step && deduct ? `,${step},${deduct}` : "";
        return blankIsZero(`KH.LIMITSCORE(${v},${l},${p}${extra})`);
      }
      const ratio = `IF(${l}=0,0,${p}*${l}/${v})`;
      const step = refs.rawParam(ind, cells, "step");
      const deduct = refs.rawParam(ind, cells, "deduct");
      // Steps begun above the limit, rounded up; the 1e-9 keeps an exact step from counting twice (as KH.LIMITSCORE).
      // ROUNDUP, not CEILING or −INT(−x): those differ between Excel, LibreOffice and other engines for negatives.
      const steps = step && deduct ? `MAX(0,${p}-MAX(0,ROUNDUP((${v}-${l})/${step}-0.000000001,0))*${deduct})` : undefined;
      // A step cell the clerk may clear: blank means no step (the ratio form).
      const above = steps ? (step?.startsWith(refs.prefix) ? `IF(${step}="",${ratio},${steps})` : steps) : ratio;
      return blankIsZero(`IF(${v}<=${l},${p},${above})`);
    }
    case "efficacy": {
      const good = refs.param(ind, cells, "good") as string;
      const bad = refs.param(ind, cells, "bad") as string;
      if (mode === "kh") {
        const base = refs.rawParam(ind, cells, "base");
        return blankIsZero(`KH.EFFICACY(${v},${bad},${good},${p}${base ? `,${base}` : ""})`);
      }
      const base = refs.param(ind, cells, "base", 0.6) as string;
      return blankIsZero(`${p}*MIN(MAX(${base}+(1-${base})*(${v}-${bad})/(${good}-${bad}),0),1)`);
    }
    case "grade": {
      const a = cells?.cells.grades;
      const cell = a ? refs.cell(a) : textLiteral(formatGradeFactors(ind.grades ?? DEFAULT_GRADE_FACTORS));
      return blankIsZero(`${p}*${gradeFactorFormula(cell, v)}`);
    }
    case "benchmark": {
      const b = best as string;
      return blankIsZero(`IF(${b}<=0,0,MAX(0,${p}*${v}/${b}))`);
    }
    case "rank": {
      const step = refs.param(ind, cells, "step", 1) as string;
      return blankIsZero(`MAX(0,${p}-(${v}-1)*${step})`);
    }
  }
}

/** Texts read as a true veto flag (SPEC §2.1), besides a non-zero number. */
const TRUE_FLAG_TEXTS = ["是", "有", "√", "✓", "✔", "Y", "YES", "T", "TRUE", "否决", "1"];

/** Is the cell a true veto flag? (MATCH ignores case, as the flag rules do.) */
export function flagTest(ref: string): string {
  const list = `{${TRUE_FLAG_TEXTS.map(textLiteral).join(",")}}`;
  return `OR(AND(ISNUMBER(${ref}),${ref}<>0),ISNUMBER(MATCH(TRIM(${ref}),${list},0)))`;
}

/** 否决: “是” when any veto cell holds a true flag, else “否”. `refs` are the unit's veto cells (or one range). */
export function vetoFormula(mode: FormulaMode, refs: string[], range?: string): string {
  if (mode === "kh") {
    const inner = range ? `KH.VETO(1,${range})` : refs.reduce((acc, r) => `KH.VETO(${acc},${r})`, "1");
    return `=IF(${inner}=0,"是","否")`;
  }
  const tests = refs.map(flagTest);
  return `=IF(${tests.length === 1 ? tests[0] : `OR(${tests.join(",")})`},"是","否")`;
}

/** 加分: the sum of the bonus cells, capped by the cap cell when it holds a number (“不设上限” or blank: no cap). */
export function bonusFormula(cells: string[], cap: string | undefined, literalCap: number | null | undefined): string {
  const sum = cells.length === 1 ? `--${cells[0]}` : cells.join("+");
  return capped(sum, cap, literalCap);
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

/** 系数: the coefficient cell, 1 when blank. */
export function coefficientFormula(cell: string): string {
  return `=IF(${cell}="",1,${cell})`;
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

/** Absolute ranges of the 得分 sheet's columns over the unit rows. */
export interface ColumnRanges {
  group?: string;
  veto?: string;
  total: string;
}

/**
 * 名次 within the unit's group, highest total first; in 排除 mode a vetoed unit comes after every competing unit of
 * its group (the ranks continue below them), ranked among the vetoed ones. Competition ranking counts the units
 * strictly above; 中国式排名 counts the distinct totals above (each unit weighs 1 / the number sharing its total).
 * `r.group` / `r.veto` are absent when there are no groups / no exclusion.
 */
export function rankFormula(mode: FormulaMode, c: RowCells, r: ColumnRanges, dense: boolean): string {
  const same: string[] = [];
  if (r.group) same.push(`(${r.group}=${c.group})`);
  if (r.veto) same.push(`(${r.veto}=${c.veto})`);
  const countifs = () => {
    const pairs: string[] = [];
    if (r.group) pairs.push(r.group, r.group);
    if (r.veto) pairs.push(r.veto, r.veto);
    pairs.push(r.total, r.total);
    return `COUNTIFS(${pairs.join(",")})`;
  };
  const weight = dense ? `/${countifs()}` : "";
  const count = (conds: string[]) => {
    const body = `SUMPRODUCT(${conds.join("*")}${weight})`;
    return dense ? `ROUND(${body},0)` : body;
  };
  // Competing units of the group: what a vetoed unit's rank continues from.
  const offset = r.veto ? `+IF(${c.veto}="是",${count([...(r.group ? [`(${r.group}=${c.group})`] : []), `(${r.veto}="否")`])},0)` : "";
  if (mode === "kh") {
    let groupArgs = "";
    if (r.group && r.veto) groupArgs = `,${c.group}&${c.veto},${r.group}&${r.veto}`;
    else if (r.group) groupArgs = `,${c.group},${r.group}`;
    else if (r.veto) groupArgs = `,${c.veto},${r.veto}`;
    const denseArgs = dense || groupArgs ? `,0,${dense ? "TRUE" : "FALSE"}` : "";
    return `=KH.RANKIN(${c.total},${r.total}${denseArgs}${groupArgs})${offset}`;
  }
  return `=1+${count([...same, `(${r.total}>${c.total})`])}${offset}`;
}

/** Where the grade table is: its thresholds and grades as absolute ranges. */
export interface GradeRanges {
  thresholds: string;
  grades: string;
  /** The whole table (two columns, thresholds first) for KH.TIER, when the two are side by side. */
  table?: string;
}

/**
 * 等次: the grade of the greatest threshold ≤ the total, whatever the table's order (SPEC §3 step 7); a vetoed unit in
 * 排除 mode gets the grade of the lowest threshold. Native: the greatest qualifying threshold is found with
 * SUMPRODUCT(MAX(…)) (non-qualifying rows count as the lowest threshold − 1, blank rows never qualify) and its grade
 * fetched with INDEX/MATCH.
 */
export function gradeFormula(mode: FormulaMode, c: RowCells, g: GradeRanges, lastForVetoed: boolean): string {
  const t = g.thresholds;
  const lowest = `INDEX(${g.grades},MATCH(MIN(${t}),${t},0))`;
  if (mode === "kh" && g.table) {
    const x = lastForVetoed ? `IF(${c.veto}="是",MIN(${t}),${c.total})` : c.total;
    return `=KH.TIER(${x},${g.table},"")`;
  }
  const q = `(${t}<>"")*(${t}<=${c.total})`;
  const greatest = `SUMPRODUCT(MAX(${q}*${t}+(1-${q})*(MIN(${t})-1)))`;
  const byTotal = `IF(SUMPRODUCT(${q})=0,"",INDEX(${g.grades},MATCH(${greatest},${t},0)))`;
  return lastForVetoed ? `=IF(${c.veto}="是",${lowest},${byTotal})` : `=${byTotal}`;
}

/** 等次 from the scheme's own grades when the 考核方案 sheet has no grade table: nested IFs, best first. */
export function literalGradeFormula(c: RowCells, grades: readonly [number, string][], lastForVetoed: boolean): string {
  const sorted = [...grades].sort((a, b) => b[0] - a[0]);
  let body = '""';
  for (let i = sorted.length - 1; i >= 0; i--) body = `IF(${c.total}>=${numberLiteral(sorted[i][0])},${textLiteral(sorted[i][1])},${body})`;
  const lowest = sorted.length ? textLiteral(sorted[sorted.length - 1][1]) : '""';
  return lastForVetoed ? `=IF(${c.veto}="是",${lowest},${body})` : `=${body}`;
}
