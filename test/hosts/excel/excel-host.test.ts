/**
 * The Excel host against the fake Excel object model (fake-excel.ts): what it writes, how many requests it takes,
 * that a clerk's sheets are never touched, that text stays text, logs grow, and a failed write is undone.
 */
import { MARKER_SHEET } from "../../../src/core/generated-sheets";
import { SheetModel } from "../../../src/core/sheet-model";
import { ExcelHost } from "../../../src/hosts/excel/excel-host";
import { FakeExcel } from "./fake-excel";
import { dispatchLogModel, generatedModels, leaderboardModel, scoresModel } from "./models";

const NOW = "2025-11-22T10:00:00.000Z";

function setup(
  sheets: Record<string, (string | number | null)[][]> = {
    村级考核: [
      ["村名", "党建"],
      ["第1村", 18],
    ],
  }
) {
  const excel = new FakeExcel();
  for (const [name, rows] of Object.entries(sheets)) excel.workbook.addSheet(name, rows);
  return { excel, host: new ExcelHost(excel.run), wb: excel.workbook };
}

describe("ExcelHost.writeSheets: a small but complete model", () => {
  const { excel, host, wb } = setup();
  let result: Awaited<ReturnType<ExcelHost["writeSheets"]>>;

  beforeAll(async () => {
    result = await host.writeSheets(generatedModels(5), { activate: "龙虎榜", now: NOW });
  });

  it("creates the sheets after the clerk's, and a very hidden marker sheet", () => {
    expect(result.written).toEqual(["得分", "龙虎榜"]);
    expect(result.warnings).toEqual([]);
    expect(wb.names()).toEqual(["村级考核", "得分", "龙虎榜", MARKER_SHEET]);
    const markers = wb.sheet(MARKER_SHEET);
    expect(markers.visibility).toBe("VeryHidden");
    expect(markers.grid()).toEqual([
      ["工作表", "类型", "生成时间"],
      ["得分", "scores", NOW],
      ["龙虎榜", "leaderboard", NOW],
    ]);
    expect(markers.at("C2")?.numberFormat).toBe("@"); // the time stays text, not a date
    expect(wb.active?.name).toBe("龙虎榜");
  });

  it("writes values and live formulas", () => {
    const s = wb.sheet("得分");
    expect(s.grid()[0]).toEqual(scoresModel(5).cells[0].map((c) => c.value));
    expect(s.at("A2")?.value).toBe("第1村");
    expect(s.at("B3")?.value).toBe("机关站所");
    expect(s.at("C2")?.formula).toBe("=MIN(MAX('村级考核'!C2,0),20)");
    expect(s.at("N6")?.formula).toBe("=ROUND((SUM(C6:J6)+K6-L6)*M6,2)");
    expect(s.at("P2")?.formula).toBe('=IF(O2="否决","",COUNTIFS($B$2:$B$6,B2,$N$2:$N$6,">"&N2)+1)');
    expect(wb.sheet("龙虎榜").at("D3")?.value).toBe(99);
  });

  it("applies number formats, fills, fonts, alignment and borders by range", () => {
    const s = wb.sheet("得分");
    expect(s.at("C2")?.numberFormat).toBe("0.00");
    expect(s.at("N6")?.numberFormat).toBe("0.00");
    expect(s.at("O6")?.numberFormat).toBeUndefined();
    expect(s.at("A1")).toMatchObject({ bold: true, fill: "#DDEBF7", horizontal: "Center" });
    expect(s.at("E4")?.borders?.sort()).toEqual([
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "EdgeTop",
      "InsideHorizontal",
      "InsideVertical",
    ]);
    const lb = wb.sheet("龙虎榜");
    expect(lb.at("A1")).toMatchObject({ bold: true, fontSize: 16 });
    expect(lb.at("H3")?.numberFormat).toBe("#,##0");
    // Grouped: one numberFormat assignment for the 5×12 block, not one per cell.
    const nf = excel.log.filter((e) => e.name === "numberFormat" && e.target.startsWith("得分"));
    expect(nf.map((e) => e.target)).toEqual(["得分!C2:N6"]);
  });

  it("adds conditional formats with a custom rule and a fill", () => {
    expect(wb.sheet("龙虎榜").conditionalFormats).toEqual([
      {
        area: { top: 2, left: 0, bottom: 6, right: 7 },
        type: "Custom",
        formula: '=$E3="龙榜"',
        fill: "#FFC7CE",
        fontColor: "#9C0006",
      },
      {
        area: { top: 2, left: 0, bottom: 6, right: 7 },
        type: "Custom",
        formula: '=$E3="虎榜"',
        fill: "#D9D9D9",
      },
    ]);
  });

  it("sets widths in points, merges, frozen panes and the page layout", () => {
    const s = wb.sheet("得分");
    expect(s.columnWidths.get(0)).toBe(66.75); // 12 characters
    expect(s.columnWidths.get(2)).toBe(51); // 9 characters
    expect(s.freeze).toEqual({ rows: 1, columns: 1 });
    expect(s.page).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      titleRows: "$1:$1",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerFooter: "第 &P 页，共 &N 页",
    });
    const lb = wb.sheet("龙虎榜");
    expect(lb.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 7 }]);
    expect(lb.freeze).toEqual({ rows: 2, columns: 0 });
    expect(lb.page).toMatchObject({ orientation: "Portrait", titleRows: "$1:$2" });
  });

  it("writes each formula column as one R1C1 formula and the other cells as a few blocks", () => {
    const blocks = excel.log.filter((e) => e.name === "formulas" || e.name === "values");
    expect(blocks.map((e) => `${e.target} ${e.name}`)).toEqual([
      `得分!A1:Q1 values`,
      `得分!A2:B6 values`,
      `龙虎榜!A1:H7 values`,
      `${MARKER_SHEET}!A1:C3 values`,
    ]);
    const columns = excel.log.filter((e) => e.name === "formulasR1C1");
    expect(columns.map((e) => e.target)).toEqual(
      "CDEFGHIJKLMNOPQ".split("").map((c) => `得分!${c}2:${c}6`)
    );
    expect(columns.every((e) => typeof e.value === "string")).toBe(true);
  });

  it("leaves no backup sheet and reads back what it wrote", async () => {
    expect(wb.names().some((n) => n.startsWith("KH_备份"))).toBe(false);
    expect(await host.sheetNames()).toEqual(["村级考核", "得分", "龙虎榜"]);
    expect(await host.readMarkers()).toEqual([
      { sheet: "得分", kind: "scores", generatedAt: NOW },
      { sheet: "龙虎榜", kind: "leaderboard", generatedAt: NOW },
    ]);
  });
});

