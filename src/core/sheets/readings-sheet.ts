/**
 * The 读数 sheet: every data cell the 得分 formulas use, read the way the core reads it (reading-formulas.ts), one
 * row per unit on the same rows as 得分, plus the helper columns the ranking needs and the best value of each group
 * for 标杆法. It is generated and marked like 得分 (refreshed with it, never the clerk's), and very hidden: it holds
 * nothing a clerk edits, and 得分's formulas name its cells, so an auditor can still follow them.
 *
 * API
 * - `new Readings(sheet, table, firstRow)`; `read(column, kind)` → the unit's text and value cells (relative, with
 *   the SHEET_ROW placeholder, prefixed with the sheet); `helper(header, formula, values)` → a helper column;
 *   `groupBest(column)` → per-group best cells of a data column; `sheet()` → the SheetModel.
 * Columns are laid out in the order they are asked for, from B (A is the unit's name). `read` also takes a RawSource
 * (another sheet's value through a helper cell); `block(header, cells)` is a column of another length (the name keys
 * of another sheet's rows, the ledger's points: sheet-sources.ts), made before the per-group block below the units;
 * `groupLowest` gives each group's lowest score (单项末位). `columnSpill(k)` is a column as one formula over the unit
 * rows, which the sheet's first unit row carries as its spill (hosts with dynamic arrays write it once).
 */
import { DataTable, DataUnit } from "../data-table";
import { CellValue, ModelCell, SheetModel, columnIndex, columnLetter, sheetRef } from "../sheet-model";
import type { GradeRanges } from "./score-formulas";
import { Cell, cleanText, readFlag, readNumber, textKey } from "../values";
import { tieKey } from "../round";
import { COLOURS, fitWidth, val } from "./common";
import { flagReading, numberReading, numberTextReading, textReading } from "./reading-formulas";
import { DATA_ROW, FilledCell, RowTemplate, SHEET_ROW } from "./row-template";
import { lazyModel } from "../sheet-rows";

export const READINGS_SHEET = "读数";
/** number: 党建 → 18.5; flag: 计生否决 → TRUE/FALSE; text: 类别, 民调等级 → cleaned text. */
export type ReadingKind = "number" | "flag" | "text";

interface Column {
  header: string;
  /** The data column a reading's text cell reads (its row may be a merged cell's first row). */
  dataColumn?: number;
  template: RowTemplate;
  /** A block (the name keys of another sheet's rows): its cells from the first unit row down, not one per unit. */
  cells?: ModelCell[];
  /**
   * The cached value of a unit's cell (by its index among the units): worked out from the raw value when asked,
   * for a reading — kept, a reading's two columns of 5,000 units were 4 MB held to the end of kh score.
   */
  value: (unit: number) => CellValue;
  width: number;
}

/** A reading's cells on the 读数 sheet, as formula references for a unit's row (SHEET_ROW placeholder). */
export interface ReadingCells {
  /** The cleaned text (a number cell stays a number in number and flag readings). */
  text: string;
  /** The value: the number (0 for a blank), the flag; for a text reading, the text cell again. */
  value: string;
  /** 0-based columns of the two cells on 读数. */
  textColumn: number;
  valueColumn: number;
}

/**
 * Where a reading's raw cell is: a data column, or any cell per unit (another sheet's value through 读数's INDEX
 * helper). `source` is a formula reference with DATA_ROW or SHEET_ROW; `raw` each unit's value, as the core reads it.
 */
export interface RawSource {
  key: string;
  header: string;
  source: string;
  raw: readonly Cell[];
  dataColumn?: number;
}

const KIND_WORDS: Record<ReadingKind, string> = { number: "数值", flag: "是否", text: "文本" };

/** What the text cell of a reading caches: the cell as its formula shows it. */
function textValue(v: Cell, kind: ReadingKind): CellValue {
  if (kind !== "text" && typeof v === "number") return v;
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const text = typeof v === "number" ? textKey(v) : cleanText(v);
  return kind === "text" ? text : text.replace(/ /g, "");
}

function readingValue(v: Cell, kind: ReadingKind): CellValue {
  if (kind === "flag") return readFlag(v) ?? false;
  const n = readNumber(v);
  return typeof n === "number" ? n : 0;
}

