/**
 * Finding the clerk's data table through a host (no React here): the sheet of the selection, or the first sheet
 * that holds a table; the table around the selected row; the table at a header row the clerk typed.
 */
import { MARKER_SHEET } from "../core/generated-sheets";
import { SCHEME_SHEET } from "../core/scheme/scheme-sheet";
import { DetectedTable, detectTable, headerBlock, parseMerges } from "../core/table-detect";
import { CellValue, columnIndex, sheetRef } from "../core/sheet-model";
import { SheetData, WorkbookHost } from "../hosts/host";
import type { SheetTable } from "../core/v2-guess";

export interface DataSheet {
  sheet: string;
  values: CellValue[][];
  merges: string[];
  table: DetectedTable;
}

/** Why detection moved away from the selected sheet, for a note in the pane. */
export type DetectNote = "generatedSheetSelected" | "noSelectionUsed";

export type DetectOutcome =
  { ok: true; data: DataSheet; note?: DetectNote } | { ok: false; reason: "noTable"; sheet: string } | { ok: false; reason: "noSheet" };

/** 1-based row and 0-based column of the top-left cell of an address such as "C7", "$C$7:D9" or "7:7". */
export function topLeft(address: string): { row: number; column?: number } | undefined {
  const m = /^\$?([A-Z]{1,3})?\$?(\d+)/i.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), ...(m[1] ? { column: columnIndex(m[1].toUpperCase()) } : {}) };
}

/** A single cell address (“D5”, “$D$5”), normalised; undefined for anything else. */
export function cellAddress(text: string): string | undefined {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*$/.exec(text);
  return m && Number(m[2]) > 0 ? `${m[1].toUpperCase()}${Number(m[2])}` : undefined;
}

function tableOf(sheet: SheetData, near?: number): DataSheet | undefined {
  const merges = sheet.merges ?? [];
  const table = detectTable(sheet.values, merges, near, sheet.formulas);
  return table && table.unitRows.length ? { sheet: sheet.name, values: sheet.values, merges, table } : undefined;
}

/** Sheets 考核助手 wrote (得分, 龙虎榜 … and 考核方案) are never the data. */
async function generatedSheets(host: WorkbookHost): Promise<Set<string>> {
  const markers = await host.readMarkers();
  return new Set([MARKER_SHEET, SCHEME_SHEET, ...markers.map((m) => m.sheet)]);
}

/**
 * The table around the selection; when the selection is on a generated sheet or cannot be read, the first other
 * sheet with a table. `preferSheet` (the scheme's data sheet) is tried before the others.
 */
export async function detectFromSelection(host: WorkbookHost, preferSheet?: string): Promise<DetectOutcome> {
  const ours = await generatedSheets(host);
  let selection: { sheet: string; address: string } | undefined;
  try {
    selection = await host.selection?.();
  } catch {
    selection = undefined;
  }
  if (selection && !ours.has(selection.sheet)) {
    const sheet = await host.readSheet(selection.sheet);
    const near = topLeft(selection.address)?.row;
    const found = sheet && tableOf(sheet, near !== undefined ? near - 1 : undefined);
    if (found) return { ok: true, data: found };
    return { ok: false, reason: "noTable", sheet: selection.sheet };
  }
  const names = (await host.sheetNames()).filter((n) => !ours.has(n));
  const order = preferSheet && names.includes(preferSheet) ? [preferSheet, ...names.filter((n) => n !== preferSheet)] : names;
  for (const name of order) {
    const sheet = await host.readSheet(name);
    const found = sheet && tableOf(sheet);
    if (found) return { ok: true, data: found, note: selection ? "generatedSheetSelected" : "noSelectionUsed" };
  }
  return { ok: false, reason: "noSheet" };
}

/**
 * The tables of the workbook's other sheets (not the data sheet, not ours), for the scheme-version-2 guesses: a
 * 加减分台账, month sheets 1月…12月 (core/v2-guess.ts).
 */
export async function otherTables(host: WorkbookHost, dataSheet: string): Promise<SheetTable[]> {
  const ours = await generatedSheets(host);
  const out: SheetTable[] = [];
  for (const name of await host.sheetNames()) {
    if (ours.has(name) || name === dataSheet) continue;
    const sheet = await host.readSheet(name);
    const found = sheet && tableOf(sheet);
    if (found) out.push({ sheet: name, table: found.table, values: found.values });
  }
  return out;
}

/**
 * The table whose header is on `headerRow` (1-based): what the clerk typed on the 数据 tab, or a saved scheme's
 * header row. Detection runs on the rows from the header down, so title rows above cannot mislead it.
 */
export function tableAtHeader(values: CellValue[][], merges: readonly string[], headerRow: number): DetectedTable | undefined {
  if (headerRow < 1 || headerRow > values.length) return undefined;
  // The header's first row: a scheme may name the lower row of a two-row header (党建 under 常规工作).
  const offset = headerBlock(values, parseMerges(merges), headerRow - 1).top;
  const shifted = merges.flatMap((m) => {
    const match = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(m);
    if (!match || +match[4] <= offset) return [];
    return [`${match[1]}${Math.max(1, +match[2] - offset)}:${match[3]}${+match[4] - offset}`];
  });
  const table = detectTable(values.slice(offset), shifted);
  if (!table || table.headerRow !== 1) return undefined;
  return {
    ...table,
    headerRow: offset + 1,
    headerBottom: table.headerBottom + offset,
    unitRows: table.unitRows.map((r) => r + offset),
    totalRows: table.totalRows.map((r) => r + offset),
  };
}

/** The data sheet a saved scheme names, with its table at the scheme's header row. */
export async function readSchemeData(host: WorkbookHost, sheetName: string, headerRow: number): Promise<DataSheet | undefined> {
  const sheet = await host.readSheet(sheetName);
  if (!sheet) return undefined;
  const merges = sheet.merges ?? [];
  const table = tableAtHeader(sheet.values, merges, headerRow);
  return table ? { sheet: sheet.name, values: sheet.values, merges, table } : undefined;
}

/** “村级考核!A2:A17”: the cells of a column over the unit rows, as a draw's list (re-checkable with KH.DRAW). */
export function columnRange(data: DataSheet, letter: string): { ref: string; rows: number[] } {
  const rows = data.table.unitRows;
  const first = rows.length ? Math.min(...rows) : data.table.headerRow + 1;
  const last = rows.length ? Math.max(...rows) : first;
  const all = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return { ref: `${sheetRef(data.sheet)}!${letter}${first}:${letter}${last}`, rows: all };
}