describe("ExcelHost.writeSheets: requests", () => {
  it("takes the same number of syncs (≤ 4) for 100, 1,000 and 10,000 units, first write and refresh", async () => {
    const counts: number[][] = [];
    for (const units of [100, 1000, 10000]) {
      const { excel, host } = setup();
      await host.writeSheets([...generatedModels(units), dispatchLogModel(1, units)], {
        activate: "得分",
        now: NOW,
      });
      const first = excel.syncs;
      excel.reset();
      await host.writeSheets([...generatedModels(units), dispatchLogModel(2, units)], {
        activate: "得分",
        now: NOW,
      });
      counts.push([first, excel.syncs]);
      expect(excel.rangeWrites).toBeGreaterThan(0);
    }
    expect(counts[0][0]).toBeLessThanOrEqual(4);
    expect(counts[0][1]).toBeLessThanOrEqual(4);
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
  }, 60_000);

  it("cuts the write into requests under a byte budget (Excel on the web), with the same result", async () => {
    const plain = setup();
    await plain.host.writeSheets(generatedModels(2000), { now: NOW });
    const web = setup();
    const budget = 200_000;
    await new ExcelHost(web.excel.run, { maxRequestBytes: budget }).writeSheets(
      generatedModels(2000),
      { now: NOW }
    );
    expect(Math.max(...web.excel.requestBytes)).toBeLessThanOrEqual(budget);
    expect(web.excel.syncs).toBeGreaterThan(plain.excel.syncs);
    for (const name of ["得分", "龙虎榜", MARKER_SHEET])
      expect(web.wb.sheet(name).snapshot()).toEqual(plain.wb.sheet(name).snapshot());
  }, 30_000);
});

