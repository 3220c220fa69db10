/**
 * The clerk's data sheet read as a table: one row per assessed unit, one column per header.
 *
 * API
 * - `readDataTable(values, spec, source?)` → `DataTable`; throws `DataError` when the name (or group) column is
 *   missing, the header row is empty, two units share a name (naming both rows), or a unit of a table with groups
 *   has a blank group cell (naming it). `source` adds what the host read besides the values: merged areas,
 *   formulas (a SUBTOTAL row is a totals row) and cell notes (dates, formulas without a cached value).
 * - The header is found as the task pane finds it (table-detect): the rows around `spec.headerRow` that form it
 *   (a two-row header joined top-down, 常规工作/党建); when the name column is not in it, the header that has it.
 *   Units are the rows below it that table-detect calls units (totals, subtotals, averages, footers left out).
 * - `DataTable.findColumn(ref)` / `column(ref)`: a column by header text (trimmed, full-width folded, inner
 *   whitespace ignored, so “招商（万元）” finds 招商(万元)); a joined header by its joined text or its lowest one
 *   (党建); failing that, by letter ("C").
 * - `DataTable.value(unit, column)`: a merged cell's value for every row it covers; `sourceRow(unit, column)` the
 *   1-based row the value is read from (the merge's first row); `address(unit, column)` (e.g. `村级考核!E7`).
 * - `DataTable.cellProblems(columns)`: the cells of those columns that are dates or formulas without a result.
 * Rows and columns: `values` is `SheetData.values` (rows from row 1, columns from A); `DataUnit.row` is the
 * 1-based sheet row, and a column index is 0-based (`columnLetter(index)` gives its letters).
 */
import { address as cellAddress, columnIndex, columnLetter } from "./sheet-model";
import { Cell, readNumber, textKey, toHalfWidth } from "./values";
import { MergeArea, classifyRows, fillMerged, headerBlock, leadingRows, numberColumns, parseMerges } from "./table-detect";

/** What a host noticed about a cell while reading it: a number shown as a date, a formula saved without its result. */
export type CellNote = "date" | "uncached";

/** What the host read besides the values. */
export interface DataSource {
  merges?: readonly string[];
  formulas?: readonly (readonly (string | null)[])[];
  /** Notes by A1 address ("C5"). */
  notes?: Readonly<Record<string, CellNote>>;
}

export interface DataSpec {
  sheet: string;
  /** 1-based row of the headers; units are the rows below it. */
  headerRow: number;
  /** Header of the unit-name column. */
  name: string;
  /** Header of the group (类别) column; all units form one group without it. */
  group?: string;
}

export interface DataUnit {
  name: string;
  /** "" when there is no group column. */
  group: string;
  /** 1-based row on the sheet. */
  row: number;
}

/** A problem with the data sheet, in Chinese, naming the sheet, column or rows. */
export class DataError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("\n"));
    this.name = "DataError";
  }
}

/** Rows whose name says they sum the others. */
export const TOTAL_NAMES: ReadonlySet<string> = new Set(["合计", "总计", "小计"]);
const LETTERS = /^[A-Za-z]{1,3}$/;
/** How far from the scheme's header row a moved header is looked for. */
const HEADER_SEARCH_ROWS = 60;

/** How headers and column references are compared. */
export function headerKey(v: Cell): string {
  return toHalfWidth(textKey(v)).replace(/\s+/g, "").replace(ZERO_WIDTH, "");
}

/** Zero-width characters pasted from web pages (never meant, never visible). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** A cell's text as written, trimmed and without zero-width characters (a number as its shortest decimal form). */
function asWritten(v: Cell): string {
  return typeof v === "string" ? v.replace(ZERO_WIDTH, "").trim() : textKey(v);
}

export type ColumnLookup = { index: number } | { error: string };

/** The columns of the notes' addresses ("C5" → 2); other keys can match no cell's address. */
function notedColumns(notes: Readonly<Record<string, CellNote>>): Set<number> {
  const out = new Set<number>();
  for (const at of Object.keys(notes)) {
    const letters = /^([A-Z]+)\d+$/.exec(at)?.[1];
    if (letters) out.add(columnIndex(letters));
  }
  return out;
}

