/**
 * Native charts through the WPS host (on the ET double, test/hosts/wps/double/charts.ts): 龙虎榜's bars per group
 * and a 第N次调度通报's completion bars with the 应达 line (xlLine), over the same ranges as the .xlsx host's chart
 * parts, over the cells the model names, titled, with BGR colours; a refresh leaves exactly the model's charts and a
 * clerk's chart on their own sheet is left alone.
 */
import { generateBoard } from "../../../src/app/workflow";
import { ChartSpec } from "../../../src/core/sheet-model";
import { CHART_COLOURS } from "../../../src/core/sheets/sheet-charts";
import { chartCellsText } from "../../../src/hosts/chart-cells";
import { EtApplication } from "../../../src/hosts/wps/et";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { NOW, villageScheme } from "../../app/support";
import { LATER, PENSION_SHEETS, VILLAGE_SHEETS, absolute, bulletinThenBoard, expectedCharts, xlsxReferences } from "../chart-workflow";
import { DoubleChart, cellsUnder } from "./double/charts";
import { DoubleOptions } from "./double/et-double";
import { Raw, workbook } from "./double/fixtures";

function setup(sheets: Record<string, unknown[][]>, options: DoubleOptions = {}) {
  const app = workbook(sheets as Record<string, Raw[][]>, options);
  const host = new WpsHost(app as unknown as EtApplication);
  const warnings: string[] = [];
  const write = host.writeSheets.bind(host);
  host.writeSheets = async (models, opts) => {
    const result = await write(models, opts);
    warnings.push(...result.warnings);
    return result;
  };
  return { app, host, warnings, sheet: (name: string) => app.sheet(name)! };
}

/** RGB(r, g, b) as VBA and ET compute it: r + g·256 + b·65536. */
const RGB = (r: number, g: number, b: number) => r + g * 256 + b * 65536;
const bgrOf = (hex: string) => RGB(parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16));

/** What the double holds for a chart of `spec` on `sheet`, as the host should have drawn it. */
function drawn(spec: ChartSpec, sheet: string) {
  const ref = (a1: string) => `${sheet}!${a1}`;
  return {
    chartType: 51,
    hasTitle: true,
    title: spec.title,
    hasLegend: true,
    legendPosition: -4107,
    valueAxis: { minimumScale: 0, ...(spec.numberFormat ? { numberFormat: spec.numberFormat } : {}) },
    series: [
      expect.objectContaining({
        name: spec.bars.name,
        values: ref(spec.bars.values),
        xValues: ref(spec.categories),
        fill: bgrOf(spec.bars.colour),
        points: Object.fromEntries((spec.bars.pointColours ?? []).map((p) => [p.index + 1, bgrOf(p.colour)])),
      }),
      ...(spec.line
        ? [
            expect.objectContaining({
              name: spec.line.name,
              values: ref(spec.line.values),
              xValues: ref(spec.categories),
              chartType: 4,
              line: bgrOf(spec.line.colour),
            }),
          ]
        : []),
    ],
  };
}

const references = (chart: DoubleChart) => chart.series.flatMap((s) => [absolute(s.xValues!), absolute(s.values!)]);

