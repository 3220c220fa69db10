/**
 * Reading an exceljs worksheet as SheetData, the way Office.js reports `values` and `formulas`:
 * - numbers, text and booleans as they are; rich text and hyperlinks as their plain text;
 * - dates as their Excel serial number (what Office.js `values` gives for a date cell, so a workbook reads the
 *   same in the add-in and on the command line; the 1904 date system is honoured);
 * - error values as their code text ("#N/A");
 * - a formula cell's value is its cached result (0 and false too), and its formula (with "=") is in `formulas`, custom functions
 *   mapped back from `_xldudf_KH_NAME(` to `KH.NAME(`;
 * - only the top-left cell of a merged area holds its value.
 */
import { Cell, CellValue as ExcelCellValue, ValueType, Worksheet } from "exceljs";
import { CellValue } from "../../core/sheet-model";
import { SheetData } from "../host";
import { blankMergedTails } from "../render-plan";
import { CellGrid } from "./cell-grid";
import { fromFileFormula } from "./xlsx-formulas";

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1970-01-01. */
const EPOCH_1900 = 25569;
/** The 1904 system counts from 1904-01-01, 1462 days later. */
const OFFSET_1904 = 1462;

/** The serial number exceljs turned into a Date (it rounds to the millisecond; we round back to 1e-9 day). */
export function dateSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / MS_PER_DAY + EPOCH_1900 - (date1904 ? OFFSET_1904 : 0);
  return Math.round(serial * 1e9) / 1e9;
}

/** The plain value of a cell's content (a formula's cached result for a formula). */
export function plainValue(v: ExcelCellValue | undefined, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateSerial(v, date1904);
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join("");
    if ("error" in v && v.error) return String(v.error);
    if ("hyperlink" in v) return plainValue((v as { text?: ExcelCellValue }).text, date1904);
    if ("formula" in v || "sharedFormula" in v) return plainValue((v as { result?: ExcelCellValue }).result, date1904);
  }
  return null;
}

function isFormulaCell(cell: Cell): boolean {
  const v = cell.value as { formula?: string; sharedFormula?: string } | null;
  return !!v && typeof v === "object" && (!!v.formula || !!v.sharedFormula);
}

/** Merged areas of a worksheet, e.g. "A1:T1". */
export function worksheetMerges(ws: Worksheet): string[] {
  // exceljs keeps merges in a private map (master address → Range); its public `model` rebuilds the whole sheet.
  const merges = (ws as unknown as { _merges?: Record<string, { range: string } | undefined> })._merges;
  if (merges) return Object.values(merges).flatMap((m) => (m ? [m.range] : []));
  return [...((ws.model as { merges?: string[] }).merges ?? [])];
}

export function readWorksheet(ws: Worksheet, date1904: boolean): SheetData {
  const grid = new CellGrid();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged area's other cells mirror the top-left value in exceljs; they are blank in Excel.
      if (cell.type === ValueType.Merge) return;
      const formula = isFormulaCell(cell) ? fromFileFormula(cell.formula) : null;
      // A formula cell's `value` drops a cached 0, false or "" (exceljs copies only truthy parts); `result` has it.
      const raw = formula === null ? cell.value : (cell.result as ExcelCellValue);
      const value = plainValue(raw, date1904);
      // exceljs hands a date-formatted number over as a Date; a formula without a cached result has none.
      const note = formula !== null && raw === undefined ? "uncached" : raw instanceof Date ? "date" : undefined;
      grid.add(rowNumber - 1, colNumber - 1, value, formula, note);
    });
  });
  const { values, formulas, notes } = grid.grids();
  const merges = worksheetMerges(ws);
  blankMergedTails(values, formulas, merges);
  return { name: ws.name, values, formulas, merges, ...(notes ? { notes } : {}) };
}
