/**
 * The xlsx host and the in-memory host, given the same workbook and the same models, make the same sheets: names
 * and order, values, formulas, merges and visibility as read back, and every cell's fill, font, alignment, border
 * and number format. (The one intended difference: the xlsx host also gives formula-like texts the Text format.)
 */
import { Worksheet } from "exceljs";
import { SheetModel } from "../../../src/core/sheet-model";
import { MemoryHost } from "../../../src/hosts/memory/memory-host";
import { MemorySheet, sheetOfValues } from "../../../src/hosts/memory/memory-workbook";
import { CellStyle } from "../../../src/hosts/render-plan";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { clerkWorkbookWithOwnBoard } from "./clerk-workbook";
import { DATA_FORMULAS, DATA_MERGES, DATA_VALUES, dispatchLogModel, leaderboardModel, scoresModel } from "../sample-models";

const NOW = "2025-11-22T08:00:00.000Z";

async function xlsxClerk(): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await clerkWorkbookWithOwnBoard());
}

function memoryClerk(): MemoryHost {
  return new MemoryHost({
    sheets: [
      sheetOfValues("村级考核", DATA_VALUES, { formulas: DATA_FORMULAS, merges: DATA_MERGES }),
      sheetOfValues("龙虎榜", [["我自己的榜"]]),
    ],
  });
}

const hex = (argb: string | undefined) => (argb ? `#${argb.slice(2)}` : undefined);

function xlsxStyle(ws: Worksheet, r: number, c: number): CellStyle {
  const cell = ws.getCell(r + 1, c + 1);
  const s: CellStyle = {};
  if (cell.numFmt && cell.numFmt !== "@") s.numberFormat = cell.numFmt;
  const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
  if (fill?.fgColor?.argb) s.fill = hex(fill.fgColor.argb);
  if (cell.font?.color?.argb) s.fontColour = hex(cell.font.color.argb);
  // A loaded cell carries the workbook's default font (not bold, size 11): only what differs counts.
  if (cell.font?.bold) s.bold = true;
  if (cell.font?.size && cell.font.size !== 11) s.fontSize = cell.font.size;
  if (cell.alignment?.horizontal) s.horizontal = cell.alignment.horizontal as CellStyle["horizontal"];
  if (cell.alignment?.wrapText !== undefined) s.wrap = cell.alignment.wrapText;
  if (cell.border?.top?.style === "thin") s.border = true;
  return s;
}

function memoryStyle(sheet: MemorySheet, r: number, c: number): CellStyle {
  return { ...sheet.cells[r]?.[c]?.style };
}

async function writeBoth(models: SheetModel[][]): Promise<[XlsxHost, MemoryHost]> {
  let xlsx = await xlsxClerk();
  const memory = memoryClerk();
  for (const batch of models) {
    await xlsx.writeSheets(batch, { activate: "龙虎榜", now: NOW });
    await memory.writeSheets(batch, { activate: "龙虎榜", now: NOW });
    xlsx = await XlsxHost.fromBuffer(await xlsx.toBuffer()); // through a saved file each time
  }
  return [xlsx, memory];
}

describe("xlsx and in-memory hosts render the same sheets", () => {
  it("same names, values, formulas, merges, markers and styles", async () => {
    const [xlsx, memory] = await writeBoth([
      [scoresModel(), leaderboardModel(), dispatchLogModel(1)],
      [scoresModel("KH."), dispatchLogModel(2)],
    ]);
    const names = await memory.sheetNames();
    expect(await xlsx.sheetNames()).toEqual(names);
    expect(names).toEqual(["村级考核", "龙虎榜", "得分", "龙虎榜(考核助手)", "调度记录", "KH_标记"]);
    for (const name of names) {
      expect(await xlsx.readSheet(name)).toEqual(await memory.readSheet(name));
    }
    expect(await xlsx.readMarkers()).toEqual(await memory.readMarkers());
    for (const name of ["得分", "龙虎榜(考核助手)", "调度记录"]) {
      const ws = xlsx.workbook.getWorksheet(name) as Worksheet;
      const sheet = memory.workbook.sheets.find((s) => s.name === name) as MemorySheet;
      const height = Math.max(ws.rowCount, sheet.cells.length);
      for (let r = 0; r < height; r++) {
        for (let c = 0; c < 8; c++) expect([name, r, c, xlsxStyle(ws, r, c)]).toEqual([name, r, c, memoryStyle(sheet, r, c)]);
      }
      expect(ws.state === "visible").toBe(sheet.visibility === "visible");
    }
    expect(xlsx.workbook.getWorksheet("KH_标记")?.state).toBe("veryHidden");
    expect(memory.workbook.active).toBe("龙虎榜(考核助手)");
    expect(xlsx.workbook.worksheets[(xlsx.workbook.views[0] as { activeTab: number }).activeTab].name).toBe("龙虎榜(考核助手)");
  });
});
