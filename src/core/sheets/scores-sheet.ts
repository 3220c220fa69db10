/**
 * The 得分 sheet (SPEC §4): one row per unit — 单位, 分组, one column per indicator, 加分, 扣分, 系数, 总分, 否决, 名次,
 * 等次 — as live formulas over the data sheet and the 考核方案 sheet (see score-formulas.ts), each carrying the value
 * the core computed, so the sheet reads right before any recalculation and a test can check formula = core.
 *
 * API
 * - `scoresSheet(input)` → SheetModel (kind "scores", named 得分).
 * - `scoresColumns(scheme)` → the column of each part (0-based), and `SCORES_FIRST_ROW` (1-based row of the first unit).
 *
 * What is live and what is fixed at generation: numbers on 考核方案 (分值, 目标值, caps, 小数位数, the grade table…)
 * and every data cell are read by the formulas; the structure (which columns, methods, groups, veto mode, 中国式排名)
 * is fixed, so changing it means generating again. 单位 and 分组 are formulas over the data cells when the cell
 * reads exactly as the core reads it, else values. The 否决 column holds 是/否.
 */
import { Scheme } from "../scheme/types";
import { METHOD_NAMES } from "../scheme/labels";
import { SchemeSheetLayout } from "../scheme/scheme-sheet";
import { DataTable, DataUnit } from "../data-table";
import { ScoreResult } from "../scoring/types";
import { ModelCell, RangeFormat, SheetModel, columnIndex, columnLetter, sheetRef } from "../sheet-model";
import { COLOURS, decimalsFormat, fitWidth, val } from "./common";
import {
  ColumnRanges,
  FormulaMode,
  GradeRanges,
  RowCells,
  SchemeRefs,
  bonusFormula,
  coefficientFormula,
  deductionFormula,
  gradeFormula,
  indicatorFormula,
  literalGradeFormula,
  rankFormula,
  totalFormula,
  vetoFormula,
} from "./score-formulas";

export const SCORES_SHEET = "得分";
/** 1-based rows: title, header, first unit. */
export const SCORES_HEADER_ROW = 2;
export const SCORES_FIRST_ROW = 3;
export const VETO_YES = "是";
export const VETO_NO = "否";

export const SCORES_HEADERS = {
  name: "单位",
  group: "分组",
  bonus: "加分",
  deduction: "扣分",
  coefficient: "系数",
  total: "总分",
  veto: "否决",
  rank: "名次",
  grade: "等次",
} as const;

export type ScoresPart = keyof typeof SCORES_HEADERS;

export interface ScoresColumns {
  name: number;
  group: number;
  /** One per indicator, in scheme order. */
  indicators: number[];
  bonus: number;
  deduction: number;
  coefficient: number;
  total: number;
  veto: number;
  rank: number;
  grade: number;
  /** Number of columns. */
  width: number;
}

export function scoresColumns(scheme: Scheme): ScoresColumns {
  const k = scheme.indicators.length;
  const indicators = scheme.indicators.map((_, i) => 2 + i);
  const after = 2 + k;
  return {
    name: 0,
    group: 1,
    indicators,
    bonus: after,
    deduction: after + 1,
    coefficient: after + 2,
    total: after + 3,
    veto: after + 4,
    rank: after + 5,
    grade: after + 6,
    width: after + 7,
  };
}

export interface ScoresSheetInput {
  scheme: Scheme;
  table: DataTable;
  result: ScoreResult;
  /** Where the scheme's values are on the 考核方案 sheet. */
  layout: SchemeSheetLayout;
  /** The 考核方案 sheet's name as written, when it differs from layout.sheet (a clerk's sheet took the name). */
  schemeSheet?: string;
  /** native (default), kh, or values (no formulas). */
  formulas?: FormulaMode | "values";
  name?: string;
}

/** Runs of consecutive rows: [5,6,7,9] → [[5,7],[9,9]]. */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}

/** Most separate areas a MAX(…) of a group's cells may list before the formula compares groups instead. */
const MAX_RUNS = 30;

/**
 * Each column's formula is built once, with placeholders for the unit's data row and its row on 得分, and filled in
 * per unit: building 200,000 formulas from scratch would cost seconds and much garbage.
 */
const DATA_ROW = "\u0001";
const SHEET_ROW = "\u0002";

class Template {
  private readonly parts: string[] = [];
  private readonly slots: boolean[] = [];