export class Readings {
  readonly prefix: string;
  private readonly columns: Column[] = [];
  private readonly byKey = new Map<string, ReadingCells>();
  private readonly best: { header: string; values: CellValue[]; formulas: string[] }[] = [];
  /** Rows the longest block reaches below the first unit row. */
  private blockRows = 0;
  private readonly dataPrefix: string;
  readonly last: number;

  constructor(
    readonly name: string,
    private readonly table: DataTable,
    readonly firstRow: number,
    /** The row a unit's value in a column is read from (a merged group cell's first row). */
    private readonly rowOf: (u: DataUnit, column: number) => number = (u) => u.row,
    /** The 得分 sheet whose column A names the units on the same rows. */
    readonly scoresName?: string
  ) {
    this.prefix = `${sheetRef(name)}!`;
    this.dataPrefix = `${sheetRef(table.sheet)}!`;
    this.last = firstRow + table.units.length - 1;
  }

  private column(header: string, formula: string, value: (unit: number) => CellValue, width = 10, dataColumn?: number): number {
    this.columns.push({ header, template: new RowTemplate(formula), value, width, dataColumn });
    return this.columns.length; // column A is the unit's name
  }

  private cell(col: number, row: string = SHEET_ROW): string {
    return `${this.prefix}${columnLetter(col)}${row}`;
  }

  /** An absolute range of a 读数 column over the unit rows. */
  range(col: number, withSheet = true): string {
    const l = columnLetter(col);
    return `${withSheet ? this.prefix : ""}$${l}$${this.firstRow}:$${l}$${this.last}`;
  }

  private readonly sources = new Map<number, RawSource>();

  /**
   * A data column as a raw source, made once (a column is asked for once per use: at 5,000 units × 40 indicators,
   * 88 times for 46 columns, each a pass over every unit).
   */
  dataSource(column: number): RawSource {
    let src = this.sources.get(column);
    if (!src) {
      src = {
        key: String(column),
        header: this.table.headers[column] || columnLetter(column),
        source: `${this.dataPrefix}${columnLetter(column)}${DATA_ROW}`,
        raw: this.table.units.map((u) => this.table.value(u, column)),
        dataColumn: column,
      };
      this.sources.set(column, src);
    }
    return src;
  }

  /** The cells that read a data column (or another raw source) as `kind` (made once per source and kind). */
  read(column: number | RawSource, kind: ReadingKind): ReadingCells {
    const src = typeof column === "number" ? this.dataSource(column) : column;
    const key = `${kind}:${src.key}`;
    const known = this.byKey.get(key);
    if (known) return known;
    const { header, raw, source } = src;
    const t = this.column(
      `${header}（原文）`,
      kind === "text" ? textReading(source) : numberTextReading(source),
      (i) => textValue(raw[i], kind),
      12,
      src.dataColumn
    );
    let v = t;
    if (kind !== "text") {
      const tRef = `${columnLetter(t)}${SHEET_ROW}`;
      v = this.column(`${header}（${KIND_WORDS[kind]}）`, kind === "flag" ? flagReading(tRef) : numberReading(source, tRef), (i) =>
        readingValue(raw[i], kind)
      );
    }
    const cells: ReadingCells = { text: this.cell(t), value: this.cell(v), textColumn: t, valueColumn: v };
    this.byKey.set(key, cells);
    return cells;
  }

  private readonly made = new Map<string, string>();

  /** A cell made once per key (a helper several formulas share). */
  once(key: string, make: () => string): string {
    let cell = this.made.get(key);
    if (cell === undefined) this.made.set(key, (cell = make()));
    return cell;
  }

  /** A helper column: its formula (a template over SHEET_ROW) and each unit's cached value. */
  helper(header: string, formula: string, values: CellValue[]): { cell: string; range: string; column: number } {
    const col = this.column(header, formula, (i) => values[i]);
    return { cell: this.cell(col), range: this.range(col), column: col };
  }

  /**
   * A block column: `cells` from the first unit row down, however many (another sheet's rows, not the units).
   * Blocks must be made before groupBest and sortedGrades, whose block below starts after the longest one.
   * Returns its absolute range with the sheet.
   */
  block(header: string, cells: ModelCell[]): { range: string; column: number } {
    this.columns.push({ header, template: new RowTemplate(""), value: () => null, width: 10, cells });
    this.blockRows = Math.max(this.blockRows, cells.length);
    const column = this.columns.length;
    const l = columnLetter(column);
    return { range: `${this.prefix}$${l}$${this.firstRow}:$${l}$${this.firstRow + Math.max(cells.length, 1) - 1}`, column };
  }

