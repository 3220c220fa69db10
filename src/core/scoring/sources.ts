/**
 * Where every per-unit value the scheme reads is: one `ColumnSource` per column use (schemeColumns), on the data
 * sheet or on another sheet (多表汇总). Resolving them all first means a scheme naming a missing column or sheet
 * stops with every problem listed, before anything is scored.
 *
 * API
 * - `resolveSources(scheme, table, workbook?)` → `Sources`; throws SchemeError (missing column or sheet, naming
 *   where the scheme names it) or DataError (a duplicate unit name on another sheet, naming both rows).
 * - `Sources.at(path)`: the source of the column use at that scheme path (`["indicators", 2, "per"]`).
 * - `ColumnSource.cell(i)`: unit i's cell with its address (`1月!C5`), or undefined when the unit is not on that sheet;
 *   `value(i)` the value alone (no object made: scoring reads every unit × column), undefined when not on that sheet.
 * - `sheetsNeeded(scheme)`: the other sheets a host must put into WorkbookData.
 */
import { Scheme } from "../scheme/types";
import { Path, SchemeError, pathKey } from "../scheme/errors";
import { columnUseWhere, schemeColumns } from "../scheme/parse";
import { DataError, DataTable, DataUnit } from "../data-table";
import { Cell } from "../values";
import { OtherSheets, WorkbookData, splitColumnRef } from "./other-sheets";

export interface CellRead {
  readonly value: Cell;
  /** `村级考核!E7`, `1月!C5`. */
  readonly address: string;
}

export interface ColumnSource {
  /** The column as the scheme writes it (`党建`, `1月!党建`). */
  ref: string;
  /** The sheet it is on. */
  sheet: string;
  /** Unit i's cell; undefined when the unit has no row on that sheet (another sheet only). */
  cell(unitIndex: number): CellRead | undefined;
  /** Unit i's value; undefined (blank) when the unit has no row on that sheet. */
  value(unitIndex: number): Cell;
}

/** A cell of a table; its address is worked out only when asked for (messages, 解释), not on every read. */
class TableCell implements CellRead {
  readonly value: Cell;
  constructor(
    private readonly table: DataTable,
    private readonly row: DataUnit,
    private readonly col: number
  ) {
    this.value = table.value(row, col);
  }

  get address(): string {
    return this.table.address(this.row, this.col);
  }
}

function dataSource(table: DataTable, ref: string, col: number): ColumnSource {
  return {
    ref,
    sheet: table.sheet,
    cell: (i) => new TableCell(table, table.units[i], col),
    value: (i) => table.value(table.units[i], col),
  };
}

function otherSource(others: OtherSheets, sheet: string, ref: string, col: number): ColumnSource {
  const table = others.table(sheet, "");
  return {
    ref,
    sheet,
    cell: (i) => {
      const row = others.rowOf(sheet, i);
      return row ? new TableCell(table, row, col) : undefined;
    },
    value: (i) => {
      const row = others.rowOf(sheet, i);
      return row ? table.value(row, col) : undefined;
    },
  };
}

export class Sources {
  private readonly byPath = new Map<string, ColumnSource>();

  constructor(
    readonly scheme: Scheme,
    readonly table: DataTable,
    readonly others: OtherSheets
  ) {}

  set(path: Path, source: ColumnSource): void {
    this.byPath.set(pathKey(path), source);
  }

  at(path: Path): ColumnSource | undefined {
    return this.byPath.get(pathKey(path));
  }
}

/** One column reference as a source; a problem line (naming where the scheme uses it) when it cannot be found. */
function resolveOne(table: DataTable, others: OtherSheets, ref: string, where: string): ColumnSource | string {
  const onData = table.findColumn(ref);
  if ("index" in onData) return dataSource(table, ref, onData.index);
  const { sheet, column } = splitColumnRef(ref);
  if (sheet === undefined) return `${where}：${onData.error}`;
  if (others.isDataSheet(sheet)) {
    const found = table.findColumn(column);
    return "index" in found ? dataSource(table, ref, found.index) : `${where}：${found.error}`;
  }
  try {
    const found = others.table(sheet, where).findColumn(column);
    return "index" in found ? otherSource(others, sheet, ref, found.index) : `${where}：${found.error}`;
  } catch (e) {
    if (e instanceof SchemeError) return e.messages.join("\n");
    if (e instanceof DataError) throw new DataError(e.messages.map((m) => `${where}：${m}`));
    throw e;
  }
}

export function resolveSources(scheme: Scheme, table: DataTable, workbook?: WorkbookData): Sources {
  const others = new OtherSheets(scheme, table, workbook);
  const sources = new Sources(scheme, table, others);
  const problems: string[] = [];
  for (const use of schemeColumns(scheme)) {
    const found = resolveOne(table, others, use.column, columnUseWhere(use, scheme));
    if (typeof found === "string") {
      if (!problems.includes(found)) problems.push(found);
    } else sources.set(use.path, found);
  }
  if (problems.length) throw new SchemeError(problems);
  return sources;
}

/**
 * The sheets besides the data sheet that scoring reads: those of `"sheet!column"` references and the ledger's.
 * Hosts read these into WorkbookData (a data column whose header itself holds “!” may name a sheet that does not
 * exist: hosts skip sheets they do not have).
 */
export function sheetsNeeded(scheme: Scheme): string[] {
  const out = new Set<string>();
  for (const use of schemeColumns(scheme)) {
    const { sheet } = splitColumnRef(use.column);
    if (sheet !== undefined && sheet !== scheme.data.sheet) out.add(sheet);
  }
  if (scheme.ledger) out.add(scheme.ledger.sheet);
  return [...out];
}
