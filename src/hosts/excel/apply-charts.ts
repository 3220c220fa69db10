/**
 * A sheet's native charts through Office.js (SPEC §4 Pictures), queued like apply-ops (nothing here syncs). Every
 * call is in ExcelApi 1.8 or older, under the add-in's floor of 1.9 (requirements.ts), so none needs a guard: charts,
 * titles, legends, positions, fills and point fills are 1.1; adding a series, its values and x values and a series'
 * chart type (the 应达 line on the completion bars) 1.7; the value axis' number format 1.8 (docs/host-facts.md, Charts).
 */
import { ChartSeries, ChartSpec } from "../../core/sheet-model";
import { chartCells } from "../chart-cells";
import { areaText } from "../render-plan";

/** The charts a sheet had, loaded (`items/name`) in the write's read request: all deleted before the new ones. */
export function deleteCharts(loaded: Excel.ChartCollection): void {
  for (const chart of loaded.items) chart.delete();
}

/**
 * One chart: clustered columns of `bars` over the categories, and `line` as a line series on the same axes. The
 * chart is made from the values alone and each series' values and x values are then set from the spec's ranges,
 * so what Excel guesses from a source range (a text first cell read as the series name) never shifts them.
 */
export function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const chart = ws.charts.add("ColumnClustered", ws.getRange(spec.bars.values), "Columns");
  const at = chartCells(spec);
  chart.setPosition(areaText({ ...at, bottom: at.top, right: at.left }), areaText({ ...at, top: at.bottom, left: at.right }));
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.axes.valueAxis.minimum = 0;
  if (spec.numberFormat) chart.axes.valueAxis.numberFormat = spec.numberFormat;

  const bars = chart.series.getItemAt(0);
  setSeries(ws, bars, spec.bars, spec.categories);
  bars.format.fill.setSolidColor(spec.bars.colour);
  for (const p of spec.bars.pointColours ?? []) bars.points.getItemAt(p.index).format.fill.setSolidColor(p.colour);

  if (spec.line) {
    const line = chart.series.add(spec.line.name);
    line.chartType = "Line";
    setSeries(ws, line, spec.line, spec.categories);
    line.format.line.color = spec.line.colour;
  }
}

function setSeries(ws: Excel.Worksheet, series: Excel.ChartSeries, spec: ChartSeries, categories: string): void {
  series.name = spec.name;
  series.setValues(ws.getRange(spec.values));
  series.setXAxisValues(ws.getRange(categories));
}