describe("WPS host: 龙虎榜 charts", () => {
  it("one xlColumnClustered chart per group over the group's 单位 and 总分, 龙榜 red and 虎榜 grey as BGR, over the model's cells", async () => {
    const { host, sheet } = setup(VILLAGE_SHEETS);
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    const want = (await expectedCharts((h) => generateBoard(h, { scheme: villageScheme(), now: NOW }), true)).get("龙虎榜")!;
    const board = sheet("龙虎榜");
    expect(board.charts).toEqual(want.map((spec) => expect.objectContaining(drawn(spec, "龙虎榜"))));
    board.charts.forEach((chart, k) => {
      expect(references(chart)).toEqual(xlsxReferences(want[k], "龙虎榜"));
      expect(cellsUnder(chart, board.columnWidths, board.StandardWidth)).toBe(chartCellsText(want[k]));
    });
    const colours = new Set(board.charts.flatMap((c) => Object.values(c.series[0].points)));
    expect(colours).toEqual(new Set([bgrOf(CHART_COLOURS.dragon), bgrOf(CHART_COLOURS.tiger)]));
  });

  it("colours are BGR longs: RGB(r, g, b) = r + g·256 + b·65536", async () => {
    const { host, sheet } = setup(VILLAGE_SHEETS);
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    const [chart] = sheet("龙虎榜").charts;
    // #4472C4 (Excel's blue): red 0x44, green 0x72, blue 0xC4 → 0xC47244.
    expect(CHART_COLOURS.bar).toBe("#4472C4");
    expect(chart.series[0].fill).toBe(0xc47244);
    expect(chart.series[0].fill).toBe(RGB(0x44, 0x72, 0xc4));
    // #A6A6A6 grey reads the same either way; the dark red does not.
    const red = Object.values(chart.series[0].points).find((v) => v !== bgrOf(CHART_COLOURS.tiger))!;
    expect(red).toBe(bgrOf(CHART_COLOURS.dragon));
    expect(red & 0xff).toBe(parseInt(CHART_COLOURS.dragon.slice(1, 3), 16));
  });

  it("a refresh leaves the model's charts, not two sets; a clerk's chart on their own sheet survives, one on ours does not", async () => {
    const { host, sheet } = setup(VILLAGE_SHEETS);
    const clerks: DoubleChart = { left: 10, top: 10, width: 200, height: 100, chartType: 5, valueAxis: {}, series: [] };
    sheet("说明").charts.push(clerks);
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    const first = JSON.stringify(sheet("龙虎榜").charts);
    sheet("龙虎榜").charts.push({ ...clerks });
    await generateBoard(host, { now: LATER });
    expect(JSON.stringify(sheet("龙虎榜").charts)).toBe(first);
    expect(sheet("说明").charts).toEqual([clerks]);
    // The clerk's data sheet got none.
    expect(sheet("村级考核").charts).toEqual([]);
  });

  it("removes the series a new chart object may come with (the selection plotted), and reads Count as a method on builds that have it so", async () => {
    const { host, sheet } = setup(VILLAGE_SHEETS, { chartWithSeries: true, methodProps: true });
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    const want = (await expectedCharts((h) => generateBoard(h, { scheme: villageScheme(), now: NOW }), true)).get("龙虎榜")!;
    expect(sheet("龙虎榜").charts).toEqual(want.map((spec) => expect.objectContaining(drawn(spec, "龙虎榜"))));
  });

  it("a chart ET refuses leaves the written sheet and says so", async () => {
    const { host, sheet, warnings, app } = setup(VILLAGE_SHEETS);
    const proto = Object.getPrototypeOf(sheet("村级考核"));
    const original = proto.ChartObjects;
    proto.ChartObjects = function () {
      const objects = original.call(this);
      return {
        ...objects,
        get Count() {
          return objects.Count;
        },
        Delete: objects.Delete,
        Add: () => {
          throw new Error("图表失败");
        },
      };
    };
    try {
      await generateBoard(host, { scheme: villageScheme(), now: NOW });
    } finally {
      proto.ChartObjects = original;
    }
    expect(warnings.join("\n")).toMatch(/工作表“龙虎榜”已写好，但图表未能全部画出（图表失败）/);
    expect(app.sheet("龙虎榜")!.cells.size).toBeGreaterThan(50);
    await generateBoard(host, { now: LATER });
    expect(sheet("龙虎榜").charts).toHaveLength(2);
  });
});

describe("WPS host: 第N次调度通报 chart", () => {
  it("completion bars and the 应达 line (xlLine 4), percent axis, over the bulletin's own table", async () => {
    const { host, sheet } = setup(PENSION_SHEETS);
    await bulletinThenBoard(host);
    const want = await expectedCharts(bulletinThenBoard, false);
    const [spec] = want.get("第2次调度通报")!;
    const bulletin = sheet("第2次调度通报");
    expect(bulletin.charts).toEqual([expect.objectContaining(drawn(spec, "第2次调度通报"))]);
    expect(references(bulletin.charts[0])).toEqual(xlsxReferences(spec, "第2次调度通报"));
    expect(cellsUnder(bulletin.charts[0], bulletin.columnWidths, bulletin.StandardWidth)).toBe(chartCellsText(spec));
    expect(sheet("龙虎榜").charts).toHaveLength(want.get("龙虎榜")!.length);
  });
});
