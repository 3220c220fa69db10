/**
 * The 得分 sheet (SPEC §4): one row per unit — 单位, 分组, one column per indicator, 加分, 扣分, 系数, 总分, 否决, 名次,
 * 等次 — as live formulas over the data sheet and the 考核方案 sheet (see score-formulas.ts), each carrying the value
 * the core computed, so the sheet reads right before any recalculation and a test can check formula = core.
 *
 * API
 * - `scoresSheets(input)` → `{ scores, readings, pay }`: the 得分 SheetModel (kind "scores"), with formulas the 读数
 *   sheet its formulas read the data through (readings-sheet.ts; kind "readings", very hidden), and with a scheme's
 *   `pay` the 报酬 sheet (kind "pay"). All must be written; `input.workbook` gives the other sheets (多表汇总, 台账).
 * - `scoresSheet(input)` → the 得分 model alone (values mode, or when the caller writes 读数 itself).
 * - `scoresColumns(scheme)` → the column of each part (0-based), and `SCORES_FIRST_ROW` (1-based row of the first unit).
 *
 * What is live and what is fixed at generation: numbers on 考核方案 (分值, 目标值, caps, 小数位数, the grade and
 * 等次系数 tables…) and every data cell are read by the formulas; the structure (which columns, methods, groups, veto
 * mode, 中国式排名) is fixed, so changing it means generating again. 单位 is a formula over the data cell when the
 * cell reads exactly as the core reads it, else a value; 分组 is 读数's reading of the group cell. 否决 holds 是/否.
 *
 * Scheme version 2 (SPEC §3.1), all through 读数 (sheet-sources.ts, indicator-readings.ts): other sheets' columns by
 * one MATCH per unit and sheet; per-unit parameters as the unit's reading (#N/A when blank, as the core refuses);
 * `per` and `periodic` in a 计分值 helper; vote weights, 平时权重 and 报酬's numbers from their 考核方案 tables; the
 * 加减分台账 by SUMIFS into 加分/扣分 before the caps; a 单项末位 column after 等次 (the listed indicators on which
 * the unit is lowest of its group); and, with `pay`, the 报酬 sheet (pay-sheet.ts) on the same rows. kh mode uses
 * native formulas for these (KH.BLEND and KH.VOTESCORE would read the same cells; one engine fewer to trust).
 */
