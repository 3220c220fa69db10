/**
 * The chart part of the fake Excel object model (fake-excel.ts): only the calls the Excel host makes
 * (src/hosts/excel/apply-charts.ts, write-sheets.ts), queued and run at sync like the rest of the fake, each as
 * docs/host-facts.md (Charts) says Excel does it:
 *   - `worksheet.charts.load("items/name")`, then `items[i].delete()`;
 *   - `charts.add(type, range, seriesBy)`: one series per column ("Columns") or row ("Rows") of the range, its
 *     values that column or row (this fake does not guess a header from a text first cell; the host sets every
 *     series' values itself);
 *   - `setPosition(start, end)`: the chart covers start to end; `title.text`, `legend.position`,
 *     `axes.valueAxis.minimum` / `.numberFormat`;
 *   - `series.getItemAt(i)` (ItemNotFound past the last), `series.add(name)`, a series' `name`, `setValues`,
 *     `setXAxisValues`, `chartType`, `format.fill.setSolidColor`, `format.line.color`, and
 *     `points.getItemAt(j).format.fill.setSolidColor` (InvalidArgument past the series' last point);
 *   - colours as "#RRGGBB" (the fake refuses other forms, as the host never sends them); a protected sheet refuses
 *     adding or deleting a chart.
 */
import { Area, areaText, parseArea } from "../../../src/hosts/render-plan";
import type { FakeSheet, OfficeError as OfficeErrorType, Recorded } from "./fake-excel";

export interface FakeSeries {
  name?: string;
  /** "Sheet!A1:A9" */
  values?: string;
  xValues?: string;
  chartType?: string;
  fill?: string;
  line?: string;
  /** 0-based point index → fill colour. */
  points: Record<number, string>;
  /** How many points the series has (its values' cells). */
  length: number;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legend?: string;
  position?: { start: string; end: string };
  valueAxis: { minimum?: number; numberFormat?: string };
  series: FakeSeries[];
}

/** What the chart proxies need of the fake's request context. */
export interface ChartContext {
  queue: (() => void)[];
  record(entry: Omit<Recorded, "bytes">, apply: () => void): void;
}

/** A range proxy as the chart calls take it. */
export interface RangeLike {
  label: string;
  target(): { sheet: FakeSheet; area: Area };
}

type Fail = (code: string, message: string) => OfficeErrorType;

const COLOUR = /^#[0-9A-Fa-f]{6}$/;
const LEGEND = ["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"];

const rangeText = (r: RangeLike) => {
  const { sheet, area } = r.target();
  return `${sheet.name}!${areaText(area)}`;
};
const cellsOf = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

export class ChartCollectionProxy {
  private loadedItems: ChartProxy[] | undefined;

  constructor(
    private readonly ctx: ChartContext,
    private readonly label: string,
    private readonly sheet: () => FakeSheet,
    private readonly fail: Fail
  ) {}

  load(props: string): this {
    if (props !== "items/name") throw new Error(`fake: charts.load("${props}") is not modelled`);
    this.ctx.queue.push(() => {
      this.loadedItems = this.sheet().charts.map((c) => new ChartProxy(this.ctx, this.label, () => c, this.sheet, this.fail, c));
    });
    return this;
  }

  get items(): ChartProxy[] {
    if (!this.loadedItems) throw this.fail("PropertyNotLoaded", "charts.items was not loaded");
    return this.loadedItems;
  }

  add(type: string, source: RangeLike, seriesBy = "Auto"): ChartProxy {
    let created: FakeChart | undefined;
    this.ctx.record(
      { kind: "call", target: `${this.label}!charts`, name: "charts.add", value: { type, source: source.label, seriesBy }, range: false },
      () => {
        const sheet = this.editable();
        const { sheet: from, area } = source.target();
        const byRows = seriesBy === "Rows" || (seriesBy === "Auto" && area.right - area.left > area.bottom - area.top);
        const series: FakeSeries[] = [];
        if (byRows) for (let r = area.top; r <= area.bottom; r++) series.push(seriesOver(from, { ...area, top: r, bottom: r }));
        else for (let c = area.left; c <= area.right; c++) series.push(seriesOver(from, { ...area, left: c, right: c }));
        created = {
          name: `图表 ${sheet.charts.length + 1}`,
          type,
          source: `${from.name}!${areaText(area)}`,
          seriesBy,
          valueAxis: {},
          series,
        };
        sheet.charts.push(created);
      }
    );
    return new ChartProxy(this.ctx, this.label, () => created, this.sheet, this.fail);
  }

  private editable(): FakeSheet {
    const s = this.sheet();
    if (s.protected) throw this.fail("AccessDenied", `worksheet ${s.name} is protected`);
    return s;
  }
}

function seriesOver(sheet: FakeSheet, area: Area): FakeSeries {
  return { values: `${sheet.name}!${areaText(area)}`, points: {}, length: cellsOf(area) };
}

export class ChartProxy {
  readonly title: { text: string };
  readonly legend: { position: string };
  readonly axes: { valueAxis: { minimum: number; numberFormat: string } };
  readonly series: { getItemAt(index: number): SeriesProxy; add(name?: string): SeriesProxy };