  /** The column a block made next will take (its cells may reference the previous block's, on the same row). */
  get nextColumn(): number {
    return this.columns.length + 1;
  }

  /**
   * The best value of each group in a data column, for 标杆法: one cell per group in a block below the unit rows
   * (column D the group, then one column per benchmark indicator). MAX over the group's readings — a blank reads 0
   * there, which changes nothing, as a best ≤ 0 scores 0 either way — computed once per group, not once per unit.
   * Returns the block's group labels and this indicator's bests as absolute ranges (with the sheet), for an
   * INDEX/MATCH by the unit's group that is the same formula in every row of 得分.
   */
  groupBest(
    header: string,
    valueColumn: number,
    numbers: readonly number[],
    groups: readonly string[],
    groupText?: ReadingCells
  ): Map<string, string> {
    const values = groups.map((g) => {
      const members = this.table.units.map((u, i) => (u.group === g ? numbers[i] : 0));
      return members.length ? Math.max(...members) : 0;
    });
    const range = (col: number) => this.range(col, false);
    const formulas = groups.map((_, k) =>
      groupText
        ? `=SUMPRODUCT(MAX((${range(groupText.textColumn)}=$${BEST_LABEL}$${this.bestRow + k})*${range(valueColumn)}))`
        : `=MAX(${range(valueColumn)})`
    );
    return this.perGroup(`${header}（组内最高）`, values, formulas, groups);
  }

  /**
   * The lowest value of each group in a column of another sheet (得分's scores, for 单项末位), rounded to 9
   * decimals as the core compares ties: MIN over the group's cells, the others lifted out of the way by 10⁹.
   * `range` is that column over the unit rows (absolute, with its sheet).
   */
  groupLowest(
    header: string,
    range: string,
    numbers: readonly number[],
    groups: readonly string[],
    groupText?: ReadingCells
  ): Map<string, string> {
    const values = groups.map((g) => tieKey(Math.min(...numbers.filter((_, i) => this.table.units[i].group === g))));
    const formulas = groups.map((_, k) => {
      if (!groupText) return `=ROUND(MIN(${range}),9)`;
      const same = `(${this.range(groupText.textColumn, false)}=$${BEST_LABEL}$${this.bestRow + k})`;
      return `=ROUND(SUMPRODUCT(MIN(${same}*${range}+(1-${same})*1000000000)),9)`;
    });
    return this.perGroup(`${header}（组内最低）`, values, formulas, groups);
  }

  private perGroup(header: string, values: CellValue[], formulas: string[], groups: readonly string[]): Map<string, string> {
    const index = this.best.length;
    this.best.push({ header, values, formulas });
    this.bestGroups = groups;
    const out = new Map<string, string>();
    groups.forEach((g, k) => out.set(g, `${this.prefix}$${columnLetter(columnIndex(BEST_LABEL) + 1 + index)}$${this.bestRow + k}`));
    return out;
  }

  /**
   * A per-group block's cells (groupBest's, groupLowest's) as its labels and values ranges, for an INDEX/MATCH by the
   * unit's 分组 that is the same formula in every row of 得分 (one R1C1 formula a column for the hosts).
   */
  groupRanges(cells: ReadonlyMap<string, string>): { labels: string; values: string } {
    const list = [...cells.values()];
    const col = (/\$([A-Z]+)\$\d+$/.exec(list[0]) as RegExpExecArray)[1];
    const last = this.bestRow + list.length - 1;
    return {
      labels: `${this.prefix}$${BEST_LABEL}$${this.bestRow}:$${BEST_LABEL}$${last}`,
      values: list.length === 1 ? list[0] : `${this.prefix}$${col}$${this.bestRow}:$${col}$${last}`,
    };
  }

  /**
   * The grade table in ascending order of 最低分, live (SMALL over the 考核方案 table), in columns A–B of the block
   * below the units, for the 等次 formula's LOOKUP. `grades` are the scheme's, for the cached values.
   */
  sortedGrades(formulas: (k: number) => { threshold: string; grade: string }, grades: readonly [number, string][]): GradeRanges["sorted"] {
    const sorted = [...grades].sort((a, b) => a[0] - b[0]);
    this.grades = sorted.map((g, i) => ({ ...formulas(i + 1), values: g }));
    const first = this.bestRow;
    const last = first + sorted.length - 1;
    return {
      thresholds: `${this.prefix}$A$${first}:$A$${last}`,
      grades: `${this.prefix}$B$${first}:$B$${last}`,
      lowestThreshold: `${this.prefix}$A$${first}`,
      lowestGrade: `${this.prefix}$B$${first}`,
    };
  }

