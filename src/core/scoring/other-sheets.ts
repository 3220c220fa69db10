/**
 * 多表汇总 (SPEC §3.1 “other sheets”): a column written `"1月!党建"` reads, for each unit of the data sheet, the row of
 * sheet 1月 whose unit name equals the unit's (trimmed, full-width folded, as the data sheet compares names).
 *
 * API
 * - `WorkbookData`: what scoring may read besides the data sheet — any sheet's cells by name. Hosts fill it
 *   (src/app/workflow.ts reads `sheetsNeeded(scheme)`); `workbookData({ 1月: values, … })` makes one from grids.
 * - `splitColumnRef(ref)` → `{ sheet?, column }`: `"1月!党建"` → 1月 / 党建 (also `１月！党建`, `'1月'!党建`).
 * - `OtherSheets.table(sheet)`: that sheet's table (a DataTable: header row from `scheme.sheets` or, undeclared, the
 *   first row holding the data sheet's name-column header; a duplicate name is a DataError naming both rows), and
 *   `rowOf(sheet, unitIndex)`: the unit's row there (undefined when the unit is not on that sheet: missing data).
 * A sheet that is not in the workbook, or has no such header, is a SchemeError naming the sheet and where the
 * scheme names it.
 */
import { Scheme } from "../scheme/types";
import { SchemeError } from "../scheme/errors";
import { DataTable, DataUnit, headerKey, readDataTable } from "../data-table";
import { Cell } from "../values";

export interface WorkbookData {
  /** A sheet's values (rows from row 1, columns from A), or undefined when the workbook has no such sheet. */
  grid(sheet: string): readonly (readonly Cell[])[] | undefined;
}

export function workbookData(sheets: Readonly<Record<string, readonly (readonly Cell[])[]>>): WorkbookData {
  const map = new Map(Object.entries(sheets));
  return { grid: (name) => map.get(name) ?? map.get(name.trim()) };
}

/** `"1月!党建"` → { sheet: "1月", column: "党建" }; a plain column has no sheet. */
export function splitColumnRef(ref: string): { sheet?: string; column: string } {
  const m = /^(.+?)[!！](.+)$/.exec(ref.trim());
  if (!m) return { column: ref };
  const sheet = m[1].trim().replace(/^'(.*)'$/, "$1");
  return { sheet, column: m[2].trim() };
}

/** The first row (1-based) with a cell whose text is `header`, or 0. */
export function rowHolding(values: readonly (readonly Cell[])[], header: string): number {
  const key = headerKey(header);
  const i = values.findIndex((row) => !!row && row.some((c) => headerKey(c) === key));
  return i + 1;
}

interface OtherTable {
  table: DataTable;
  /** Unit index on the data sheet → its row on this sheet. */
  rows: Map<number, DataUnit>;
}

export class OtherSheets {
  private readonly tables = new Map<string, OtherTable>();

  constructor(
    private readonly scheme: Scheme,
    private readonly data: DataTable,
    private readonly workbook: WorkbookData | undefined
  ) {}

  /** Is `sheet` the data sheet itself (so `"村级考核!党建"` is just 党建)? */
  isDataSheet(sheet: string): boolean {
    return sheet === this.data.sheet;
  }

  /** The table of another sheet; throws SchemeError (no such sheet or header) or DataError (duplicate names). */
  table(sheet: string, where: string): DataTable {
    return this.load(sheet, where).table;
  }

  rowOf(sheet: string, unitIndex: number): DataUnit | undefined {
    return this.tables.get(sheet)?.rows.get(unitIndex);
  }

  private load(sheet: string, where: string): OtherTable {
    const known = this.tables.get(sheet);
    if (known) return known;
    const values = this.workbook?.grid(sheet);
    if (!values) throw new SchemeError([`${where}：工作簿中没有工作表“${sheet}”`]);
    const spec = this.scheme.sheets?.[sheet] ?? {};
    const name = spec.name ?? this.scheme.data.name;
    const headerRow = spec.headerRow ?? rowHolding(values, name);
    if (headerRow === 0) {
      throw new SchemeError([
        `${where}：工作表“${sheet}”中找不到单位列“${name}”（可在方案的其他表设置 sheets 中填写“${sheet}”的表头行和单位列）`,
      ]);
    }
    const table = readDataTable(values, { sheet, headerRow, name });
    const byName = new Map(table.units.map((u) => [headerKey(u.name), u]));
    const rows = new Map<number, DataUnit>();
    this.data.units.forEach((u, i) => {
      const there = byName.get(headerKey(u.name));
      if (there) rows.set(i, there);
    });
    const loaded = { table, rows };
    this.tables.set(sheet, loaded);
    return loaded;
  }
}