import { Scheme } from "../scheme/types";
import { METHOD_NAMES } from "../scheme/labels";
import { SchemeSheetLayout } from "../scheme/scheme-sheet";
import { DataTable } from "../data-table";
import { ScoreResult } from "../scoring/types";
import { CellValue, ModelCell, RangeFormat, SheetModel, columnIndex, columnLetter, sheetRef } from "../sheet-model";
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
  firstOfKeyFormula,
  KEY_SEPARATOR,
  rankSide,
  totalKeyFormula,
  gradeFormula,
  sortedGradeFormulas,
  indicatorFormula,
  literalGradeFormula,
  liftedRankFormula,
  rankFormula,
  totalFormula,
  vetoFormula,
} from "./score-formulas";
import { READINGS_SHEET, ReadingCells, Readings } from "./readings-sheet";
import { SheetSources } from "./sheet-sources";
import { indicatorReadings } from "./indicator-readings";
import { textLiteral } from "./formula-text";
import { WorkbookData } from "../scoring/other-sheets";
import { PayKey } from "../scoring/pay";
import { Pay, isColumnParam } from "../scheme/types";
import { numberLiteral } from "./formula-text";
import { PAY_SHEET, paySheet } from "./pay-sheet";
import { DATA_ROW, FilledCell, RowTemplate, SHEET_ROW } from "./row-template";
import { lazyModel } from "../sheet-rows";

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
  disqualified: "单项末位",
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
  /** 单项末位 (only when the scheme has disqualifyLast; else -1). */
  disqualified: number;
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
    disqualified: scheme.disqualifyLast?.length ? after + 7 : -1,
    width: after + (scheme.disqualifyLast?.length ? 8 : 7),
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
  /** The name 读数 will be written under (another when a clerk's sheet has the name); 得分 is SCORES_SHEET or `name`. */
  readingsSheet?: string;
  /** The name 报酬 will be written under (default PAY_SHEET). */
  paySheet?: string;
  /** native (default), kh, or values (no formulas). */
  formulas?: FormulaMode | "values";
  /** The other sheets the scheme reads (多表汇总, the 加减分台账), as scoring read them. */
  workbook?: WorkbookData;
  name?: string;
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

  /** The row's cells (relative), or with `whole` each column's absolute range over the unit rows. */
  rowCells(row: number | string = SHEET_ROW, whole = false): RowCells {
    const a = whole ? (c: number) => this.range(c) : (c: number) => `${columnLetter(c)}${row}`;
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

/** The 得分 sheet alone (see scoresSheets). */
export function scoresSheet(input: ScoresSheetInput): SheetModel {
  return scoresSheets(input).scores;
}

interface Parts {
  hasGroups: boolean;
  hasVetoes: boolean;
  exclude: boolean;
  precision: number;
}

function partsOf(input: ScoresSheetInput): Parts {
  const { scheme, table } = input;
  return {
    hasGroups: scheme.data.group !== undefined && table.groupColumn !== undefined,
    hasVetoes: (scheme.vetoes ?? []).length > 0,
    exclude: (scheme.vetoMode ?? "exclude") === "exclude",
    precision: scheme.precision ?? 2,
  };
}

/** Each column's formula, as a template over the unit's rows. */
interface Templates {
  name?: RowTemplate;
  group?: RowTemplate;
  indicators: RowTemplate[];
  bonus?: RowTemplate;
  deduction?: RowTemplate;
  coefficient?: RowTemplate;
  total: RowTemplate;
  veto?: RowTemplate;
  rank: RowTemplate;
  grade?: RowTemplate;
  disqualified?: (group: string) => RowTemplate;
  /** kh mode: 名次 of the whole column as one lifted KH.RANKIN (spilled where the host has dynamic arrays). */
  rankSpill?: string;
  /** Each 报酬 part's operand (when the scheme has pay). */
  payPart?: (key: PayKey) => string;
}

function templatesOf(b: Builder, readings: Readings, parts: Parts): Templates {
  const { scheme, table, result, layout } = b.input;
  const mode = b.mode as FormulaMode;
  // First: it lays out 读数's blocks (other sheets' name keys, the ledger), which everything below must follow.
  const src = new SheetSources(readings, scheme, table, result, b.input.workbook);
  const t = (text: string | undefined) => (text === undefined ? undefined : new RowTemplate(text));
  const num = (ref: string) => src.reading(ref, "number");
  const groupReading = parts.hasGroups ? readings.read(table.groupColumn as number, "text") : undefined;
  const groups = [...new Set(table.units.map((u) => u.group))];
  const rc = b.rowCells();
  const ranges = rankRanges(b, readings, parts, rc, result.units);
  const indicatorCells = scheme.indicators.map((ind) => layout.indicators.find((c) => c.name === ind.name));
  const capRef = (key: "bonusCap" | "deductionCap") => (layout.settings[key] ? b.refs.cell(layout.settings[key] as string) : undefined);
  const precisionRef = layout.settings.precision
    ? `IF(${b.refs.cell(layout.settings.precision)}="",2,${b.refs.cell(layout.settings.precision)})`
    : String(parts.precision);
  const vetoes = (scheme.vetoes ?? []).map((v) => src.locate(v));
  const vetoCols = vetoes.map((v) => v.column);
  const sortedVetoes = [...vetoCols].sort((x, y) => x - y);
  const onData = vetoes.every((v) => v.sheet === undefined);
  const contiguous = onData && vetoCols.length > 1 && sortedVetoes.every((c, i) => i === 0 || c === sortedVetoes[i - 1] + 1);
  const vetoRange = contiguous
    ? `${b.data}${columnLetter(sortedVetoes[0])}${DATA_ROW}:${columnLetter(sortedVetoes[sortedVetoes.length - 1])}${DATA_ROW}`
    : vetoCols.length === 1 && onData
      ? b.dataCell(vetoCols[0])
      : undefined;
  const grades = scheme.grades ?? [];
  const gradeRanges = b.gradeRanges();
  if (gradeRanges && (mode === "native" || !gradeRanges.table))
    gradeRanges.sorted = readings.sortedGrades((k) => sortedGradeFormulas(gradeRanges, k), grades);
  const lastForVetoed = parts.exclude && parts.hasVetoes;
  const ledger = src.ledger();
  const bonus = [...(scheme.bonus?.columns ?? []).map((c) => num(c).value), ...(ledger ? [ledger.add] : [])];
  const deduction = [...(scheme.deduction?.columns ?? []).map((c) => num(c).value), ...(ledger ? [ledger.deduct] : [])];
  const perIndicator = scheme.indicators.map((ind, k) =>
    indicatorReadings(ind, src, readings, ind.periodic ? b.refs.param(ind, indicatorCells[k], "periodicWeight") : undefined)
  );
  return {
    name: t(`=${b.dataCell(table.nameColumn)}`),
    group: groupReading ? t(`=${groupReading.text}`) : undefined,
    indicators: scheme.indicators.map((ind, k) => {
      const { reading, votes, own, numbers } = perIndicator[k];
      // 标杆法: the group's best looked up by the unit's 分组, so the column is one formula (one R1C1 for the hosts).
      const bests =
        ind.method === "benchmark" ? readings.groupBest(ind.column, reading.valueColumn, numbers, groups, groupReading) : undefined;
      const ranges = bests && readings.groupRanges(bests);
      const best = ranges && (groups.length === 1 ? ranges.values : `INDEX(${ranges.values},MATCH(${rc.group},${ranges.labels},0))`);
      return new RowTemplate(indicatorFormula(mode, ind, indicatorCells[k], b.refs, reading, best, votes, own));
    }),
    bonus: t(bonus.length ? bonusFormula(bonus, capRef("bonusCap"), scheme.bonus?.cap) : undefined),
    deduction: t(deduction.length ? deductionFormula(deduction, capRef("deductionCap"), scheme.deduction?.cap) : undefined),
    coefficient: t(scheme.coefficient ? coefficientFormula(num(scheme.coefficient)) : undefined),
    total: new RowTemplate(totalFormula(mode, rc, precisionRef, parts.hasVetoes && !parts.exclude)),
    veto: t(
      parts.hasVetoes
        ? vetoFormula(
            mode,
            (scheme.vetoes ?? []).map((v) => src.reading(v, "flag").value),
            (scheme.vetoes ?? []).map((v) => src.raw(v).source),
            vetoRange
          )
        : undefined
    ),
    rank: new RowTemplate(rankFormula(mode, rc, ranges, !!scheme.ranking?.dense)),
    rankSpill: mode === "kh" ? liftedRankFormula(b.rowCells(SHEET_ROW, true), ranges, !!scheme.ranking?.dense) : undefined,
    grade: t(
      grades.length
        ? gradeRanges
          ? gradeFormula(mode, rc, gradeRanges, lastForVetoed)
          : literalGradeFormula(rc, grades, lastForVetoed)
        : undefined
    ),
    disqualified: lastPlaceTemplates(b, readings, groups, groupReading),
    payPart: scheme.pay ? payParts(scheme.pay, src, b.refs) : undefined,
  };
}

const PAY_DEFAULTS: Readonly<Record<PayKey, number>> = { base: 0, amount: 0, full: 100, pass: 0, collective: 0 };

/**
 * A 报酬 part as a formula operand: its cell in 十四、报酬 (blank: the default), the scheme's number when the sheet
 * has no such row, or the unit's reading for a `{column}` part (集体经济: blank is 0).
 */
function payParts(pay: Pay, src: SheetSources, refs: SchemeRefs): (key: PayKey) => string {
  return (key) => {
    const p = pay[key];
    if (isColumnParam(p)) return key === "collective" ? src.reading(p.column, "number").value : src.required(p.column);
    const at = refs.layout.pay?.[key];
    if (at) return key === "amount" ? refs.cell(at) : `IF(${refs.cell(at)}="",${PAY_DEFAULTS[key]},${refs.cell(at)})`;
    return numberLiteral(typeof p === "number" ? p : PAY_DEFAULTS[key]);
  };
}

/**
 * 单项末位 (SPEC §3.1): the names of the listed indicators on which the unit's score is the lowest of its group
 * (ties included, every unit counting), joined by “、”; compared rounded to 9 decimals, as the core's tieKey.
 */
function lastPlaceTemplates(
  b: Builder,
  readings: Readings,
  groups: readonly string[],
  groupReading: ReadingCells | undefined
): ((group: string) => RowTemplate) | undefined {
  const { scheme, result } = b.input;
  const names = scheme.disqualifyLast ?? [];
  if (!names.length) return undefined;
  const scores = `${sheetRef(b.input.name ?? SCORES_SHEET)}!`;
  const lowest = names.map((name) => {
    const k = scheme.indicators.findIndex((i) => i.name === name);
    const col = b.cols.indicators[k];
    const numbers = result.units.map((u) => u.scores[name]);
    return { name, col, byGroup: readings.groupLowest(name, `${scores}${b.range(col)}`, numbers, groups, groupReading) };
  });
  const byGroup = new Map<string, RowTemplate>();
  return (group: string) => {
    let tpl = byGroup.get(group);
    if (!tpl) {
      const parts = lowest.map(
        (l) => `IF(ROUND(${columnLetter(l.col)}${SHEET_ROW},9)<=${l.byGroup.get(group)},${textLiteral(`、${l.name}`)},"")`
      );
      byGroup.set(group, (tpl = new RowTemplate(`=MID(${parts.join("&")},2,99)`)));
    }
    return tpl;
  };
}

/** The ranges 名次 counts over, with 读数's helper columns for 中国式排名 and for kh mode's group keys. */
function rankRanges(b: Builder, readings: Readings, parts: Parts, rc: RowCells, units: ScoreResult["units"]): ColumnRanges {
  const cols = b.cols;
  const excluding = parts.exclude && parts.hasVetoes;
  const ranges: ColumnRanges = {
    total: b.range(cols.total),
    group: parts.hasGroups ? b.range(cols.group) : undefined,
    veto: excluding ? b.range(cols.veto) : undefined,
  };
  const scores = `${sheetRef(b.input.name ?? SCORES_SHEET)}!`;
  const keyOf = (u: ScoreResult["units"][number]) => `${u.group}|${excluding && u.vetoed ? VETO_YES : VETO_NO}`;
  // With groups and exclusion, one 分组|否决 key column: one COUNTIFS criterion instead of two (and kh mode's plain
  // range for KH.RANKIN's groups).
  if (parts.hasGroups && excluding) {
    const at = (c: string) => `${scores}${c}`;
    const key = readings.helper(
      `分组${KEY_SEPARATOR}否决`,
      `=${at(rc.group)}&"${KEY_SEPARATOR}"&${at(rc.veto)}`,
      units.map((u) => `${u.group}${KEY_SEPARATOR}${u.vetoed ? VETO_YES : VETO_NO}`)
    );
    ranges.key = key;
  }
  if (b.input.scheme.ranking?.dense) {
    const native = b.mode !== "kh";
    const sideOf = (u: ScoreResult["units"][number]): CellValue => {
      const veto = u.vetoed ? VETO_YES : VETO_NO;
      if (parts.hasGroups) return excluding ? `${u.group}${KEY_SEPARATOR}${veto}` : `${u.group}${KEY_SEPARATOR}`;
      return excluding ? veto : 1;
    };
    const seen = new Set<string>();
    const firsts = units.map((u) => {
      const k = `${keyOf(u)}|${u.total}`;
      const first = !seen.has(k);
      seen.add(k);
      return native ? (first ? sideOf(u) : "") : first ? 1 : 0;
    });
    const keys = units.map((u) =>
      [...(parts.hasGroups ? [u.group] : []), ...(excluding ? [u.vetoed ? VETO_YES : VETO_NO] : [])].join(KEY_SEPARATOR)
    );
    const key = readings.helper(
      "中国式排名键",
      totalKeyFormula(b.rowCells(), ranges, scores),
      units.map((u, i) => [keys[i], String(u.total)].filter((x) => x !== "").join(KEY_SEPARATOR))
    );
    const mark = native ? rankSide(b.rowCells(), ranges, (c) => `${scores}${c}`) : undefined;
    ranges.first = readings.helper("中国式排名首现", firstOfKeyFormula(key.cell, key.range, SCORES_FIRST_ROW, mark), firsts).range;
  }
  return ranges;
}

export function scoresSheets(input: ScoresSheetInput): { scores: SheetModel; readings?: SheetModel; pay?: SheetModel } {
  const b = new Builder(input);
  const { scheme, table, result } = input;
  const cols = b.cols;
  const parts = partsOf(input);
  // A merged cell (类别 over its group's rows) is read from the merge's first cell, as the core reads it.
  const readings = new Readings(
    input.readingsSheet ?? READINGS_SHEET,
    table,
    SCORES_FIRST_ROW,
    (u, col) => table.sourceRow(u, col),
    input.name ?? SCORES_SHEET
  );
  const tp = b.mode === "values" ? undefined : templatesOf(b, readings, parts);

  const headers: string[] = [SCORES_HEADERS.name, SCORES_HEADERS.group, ...scheme.indicators.map((i) => i.name)];
  headers.push(SCORES_HEADERS.bonus, SCORES_HEADERS.deduction, SCORES_HEADERS.coefficient, SCORES_HEADERS.total);
  headers.push(SCORES_HEADERS.veto, SCORES_HEADERS.rank, SCORES_HEADERS.grade);
  if (cols.disqualified >= 0) headers.push(SCORES_HEADERS.disqualified);
  const head: ModelCell[][] = [[val(`${scheme.name}　得分`)], headers.map(val)];
  // A unit's values by column: its row's cached values, and the numbers checked before anything is written.
  const unitValues = (i: number): CellValue[] => {
    const u = table.units[i];
    const r = result.units[i];
    const values: CellValue[] = new Array(cols.width);
    values[cols.name] = u.name;
    values[cols.group] = u.group;
    scheme.indicators.forEach((ind, k) => (values[cols.indicators[k]] = r.scores[ind.name]));
    values[cols.bonus] = r.bonus;
    values[cols.deduction] = r.deduction;
    values[cols.coefficient] = r.coefficient;
    values[cols.total] = r.total;
    values[cols.veto] = r.vetoed ? VETO_YES : VETO_NO;
    values[cols.rank] = r.rank;
    values[cols.grade] = r.grade;
    if (cols.disqualified >= 0) values[cols.disqualified] = r.disqualified.join("、");
    return values;
  };
  // A unit's row, made when a host asks for it (sheet-rows): the model keeps no cell per unit.
  const unitRow = (i: number): ModelCell[] => {
    const u = table.units[i];
    const row = SCORES_FIRST_ROW + i;
    const values = unitValues(i);
    const cells: ModelCell[] = new Array(cols.width);
    const f = (c: number, tpl: RowTemplate | undefined, when = true) =>
      (cells[c] = tpl && when ? new FilledCell(values[c], tpl, u.row, row) : { value: values[c] });
    const nameCell = table.value(u, table.nameColumn);
    f(cols.name, tp?.name, typeof nameCell === "string" && nameCell === u.name);
    f(cols.group, tp?.group);
    scheme.indicators.forEach((_, k) => f(cols.indicators[k], tp?.indicators[k]));
    f(cols.bonus, tp?.bonus);
    f(cols.deduction, tp?.deduction);
    f(cols.coefficient, tp?.coefficient);
    f(cols.total, tp?.total);
    f(cols.veto, tp?.veto);
    f(cols.rank, tp?.rank);
    if (i === 0 && tp?.rankSpill) cells[cols.rank].spill = { formula: tp.rankSpill, rows: table.units.length };
    f(cols.grade, tp?.grade);
    if (cols.disqualified >= 0) f(cols.disqualified, tp?.disqualified?.(u.group));
    return cells;
  };
  const numbers = (visit: (value: number, i: number, column: number) => void) => {
    for (let i = 0; i < table.units.length; i++) unitValues(i).forEach((v, c) => typeof v === "number" && visit(v, i, c));
  };

  const fields: Omit<SheetModel, "cells"> = {
    name: input.name ?? SCORES_SHEET,
    kind: "scores",
    columnWidths: columnWidths(headers, table, cols),
    formats: formats(cols, table.units.length, parts.precision),
    conditionalFormats:
      table.units.length && parts.hasVetoes
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
  const scores = lazyModel(fields, { head, count: table.units.length, row: unitRow, numbers });
  const pay = scheme.pay
    ? paySheet({
        scheme,
        result,
        scores: { sheet: scores.name, name: cols.name, group: cols.group, total: cols.total, veto: cols.veto },
        firstRow: SCORES_FIRST_ROW,
        part: tp?.payPart ?? (() => "0"),
        excludeVetoed: parts.exclude && parts.hasVetoes,
        formulas: !!tp,
        name: input.paySheet ?? PAY_SHEET,
      })
    : undefined;
  return { scores, readings: tp ? readings.sheet(table.units.map((u) => u.name)) : undefined, pay };
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
