/**
 * Native charts through the Excel host (on the fake of fake-excel.ts / fake-charts.ts): 龙虎榜's bars per group and a
 * 第N次调度通报's completion bars with the 应达 line, over the same ranges as the .xlsx host's chart parts, placed,
 * titled and coloured as the model says; a refresh leaves exactly the model's charts, a clerk's chart on their own
 * sheet is left alone, and the write takes no more requests than without charts.
 */
import { ChartSpec } from "../../../src/core/sheet-model";
import { CHART_COLOURS } from "../../../src/core/sheets/sheet-charts";
import { ExcelHost } from "../../../src/hosts/excel/excel-host";
import { chartCells } from "../../../src/hosts/chart-cells";
import { areaText } from "../../../src/hosts/render-plan";
import { PENSION_SHEETS, VILLAGE_SHEETS, absolute, boardTwice, bulletinThenBoard, expectedCharts, xlsxReferences } from "../chart-workflow";
import { FakeChart } from "./fake-charts";
import { FakeExcel } from "./fake-excel";
import { generateBoard } from "../../../src/app/workflow";
import { NOW, villageScheme } from "../../app/support";

function setup(sheets: typeof VILLAGE_SHEETS) {
  const excel = new FakeExcel();
  for (const [name, rows] of Object.entries(sheets)) excel.workbook.addSheet(name, rows);
  const host = new ExcelHost(excel.run);
  // The syncs of each write (the workflow reads the workbook too).
  const writes: number[] = [];
  const warnings: string[] = [];
  const models: Parameters<ExcelHost["writeSheets"]>[0][] = [];
  const write = host.writeSheets.bind(host);
  host.writeSheets = async (m, options) => {
    const before = excel.syncs;
    models.push(m);
    const result = await write(m, options);
    writes.push(excel.syncs - before);
    warnings.push(...result.warnings);
    return result;
  };
  return { excel, host, writes, warnings, models, write };
}

/** A chart as the clerk drew it on their own sheet. */
const clerkChart = (sheet: string): FakeChart => ({
  name: "我的图",
  type: "Pie",
  source: `${sheet}!B2:B5`,
  seriesBy: "Columns",
  valueAxis: {},
  series: [{ values: `${sheet}!B2:B5`, points: {}, length: 4 }],
});

/** What the fake holds for a chart of `spec` on `sheet`, as the host should have drawn it. */
function drawn(spec: ChartSpec, sheet: string) {
  const at = chartCells(spec);
  const ref = (a1: string) => `${sheet}!${a1}`;
  const series = [
    {
      name: spec.bars.name,
      values: ref(spec.bars.values),
      xValues: ref(spec.categories),
      fill: spec.bars.colour,
      points: Object.fromEntries((spec.bars.pointColours ?? []).map((p) => [p.index, p.colour])),
    },
    ...(spec.line
      ? [
          {
            name: spec.line.name,
            values: ref(spec.line.values),
            xValues: ref(spec.categories),
            chartType: "Line",
            line: spec.line.colour,
            points: {},
          },
        ]
      : []),
  ];
  return {
    type: "ColumnClustered",
    source: ref(spec.bars.values),
    title: spec.title,
    legend: "Bottom",
    position: { start: areaText({ ...at, bottom: at.top, right: at.left }), end: areaText({ ...at, top: at.bottom, left: at.right }) },
    valueAxis: { minimum: 0, ...(spec.numberFormat ? { numberFormat: spec.numberFormat } : {}) },
    series: series.map((s) => expect.objectContaining(s)),
  };
}

/** The .xlsx host's <c:f> references, from what the fake holds. */
const references = (chart: FakeChart) => chart.series.flatMap((s) => [absolute(s.xValues!), absolute(s.values!)]);

