/**
 * Charts in the ET double: only what src/hosts/wps/render-charts.ts calls, as docs/host-facts.md (Charts) says ET
 * does it — `Worksheet.ChartObjects()` (the collection: Count, Add(left, top, width, height) in points, Delete() of
 * all), `ChartObject.Chart`, `Chart.ChartType` / `HasTitle` / `ChartTitle.Text` / `HasLegend` / `Legend.Position` /
 * `Axes(xlValue)` (MinimumScale, TickLabels.NumberFormat) / `SeriesCollection()` (Count, 1-based Item, NewSeries),
 * a series' Name, Values and XValues (worksheet ranges), ChartType, Format.Fill/Line.ForeColor.RGB (BGR integers),
 * 1-based Points(i) and Delete(). A new chart object is empty, or with `chartWithSeries` holds one series over
 * the selection (as Excel's Shapes.AddChart2 plots it), which the host must remove.
 *
 * Geometry is the double's own: a column is `charsToPoints(width)` points wide (standard width 8.38), a row 13.5
 * points high; `cellsUnder(chart)` turns a chart's points back into the cells it covers.
 */
import { charsToPoints } from "../../../../src/hosts/excel/sheet-plan";
import { colLetters, formatAddress, Rect } from "./address";

export interface DoubleSeries {
  name?: string;
  /** "Sheet!B5:B20" */
  values?: string;
  xValues?: string;
  length: number;
  chartType?: number;
  fill?: number;
  line?: number;
  /** 1-based point → BGR fill. */
  points: Record<number, number>;
}

export interface DoubleChart {
  left: number;
  top: number;
  width: number;
  height: number;
  chartType?: number;
  hasTitle?: boolean;
  title?: string;
  hasLegend?: boolean;
  legendPosition?: number;
  valueAxis: { minimumScale?: number; numberFormat?: string };
  series: DoubleSeries[];
}

export const ROW_POINTS = 13.5;

/** What a range handed to Values/XValues must be: a range of the double (its sheet name and rectangle). */
interface RangeOf {
  sheet: { Name: string };
  rect: Rect;
}

function colour(v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 0xffffff)
    throw new Error(`ET double: RGB must be a BGR integer, got ${String(v)}`);
  return v;
}

function rangeText(v: unknown): { text: string; length: number } {
  const r = v as RangeOf;
  if (!r || typeof r !== "object" || !r.rect || !r.sheet) throw new Error("ET double: a series' Values and XValues take a Range here");
  return { text: `${r.sheet.Name}!${formatAddress(r.rect, false)}`, length: (r.rect.r1 - r.rect.r0 + 1) * (r.rect.c1 - r.rect.c0 + 1) };
}

function seriesObject(s: DoubleSeries, remove: () => void) {
  const fill = {
    get RGB() {
      return s.fill ?? 0;
    },
    set RGB(v: number) {
      s.fill = colour(v);
    },
  };
  const line = {
    get RGB() {
      return s.line ?? 0;
    },
    set RGB(v: number) {
      s.line = colour(v);
    },
  };
  return {
    get Name() {
      return s.name ?? "";
    },
    set Name(v: string) {
      s.name = String(v);
    },
    set Values(v: unknown) {
      const r = rangeText(v);
      s.values = r.text;
      s.length = r.length;
    },
    set XValues(v: unknown) {
      s.xValues = rangeText(v).text;
    },
    get ChartType() {
      return s.chartType ?? 51;
    },
    set ChartType(v: number) {
      s.chartType = v;
    },
    Format: { Fill: { ForeColor: fill }, Line: { ForeColor: line } },
    Points(i: number) {
      if (!Number.isInteger(i) || i < 1 || i > s.length)
        throw new Error(`ET double: Points(${i}) of a series of ${s.length} (indexes start at 1)`);
      return {
        Format: {
          Fill: {
            ForeColor: {
              get RGB() {
                return s.points[i] ?? 0;
              },
              set RGB(v: number) {
                s.points[i] = colour(v);
              },
            },
          },
        },
      };
    },
    Delete() {
      remove();
    },
  };
}