  constructor(
    private readonly ctx: ChartContext,
    private readonly label: string,
    private readonly chart: () => FakeChart | undefined,
    private readonly sheet: () => FakeSheet,
    private readonly fail: Fail,
    private readonly loaded?: FakeChart
  ) {
    const set = (name: string, value: unknown, apply: (c: FakeChart) => void) =>
      ctx.record({ kind: "set", target: `${label}!chart`, name, value, range: false }, () => apply(this.bound()));
    this.title = {
      set text(v: string) {
        set("title.text", v, (c) => (c.title = v));
      },
      get text(): string {
        throw fail("PropertyNotLoaded", "title.text");
      },
    };
    this.legend = {
      set position(v: string) {
        set("legend.position", v, (c) => {
          if (!LEGEND.includes(v)) throw fail("InvalidArgument", `legend position ${v}`);
          c.legend = v;
        });
      },
      get position(): string {
        throw fail("PropertyNotLoaded", "legend.position");
      },
    };
    this.axes = {
      valueAxis: {
        set minimum(v: number) {
          set("axes.valueAxis.minimum", v, (c) => (c.valueAxis.minimum = v));
        },
        get minimum(): number {
          throw fail("PropertyNotLoaded", "valueAxis.minimum");
        },
        set numberFormat(v: string) {
          set("axes.valueAxis.numberFormat", v, (c) => (c.valueAxis.numberFormat = v));
        },
        get numberFormat(): string {
          throw fail("PropertyNotLoaded", "valueAxis.numberFormat");
        },
      },
    };
    this.series = {
      getItemAt: (index: number) => {
        const proxy = new SeriesProxy(ctx, label, fail);
        ctx.queue.push(() => {
          const s = this.bound().series[index];
          if (!s) throw fail("ItemNotFound", `chart series ${index}`);
          proxy.bind(s);
        });
        return proxy;
      },
      add: (name?: string) => {
        const proxy = new SeriesProxy(ctx, label, fail);
        ctx.record({ kind: "call", target: `${label}!chart`, name: "series.add", value: name ?? null, range: false }, () => {
          const s: FakeSeries = { name, points: {}, length: 0 };
          this.bound().series.push(s);
          proxy.bind(s);
        });
        return proxy;
      },
    };
  }

  /** Loaded with the collection's items/name. */
  get name(): string {
    if (!this.loaded) throw this.fail("PropertyNotLoaded", "chart.name");
    return this.loaded.name;
  }

  private bound(): FakeChart {
    const c = this.chart();
    if (!c) throw new Error(`fake: chart on ${this.label} used before it was added`);
    return c;
  }

  setPosition(start: string, end?: string): void {
    this.ctx.record({ kind: "call", target: `${this.label}!chart`, name: "setPosition", value: { start, end }, range: false }, () => {
      parseArea(start);
      if (end) parseArea(end);
      this.bound().position = { start, end: end ?? start };
    });
  }

  delete(): void {
    this.ctx.record({ kind: "call", target: `${this.label}!chart`, name: "chart.delete", value: null, range: false }, () => {
      const sheet = this.sheet();
      if (sheet.protected) throw this.fail("AccessDenied", `worksheet ${sheet.name} is protected`);
      const c = this.bound();
      const at = sheet.charts.indexOf(c);
      if (at < 0) throw this.fail("ItemNotFound", "the chart was already deleted");
      sheet.charts.splice(at, 1);
    });
  }
}

export class SeriesProxy {
  private series: FakeSeries | undefined;
  readonly format: { fill: { setSolidColor(colour: string): void }; line: { color: string } };
  readonly points: { getItemAt(index: number): { format: { fill: { setSolidColor(colour: string): void } } } };

  constructor(
    private readonly ctx: ChartContext,
    private readonly label: string,
    private readonly fail: Fail
  ) {
    const set = (name: string, value: unknown, apply: (s: FakeSeries) => void) =>
      ctx.record({ kind: "set", target: `${label}!series`, name, value, range: false }, () => apply(this.bound()));
    const colour = (v: string) => {
      if (!COLOUR.test(v)) throw fail("InvalidArgument", `colour ${v}`);
      return v;
    };
    this.format = {
      fill: { setSolidColor: (v: string) => set("format.fill.setSolidColor", v, (s) => (s.fill = colour(v))) },
      line: {
        set color(v: string) {
          set("format.line.color", v, (s) => (s.line = colour(v)));
        },
        get color(): string {
          throw fail("PropertyNotLoaded", "format.line.color");
        },
      },
    };
    this.points = {
      getItemAt: (index: number) => ({
        format: {
          fill: {
            setSolidColor: (v: string) =>
              set(`points.${index}.format.fill.setSolidColor`, v, (s) => {
                if (!Number.isInteger(index) || index < 0 || index >= s.length)
                  throw fail("InvalidArgument", `point ${index} of ${s.length}`);
                s.points[index] = colour(v);
              }),
          },
        },
      }),
    };
  }

  bind(series: FakeSeries): void {
    this.series = series;
  }

  private bound(): FakeSeries {
    if (!this.series) throw new Error(`fake: series on ${this.label} used before its batch ran`);
    return this.series;
  }

  set name(v: string) {
    this.ctx.record({ kind: "set", target: `${this.label}!series`, name: "name", value: v, range: false }, () => (this.bound().name = v));
  }

  set chartType(v: string) {
    this.ctx.record(
      { kind: "set", target: `${this.label}!series`, name: "chartType", value: v, range: false },
      () => (this.bound().chartType = v)
    );
  }

  setValues(range: RangeLike): void {
    this.ctx.record({ kind: "call", target: `${this.label}!series`, name: "setValues", value: range.label, range: false }, () => {
      const s = this.bound();
      s.values = rangeText(range);
      s.length = cellsOf(range.target().area);
    });
  }

  setXAxisValues(range: RangeLike): void {
    this.ctx.record({ kind: "call", target: `${this.label}!series`, name: "setXAxisValues", value: range.label, range: false }, () => {
      this.bound().xValues = rangeText(range);
    });
  }
}
