/**
 * .xlsx bytes ⇄ the playground's MemoryWorkbook, in the browser, through exceljs (its browser build) and the
 * file-independent parts of the .xlsx host: XlsxHost.fromBuffer and readWorksheet to open, renderToWorksheet to
 * save. Kept from a file: values, formulas, merges, column widths, frozen panes, sheet visibility, the active
 * sheet, and the simple cell styles (number format, bold, fill, font colour, alignment) the grid can show.
 * Charts, pivot tables, macros and rich formatting are not kept (the playground is a demonstration tool).
 */
import { Cell, Workbook, Worksheet } from "exceljs";
import { SheetKind } from "../core/sheet-model";
import { MemoryCell, MemorySheet, MemoryWorkbook, Visibility } from "../hosts/memory/memory-workbook";
import { CellStyle } from "../hosts/render-plan";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { readWorksheet } from "../hosts/xlsx/xlsx-read";
import { renderToWorksheet } from "../hosts/xlsx/xlsx-render";
import { isOle, isZip, zipEntryNames } from "../hosts/xlsx/zip-entries";

/** Open an .xlsx file's bytes; a Chinese message naming the file when it is not a workbook we can read. */
export async function memoryFromXlsx(bytes: Uint8Array, fileName: string): Promise<MemoryWorkbook> {
  if (isOle(bytes)) throw new Error(`${fileName} 是旧版 .xls 文件或加密的工作簿：请在 Excel 或 WPS 中另存为不加密的 .xlsx 后再试`);
  const names = isZip(bytes) ? zipEntryNames(bytes) : undefined;
  if (!names?.includes("xl/workbook.xml")) throw new Error(`${fileName} 不是 .xlsx 工作簿文件`);
  let host: XlsxHost;
  try {
    host = await XlsxHost.fromBuffer(bytes);
  } catch (e) {
    throw new Error(`无法读取工作簿 ${fileName}：文件可能已损坏（${(e as Error).message}）`);
  }
  const wb = host.workbook;
  const date1904 = !!wb.properties?.date1904;
  const sheets = wb.worksheets.map((ws) => sheetFromWorksheet(ws, date1904));
  const activeTab = wb.views?.[0]?.activeTab ?? 0;
  const visible = sheets.filter((s) => s.visibility === "visible");
  const active = sheets[activeTab]?.visibility === "visible" ? sheets[activeTab].name : visible[0]?.name;
  return { sheets, active };
}

function sheetFromWorksheet(ws: Worksheet, date1904: boolean): MemorySheet {
  const data = readWorksheet(ws, date1904);
  const cells: (MemoryCell | undefined)[][] = data.values.map((row, r) =>
    row.map((value, c) => {
      const formula = data.formulas?.[r]?.[c];
      if (value === null && !formula) return undefined;
      return formula ? { value, formula } : { value };
    })
  );
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) =>
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const style = styleOf(cell);
      if (!style) return;
      const line = (cells[rowNumber - 1] ??= []);
      line[colNumber - 1] = { ...(line[colNumber - 1] ?? { value: null }), style };
    })
  );
  for (let r = 0; r < cells.length; r++) cells[r] ??= [];
  const widths = (ws.columns ?? []).map((c) => c?.width ?? 0);
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const sheet: MemorySheet = {
    name: ws.name,
    cells,
    merges: data.merges ?? [],
    visibility: (ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible") as Visibility,
  };
  if (widths.some((w) => w > 0)) sheet.columnWidths = widths;
  if (view?.state === "frozen") sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
  return sheet;
}

function colour(c: { argb?: string } | undefined): string | undefined {
  return c?.argb && /^[0-9a-f]{8}$/i.test(c.argb) ? `#${c.argb.slice(2).toUpperCase()}` : undefined;
}

function styleOf(cell: Cell): CellStyle | undefined {
  const style: CellStyle = {};
  if (cell.numFmt && cell.numFmt !== "General") style.numberFormat = cell.numFmt;
  if (cell.font?.bold) style.bold = true;
  const fontColour = colour(cell.font?.color);
  if (fontColour && fontColour !== "#000000") style.fontColour = fontColour;
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") {
    const f = colour(fill.fgColor);
    if (f) style.fill = f;
  }
  const h = cell.alignment?.horizontal;
  if (h === "left" || h === "center" || h === "right") style.horizontal = h;
  return Object.keys(style).length ? style : undefined;
}

/**
 * The cells to save, a spill's anchor kept as one only while every cell of its range is still spilled (a clerk who
 * typed into one blocked it: the anchor is then saved as its plain formula).
 */
function withIntactSpills(cells: MemorySheet["cells"]): (MemoryCell | undefined)[][] {
  return cells.map((row, r) =>
    Array.from(row ?? [], (c, k) => {
      if (!c?.spill) return c;
      const rows = c.spill.rows;
      const intact = Array.from({ length: rows - 1 }, (_, i) => cells[r + 1 + i]?.[k]).every((below) => below?.spilled);
      return intact ? c : { ...c, spill: undefined };
    })
  );
}

/** The workbook as .xlsx bytes. */
export async function xlsxFromMemory(memory: MemoryWorkbook): Promise<Uint8Array> {
  const wb = new Workbook();
  for (const sheet of memory.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    renderToWorksheet(ws, {
      name: sheet.name,
      // renderToWorksheet does not look at the kind; a clerk's own sheet has none.
      kind: "scores" as SheetKind,
      mode: "create",
      hidden: sheet.visibility === "veryHidden",
      startRow: 0,
      cells: withIntactSpills(sheet.cells),
      merges: sheet.merges,
      conditionalFormats: sheet.conditionalFormats ?? [],
      columnWidths: sheet.columnWidths ?? [],
      freeze: sheet.freeze,
      print: sheet.print,
    });
    if (sheet.visibility === "hidden") ws.state = "hidden";
  }
  const at = memory.sheets.findIndex((s) => s.name === memory.active);
  if (at >= 0) {
    wb.views = [{ x: 0, y: 0, width: 12000, height: 8000, visibility: "visible", activeTab: at, firstSheet: 0 } as never];
    wb.worksheets[at].views = [{ ...(wb.worksheets[at].views?.[0] ?? {}), tabSelected: true } as never];
  }
  return new XlsxHost(wb).toBuffer();
}