  private grades: { threshold: string; grade: string; values: [number, string] }[] = [];

  private bestGroups: readonly string[] = [];

  /** First row of the block below the units (sorted grades, per-group best): after a blank row and its header. */
  get bestRow(): number {
    return Math.max(this.last, this.firstRow + this.blockRows - 1) + 3;
  }

  /** Rows of the body (units, or the longest block). */
  get bodyRows(): number {
    return Math.max(this.table.units.length, this.blockRows);
  }

  sheet(names: readonly string[]): SheetModel {
    return readingsModel(this, names);
  }

  /** For readingsModel. */
  parts(): { columns: readonly Column[]; best: Readings["best"]; groups: readonly string[]; grades: Readings["grades"] } {
    return { columns: this.columns, best: this.best, groups: this.bestGroups, grades: this.grades };
  }

  /**
   * Column `col` (0-based among the columns) as one spilled formula over the unit rows, or undefined where it must
   * stay a formula per row: a block, fewer than two units, data rows that do not follow each other (a skipped total
   * row, a merged 类别 read from its first row), a function outside LIFTED_FUNCTIONS, or over 300 characters lifted
   * (a long data sheet name written three times).
   */
  columnSpill(col: number): ModelCell["spill"] | undefined {
    const c = this.columns[col];
    const units = this.table.units;
    if (c.cells || units.length < 2) return undefined;
    const first = c.dataColumn === undefined ? units[0].row : this.rowOf(units[0], c.dataColumn);
    const formula = c.template.lift(this.follow(c.dataColumn) ? [first, first + units.length - 1] : undefined, [this.firstRow, this.last]);
    return formula && formula.length <= MAX_SPILL_LENGTH && liftable(formula) ? { formula, rows: units.length } : undefined;
  }

  private readonly following = new Map<number | undefined, boolean>();

  /**
   * Whether the units' rows a data column is read from follow each other (no total row skipped, no merged 类别 read
   * from its first row); the units' own rows for undefined. Once per data column, not per 读数 column (89 at 5,000
   * units × 40 indicators, each a pass over every unit).
   */
  private follow(dataColumn: number | undefined): boolean {
    let follows = this.following.get(dataColumn);
    if (follows === undefined) {
      const units = this.table.units;
      const rowOf = (u: DataUnit) => (dataColumn === undefined ? u.row : this.rowOf(u, dataColumn));
      const first = rowOf(units[0]);
      follows = units.every((u, i) => rowOf(u) === first + i);
      this.following.set(dataColumn, follows);
    }
    return follows;
  }

  /** The cell of column `col` for unit `unit`: its template filled in for the unit's rows. */
  unitCell(col: number, unit: number, value: CellValue): FilledCell {
    const u = this.table.units[unit];
    const c = this.columns[col];
    const dataRow = c.dataColumn === undefined ? u.row : this.rowOf(u, c.dataColumn);
    return new FilledCell(value, c.template, dataRow, this.firstRow + unit);
  }
}

/** Formulas a clerk can read stay within 300 characters (formula-shape.test.ts): a longer lift stays per cell. */
const MAX_SPILL_LENGTH = 300;

/**
 * The functions that every engine answers element by element when given whole columns instead of cells, so that a
 * 读数 column can be one spilled formula: Excel's dynamic arrays and its array formulas before them (Excel 2010
 * reads the spill as `{=…}`), LibreOffice's matrix formulas, and HyperFormula's vectorisation. LibreOffice loads
 * and recalculates one formula a column far faster than one a cell (measured: at 1,000 units × 40 indicators, 28%
 * fewer instructions for the whole recalculation, callgrind). Not ROW() (a dynamic array's anchor has one row),
 * not INDEX (Excel 2010's array formulas take one row of it), and no aggregate (OR, SUM, COUNTIFS…).
 */
const LIFTED_FUNCTIONS = new Set(["IF", "ISNUMBER", "ASC", "SUBSTITUTE", "TRIM", "VALUE", "MATCH"]);

/**
 * Whether a formula calls functions, all of them in LIFTED_FUNCTIONS (string literals aside). A bare reference is
 * not lifted: HyperFormula spills no range that is not computed (`=A1:A9` is #VALUE! there), and a reference per
 * cell costs LibreOffice little.
 */
