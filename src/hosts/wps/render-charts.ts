/**
 * A sheet's native charts through ET (SPEC §4 Pictures), after its cells: the old chart objects of a rewritten sheet
 * deleted (clearing its cells leaves them, as in Excel), then one ChartObject per ChartSpec over the cells the spec
 * names, an empty chart filled with the spec's series — no SetSourceData, so nothing is guessed from the cells —
 * coloured with BGR integers (docs/host-facts.md, Charts).
 */
import { ChartSeries, ChartSpec } from "../../core/sheet-model";
import { chartCellsText } from "../chart-cells";
import { EtChart, EtSeries, EtWorksheet, XL } from "./et";
import { bgr, prop } from "./et-access";

export function drawCharts(sheet: EtWorksheet, charts: readonly ChartSpec[], replace: boolean): void {
  if (replace) {
    const old = sheet.ChartObjects();
    if (prop(old.Count) > 0) old.Delete();
  }
  for (const spec of charts) addChart(sheet, spec);
}

function addChart(sheet: EtWorksheet, spec: ChartSpec): void {
  const at = sheet.Range(chartCellsText(spec));
  const chart = sheet.ChartObjects().Add(prop(at.Left), prop(at.Top), prop(at.Width), prop(at.Height)).Chart;
  chart.ChartType = XL.columnClustered;
  // A new chart object may come with series of its own (Excel plots the selection): none of them is ours.
  const all = chart.SeriesCollection();
  for (let n = prop(all.Count); n > 0; n--) all.Item(n).Delete();

  const bars = setSeries(sheet, all.NewSeries(), spec.bars, spec.categories);
  bars.Format.Fill.ForeColor.RGB = bgr(spec.bars.colour);
  for (const p of spec.bars.pointColours ?? []) bars.Points(p.index + 1).Format.Fill.ForeColor.RGB = bgr(p.colour);
  if (spec.line) {
    const line = setSeries(sheet, all.NewSeries(), spec.line, spec.categories);
    line.ChartType = XL.line;
    line.Format.Line.ForeColor.RGB = bgr(spec.line.colour);
  }
  titleAndAxis(chart, spec);
}

function setSeries(sheet: EtWorksheet, series: EtSeries, spec: ChartSeries, categories: string): EtSeries {
  series.Name = spec.name;
  series.Values = sheet.Range(spec.values);
  series.XValues = sheet.Range(categories);
  return series;
}

function titleAndAxis(chart: EtChart, spec: ChartSpec): void {
  chart.HasTitle = true;
  chart.ChartTitle.Text = spec.title;
  chart.HasLegend = true;
  chart.Legend.Position = XL.legendBottom;
  const axis = chart.Axes(XL.valueAxis);
  axis.MinimumScale = 0;
  if (spec.numberFormat) axis.TickLabels.NumberFormat = spec.numberFormat;
}