function chartObject(c: DoubleChart, quirk: <T>(v: T) => T | (() => T)) {
  return {
    get ChartType() {
      return c.chartType ?? 51;
    },
    set ChartType(v: number) {
      c.chartType = v;
    },
    get HasTitle() {
      return !!c.hasTitle;
    },
    set HasTitle(v: boolean) {
      c.hasTitle = v;
    },
    get ChartTitle() {
      if (!c.hasTitle) throw new Error("ET double: the chart has no title (HasTitle first)");
      return {
        get Text() {
          return c.title ?? "";
        },
        set Text(v: string) {
          c.title = v;
        },
      };
    },
    get HasLegend() {
      return !!c.hasLegend;
    },
    set HasLegend(v: boolean) {
      c.hasLegend = v;
    },
    get Legend() {
      if (!c.hasLegend) throw new Error("ET double: the chart has no legend (HasLegend first)");
      return {
        get Position() {
          return c.legendPosition ?? -4152;
        },
        set Position(v: number) {
          c.legendPosition = v;
        },
      };
    },
    Axes(type: number) {
      if (type !== 2) throw new Error(`ET double: Axes(${type}) is not modelled (only xlValue 2)`);
      const a = c.valueAxis;
      return {
        get MinimumScale() {
          return a.minimumScale ?? 0;
        },
        set MinimumScale(v: number) {
          a.minimumScale = v;
        },
        TickLabels: {
          get NumberFormat() {
            return a.numberFormat ?? "General";
          },
          set NumberFormat(v: string) {
            a.numberFormat = v;
          },
        },
      };
    },
    SeriesCollection() {
      const item = (s: DoubleSeries) => seriesObject(s, () => c.series.splice(c.series.indexOf(s), 1));
      return {
        get Count() {
          return quirk(c.series.length);
        },
        Item(i: number) {
          const s = c.series[i - 1];
          if (!s) throw new Error(`ET double: SeriesCollection.Item(${i}) of ${c.series.length} (indexes start at 1)`);
          return item(s);
        },
        NewSeries() {
          const s: DoubleSeries = { length: 0, points: {} };
          c.series.push(s);
          return item(s);
        },
      };
    },
  };
}

/** `Worksheet.ChartObjects()` of a sheet whose charts are `charts`. */
export function chartObjects(charts: DoubleChart[], opts: { quirk: <T>(v: T) => T | (() => T); selection?: () => string | undefined }) {
  return {
    get Count() {
      return opts.quirk(charts.length);
    },
    Add(left: number, top: number, width: number, height: number) {
      for (const v of [left, top, width, height])
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
          throw new Error(`ET double: ChartObjects.Add(${left}, ${top}, ${width}, ${height})`);
      const c: DoubleChart = { left, top, width, height, valueAxis: {}, series: [] };
      const selected = opts.selection?.();
      if (selected) c.series.push({ values: selected, length: 1, points: {} });
      charts.push(c);
      return { Chart: chartObject(c, opts.quirk) };
    },
    Delete() {
      charts.splice(0, charts.length);
      return true;
    },
  };
}

/** Left edge of 1-based column `c` and top edge of row `r`, in points. */
export function columnLeft(widths: Map<number, number>, standard: number, c: number): number {
  let x = 0;
  for (let i = 1; i < c; i++) x += charsToPoints(widths.get(i) ?? standard);
  return x;
}
export const rowTop = (r: number) => (r - 1) * ROW_POINTS;

/** The cells a chart covers, from its points: "A30:H47". */
export function cellsUnder(chart: DoubleChart, widths: Map<number, number>, standard: number): string {
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
  let c0 = 1;
  while (!near(columnLeft(widths, standard, c0), chart.left))
    if (++c0 > 16384) throw new Error("ET double: the chart's left is not a column edge");
  let c1 = c0;
  while (!near(columnLeft(widths, standard, c1 + 1), chart.left + chart.width))
    if (++c1 > 16384) throw new Error("ET double: the chart's right is not a column edge");
  const r0 = Math.round(chart.top / ROW_POINTS) + 1;
  const r1 = Math.round((chart.top + chart.height) / ROW_POINTS);
  if (!near(rowTop(r0), chart.top) || !near(rowTop(r1 + 1), chart.top + chart.height))
    throw new Error("ET double: the chart's top or bottom is not a row edge");
  return `${colLetters(c0)}${r0}:${colLetters(c1)}${r1}`;
}