  constructor(text: string) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== DATA_ROW && ch !== SHEET_ROW) continue;
      this.parts.push(text.slice(start, i));
      this.slots.push(ch === DATA_ROW);
      start = i + 1;
    }
    this.parts.push(text.slice(start));
  }

  fill(dataRow: number, sheetRow: number): string {
    let out = this.parts[0];
    for (let i = 0; i < this.slots.length; i++) out += (this.slots[i] ? dataRow : sheetRow) + this.parts[i + 1];
    return out;
  }
}

class Builder {
  readonly mode: FormulaMode | "values";
  readonly cols: ScoresColumns;
  readonly refs: SchemeRefs;
  readonly data: string;
  readonly last: number;
  private readonly colOf = new Map<string, number>();

  constructor(readonly input: ScoresSheetInput) {
    this.mode = input.formulas ?? "native";
    this.cols = scoresColumns(input.scheme);
    this.refs = new SchemeRefs(input.layout, input.schemeSheet ?? input.layout.sheet);
    this.data = `${sheetRef(input.table.sheet)}!`;
    this.last = SCORES_FIRST_ROW + input.table.units.length - 1;
  }

  column(ref: string): number {
    let c = this.colOf.get(ref);
    if (c === undefined) {
      c = this.input.table.column(ref);
      this.colOf.set(ref, c);
    }
    return c;
  }

  /** A data cell of the unit's row, relative (the row is the DATA_ROW placeholder in a template). */
  dataCell(col: number, row: number | string = DATA_ROW): string {
    return `${this.data}${columnLetter(col)}${row}`;
  }

  /** Absolute range of a 得分 column over the unit rows. */
  range(col: number): string {
    const l = columnLetter(col);
    return `$${l}$${SCORES_FIRST_ROW}:$${l}$${this.last}`;
  }

  rowCells(row: number | string = SHEET_ROW): RowCells {
    const a = (c: number) => `${columnLetter(c)}${row}`;
    const c = this.cols;
    return {
      firstScore: a(c.indicators[0]),
      lastScore: a(c.indicators[c.indicators.length - 1]),
      bonus: a(c.bonus),
      deduction: a(c.deduction),
      coefficient: a(c.coefficient),
      total: a(c.total),
      veto: a(c.veto),
      group: a(c.group),
    };
  }

  /**
   * The best value of a group in a data column (标杆法), as an expression: MAX over the group's rows (as few areas as
   * the rows allow), or, when the groups are interleaved, a comparison of the group cells over the span of unit rows.
   */
  bestOf(col: number, members: DataUnit[]): string {
    const r = runs(members.map((u) => u.row));
    const l = columnLetter(col);
    if (r.length <= MAX_RUNS)
      return `MAX(${r.map(([a, b]) => (a === b ? `${this.data}$${l}$${a}` : `${this.data}$${l}$${a}:$${l}$${b}`)).join(",")})`;
    const rows = this.input.table.units.map((u) => u.row);
    const first = rows.reduce((a, b) => Math.min(a, b));
    const lastRow = rows.reduce((a, b) => Math.max(a, b));
    const g = columnLetter(this.input.table.groupColumn as number);
    return `SUMPRODUCT(MAX((${this.data}$${g}$${first}:$${g}$${lastRow}=${this.dataCell(this.input.table.groupColumn as number)})*${this.data}$${l}$${first}:$${l}$${lastRow}))`;
  }

  gradeRanges(): GradeRanges | undefined {
    const t = this.input.layout.grades;
    const thresholds = this.refs.tableColumn(t, "threshold");
    const grades = this.refs.tableColumn(t, "grade");
    if (!t || !thresholds || !grades) return undefined;
    const tc = t.columns.threshold;
    const gc = t.columns.grade;
    const side = columnIndex(gc) === columnIndex(tc) + 1;
    const first = Math.min(...t.rows);
    const last = Math.max(...t.rows);
    return { thresholds, grades, table: side ? `${this.refs.prefix}$${tc}$${first}:$${gc}$${last}` : undefined };
  }
}

