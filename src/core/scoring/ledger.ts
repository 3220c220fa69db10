/**
 * 加减分台账 (SPEC §3.1): one row per event on the ledger sheet; positive points add to the unit's bonus and
 * negative ones to its deduction, before the caps, together with the bonus and deduction columns.
 *
 * API: `readLedger(ledger, table, workbook)` → `{ entries, problems }`: `entries[i]` are unit i's events in sheet
 * order, each with its row, reason and date (for 解释 and 奖惩兑现); `problems` name each bad row — a unit that is
 * not a unit of the data sheet, no unit, or points that cannot be read (a deduction is never dropped silently).
 * A row with blank points (and a fully blank row) is no event. Throws SchemeError when the sheet or a column is
 * missing.
 *
 * The header row is `ledger.headerRow` or, undeclared, the first row holding the `unit` header; names are matched
 * trimmed and full-width folded, as on the data sheet.
 */
import { Ledger } from "../scheme/types";
import { SchemeError } from "../scheme/errors";
import { DataTable, TOTAL_NAMES, headerKey, readDataTable } from "../data-table";
import { columnLetter } from "../sheet-model";
import { Cell, isBlank, readNumber, showCell } from "../values";
import { WorkbookData, rowHolding } from "./other-sheets";

export interface LedgerEntry {
  /** 1-based row on the ledger sheet. */
  row: number;
  /** The points cell: `加减分台账!C5`. */
  cell: string;
  /** Signed: positive adds to the bonus, negative to the deduction. */
  points: number;
  /** 事由 as written ("" without a reason column or text). */
  reason: string;
  /** 日期 as written; a date serial number as yyyy-mm-dd ("" without a date column or text). */
  date: string;
}

export interface LedgerRead {
  entries: LedgerEntry[][];
  problems: string[];
}

const MS_PER_DAY = 86400000;
/** Day 0 of the 1900 date system (serial 25569 = 1970-01-01). */
const EPOCH_1900 = 25569;

/** A date cell as text: a serial number as yyyy-mm-dd, a text as written. */
export function dateText(v: Cell): string {
  if (typeof v === "number" && v > 0 && v < 2958466) return new Date(Math.round((v - EPOCH_1900) * MS_PER_DAY)).toISOString().slice(0, 10);
  return isBlank(v) ? "" : showCell(v).trim();
}

const where = (ledger: Ledger) => `方案的加减分台账（${ledger.sheet}）`;

/** The ledger's columns, found as the data sheet finds them (a table of the header row alone has no units). */
export function ledgerColumns(ledger: Ledger, values: readonly (readonly Cell[])[], headerRow: number) {
  const header = readDataTable(values.slice(0, headerRow), { sheet: ledger.sheet, headerRow, name: ledger.unit });
  const problems: string[] = [];
  const find = (ref: string | undefined, label: string): number | undefined => {
    if (ref === undefined) return undefined;
    const found = header.findColumn(ref);
    if ("index" in found) return found.index;
    problems.push(`${where(ledger)}的${label}：${found.error}`);
    return undefined;
  };
  const cols = {
    unit: header.nameColumn,
    points: find(ledger.points, "分值列"),
    reason: find(ledger.reason, "事由列"),
    date: find(ledger.date, "日期列"),
  };
  if (problems.length) throw new SchemeError(problems);
  return cols as { unit: number; points: number; reason?: number; date?: number };
}

export function readLedger(ledger: Ledger, table: DataTable, workbook: WorkbookData | undefined): LedgerRead {
  const values = workbook?.grid(ledger.sheet);
  if (!values) throw new SchemeError([`${where(ledger)}：工作簿中没有工作表“${ledger.sheet}”`]);
  const headerRow = ledger.headerRow ?? rowHolding(values, ledger.unit);
  if (headerRow === 0) throw new SchemeError([`${where(ledger)}：找不到单位列“${ledger.unit}”（可在方案中填写台账的表头行）`]);
  const cols = ledgerColumns(ledger, values, headerRow);
  const unitOf = new Map(table.units.map((u, i) => [headerKey(u.name), i]));
  const entries: LedgerEntry[][] = table.units.map(() => []);
  const problems: string[] = [];
  const unitHeader = headerKey(ledger.unit);
  for (let r = headerRow; r < values.length; r++) {
    const row = values[r] ?? [];
    const [unit, points] = [row[cols.unit], row[cols.points]];
    const key = headerKey(unit);
    if (TOTAL_NAMES.has(key) || key === unitHeader || isBlank(points)) continue;
    const at = `“${ledger.sheet}”第${r + 1}行`;
    const n = readNumber(points);
    const i = unitOf.get(key);
    if (isBlank(unit)) problems.push(`${at}：没有填写单位（分值 ${showCell(points)}）`);
    else if (i === undefined) problems.push(`${at}：单位“${showCell(unit).trim()}”不是“${table.sheet}”中的单位`);
    if (typeof n !== "number") problems.push(`${at}：无法识别的分值“${showCell(points)}”（${columnLetter(cols.points)}${r + 1}）`);
    if (i === undefined || typeof n !== "number") continue;
    const text = (c: number | undefined) => (c === undefined ? "" : isBlank(row[c]) ? "" : showCell(row[c]).trim());
    entries[i].push({
      row: r + 1,
      cell: `${ledger.sheet}!${columnLetter(cols.points)}${r + 1}`,
      points: n,
      reason: text(cols.reason),
      date: cols.date === undefined ? "" : dateText(row[cols.date]),
    });
  }
  return { entries, problems };
}

/** Σ positive points and Σ |negative points| of a unit's entries. */
export function ledgerSums(entries: readonly LedgerEntry[]): { add: number; deduct: number } {
  let add = 0;
  let deduct = 0;
  for (const e of entries) {
    if (e.points > 0) add += e.points;
    else deduct -= e.points;
  }
  return { add, deduct };
}
