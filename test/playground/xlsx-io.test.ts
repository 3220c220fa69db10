/**
 * .xlsx bytes ⇄ the playground's workbook (what the page's file picker and download button do), here through
 * exceljs's Node build, which has the same API as the browser build the page bundles.
 */
import * as fs from "fs";
import * as path from "path";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { memoryFromXlsx, xlsxFromMemory } from "../../src/playground/xlsx-io";

const SAMPLE = path.resolve(__dirname, "../../samples/村级考核.xlsx");

describe("memoryFromXlsx", () => {
  test("opens the sample: its sheet, values, merged title and number formats", async () => {
    const wb = await memoryFromXlsx(new Uint8Array(fs.readFileSync(SAMPLE)), "村级考核.xlsx");
    expect(wb.sheets.map((s) => [s.name, s.visibility])).toEqual([["村级考核", "visible"]]);
    expect(wb.active).toBe("村级考核");
    const sheet = wb.sheets[0];
    expect(sheet.merges).toEqual(["A1:T1"]);
    expect(sheet.cells[2][0]).toMatchObject({ value: "牛颈村" });
    expect(sheet.cells[2][4]).toMatchObject({ value: 0.805, style: { numberFormat: expect.stringContaining("%") } });
  });

  test("refuses what is not a workbook, naming the file in Chinese", async () => {
    await expect(memoryFromXlsx(new TextEncoder().encode("不是工作簿"), "a.xlsx")).rejects.toThrow("a.xlsx 不是 .xlsx 工作簿文件");
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(memoryFromXlsx(ole, "旧.xls")).rejects.toThrow("旧.xls 是旧版 .xls 文件");
  });
});

describe("xlsxFromMemory", () => {
  test("keeps values, formulas, merges, styles, very hidden sheets and the active sheet", async () => {
    const host = new MemoryHost({
      sheets: [
        sheetOfValues("数据", [
          ["单位", "得分"],
          ["甲村", 90],
          ["=不是公式", 85],
        ]),
      ],
    });
    await host.writeSheets(
      [
        {
          name: "得分",
          kind: "scores",
          cells: [
            [{ value: "总分" }, { value: "名次" }],
            [
              { value: 90, formula: "='数据'!B2" },
              { value: 1, formula: "=KH.RANKIN(A2,$A$2:$A$3)" },
            ],
          ],
          merges: ["A3:B3"],
          formats: [
            { range: "A1:B1", bold: true, fill: "#DCE6F1" },
            { range: "A2:A3", numberFormat: "0.00" },
          ],
          freeze: { rows: 1, columns: 0 },
        },
      ],
      { activate: "得分" }
    );
    const bytes = await xlsxFromMemory(host.workbook);
    const back = await XlsxHost.fromBuffer(bytes);
    expect(await back.sheetNames()).toEqual(["数据", "得分", "KH_标记"]);
    expect(back.workbook.getWorksheet("KH_标记")!.state).toBe("veryHidden");
    expect(back.workbook.views[0].activeTab).toBe(1);
    const data = (await back.readSheet("数据"))!;
    expect(data.values[2]).toEqual(["=不是公式", 85]);
    expect(data.formulas![2]).toEqual([null, null]);
    const scores = (await back.readSheet("得分"))!;
    expect(scores.formulas![1]).toEqual(["='数据'!B2", "=KH.RANKIN(A2,$A$2:$A$3)"]);
    expect(scores.values[1]).toEqual([90, 1]);
    expect(scores.merges).toEqual(["A3:B3"]);
    expect(back.workbook.getWorksheet("得分")!.getCell("A1").font?.bold).toBe(true);
    expect(back.workbook.getWorksheet("得分")!.getCell("A2").numFmt).toBe("0.00");
    expect(await back.readMarkers()).toEqual([expect.objectContaining({ sheet: "得分", kind: "scores" })]);

    // And it opens again in the playground as it was.
    const again = await memoryFromXlsx(bytes, "结果.xlsx");
    expect(again.active).toBe("得分");
    expect(again.sheets.map((s) => s.visibility)).toEqual(["visible", "visible", "veryHidden"]);
    expect(again.sheets[1].freeze).toEqual({ rows: 1, columns: 0 });
    expect(again.sheets[1].cells[0][0]).toEqual({ value: "总分", style: { bold: true, fill: "#DCE6F1" } });
  });
});
