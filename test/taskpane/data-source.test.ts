import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { cellAddress, columnRange, detectFromSelection, readSchemeData, tableAtHeader, topLeft } from "../../src/taskpane/data-source";
import { columnTexts } from "../../src/core/scheme-from-roles";
import { draw } from "../../src/core/draw";
import { draw as khDraw } from "../../src/functions/functions";
import { CellValue } from "../../src/core/sheet-model";
import { sampleWorkbook } from "./support";

describe("detectFromSelection", () => {
  test("the table around the selected cell, below a merged title row", async () => {
    const host = sampleWorkbook({ title: "2025年度村级目标管理考核数据" });
    const found = await detectFromSelection(host);
    if (!found.ok) throw new Error("not found");
    expect(found.data.sheet).toBe("村级考核");
    expect(found.data.table.headerRow).toBe(2);
    expect(found.data.table.unitRows).toHaveLength(16);
    expect(found.note).toBeUndefined();
  });

  test("a selection on a sheet 考核助手 generated is not the data: the first sheet with a table is", async () => {
    const host = sampleWorkbook();
    await host.writeSheets([{ name: "龙虎榜", kind: "leaderboard", cells: [[{ value: "名次" }, { value: "单位" }], [{ value: 1 }, { value: "牛颈村" }]] }]);
    host.select("龙虎榜", "B2");
    const found = await detectFromSelection(host);
    expect(found.ok && found.data.sheet).toBe("村级考核");
    expect(found.ok && found.note).toBe("generatedSheetSelected");
  });

  test("a host without a selection, and a preferred sheet tried first", async () => {
    const values: CellValue[][] = [
      ["单位", "得分"],
      ["甲", 1],
      ["乙", 2],
    ];
    const host = new MemoryHost({ sheets: [sheetOfValues("说明", [["这是说明"]]), sheetOfValues("甲表", values), sheetOfValues("乙表", values)] });
    const first = await detectFromSelection(host);
    expect(first.ok && [first.data.sheet, first.note]).toEqual(["甲表", "noSelectionUsed"]);
    const preferred = await detectFromSelection(host, "乙表");
    expect(preferred.ok && preferred.data.sheet).toBe("乙表");
  });

  test("a selected sheet without a table, and a workbook without any", async () => {
    const host = sampleWorkbook({ extraSheets: [{ name: "备注", values: [["只有一句话"]] }] });
    host.select("备注", "A1");
    expect(await detectFromSelection(host)).toEqual({ ok: false, reason: "noTable", sheet: "备注" });
    expect(await detectFromSelection(new MemoryHost())).toEqual({ ok: false, reason: "noSheet" });
  });
});

describe("tableAtHeader", () => {
  test("the header row a clerk typed, with title rows and merges above it", async () => {
    const host = sampleWorkbook({ title: "标题" });
    const sheet = (await host.readSheet("村级考核"))!;
    const table = tableAtHeader(sheet.values, sheet.merges ?? [], 2)!;
    expect(table.headerRow).toBe(2);
    expect(table.unitRows[0]).toBe(3);
    expect(table.columns[table.nameColumn].header).toBe("村名");
    // Row 3 is a unit's data, not a header; row 99 is past the end.
    expect(tableAtHeader(sheet.values, sheet.merges ?? [], 3)).toBeUndefined();
    expect(tableAtHeader(sheet.values, [], 99)).toBeUndefined();
    expect(await readSchemeData(host, "没有这张表", 1)).toBeUndefined();
    expect((await readSchemeData(host, "村级考核", 2))?.table.unitRows).toHaveLength(16);
  });

  test("a scheme naming the lower row of a two-row header finds the whole header", () => {
    const values: CellValue[][] = [
      ["村名", "常规工作", null],
      [null, "党建", "综治"],
      ["甲村", 18, 17],
      ["乙村", 16, 15],
    ];
    const table = tableAtHeader(values, ["A1:A2", "B1:C1"], 2)!;
    expect([table.headerRow, table.headerBottom]).toEqual([1, 2]);
    expect(table.columns.map((c) => c.header)).toEqual(["村名", "常规工作/党建", "常规工作/综治"]);
    expect(table.unitRows).toEqual([3, 4]);
  });
});

describe("addresses and the draw list", () => {
  test("topLeft and cellAddress", () => {
    expect(topLeft("$C$7:D9")).toEqual({ row: 7, column: 2 });
    expect(topLeft("7:7")).toEqual({ row: 7 });
    expect(topLeft("得分")).toBeUndefined();
    expect(cellAddress(" $d$5 ")).toBe("D5");
    expect(cellAddress("D0")).toBeUndefined();
    expect(cellAddress("D5:E6")).toBeUndefined();
  });

  test("the list of a draw is a range KH.DRAW re-checks to the same result", async () => {
    const host = sampleWorkbook({ title: "标题" });
    const found = await detectFromSelection(host);
    if (!found.ok) throw new Error("not found");
    const { ref, rows } = columnRange(found.data, "A");
    expect(ref).toBe("'村级考核'!A3:A18");
    const items = columnTexts(found.data.values, "A", rows);
    const cells = found.data.values.slice(2, 18).map((r) => [r[0]]);
    expect(khDraw(cells, 3, "20251122103015").map((r) => r[0])).toEqual(draw(items, 3, "20251122103015"));
  });
});