function liftable(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const calls = [...code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1].toUpperCase());
  return calls.length > 0 && calls.every((f) => LIFTED_FUNCTIONS.has(f));
}

/** The block below the units: the sorted grade table in A–B, each group's best from BEST_LABEL on. */
const BEST_LABEL = "D";

function readingsModel(r: Readings, names: readonly string[]): SheetModel {
  const { columns, best, groups, grades } = r.parts();
  const head: ModelCell[][] = [
    [val("读数：考核助手从数据表读出的值，供“得分”表的公式引用（自动生成，请勿修改；重新生成龙虎榜时刷新）")],
    [val("单位"), ...columns.map((c) => val(c.header))],
  ];
  // 单位 repeats 得分's column A by formula: one formula for the column, not every name again in the request.
  const name = r.scoresName ? new RowTemplate(`=${sheetRef(r.scoresName)}!A${SHEET_ROW}`) : undefined;
  const nameOf = (i: number): ModelCell => (name ? new FilledCell(names[i], name, r.firstRow + i, r.firstRow + i) : val(names[i]));
  const blank = val(null);
  // Each column that can be one spilled formula carries it on its first unit's cell; every row keeps its own.
  const spills = columns.map((_, k) => r.columnSpill(k));
  // A body row, made when a host asks for it (sheet-rows): the model keeps no cell per unit.
  const bodyRow = (i: number): ModelCell[] => {
    const unit = i < names.length;
    // A loop into one array: made for every row twice as a sheet is written (a spread of a map was two arrays).
    const row: ModelCell[] = new Array(columns.length + 1);
    row[0] = unit ? nameOf(i) : blank;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k];
      row[k + 1] = c.cells ? (c.cells[i] ?? blank) : unit ? r.unitCell(k, i, c.value(i)) : blank;
    }
    if (i === 0 && unit) spills.forEach((s, k) => s && ((row[k + 1] as FilledCell).spill = s));
    return row;
  };
  const formats = [{ range: `A2:${columnLetter(Math.max(columns.length, 1))}2`, bold: true, fill: COLOURS.header }];
  const below: ModelCell[][] = [];
  const put = (row: number, col: number, cell: ModelCell) => ((below[row] ??= [])[col] = cell);
  if (grades.length) {
    put(0, 0, val("最低分（升序）"));
    put(0, 1, val("等次"));
    grades.forEach((g, i) => {
      put(1 + i, 0, { value: g.values[0], formula: g.threshold });
      put(1 + i, 1, { value: g.values[1], formula: g.grade });
    });
  }
  if (best.length) {
    const label = columnIndex(BEST_LABEL);
    put(0, label, val("分组"));
    best.forEach((b, k) => put(0, label + 1 + k, val(b.header)));
    groups.forEach((g, i) => {
      put(1 + i, label, val(g));
      best.forEach((b, k) => put(1 + i, label + 1 + k, { value: b.values[i], formula: b.formulas[i] }));
    });
  }
  const tail: ModelCell[][] = [];
  if (below.length) {
    tail.push([], ...Array.from(below, (row) => Array.from(row ?? [], (c) => c ?? val(null))));
    formats.push({
      range: `A${r.bestRow - 1}:${columnLetter(columnIndex(BEST_LABEL) + best.length)}${r.bestRow - 1}`,
      bold: true,
      fill: COLOURS.header,
    });
  }
  const fields: Omit<SheetModel, "cells"> = {
    name: r.name,
    kind: "readings",
    hidden: true,
    columnWidths: [fitWidth(["单位", ...names], 8, 24), ...columns.map((c) => fitWidth([c.header], c.width, 24))],
    formats,
  };
  // The body's numbers, column by column, from where bodyRow takes them (the names in column A are texts).
  const numbers = (visit: (value: number, i: number, column: number) => void) =>
    columns.forEach((c, k) => {
      const at = (v: CellValue | undefined, i: number) => typeof v === "number" && visit(v, i, k + 1);
      if (c.cells) c.cells.forEach((cell, i) => i < r.bodyRows && at(cell?.value, i));
      else for (let i = 0; i < names.length && i < r.bodyRows; i++) at(c.value(i), i);
    });
  return lazyModel(fields, { head, count: r.bodyRows, row: bodyRow, tail, numbers });
}
