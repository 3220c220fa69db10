import { MARKER_SHEET } from "../../../src/core/generated-sheets";
import { SheetModel } from "../../../src/core/sheet-model";
import { EtApplication } from "../../../src/hosts/wps/et";
import { bgr } from "../../../src/hosts/wps/et-access";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { DoubleApplication, DoubleOptions } from "./double/et-double";
import { cellAt, putCells, valueAt, workbook } from "./double/fixtures";

const NOW = "2025-11-22T10:00:00.000Z";
const host = (app: DoubleApplication) => new WpsHost(app as unknown as EtApplication);
const cells = (rows: (string | number | boolean | null)[][]) => rows.map((r) => r.map((value) => ({ value })));

function leaderboard(): SheetModel {
  return {
    name: "龙虎榜",
    kind: "leaderboard",
    cells: [
      [{ value: "2025年度村级目标管理考核 龙虎榜" }],
      [{ value: "名次" }, { value: "单位" }, { value: "总分" }, { value: "标记" }],
      [{ value: 1 }, { value: "牛颈村" }, { value: 95.5, formula: "=ROUND('得分'!C2,2)" }, { value: "龙榜" }],
      [{ value: 2 }, { value: "-3号村" }, { value: 80, formula: "=ROUND('得分'!C3,2)" }, { value: "" }],
      [{ value: 3 }, { value: "=危险" }, { value: 60, formula: "=ROUND('得分'!C4,2)" }, { value: "虎榜" }],
    ],
    columnWidths: [6, 12, 8, 6],
    formats: [
      { range: "A2:D2", bold: true, fill: "#D9D9D9", horizontal: "center", border: true },
      { range: "C3:C5", numberFormat: "0.00" },
      { range: "A1", fontSize: 16, bold: true, fontColour: "#C00000" },
    ],
    conditionalFormats: [
      { range: "A3:D5", formula: '=$D3="龙榜"', fill: "#FFC7CE", fontColour: "#9C0006" },
      { range: "A3:D5", formula: '=$D3="虎榜"', fill: "#D9D9D9" },
    ],
    merges: ["A1:D1"],
    freeze: { rows: 2, columns: 0 },
    print: { paper: "A4", orientation: "landscape", titleRows: "1:2", fitToWidth: true, footer: "第 &P 页，共 &N 页" },
  };
}

describe("WpsHost reads sheets through ET", () => {
  test("values from A1, blanks as null, formulas, merges, COM error codes", async () => {
    const app = workbook({ 村级考核: [] });
    const sheet = app.sheet("村级考核")!;
    putCells(
      sheet,
      [
        ["村名", "党建", "合计"],
        ["牛颈村", 19.6, "=B3*2"],
        ["西牛村", "", -2146826281],
      ],
      { row: 2, col: 2 }
    );
    sheet.merges.push({ r0: 1, c0: 2, r1: 1, c1: 4 });
    putCells(sheet, [["2025年考核表"]], { row: 1, col: 2 });
    const data = await host(app).readSheet("村级考核");
    expect(data).toEqual({
      name: "村级考核",
      values: [
        [null, "2025年考核表", null, null],
        [null, "村名", "党建", "合计"],
        [null, "牛颈村", 19.6, null],
        [null, "西牛村", null, "#DIV/0!"],
      ],
      formulas: [
        [null, null, null, null],
        [null, null, null, null],
        [null, null, null, "=B3*2"],
        [null, null, null, null],
      ],
      merges: ["B1:D1"],
    });
  });

  test("the same with a build that exposes Count, Row, Column and MergeCells as methods", async () => {
    const app = workbook({ 数据: [["a", 1], ["b", 2]] }, { methodProps: true });
    app.sheet("数据")!.merges.push({ r0: 1, c0: 1, r1: 2, c1: 1 });
    const h = host(app);
    expect(await h.sheetNames()).toEqual(["数据"]);
    expect(await h.readSheet("数据")).toEqual({ name: "数据", values: [["a", 1], ["b", 2]], merges: ["A1:A2"] });
  });

  test("a text cell holding =1+1 reads as text; cells with only a format do not widen what is read", async () => {
    const app = workbook({ 数据: [["名称", "备注"], ["甲", null]] });
    const sheet = app.sheet("数据")!;
    Object.assign(sheet.ensure(2, 2), { value: "=1+1", numberFormat: "@" });
    sheet.ensure(9, 6).fill = bgr("#FFFF00");
    expect(await host(app).readSheet("数据")).toEqual({ name: "数据", values: [["名称", "备注"], ["甲", "=1+1"]] });
  });

  test("an empty sheet reads as no rows; a missing sheet as undefined; names match case-insensitively", async () => {
    const app = workbook({ Sheet1: [], Data: [[1]] });
    const h = host(app);
    expect(await h.readSheet("Sheet1")).toEqual({ name: "Sheet1", values: [] });
    expect(await h.readSheet("没有")).toBeUndefined();
    expect((await h.readSheet("data"))?.values).toEqual([[1]]);
  });
});