export function scoresSheet(input: ScoresSheetInput): SheetModel {
  const b = new Builder(input);
  const { scheme, table, result } = input;
  const cols = b.cols;
  const mode = b.mode;
  const formulas = mode !== "values";
  const precision = scheme.precision ?? 2;
  const exclude = (scheme.vetoMode ?? "exclude") === "exclude";
  const vetoCols = (scheme.vetoes ?? []).map((v) => b.column(v));
  const hasVetoes = vetoCols.length > 0;
  const hasGroups = scheme.data.group !== undefined && table.groupColumn !== undefined;
  const bonusCols = (scheme.bonus?.columns ?? []).map((c) => b.column(c));
  const deductionCols = (scheme.deduction?.columns ?? []).map((c) => b.column(c));
  const coefCol = scheme.coefficient ? b.column(scheme.coefficient) : undefined;
  const indicatorCols = scheme.indicators.map((ind) => b.column(ind.column));
  const layout = input.layout;
  const indicatorCells = scheme.indicators.map((ind) => layout.indicators.find((c) => c.name === ind.name));
  const precisionRef = layout.settings.precision
    ? `IF(${b.refs.cell(layout.settings.precision)}="",2,${b.refs.cell(layout.settings.precision)})`
    : String(precision);
  const capRef = (key: "bonusCap" | "deductionCap") => (layout.settings[key] ? b.refs.cell(layout.settings[key] as string) : undefined);
  const grades = scheme.grades ?? [];
  const gradeRanges = b.gradeRanges();
  const ranges: ColumnRanges = {
    total: b.range(cols.total),
    group: hasGroups ? b.range(cols.group) : undefined,
    veto: exclude && hasVetoes ? b.range(cols.veto) : undefined,
  };
  const contiguousVetoes = vetoCols.length > 1 && [...vetoCols].sort((x, y) => x - y).every((c, i, a) => i === 0 || c === a[i - 1] + 1);
  const groupsOf = new Map<string, DataUnit[]>();
  for (const u of table.units) {
    const list = groupsOf.get(u.group);
    if (list) list.push(u);
    else groupsOf.set(u.group, [u]);
  }

  const rows: ModelCell[][] = [];
  const headers: string[] = [SCORES_HEADERS.name, SCORES_HEADERS.group, ...scheme.indicators.map((i) => i.name)];
  headers.push(SCORES_HEADERS.bonus, SCORES_HEADERS.deduction, SCORES_HEADERS.coefficient, SCORES_HEADERS.total);
  headers.push(SCORES_HEADERS.veto, SCORES_HEADERS.rank, SCORES_HEADERS.grade);
  rows.push([val(`${scheme.name}　得分`)]);
  rows.push(headers.map(val));

  // Formulas by column, as templates (see Template); benchmark ones per group.
  const rc = b.rowCells();
  const t = (text: string | undefined) => (text === undefined ? undefined : new Template(text));
  const vetoRange = contiguousVetoes
    ? `${b.data}${columnLetter(Math.min(...vetoCols))}${DATA_ROW}:${columnLetter(Math.max(...vetoCols))}${DATA_ROW}`
    : vetoCols.length === 1
      ? b.dataCell(vetoCols[0])
      : undefined;
  const lastForVetoed = exclude && hasVetoes;
  const templates = formulas
    ? {
        name: t(`=${b.dataCell(table.nameColumn)}`),
        group: hasGroups ? t(`=${b.dataCell(table.groupColumn as number)}`) : undefined,
        indicators: scheme.indicators.map((ind, k) => {
          const byGroup = new Map<string, Template>();
          return (group: string) => {
            let tpl = byGroup.get(group);
            if (!tpl) {
              const best = ind.method === "benchmark" ? b.bestOf(indicatorCols[k], groupsOf.get(group) ?? []) : undefined;
              tpl = new Template(indicatorFormula(mode as FormulaMode, ind, indicatorCells[k], b.refs, b.dataCell(indicatorCols[k]), best));
              byGroup.set(group, tpl);
            }
            return tpl;
          };
        }),
        bonus: t(
          bonusCols.length
            ? bonusFormula(
                bonusCols.map((c) => b.dataCell(c)),
                capRef("bonusCap"),
                scheme.bonus?.cap
              )
            : undefined
        ),
        deduction: t(
          deductionCols.length
            ? deductionFormula(
                deductionCols.map((c) => b.dataCell(c)),
                capRef("deductionCap"),
                scheme.deduction?.cap
              )
            : undefined
        ),
        coefficient: t(coefCol !== undefined ? coefficientFormula(b.dataCell(coefCol)) : undefined),
        total: t(totalFormula(mode as FormulaMode, rc, precisionRef, hasVetoes && !exclude)),
        veto: t(
          hasVetoes
            ? vetoFormula(
                mode as FormulaMode,
                vetoCols.map((c) => b.dataCell(c)),
                vetoRange
              )
            : undefined
        ),
        rank: t(rankFormula(mode as FormulaMode, rc, ranges, !!scheme.ranking?.dense)),
        grade: t(
          grades.length
            ? gradeRanges
              ? gradeFormula(mode as FormulaMode, rc, gradeRanges, lastForVetoed)
              : literalGradeFormula(rc, grades, lastForVetoed)
            : undefined
        ),
      }
    : undefined;

  table.units.forEach((u, i) => {
    const r = result.units[i];
    const row = SCORES_FIRST_ROW + i;
    const cells: ModelCell[] = new Array(cols.width);
    const f = (value: ModelCell["value"], tpl: Template | undefined, when = true): ModelCell =>
      tpl && when ? { value, formula: tpl.fill(u.row, row) } : { value };
    const tp = templates;
    const nameCell = table.value(u, table.nameColumn);
    cells[cols.name] = f(u.name, tp?.name, typeof nameCell === "string" && nameCell === u.name);
    const groupCell = table.groupColumn === undefined ? undefined : table.value(u, table.groupColumn);
    cells[cols.group] = f(u.group, tp?.group, typeof groupCell === "string" && groupCell === u.group && u.group !== "");
    scheme.indicators.forEach((ind, k) => {
      cells[cols.indicators[k]] = f(r.scores[ind.name], tp?.indicators[k](u.group));
    });
    cells[cols.bonus] = f(r.bonus, tp?.bonus);
    cells[cols.deduction] = f(r.deduction, tp?.deduction);
    cells[cols.coefficient] = f(r.coefficient, tp?.coefficient);
    cells[cols.total] = f(r.total, tp?.total);
    cells[cols.veto] = f(r.vetoed ? VETO_YES : VETO_NO, tp?.veto);
    cells[cols.rank] = f(r.rank, tp?.rank);
    cells[cols.grade] = f(r.grade, tp?.grade);
    rows.push(cells);
  });

  return {
    name: input.name ?? SCORES_SHEET,
    kind: "scores",
    cells: rows,
    columnWidths: columnWidths(headers, table, cols),
    formats: formats(cols, table.units.length, precision),
    conditionalFormats:
      table.units.length && hasVetoes
        ? [
            {
              range: `A${SCORES_FIRST_ROW}:${columnLetter(cols.width - 1)}${b.last}`,
              formula: `=$${columnLetter(cols.veto)}${SCORES_FIRST_ROW}="${VETO_YES}"`,
              fill: COLOURS.vetoFill,
              fontColour: COLOURS.vetoFont,
            },
          ]
        : [],
    merges: [`A1:${columnLetter(cols.width - 1)}1`],
    freeze: { rows: SCORES_HEADER_ROW, columns: 1 },
    print: { paper: "A4", orientation: "landscape", titleRows: `1:${SCORES_HEADER_ROW}`, fitToWidth: true, footer: "第 &P 页，共 &N 页" },
  };
}