describe("ExcelHost.writeSheets: a clerk's sheets are never touched", () => {
  it("refresh replaces only generated sheets, in place, and a clerk's 龙虎榜 survives", async () => {
    const clerkBoard = [["我自己的龙虎榜"], ["张三", 1]];
    const { excel, host, wb } = setup({
      村级考核: [["村名"], ["第1村"]],
      龙虎榜: clerkBoard,
      汇总: [["手工汇总"]],
    });
    const clerkSheet = wb.sheet("龙虎榜").snapshot();

    const first = await host.writeSheets(generatedModels(30), { now: NOW });
    expect(first.written).toEqual(["得分", "龙虎榜(考核助手)"]);
    wb.sheets.push(wb.sheets.splice(wb.names().indexOf("汇总"), 1)[0]); // the clerk moves 汇总 to the end
    const order = wb.names();

    excel.reset();
    const again = await host.writeSheets(generatedModels(10), { now: "2025-11-23T09:00:00.000Z" });
    expect(again.written).toEqual(["得分", "龙虎榜(考核助手)"]);
    expect(wb.names()).toEqual(order); // tab order kept
    expect(wb.sheet("龙虎榜").snapshot()).toEqual(clerkSheet);
    expect(wb.sheet("汇总").grid()).toEqual([["手工汇总"]]);
    expect(wb.sheet("村级考核").grid()).toEqual([["村名"], ["第1村"]]);
    // Old rows beyond the new 10 units are gone, and so are their formats.
    expect(wb.sheet("得分").grid()).toHaveLength(11);
    expect(wb.sheet("得分").at("A20")).toBeUndefined();
    expect(wb.sheet("龙虎榜(考核助手)").conditionalFormats).toHaveLength(2);
    expect(excel.log.some((e) => e.target.startsWith("龙虎榜!") || e.target === "龙虎榜")).toBe(
      false
    );
    expect(await host.readMarkers()).toEqual([
      { sheet: "得分", kind: "scores", generatedAt: "2025-11-23T09:00:00.000Z" },
      { sheet: "龙虎榜(考核助手)", kind: "leaderboard", generatedAt: "2025-11-23T09:00:00.000Z" },
    ]);
  });

  it("a sheet named 得分 that has no marker is the clerk's, even after a write", async () => {
    const { host, wb } = setup({ 得分: [["手工得分"]] });
    const result = await host.writeSheets([scoresModel(3)], { now: NOW });
    expect(result.written).toEqual(["得分(考核助手)"]);
    expect(wb.sheet("得分").grid()).toEqual([["手工得分"]]);
  });

  it("refuses before writing anything when a sheet it must replace is protected", async () => {
    const { excel, host, wb } = setup();
    await host.writeSheets(generatedModels(3), { now: NOW });
    wb.sheet("得分").protected = true;
    const before = wb.sheets.map((s) => s.snapshot());
    excel.reset();
    await expect(host.writeSheets(generatedModels(4), { now: NOW })).rejects.toThrow(
      "工作表“得分”受保护，无法写入"
    );
    expect(excel.log).toEqual([]);
    expect(wb.sheets.map((s) => s.snapshot())).toEqual(before);
  });

  it("refuses before writing anything when the workbook structure is protected", async () => {
    const { excel, host } = setup();
    excel.workbook.structureProtected = true;
    await expect(host.writeSheets(generatedModels(3), { now: NOW })).rejects.toThrow(
      "工作簿的结构受保护"
    );
    expect(excel.log).toEqual([]);
  });
});