describe("Excel host: 龙虎榜 charts", () => {
  it("one clustered column chart per group, over the group's 单位 and 总分, 龙榜 red and 虎榜 grey, placed and titled", async () => {
    const { excel, host } = setup(VILLAGE_SHEETS);
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    const want = (await expectedCharts((h) => generateBoard(h, { scheme: villageScheme(), now: NOW }), true)).get("龙虎榜")!;
    const charts = excel.workbook.sheet("龙虎榜").charts;
    expect(want.map((c) => c.title)).toEqual(["行政村总分（龙榜红、虎榜灰）", "社区总分（龙榜红、虎榜灰）"]);
    expect(charts).toEqual(want.map((spec) => expect.objectContaining(drawn(spec, "龙虎榜"))));
    charts.forEach((chart, k) => expect(references(chart)).toEqual(xlsxReferences(want[k], "龙虎榜")));
    // Both kinds of point colour occur, and only the model's points are coloured.
    const colours = charts.flatMap((c) => Object.values(c.series[0].points));
    expect(new Set(colours)).toEqual(new Set([CHART_COLOURS.dragon, CHART_COLOURS.tiger]));
  });

  it("a refresh leaves the model's charts, not two sets; a clerk's chart on their own sheet survives, one on ours does not", async () => {
    const { excel, host, writes } = setup(VILLAGE_SHEETS);
    excel.workbook.sheet("说明").charts.push(clerkChart("说明"));
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    const board = excel.workbook.sheet("龙虎榜");
    const first = JSON.stringify(board.charts);
    board.charts.push(clerkChart("龙虎榜")); // drawn by hand on a generated sheet: the next refresh removes it
    const clerkSheet = excel.workbook.sheet("说明").snapshot();
    await generateBoard(host, { now: "2025-11-23T10:00:00+08:00" });
    expect(board.charts).toHaveLength(2);
    expect(JSON.stringify(board.charts).replace(/图表 \d/g, "")).toBe(first.replace(/图表 \d/g, ""));
    expect(excel.workbook.sheet("说明").snapshot()).toEqual(clerkSheet);
    expect(excel.workbook.sheet("说明").charts).toEqual([clerkChart("说明")]);
    // The first write creates its sheets (nothing to read in request 2), the refresh rewrites them: request 4
    // carries the charts either way.
    expect(writes).toEqual([3, 4]);
  });

  it("takes as many requests as the same writes without charts", async () => {
    const source = setup(VILLAGE_SHEETS);
    await boardTwice(source.host);
    const charted = setup(VILLAGE_SHEETS);
    const plain = setup(VILLAGE_SHEETS);
    for (const m of source.models) {
      await charted.write(m, { now: NOW });
      await plain.write(
        m.map((s) => ({ ...s, charts: undefined })),
        { now: NOW }
      );
    }
    expect(charted.excel.syncs).toBe(plain.excel.syncs);
    expect(charted.excel.workbook.sheet("龙虎榜").charts).toHaveLength(2);
    expect(plain.excel.workbook.sheet("龙虎榜").charts).toEqual([]);
  });

  it("a chart Excel refuses leaves the written sheets and says so, and the next write draws it", async () => {
    const { excel, host, warnings } = setup(VILLAGE_SHEETS);
    excel.failWhen = (a) => a.name === "charts.add";
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    expect(warnings.join("\n")).toMatch(/工作表已写好，但图表、打印设置.*未全部完成/);
    expect(excel.workbook.sheet("龙虎榜").grid().length).toBeGreaterThan(10);
    expect(excel.workbook.sheet("龙虎榜").charts).toEqual([]);
    excel.failWhen = undefined;
    await generateBoard(host, { now: NOW });
    expect(excel.workbook.sheet("龙虎榜").charts).toHaveLength(2);
  });
});

describe("Excel host: 第N次调度通报 chart", () => {
  it("completion bars and the 应达 line (a Line series), percent axis, over the bulletin's own table; kept as frozen", async () => {
    const { excel, host } = setup(PENSION_SHEETS);
    await bulletinThenBoard(host);
    const want = await expectedCharts(bulletinThenBoard, false);
    const [spec] = want.get("第2次调度通报")!;
    const charts = excel.workbook.sheet("第2次调度通报").charts;
    expect(charts).toEqual([expect.objectContaining(drawn(spec, "第2次调度通报"))]);
    expect(charts[0].series.map((s) => s.chartType)).toEqual([undefined, "Line"]);
    expect(charts[0].valueAxis.numberFormat).toBe("0%");
    expect(references(charts[0])).toEqual(xlsxReferences(spec, "第2次调度通报"));
    // The board written after it has its own; the bulletin's chart stays one.
    expect(excel.workbook.sheet("龙虎榜").charts).toHaveLength(want.get("龙虎榜")!.length);
  });
});

describe("the fake's charts refuse what Excel refuses (host-facts, Charts)", () => {
  async function oneChart(excel: FakeExcel, then: (chart: Excel.Chart) => void) {
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("表");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("B1:B3"), "Columns");
      then(chart);
      await ctx.sync();
    });
  }
  const fresh = () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("表", [
      ["甲", 1],
      ["乙", 2],
      ["丙", 3],
    ]);
    return excel;
  };

  it("a point past the series' last, a series past the chart's last, a colour not #RRGGBB", async () => {
    await expect(oneChart(fresh(), (c) => c.series.getItemAt(0).points.getItemAt(3).format.fill.setSolidColor("#FF0000"))).rejects.toThrow(
      /InvalidArgument/
    );
    await expect(oneChart(fresh(), (c) => c.series.getItemAt(1).format.fill.setSolidColor("#FF0000"))).rejects.toThrow(/ItemNotFound/);
    await expect(oneChart(fresh(), (c) => c.series.getItemAt(0).format.fill.setSolidColor("red"))).rejects.toThrow(/InvalidArgument/);
    const excel = fresh();
    await oneChart(excel, (c) => c.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor("#FF0000"));
    expect(excel.workbook.sheet("表").charts[0].series[0]).toMatchObject({ values: "表!B1:B3", points: { 2: "#FF0000" } });
  });

  it("clearing the sheet's cells leaves its charts; a protected sheet refuses a new one", async () => {
    const excel = fresh();
    await oneChart(excel, () => undefined);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("表").getRange().clear("All");
      await ctx.sync();
    });
    expect(excel.workbook.sheet("表").charts).toHaveLength(1);
    excel.workbook.sheet("表").protected = true;
    await expect(oneChart(excel, () => undefined)).rejects.toThrow(/AccessDenied/);
  });
});