function columnWidths(headers: string[], table: DataTable, cols: ScoresColumns): number[] {
  const widths = headers.map((h) => fitWidth([h], 8, 16));
  widths[cols.name] = fitWidth([SCORES_HEADERS.name, ...table.units.map((u) => u.name)], 10, 30);
  widths[cols.group] = fitWidth([SCORES_HEADERS.group, ...table.units.map((u) => u.group)], 8, 20);
  return widths;
}

function formats(cols: ScoresColumns, units: number, precision: number): RangeFormat[] {
  const lastCol = columnLetter(cols.width - 1);
  const out: RangeFormat[] = [
    { range: `A1:${lastCol}1`, bold: true, fontSize: 14, horizontal: "center", fontColour: COLOURS.title },
    {
      range: `A${SCORES_HEADER_ROW}:${lastCol}${SCORES_HEADER_ROW}`,
      bold: true,
      fill: COLOURS.header,
      border: true,
      horizontal: "center",
      wrap: true,
    },
  ];
  if (units === 0) return out;
  const first = SCORES_FIRST_ROW;
  const last = SCORES_FIRST_ROW + units - 1;
  const span = (a: number, b: number) => `${columnLetter(a)}${first}:${columnLetter(b)}${last}`;
  out.push(
    { range: span(0, cols.width - 1), border: true },
    { range: span(cols.indicators[0], cols.coefficient), numberFormat: "0.00" },
    { range: span(cols.total, cols.total), numberFormat: decimalsFormat(precision), bold: true },
    { range: span(cols.veto, cols.grade), horizontal: "center" },
    { range: span(cols.rank, cols.rank), numberFormat: "0" }
  );
  return out;
}

/** The method of each indicator column in Chinese (for notes and 得分反查). */
export function methodNameOf(scheme: Scheme, indicator: string): string | undefined {
  const ind = scheme.indicators.find((i) => i.name === indicator);
  return ind ? METHOD_NAMES[ind.method] : undefined;
}