describe("ExcelHost.writeSheets: text stays text", () => {
  const risky = [
    "=1+1",
    "+5",
    "-3分",
    "@SUM(A1)",
    '=HYPERLINK("http://evil","点我")',
    "92%",
    "TRUE",
    "2025-11-22",
  ];
  const model: SheetModel = {
    name: "第1次调度通报",
    kind: "bulletin",
    snapshot: true,
    cells: [
      risky.map((value) => ({ value })),
      [{ value: "龙榜" }, { value: 3 }, { value: 0, formula: "=B2*2" }],
    ],
    formats: [{ range: "A1:H2", numberFormat: "0.00" }],
  };

  it("writes formula-like, number-like and date-like texts as exactly that text, never as a formula", async () => {
    const { excel, host, wb } = setup();
    await host.writeSheets([model], { now: NOW });
    const s = wb.sheet("第1次调度通报");
    risky.forEach((text, c) => {
      const cell = s.get(0, c)!;
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
      expect(cell.numberFormat).toBe("@");
    });
    expect(s.at("A2")).toMatchObject({ value: "龙榜", numberFormat: "0.00" });
    // A snapshot keeps the computed value, not the formula.
    expect(s.at("C2")).toMatchObject({ value: 0 });
    expect(s.at("C2")?.formula).toBeUndefined();
    // What was sent: the Text format on row 1 before the values.
    const order = excel.log
      .filter((e) => e.target.startsWith("第1次调度通报!"))
      .map((e) => `${e.name} ${e.target}`);
    expect(order.indexOf("numberFormat 第1次调度通报!A1:H1")).toBeLessThan(
      order.indexOf("values 第1次调度通报!A1:H2")
    );
  });

  it("the fake does read such text as a formula without the Text format (the test above means something)", async () => {
    const { excel, wb } = setup();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("村级考核").getRange("A5:C5").values = [
        ["=1+1", "92%", "-3分"],
      ];
      await ctx.sync();
    });
    expect(wb.sheet("村级考核").at("A5")?.formula).toBe("=1+1");
    expect(wb.sheet("村级考核").at("B5")?.value).toBe(0.92);
    expect(wb.sheet("村级考核").at("C5")?.formula).toBe("=-3分");
  });
});

describe("ExcelHost.writeSheets: logs", () => {
  it("adds a log's rows after the existing ones, header once, formulas moved to their rows", async () => {
    const { excel, host, wb } = setup();
    await host.writeSheets([dispatchLogModel(1, 3)], { now: NOW });
    const log = wb.sheet("调度记录");
    expect(log.grid()).toHaveLength(4);
    expect(log.freeze).toEqual({ rows: 1, columns: 0 });

    excel.reset();
    await host.writeSheets([dispatchLogModel(2, 3)], { now: NOW });
    const grid = log.grid();
    expect(grid).toHaveLength(7);
    expect(grid[0]).toEqual(["调度", "单位", "名次", "单位数", "预警"]);
    expect(grid.slice(1).map((r) => r[0])).toEqual([
      "第1次",
      "第1次",
      "第1次",
      "第2次",
      "第2次",
      "第2次",
    ]);
    expect(log.at("E5")?.formula).toBe('=IF(C5>D5-3,"后三名","")');
    // Only the new rows were written; the old ones were not cleared.
    expect(
      excel.log.filter((e) => e.target.startsWith("调度记录!")).map((e) => `${e.name} ${e.target}`)
    ).toEqual(["values 调度记录!A5:D7", "formulasR1C1 调度记录!E5:E7"]);
  });
});

