/**
 * The clerk's data sheet read as a table: one row per assessed unit, one column per header.
 *
 * API
 * - `readDataTable(values, spec)` → `DataTable`; throws `DataError` when the name (or group) column is missing,
 *   the header row is empty, or two units share a name (naming both rows).
 * - `DataTable.findColumn(ref)` / `column(ref)`: a column by header text (trimmed, full-width folded, inner
 *   whitespace ignored, so “招商（万元）” finds 招商(万元)) or, failing that, by letter ("C").
 * - `DataTable.value(unit, column)` and `address(unit, column)` (e.g. `村级考核!E7`, for messages).
 * Rows and columns: `values` is `SheetData.values` (rows from row 1, columns from A); `DataUnit.row` is the
 * 1-based sheet row, and a column index is 0-based (`columnLetter(index)` gives its letters).
 */
import { columnIndex, columnLetter } from "./sheet-model";
import { Cell, isBlank, textKey, toHalfWidth } from "./values";

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

/** How headers and column references are compared. */
export function headerKey(v: Cell): string {
  return toHalfWidth(textKey(v)).replace(/\s+/g, "");
}

/** A cell's text as written, trimmed (a number as its shortest decimal form). */
function asWritten(v: Cell): string {
  return typeof v === "string" ? v.trim() : textKey(v);
}

export type ColumnLookup = { index: number } | { error: string };

export class DataTable {
  readonly units: DataUnit[] = [];
  /** Header text of each column as written (trimmed), index 0 = column A. Unit names are as written too;
   * groups are compared (and shown) full-width folded, so “１组” and “1组” are one group. */
  readonly headers: string[];
  readonly nameColumn: number;
  readonly groupColumn?: number;
  private readonly byKey = new Map<string, number[]>();
  private readonly width: number;

  constructor(
    private readonly values: readonly (readonly Cell[])[],
    readonly spec: DataSpec
  ) {
    const { sheet, headerRow } = spec;
    const header = values[headerRow - 1] ?? [];
    this.width = values.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
    this.headers = Array.from({ length: header.length }, (_, i) => asWritten(header[i]));
    if (this.headers.every((h) => h === "")) {
      throw new DataError([`“${sheet}”的第${headerRow}行（表头行）是空的，请检查方案中的表头行`]);
    }
    this.headers.forEach((h, i) => {
      const key = headerKey(h);
      if (!key) return;
      const list = this.byKey.get(key);
      if (list) list.push(i);
      else this.byKey.set(key, [i]);
    });
    const problems: string[] = [];
    const name = this.findColumn(spec.name);
    if ("error" in name) problems.push(`单位列：${name.error}`);
    let group: ColumnLookup | undefined;
    if (spec.group !== undefined) {
      group = this.findColumn(spec.group);
      if ("error" in group) problems.push(`分组列：${group.error}`);
    }
    if ("error" in name || (group && "error" in group)) throw new DataError(problems);
    this.nameColumn = name.index;
    this.groupColumn = group && "index" in group ? group.index : undefined;
    this.readUnits();
  }

  private readUnits(): void {
    const seen = new Map<string, number>();
    const duplicates: string[] = [];
    const nameHeader = headerKey(this.headers[this.nameColumn]);
    for (let r = this.spec.headerRow; r < this.values.length; r++) {
      const row = this.values[r] ?? [];
      const cell = row[this.nameColumn];
      if (isBlank(cell)) continue;
      const key = headerKey(cell);
      // A totals row, or the header repeated on a printed sheet, is not a unit.
      if (TOTAL_NAMES.has(key) || key === nameHeader) continue;
      const name = asWritten(cell);
      const before = seen.get(key);
      if (before !== undefined) {
        duplicates.push(`“${this.spec.sheet}”中单位“${name}”重复：第${before}行和第${r + 1}行`);
        continue;
      }
      seen.set(key, r + 1);
      const group = this.groupColumn === undefined ? "" : textKey(row[this.groupColumn]);
      this.units.push({ name, group, row: r + 1 });
    }
    if (duplicates.length) throw new DataError(duplicates);
  }

  get sheet(): string {
    return this.spec.sheet;
  }

  /** A column by header text, else by letters; the error names the column and the sheet. */
  findColumn(ref: string): ColumnLookup {
    const key = headerKey(ref);
    const found = this.byKey.get(key);
    if (found && found.length === 1) return { index: found[0] };
    if (found) {
      const cols = found.map((i) => `${columnLetter(i)}列`).join("、");
      return { error: `数据列“${ref}”在“${this.sheet}”中有${found.length}列（${cols}），请改用列字母或改表头` };
    }
    if (LETTERS.test(key)) {
      const index = columnIndex(key);
      if (index < Math.max(this.width, this.headers.length)) return { index };
    }
    return { error: `数据列“${ref}”在“${this.sheet}”中不存在` };
  }

  /** The index of a column; throws DataError naming the column and the sheet. */
  column(ref: string): number {
    const found = this.findColumn(ref);
    if ("error" in found) throw new DataError([found.error]);
    return found.index;
  }

  value(unit: DataUnit, column: number): Cell {
    const row = this.values[unit.row - 1];
    return row ? row[column] : null;
  }

  /** `村级考核!E7`: where a value of a unit is, for messages. */
  address(unit: DataUnit, column: number): string {
    return `${this.sheet}!${columnLetter(column)}${unit.row}`;
  }
}

export function readDataTable(values: readonly (readonly Cell[])[], spec: DataSpec): DataTable {
  return new DataTable(values, spec);
}