/** Serial number → 2025-03-05 (the 1900 system, as the message needs no more). */
function serialDate(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** A joined header's key without its separators: 常规工作/党建, 常规工作-党建 and 常规工作党建 are one. */
function unseparated(key: string): string {
  return key.replace(/[/\\|\-—_·.]+/g, "");
}

/** Header texts → columns, by key (`loose`: without separators). */
function keyIndex(texts: readonly string[], loose = false): Map<string, number[]> {
  const out = new Map<string, number[]>();
  texts.forEach((h, i) => {
    const key = loose ? unseparated(headerKey(h)) : headerKey(h);
    if (!key) return;
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  });
  return out;
}

export class DataTable {
  readonly units: DataUnit[] = [];
  /** Header text of each column as written (trimmed; a multi-row header joined top-down, 常规工作/党建), index 0 =
   * column A. Unit names are as written too; groups are compared (and shown) full-width folded, so “１组” and
   * “1组” are one group. */
  readonly headers: string[];
  readonly nameColumn: number;
  readonly groupColumn?: number;
  /** 1-based first and last rows of the header as found (headerRow may differ from the scheme's). */
  readonly headerRow: number;
  readonly headerBottom: number;
  /** 1-based rows left out as totals, subtotals, averages and footers. */
  readonly totalRows: number[] = [];
  /** Things the clerk should know that did not stop the reading (a header found away from the scheme's row). */
  readonly notes: string[] = [];
  private readonly filled: Cell[][];
  private readonly areas: MergeArea[];
  private byKey = new Map<string, number[]>();
  private byLowest = new Map<string, number[]>();
  private byLoose = new Map<string, number[]>();
  private readonly width: number;

  constructor(
    private readonly values: readonly (readonly Cell[])[],
    readonly spec: DataSpec,
    private readonly source: DataSource = {}
  ) {
    const { sheet, headerRow } = spec;
    this.areas = parseMerges(source.merges ?? []);
    this.filled = fillMerged(values, this.areas);
    this.width = values.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
    let block = this.useHeader(headerRow - 1);
    let name = this.findColumn(spec.name);
    if ("error" in name) {
      const moved = this.movedHeader(headerRow - 1);
      if (moved !== undefined) {
        block = this.useHeader(moved);
        name = this.findColumn(spec.name);
        this.notes.push(`“${sheet}”的表头在第${block.top + 1}行（方案中的表头行是第${headerRow}行），已按第${block.top + 1}行读取`);
      } else this.useHeader(headerRow - 1);
    }
    this.headers = block.joined;
    this.headerRow = block.top + 1;
    this.headerBottom = block.bottom + 1;
    if (this.headers.every((h) => h === "")) {
      throw new DataError([`“${sheet}”的第${headerRow}行（表头行）是空的，请检查方案中的表头行`]);
    }
    const problems: string[] = [];
    if ("error" in name) problems.push(`单位列：${name.error}`);
    let group: ColumnLookup | undefined;
    if (spec.group !== undefined) {
      group = this.findColumn(spec.group);
      if ("error" in group) problems.push(`分组列：${group.error}`);
    }
    if ("error" in name || (group && "error" in group)) throw new DataError(problems);
    this.nameColumn = name.index;
    this.groupColumn = group && "index" in group ? group.index : undefined;
    this.readUnits(block.bottom + 1, block.lowest[this.nameColumn] ?? "");
  }

  /** Take the header block around row `row` (0-based) for column lookups. */
  private useHeader(row: number): { top: number; bottom: number; joined: string[]; lowest: string[] } {
    const block = headerBlock(this.values, this.areas, Math.max(0, row));
    this.byKey = keyIndex(block.joined);
    this.byLowest = keyIndex(block.lowest);
    this.byLoose = keyIndex(block.joined, true);
    return block;
  }

  /** The row nearest `row` whose header has the name column (a title row inserted or removed since). */
  private movedHeader(row: number): number | undefined {
    const last = Math.min(this.values.length - 1, row + HEADER_SEARCH_ROWS);
    const order: number[] = [];
    for (let d = 1; row - d >= 0 || row + d <= last; d++) {
      if (row - d >= 0) order.push(row - d);
      if (row + d <= last) order.push(row + d);
    }
    for (const r of order) {
      if (!(this.values[r] ?? []).some((c) => headerKey(c) === headerKey(this.spec.name))) continue;
      this.useHeader(r);
      if ("index" in this.findColumn(this.spec.name)) return r;
    }
    return undefined;
  }

  private readUnits(first: number, nameHeader: string): void {
    const rows = leadingRows(this.filled, first);
    const numbers = numberColumns(this.filled, rows).filter((c) => c !== this.nameColumn && c !== this.groupColumn);
    const kinds = classifyRows({
      values: this.filled,
      formulas: this.source.formulas,
      first,
      nameColumn: this.nameColumn,
      numberColumns: numbers,
      nameHeader,
    });
    this.totalRows.push(...kinds.totals.map((r) => r + 1));
    const seen = new Map<string, number>();
    const problems: string[] = [];
    for (const r of kinds.units) {
      const row = this.filled[r] ?? [];
      const cell = row[this.nameColumn];
      const key = headerKey(cell);
      const name = asWritten(cell);
      const before = seen.get(key);
      if (before !== undefined) {
        problems.push(`“${this.spec.sheet}”中单位“${name}”重复：第${before}行和第${r + 1}行`);
        continue;
      }
      seen.set(key, r + 1);
      const group = this.groupColumn === undefined ? "" : textKey(row[this.groupColumn]).replace(ZERO_WIDTH, "");
      if (this.groupColumn !== undefined && group === "") {
        problems.push(
          `${this.spec.sheet}!${columnLetter(this.groupColumn)}${r + 1}：单位“${name}”的分组（${this.headers[this.groupColumn]}）是空的，请填写`
        );
      }
      this.units.push({ name, group, row: r + 1 });
    }
    if (problems.length) throw new DataError(problems);
  }

  get sheet(): string {
    return this.spec.sheet;
  }

  /** A column by header text (joined, else the lowest header row's), else by letters; the error names the column and the sheet. */
  findColumn(ref: string): ColumnLookup {
    const key = headerKey(ref).replace(/／/g, "/");
    const found = this.byKey.get(key) ?? this.byLowest.get(key) ?? (key.length > 1 ? this.byLoose.get(unseparated(key)) : undefined);
    if (found && found.length === 1) return { index: found[0] };
    if (found) {
      const cols = found.map((i) => `${columnLetter(i)}列`).join("、");
      return { error: `数据列“${ref}”在“${this.sheet}”中有${found.length}列（${cols}），请改用列字母或改表头` };
    }
    if (LETTERS.test(key)) {
      const index = columnIndex(key);
      if (index < this.width) return { index };
    }
    return { error: `数据列“${ref}”在“${this.sheet}”中不存在` };
  }

  /** The index of a column; throws DataError naming the column and the sheet. */
  column(ref: string): number {
    const found = this.findColumn(ref);
    if ("error" in found) throw new DataError([found.error]);
    return found.index;
  }

  /** A unit's value in a column; a merged cell's value for every row it covers. */
  value(unit: DataUnit, column: number): Cell {
    const row = this.filled[unit.row - 1];
    return row ? row[column] : null;
  }

  /** The 1-based sheet row the value of a unit in a column is read from: a merged cell's first row, else the unit's. */
  sourceRow(unit: DataUnit, column: number): number {
    const r = unit.row - 1;
    const area = this.areas.find((a) => r >= a.top && r <= a.bottom && column >= a.left && column <= a.right);
    return area ? area.top + 1 : unit.row;
  }

  /** `村级考核!E7`: where a value of a unit is (a merged cell's first cell), for messages. */
  address(unit: DataUnit, column: number): string {
    return `${this.sheet}!${columnLetter(column)}${this.sourceRow(unit, column)}`;
  }

  /**
   * The units' cells in `columns` that cannot be scored as they stand, one line each: a date where a number is
   * meant (3-5 typed into a score column reads as 45721), a formula the file holds no result for.
   */
  cellProblems(columns: readonly number[]): string[] {
    const notes = this.source.notes;
    if (!notes) return [];
    // Only a column holding a note can have one (a date cell anywhere on the sheet gives the sheet notes): the
    // others need no address worked out for every unit.
    const noted = notedColumns(notes);
    const looked = columns.filter((c) => noted.has(c));
    const out: string[] = [];
    const seen = new Set<string>();
    for (const unit of this.units) {
      for (const c of looked) {
        const at = cellAddress(this.sourceRow(unit, c) - 1, c);
        const note = notes[at];
        if (!note || seen.has(at)) continue;
        seen.add(at);
        const where = `${this.sheet}!${at}`;
        const v = this.value(unit, c);
        if (note === "date") {
          const n = readNumber(v);
          const shown = typeof n === "number" ? serialDate(n) : String(v);
          out.push(
            `${where}：单位“${unit.name}”的“${this.headers[c]}”是日期（${shown}），不是数值：请把单元格格式改为“常规”或“数值”后重新填写`
          );
        } else {
          const formula = this.source.formulas?.[this.sourceRow(unit, c) - 1]?.[c] ?? "";
          out.push(`${where}：公式${formula ? `“${formula}”` : ""}没有计算结果（文件保存时未计算）：请在 Excel 或 WPS 中打开并保存后再试`);
        }
      }
    }
    return out;
  }
}

export function readDataTable(values: readonly (readonly Cell[])[], spec: DataSpec, source?: DataSource): DataTable {
  return new DataTable(values, spec, source);
}