describe("ExcelHost.writeSheets: a failed write leaves nothing half-written", () => {
  async function failingRefresh(failOn: (target: string, name: string) => boolean) {
    const { excel, host, wb } = setup({ 村级考核: [["村名"], ["第1村"]], 龙虎榜: [["手工"]] });
    await host.writeSheets([scoresModel(20), dispatchLogModel(1, 5)], { now: NOW });
    const before = { names: wb.names(), sheets: wb.sheets.map((s) => s.snapshot()) };
    excel.reset();
    excel.failWhen = (a) => failOn(a.target, a.name);
    const write = host.writeSheets(
      [scoresModel(40), leaderboardModel(40), dispatchLogModel(2, 5)],
      { now: "2025-12-01T00:00:00.000Z" }
    );
    await expect(write).rejects.toThrow("写入工作表时出错，已撤销本次写入，工作簿保持原样");
    excel.failWhen = undefined;
    return { excel, host, wb, before };
  }

  it.each([
    [
      "while writing the replaced sheet's cells",
      (t: string, n: string) => t.startsWith("得分!") && n === "formulasR1C1",
    ],
    [
      "while writing the new sheet's conditional formats",
      (t: string, n: string) => t.startsWith("龙虎榜(考核助手)!") && n === "conditionalFormats.add",
    ],
    [
      "while writing the markers",
      (t: string, n: string) => t.startsWith(`${MARKER_SHEET}!`) && n === "values",
    ],
    [
      "while making the first backup",
      (t: string, n: string) => n === "copyFrom" && t.startsWith("KH_备份中_1"),
    ],
    [
      "after the log rows were appended",
      (t: string, n: string) => t.startsWith(`${MARKER_SHEET}!`) && n === "numberFormat",
    ],
  ])("restores every sheet %s", async (_when, failOn) => {
    const { wb, before, host } = await failingRefresh(failOn);
    expect(wb.names()).toEqual(before.names);
    expect(wb.sheets.map((s) => s.snapshot())).toEqual(before.sheets);
    expect(await host.readMarkers()).toEqual([
      { sheet: "得分", kind: "scores", generatedAt: NOW },
      { sheet: "调度记录", kind: "dispatchLog", generatedAt: NOW },
    ]);
  });

  it("restores every sheet when a later request of a write cut under a byte budget fails", async () => {
    const { excel, wb } = setup({ 村级考核: [["村名"], ["第1村"]] });
    const host = new ExcelHost(excel.run, { maxRequestBytes: 4_000 });
    await host.writeSheets([scoresModel(200), dispatchLogModel(1, 5)], { now: NOW });
    const before = { names: wb.names(), sheets: wb.sheets.map((s) => s.snapshot()) };
    excel.reset();
    let bands = 0;
    excel.failWhen = (a) =>
      a.name === "formulasR1C1" && a.target.startsWith("得分!") && ++bands === 12;
    const write = host.writeSheets(
      [scoresModel(300), leaderboardModel(300), dispatchLogModel(2, 5)],
      {
        now: NOW,
      }
    );
    await expect(write).rejects.toThrow("已撤销本次写入");
    expect(excel.requestBytes.length).toBeGreaterThan(5); // it failed several requests into the write
    expect(wb.names()).toEqual(before.names);
    expect(wb.sheets.map((s) => s.snapshot())).toEqual(before.sheets);
  });

  it("deletes backups a crash left behind on the next write", async () => {
    const { host, wb } = setup();
    wb.addSheet("KH_备份_1", [["旧备份"]]).visibility = "Hidden";
    wb.addSheet("KH_备份中_2").visibility = "Hidden";
    await host.writeSheets([scoresModel(2)], { now: NOW });
    expect(wb.names()).toEqual(["村级考核", "得分", MARKER_SHEET]);
  });

  it("reports a refused page setup as a warning and keeps the written sheets", async () => {
    const { excel, host, wb } = setup();
    excel.failWhen = (a) => a.name === "pageLayout.zoom";
    const result = await host.writeSheets(generatedModels(3), { activate: "得分", now: NOW });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain("工作表已写好，但打印设置");
    expect(wb.sheet("得分").grid()).toHaveLength(4);
  });

  it("refuses a model Excel would reject before sending anything", async () => {
    const { excel, host } = setup();
    const bad: SheetModel = { name: "得分", kind: "scores", cells: [[{ value: Infinity }]] };
    await expect(host.writeSheets([bad], { now: NOW })).rejects.toThrow(
      "工作表“得分”的 A1 不是有效的数值"
    );
    expect(excel.log).toEqual([]);
    await expect(host.writeSheets([{ ...bad, name: "History" }], { now: NOW })).rejects.toThrow(
      "Excel 保留的工作表名称"
    );
  });
});