describe("WpsHost writes generated sheets", () => {
  test("values, text kept as text, formulas, fills as BGR, fonts, formats, widths, merges, borders", async () => {
    const app = workbook({ 村级考核: [["村名"], ["牛颈村"]] });
    const result = await host(app).writeSheets([leaderboard()], { now: NOW });
    expect(result.written).toEqual(["龙虎榜"]);
    const s = app.sheet("龙虎榜")!;
    expect(app.workbook.sheets.map((x) => x.Name)).toEqual(["村级考核", "龙虎榜", MARKER_SHEET]);
    expect(valueAt(s, "A1")).toBe("2025年度村级目标管理考核 龙虎榜");
    expect(valueAt(s, "A3")).toBe(1);
    expect(valueAt(s, "B4")).toBe("-3号村");
    expect(valueAt(s, "B5")).toBe("=危险");
    expect(cellAt(s, "B5")?.formula).toBeUndefined();
    // text ET would read as a formula or number gets the Text format first, as the Excel host does
    expect(cellAt(s, "B5")?.numberFormat).toBe("@");
    expect(cellAt(s, "B4")?.numberFormat).toBe("@");
    expect(cellAt(s, "B3")?.numberFormat).toBeUndefined();
    expect(cellAt(s, "C3")?.formula).toBe("=ROUND('得分'!C2,2)");
    expect(cellAt(s, "C5")?.formula).toBe("=ROUND('得分'!C4,2)");
    expect(cellAt(s, "A2")?.fill).toBe(bgr("#D9D9D9"));
    expect(cellAt(s, "A2")?.bold).toBe(true);
    expect(cellAt(s, "D2")?.align).toBe(-4108);
    expect([...(cellAt(s, "B2")?.borders ?? [])].sort()).toEqual([10, 11, 12, 7, 8, 9]);
    expect(cellAt(s, "A1")?.fontColor).toBe(0x0000c0);
    expect(cellAt(s, "A1")?.size).toBe(16);
    expect(cellAt(s, "C4")?.numberFormat).toBe("0.00");
    expect([...s.columnWidths.entries()]).toEqual([
      [1, 6],
      [2, 12],
      [3, 8],
      [4, 6],
    ]);
    expect(s.merges).toEqual([{ r0: 1, c0: 1, r1: 1, c1: 4 }]);
  });

  test("conditional formats are added with the range's top-left cell active, frozen panes, page setup", async () => {
    const app = workbook({ Sheet1: [] });
    await host(app).writeSheets([leaderboard()], { now: NOW });
    const s = app.sheet("龙虎榜")!;
    expect(s.cfs).toEqual([
      { rect: { r0: 3, c0: 1, r1: 5, c1: 4 }, type: 2, formula: '=$D3="龙榜"', fill: bgr("#FFC7CE"), fontColor: bgr("#9C0006"), activeCell: "A3" },
      { rect: { r0: 3, c0: 1, r1: 5, c1: 4 }, type: 2, formula: '=$D3="虎榜"', fill: bgr("#D9D9D9"), activeCell: "A3" },
    ]);
    expect(s.frozen).toEqual({ rows: 2, columns: 0 });
    expect(s.PageSetup).toMatchObject({ PaperSize: 9, Orientation: 2, PrintTitleRows: "$1:$2", Zoom: false, FitToPagesWide: 1, FitToPagesTall: false, CenterFooter: "第 &P 页，共 &N 页" });
  });

  test("without a printer the page setup is skipped with a warning, the sheet is written all the same", async () => {
    const app = workbook({ Sheet1: [] }, { noPrinter: true });
    const result = await host(app).writeSheets([leaderboard()], { now: NOW });
    expect(result.warnings).toEqual([expect.stringMatching(/^工作表“龙虎榜”的打印设置未能写入/)]);
    expect(cellAt(app.sheet("龙虎榜")!, "C3")?.formula).toBe("=ROUND('得分'!C2,2)");
  });

  test("a build with Count, Row, Column and MergeCells as methods writes the same sheets", async () => {
    const plain = workbook({ Sheet1: [] });
    const quirky = workbook({ Sheet1: [] }, { methodProps: true });
    for (const app of [plain, quirky]) {
      const h = host(app);
      await h.writeSheets([leaderboard()], { now: NOW });
      await h.writeSheets([leaderboard()], { now: NOW });
    }
    const dump = (app: DoubleApplication) => app.workbook.sheets.map((s) => [s.Name, [...s.cells.entries()], s.merges, s.cfs.length]);
    expect(JSON.stringify(dump(quirky), (_k, v) => (v instanceof Set ? [...v] : v))).toBe(JSON.stringify(dump(plain), (_k, v) => (v instanceof Set ? [...v] : v)));
    expect(quirky.workbook.sheets.map((s) => s.Name)).toEqual(["Sheet1", "龙虎榜", MARKER_SHEET]);
  });

  test("replacing a sheet resets the column widths the new model does not set", async () => {
    const app = workbook({ Sheet1: [] });
    const h = host(app);
    await h.writeSheets([leaderboard()], { now: NOW });
    await h.writeSheets([{ ...leaderboard(), columnWidths: [20] }], { now: NOW });
    expect([...app.sheet("龙虎榜")!.columnWidths.entries()]).toEqual([[1, 20]]);
  });

  test.each([
    ["a build with Formula2", {}],
    ["an older build without it", { noFormula2: true }],
  ])("formulas go through Formula / FormulaR1C1 (the forms known on real machines): %s", async (_build, options: DoubleOptions) => {
    const app = workbook({ Sheet1: [] }, options);
    await host(app).writeSheets([leaderboard()], { now: NOW });
    expect(cellAt(app.sheet("龙虎榜")!, "C4")?.formula).toBe("=ROUND('得分'!C3,2)");
    const board = app.written.filter((w) => w.sheet === "龙虎榜").map((w) => w.property);
    expect(board.some((p) => p === "Formula" || p === "FormulaR1C1")).toBe(true);
    expect(board).not.toContain("Formula2");
    expect(board).not.toContain("Formula2R1C1");
  });

  test("a snapshot is written as values only", async () => {
    const app = workbook({ Sheet1: [] });
    const model: SheetModel = { name: "第1次调度通报", kind: "bulletin", snapshot: true, cells: [[{ value: "完成率" }, { value: 0.5, formula: "=B1/C1" }]] };
    await host(app).writeSheets([model], { now: NOW });
    const s = app.sheet("第1次调度通报")!;
    expect(valueAt(s, "B1")).toBe(0.5);
    expect(cellAt(s, "B1")?.formula).toBeUndefined();
  });

  test("markers go to the very hidden KH_标记 sheet and read back", async () => {
    const app = workbook({ Sheet1: [] });
    const h = host(app);
    await h.writeSheets([leaderboard(), { name: "得分", kind: "scores", cells: cells([["单位"]]) }], { now: NOW });
    const marker = app.sheet(MARKER_SHEET)!;
    expect(marker.Visible).toBe(2);
    expect(await h.readMarkers()).toEqual([
      { sheet: "龙虎榜", kind: "leaderboard", generatedAt: NOW },
      { sheet: "得分", kind: "scores", generatedAt: NOW },
    ]);
    expect(await h.sheetNames()).toEqual(["Sheet1", "龙虎榜", "得分"]);
  });

  test("a generated sheet is replaced in place; a clerk's sheet of the same name is never touched", async () => {
    const app = workbook({ 得分: [["我自己的表"]], 数据: [[1]] });
    const h = host(app);
    const first = await h.writeSheets([{ name: "得分", kind: "scores", cells: cells([["单位", "总分"], ["甲", 1], ["乙", 2]]), merges: ["A3:B3"] }], { now: NOW });
    expect(first.written).toEqual(["得分(考核助手)"]);
    expect(valueAt(app.sheet("得分")!, "A1")).toBe("我自己的表");
    const ours = app.sheet("得分(考核助手)")!;
    const position = app.workbook.sheets.indexOf(ours);

    const later = "2025-11-23T08:00:00.000Z";
    const second = await h.writeSheets([{ name: "得分", kind: "scores", cells: cells([["单位", "总分"], ["丙", 3]]) }], { now: later });
    expect(second.written).toEqual(["得分(考核助手)"]);
    expect(app.sheet("得分(考核助手)")).toBe(ours);
    expect(app.workbook.sheets.indexOf(ours)).toBe(position);
    expect(valueAt(ours, "A2")).toBe("丙");
    expect(valueAt(ours, "A3")).toBeUndefined();
    expect(ours.merges).toEqual([]);
    expect(valueAt(app.sheet("得分")!, "A1")).toBe("我自己的表");
    expect(await h.readMarkers()).toEqual([{ sheet: "得分(考核助手)", kind: "scores", generatedAt: later }]);
  });

  test("a log sheet is appended to without repeating its header", async () => {
    const app = workbook({ Sheet1: [] });
    const h = host(app);
    const log = (rows: (string | number)[][]): SheetModel => ({ name: "抽签记录", kind: "drawLog", append: true, cells: cells([["时间", "种子", "结果"], ...rows]) });
    await h.writeSheets([log([["10:00", 20251122, "牛颈村"]])], { now: NOW });
    await h.writeSheets([log([["11:00", 20251123, "西牛村"]])], { now: NOW });
    const s = app.sheet("抽签记录")!;
    expect([1, 2, 3, 4].map((r) => valueAt(s, `A${r}`))).toEqual(["时间", "10:00", "11:00", undefined]);
    expect(valueAt(s, "C3")).toBe("西牛村");
  });

  test("the sheet named in `activate` is left active", async () => {
    const app = workbook({ Sheet1: [] });
    await host(app).writeSheets([leaderboard(), { name: "得分", kind: "scores", cells: cells([["单位"]]) }], { activate: "龙虎榜", now: NOW });
    expect(app.ActiveSheet.Name).toBe("龙虎榜");
  });

  test("a failure undoes the batch: new sheets deleted, replaced sheets restored, no prompts, screen updating back", async () => {
    const options: DoubleOptions = {};
    const app = workbook({ Sheet1: [] }, options);
    const h = host(app);
    await h.writeSheets([{ name: "得分", kind: "scores", cells: cells([["单位", "总分"], ["甲", "-1"]]) }], { now: NOW });
    options.failWritesOn = "龙虎榜";
    // 龙虎榜 is added as "Sheet2" before its name is set; fail when the values are written
    const failing = leaderboard();
    await expect(
      h.writeSheets([{ name: "得分", kind: "scores", cells: cells([["单位", "总分"], ["乙", 2]]) }, failing], { now: "2025-12-01T00:00:00.000Z" })
    ).rejects.toThrow(/^写入工作表时出错，本次写入已撤销：/);
    expect(app.workbook.sheets.map((s) => s.Name)).toEqual(["Sheet1", "得分", MARKER_SHEET]);
    const scores = app.sheet("得分")!;
    expect(valueAt(scores, "A2")).toBe("甲");
    expect(valueAt(scores, "B2")).toBe("-1");
    expect(app.alertsShown).toBe(0);
    expect(app.ScreenUpdating).toBe(true);
    expect(app.DisplayAlerts).toBe(true);
    expect(await h.readMarkers()).toEqual([{ sheet: "得分", kind: "scores", generatedAt: NOW }]);
  });

  test("no workbook open → a clear Chinese error", async () => {
    const app = workbook({ Sheet1: [] });
    Object.defineProperty(app, "ActiveWorkbook", { get: () => null });
    await expect(host(app).sheetNames()).rejects.toThrow("没有打开的工作簿");
  });

  test("selection reports the active sheet and address", async () => {
    const app = workbook({ 数据: [[1, 2]] });
    app.sheet("数据")!.Range("B2:C4").Select();
    expect(await host(app).selection()).toEqual({ sheet: "数据", address: "B2:C4" });
  });
});