describe("ExcelHost reading", () => {
  function withData() {
    const { excel, host, wb } = setup({});
    const s = wb.addSheet("村级考核");
    // A table starting at B3, a formula with its computed value, a text that looks like a formula.
    s.ensure(2, 1).value = "村名";
    s.ensure(2, 2).value = "得分";
    s.ensure(3, 1).value = "第1村";
    Object.assign(s.ensure(3, 2), { value: 92.5, formula: "=KH.TARGETSCORE(95,100,20)" });
    Object.assign(s.ensure(4, 1), { value: "=不是公式", numberFormat: "@" });
    s.merges.push({ top: 0, left: 1, bottom: 0, right: 2 });
    s.ensure(0, 1).value = "2025年考核";
    return { excel, host, wb };
  }

  it("gives values and formulas from A1, constants as null formulas, text '=…' as text", async () => {
    const { excel, host } = withData();
    const data = await host.readSheet("村级考核");
    expect(excel.syncs).toBe(2); // the used range's extent, then its values and formulas
    expect(data?.values).toEqual([
      [null, "2025年考核", null],
      [null, null, null],
      [null, "村名", "得分"],
      [null, "第1村", 92.5],
      [null, "=不是公式", null],
    ]);
    expect(data?.formulas?.[3]).toEqual([null, null, "=KH.TARGETSCORE(95,100,20)"]);
    expect(data?.formulas?.[4]).toEqual([null, null, null]);
    expect(data?.merges).toBeUndefined(); // ExcelApi 1.13 not reported as supported
  });

  it("pads the rows above a used range that starts below row 1", async () => {
    const { host, wb } = setup({});
    wb.addSheet("表").ensure(2, 1).value = "村名";
    expect((await host.readSheet("表"))?.values).toEqual([
      [null, null],
      [null, null],
      [null, "村名"],
    ]);
  });

  it("reads merged areas where ExcelApi 1.13 is supported", async () => {
    const { excel } = withData();
    const host = new ExcelHost(excel.run, {
      isSetSupported: (name, v) => name === "ExcelApi" && Number(v.split(".")[1]) <= 13,
    });
    expect((await host.readSheet("村级考核"))?.merges).toEqual(["B1:C1"]);
  });

  it("reads a small sheet in one band under a byte budget, with the same result", async () => {
    const { excel, host } = withData();
    const whole = await host.readSheet("村级考核");
    excel.reset();
    const banded = await new ExcelHost(excel.run, { maxRequestBytes: 200 }).readSheet("村级考核");
    expect(banded).toEqual(whole);
    expect(excel.syncs).toBe(2);
  });

  it("finds the data region when a stray cell far away makes the used range huge, in a constant number of requests", async () => {
    const { excel, host, wb } = withData();
    wb.sheet("村级考核").ensure(1_048_575, 51).value = "误输入"; // AZ1048576: 54 million cells used
    excel.reset();
    const data = await host.readSheet("村级考核");
    expect(data?.values).toEqual((await withData().host.readSheet("村级考核"))?.values);
    expect(excel.syncs).toBe(3); // the extent, the strips' used ranges, one band
    // A stray cell far to the right, on the rows of a 70-row table: 1.1 million cells, cut down by columns too.
    const wide = withData();
    for (let r = 5; r < 70; r++) wide.wb.sheet("村级考核").ensure(r, 1).value = `第${r}村`;
    wide.wb.sheet("村级考核").ensure(3, 16_000).value = "右边很远";
    const read = await wide.host.readSheet("村级考核");
    expect(read?.values[3]).toEqual([null, "第1村", 92.5]);
    expect(read?.values).toHaveLength(70);
  });

  it("reads a genuinely large table whole, in bands (only stray parts are cut off)", async () => {
    const { excel, host, wb } = setup({});
    const width = 101;
    const rows = Array.from({ length: 10_001 }, (_, r) => Array.from({ length: width }, (_, c) => (c === 0 ? `单位${r}` : r + c)));
    wb.addSheet("大表", rows); // 1,010,101 cells: more than one read may hold
    excel.reset();
    const data = await host.readSheet("大表");
    expect(data?.values).toHaveLength(10_001);
    expect(data?.values[10_000]).toEqual(rows[10_000]);
    expect(excel.syncs).toBe(5); // the extent, strips down, strips across, two bands
  }, 60_000);

  it("reads a large sheet in bands sized by the bytes measured, each response under the budget", async () => {
    const { excel, host, wb } = setup({});
    const rows = Array.from({ length: 3000 }, (_, r) => [`第${r + 1}个很长的中文单位名称用来测字节数`, r, r % 7]);
    wb.addSheet("大表", rows);
    const whole = await host.readSheet("大表");
    const budget = 60_000;
    const banded = new ExcelHost(excel.run, { maxRequestBytes: budget });
    excel.reset();
    expect(await banded.readSheet("大表")).toEqual(whole);
    // Each response (UTF-8 JSON of a band's values and formulas) stays under the budget.
    expect(excel.syncs).toBeGreaterThan(3);
    expect(excel.syncs).toBeLessThan(30);
    expect(Math.max(...excel.responseBytes)).toBeLessThanOrEqual(budget);
  });

  it("reads again in halves a band Excel answers with null (over its cell limit for one get)", async () => {
    const { excel, host, wb } = setup({});
    wb.addSheet("表", Array.from({ length: 40 }, (_, r) => [`单位${r}`, r]));
    const whole = await host.readSheet("表");
    excel.cellLimit = 30; // 15 rows of 2 columns per get, in this test
    excel.reset();
    expect(await host.readSheet("表")).toEqual(whole);
    expect(excel.syncs).toBeGreaterThan(3);
  });

  it("gives undefined for a sheet that is not there", async () => {
    const { host } = withData();
    expect(await host.readSheet("没有这张表")).toBeUndefined();
    expect(await host.readMarkers()).toEqual([]);
  });

  it("gives the active sheet and the selected address", async () => {
    const { host, wb } = withData();
    wb.active = wb.sheet("村级考核");
    wb.selection = { sheet: wb.active, area: { top: 3, left: 2, bottom: 5, right: 2 } };
    expect(await host.selection()).toEqual({ sheet: "村级考核", address: "C4:C6" });
    wb.selection = undefined;
    expect(await host.selection()).toBeUndefined();
  });
});

describe("ExcelHost.writeSheets: the very hidden marker sheet", () => {
  it("never freezes or unfreezes its panes, on the first write or a refresh (office-js#1463, #3148)", async () => {
    const { excel, host, wb } = setup();
    await host.writeSheets(generatedModels(5), { now: NOW });
    await host.writeSheets(generatedModels(5), { now: NOW });
    const panes = excel.log.filter((e) => e.name.startsWith("freezePanes."));
    expect(panes.length).toBeGreaterThan(0); // the visible sheets' panes are reset and frozen
    expect(panes.filter((e) => e.target.startsWith(MARKER_SHEET))).toEqual([]);
    expect(wb.sheet(MARKER_SHEET).visibility).toBe("VeryHidden");
  });
});
