/**
 * A test double of WPS 表格's ET object model: only what src/hosts/wps uses, with WPS's quirks — 1-based
 * Cells.Item(r, c), Value2 as a scalar for one cell and rows for more (blank cells undefined), assignments that
 * behave like typed input, colours as BGR integers, Select() and Activate() that fail on an inactive or hidden
 * sheet, and (with `methodProps`) Count/Row/Column/MergeCells exposed as methods as some builds do.
 * Never shipped: it lives in test/.
 */
import { fromR1C1, r1c1Template, toR1C1 } from "../../../../src/hosts/formula-text";
import { contains, formatAddress, intersects, MAX_COL, MAX_ROW, parseAddress, Rect } from "./address";
import { Stored, typeIn } from "./typed-input";
import { DoubleChart, ROW_POINTS, chartObjects, columnLeft, rowTop } from "./charts";

export interface DoubleOptions {
  /** Count, Row, Column and MergeCells as methods. */
  methodProps?: boolean;
  /** An older build without Range.Formula2. */
  noFormula2?: boolean;
  /** Throw (as a failing COM call would) when a Value2/Formula write on this sheet happens. */
  failWritesOn?: string;
  /** No printer driver: PageSetup throws, as it does in Excel and ET on such a machine. */
  noPrinter?: boolean;
  /** A new chart object comes with a series over the selection (see charts.ts). */
  chartWithSeries?: boolean;
}

export interface CellState extends Stored {
  numberFormat?: string;
  fill?: number;
  fontColor?: number;
  bold?: boolean;
  size?: number;
  align?: number;
  wrap?: boolean;
  borders?: Set<number>;
}

export interface CfState {
  rect: Rect;
  type: number;
  formula: string;
  fill?: number;
  fontColor?: number;
  /** The active cell when Add ran: ET reads the formula's relative references from it. */
  activeCell: string;
}

function checkColour(v: unknown): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > 0xffffff) throw new Error(`ET double: Color must be a BGR integer, got ${String(v)}`);
  return v;
}

export class DoubleSheet {
  Visible = -1;
  readonly cells = new Map<string, CellState>();
  readonly merges: Rect[] = [];
  readonly cfs: CfState[] = [];
  readonly columnWidths = new Map<number, number>();
  frozen?: { rows: number; columns: number };
  /** Chart objects float over the cells: Clear leaves them. */
  readonly charts: DoubleChart[] = [];
  readonly StandardWidth = 8.38;
  private readonly pageSetup = { PaperSize: 0, Orientation: 1, PrintTitleRows: "", Zoom: 100 as number | boolean, FitToPagesWide: 1 as number | boolean, FitToPagesTall: 1 as number | boolean, CenterFooter: "" };
  private _name: string;

  constructor(
    readonly book: DoubleWorkbook,
    name: string
  ) {
    this._name = name;
  }

  get Name(): string {
    return this._name;
  }
  set Name(v: string) {
    if (!v || v.length > 31 || /[\\/?*[\]:]/.test(v)) throw new Error(`ET double: invalid sheet name "${v}"`);
    if (this.book.sheets.some((s) => s !== this && s.Name.toLowerCase() === v.toLowerCase())) throw new Error(`ET double: duplicate sheet name "${v}"`);
    this._name = v;
  }

  get PageSetup() {
    if (this.book.app.options.noPrinter) throw new Error("ET double: no printer installed");
    return this.pageSetup;
  }

  cell(r: number, c: number): CellState | undefined {
    return this.cells.get(`${r},${c}`);
  }
  ensure(r: number, c: number): CellState {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = {}));
    return cell;
  }

  get Cells(): DoubleRange {
    return new DoubleRange(this, { r0: 1, c0: 1, r1: MAX_ROW, c1: MAX_COL });
  }
  get Columns(): DoubleRange {
    return new DoubleRange(this, { r0: 1, c0: 1, r1: MAX_ROW, c1: MAX_COL }, "columns");
  }
  get UsedRange(): DoubleRange {
    let rect: Rect | undefined;
    for (const [key, cell] of this.cells) {
      if (Object.keys(cell).length === 0) continue;
      const [r, c] = key.split(",").map(Number);
      rect = rect ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return new DoubleRange(this, rect ?? { r0: 1, c0: 1, r1: 1, c1: 1 });
  }
  Range(address: string): DoubleRange {
    return new DoubleRange(this, parseAddress(address));
  }
  ChartObjects() {
    const app = this.book.app;
    return chartObjects(this.charts, {
      quirk: (v) => (app.options.methodProps ? () => v : v),
      selection: () =>
        app.options.chartWithSeries ? `${app.selection.sheet.Name}!${formatAddress(app.selection.rect, false)}` : undefined,
    });
  }
  Activate(): void {
    if (this.Visible !== -1) throw new Error(`ET double: cannot activate hidden sheet "${this.Name}"`);
    this.book.active = this;
    this.book.app.selection = { sheet: this, rect: { r0: 1, c0: 1, r1: 1, c1: 1 } };
  }
  Delete(): void {
    if (this.book.app.DisplayAlerts) this.book.app.alertsShown++;
    const i = this.book.sheets.indexOf(this);
    this.book.sheets.splice(i, 1);
    if (this.book.active === this) this.book.active = this.book.sheets.find((s) => s.Visible === -1) ?? this.book.sheets[0];
  }
}

export class DoubleRange {
  constructor(
    readonly sheet: DoubleSheet,
    readonly rect: Rect,
    private readonly kind: "cells" | "rows" | "columns" = "cells"
  ) {}

  private get opts(): DoubleOptions {
    return this.sheet.book.app.options;
  }
  private quirk<T>(v: T): T | (() => T) {
    return this.opts.methodProps ? () => v : v;
  }
  private *each(): Generator<[number, number]> {
    const { r0, c0, r1, c1 } = this.rect;
    if ((r1 - r0 + 1) * (c1 - c0 + 1) > 5_000_000) {
      // whole-sheet ranges: visit only the cells that exist
      for (const key of [...this.sheet.cells.keys()]) {
        const [r, c] = key.split(",").map(Number);
        if (contains(this.rect, r, c)) yield [r, c];
      }
      return;
    }
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) yield [r, c];
  }
  private get height(): number {
    return this.rect.r1 - this.rect.r0 + 1;
  }
  private get width(): number {
    return this.rect.c1 - this.rect.c0 + 1;
  }
  private grid<T>(read: (cell: CellState | undefined) => T): T | T[][] {
    if (this.height === 1 && this.width === 1) return read(this.sheet.cell(this.rect.r0, this.rect.c0));
    const out: T[][] = [];
    for (let r = this.rect.r0; r <= this.rect.r1; r++) {
      const row: T[] = [];
      for (let c = this.rect.c0; c <= this.rect.c1; c++) row.push(read(this.sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }
  /**
   * One formula for a whole range, as Excel's (and ET's) Range.Formula/FormulaR1C1 fill it: the same relative
   * formula in every cell, so A1 references move with the cell; stored in A1 as the Formula property reads it.
   */
  private enterFormula(input: unknown, r1c1: boolean, property: Written["property"]): void {
    const top = this.rect.r0 - 1;
    const left = this.rect.c0 - 1;
    // A single R1C1 formula is parsed once for the whole range.
    const whole = r1c1 && typeof input === "string" ? r1c1Template(input) : undefined;
    const at = (v: unknown, r: number, c: number) => {
      if (typeof v !== "string" || !v.startsWith("=")) return v;
      if (r1c1) return whole && v === input ? whole(r - 1, c - 1) : fromR1C1(v, r - 1, c - 1);
      return r - 1 === top && c - 1 === left ? v : fromR1C1(toR1C1(v, top, left), r - 1, c - 1);
    };
    if (!Array.isArray(input)) return this.enter(input, property, at);
    const rows = input as unknown[][];
    const cell = (v: unknown, i: number, j: number) => (r1c1 ? at(v, this.rect.r0 + i, this.rect.c0 + j) : v);
    this.enter(
      rows.map((row, i) => (Array.isArray(row) ? row.map((v, j) => cell(v, i, j)) : row)),
      property
    );
  }

  private enter(input: unknown, property: Written["property"], at: (v: unknown, r: number, c: number) => unknown = (v) => v): void {
    if (this.opts.failWritesOn === this.sheet.Name) throw new Error("ET double: simulated failure");
    this.sheet.book.app.written.push({ sheet: this.sheet.Name, address: formatAddress(this.rect, false), property });
    const put = (r: number, c: number, v: unknown) => {
      const cell = this.sheet.ensure(r, c);
      delete cell.value;
      delete cell.formula;
      delete cell.prefix;
      Object.assign(cell, typeIn(v, cell.numberFormat === "@"));
    };
    if (!Array.isArray(input)) {
      for (const [r, c] of this.each()) put(r, c, at(input, r, c));
      return;
    }
    const rows = input as unknown[][];
    if (rows.length !== this.height || rows.some((row) => !Array.isArray(row) || row.length !== this.width)) {
      throw new Error(`ET double: array ${rows.length}×${Array.isArray(rows[0]) ? rows[0].length : "?"} does not fit ${formatAddress(this.rect)}`);
    }
    rows.forEach((row, i) => row.forEach((v, j) => put(this.rect.r0 + i, this.rect.c0 + j, v)));
  }

  get Value2(): unknown {
    return this.grid((cell) => (cell?.formula ? cell.value : cell?.value));
  }
  set Value2(v: unknown) {
    this.enter(v, "Value2");
  }
  /** In WPS, Value takes an argument and so is a method. */
  Value(): unknown {
    return this.Value2;
  }
  get Formula(): unknown {
    return this.grid((cell) => {
      if (cell?.formula) return cell.formula;
      const v = cell?.value;
      if (v === undefined) return "";
      if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
      return String(v);
    });
  }
  set Formula(v: unknown) {
    this.enterFormula(v, false, "Formula");
  }
  set FormulaR1C1(v: unknown) {
    this.enterFormula(v, true, "FormulaR1C1");
  }
  set Formula2R1C1(v: unknown) {
    if (this.opts.noFormula2) throw new Error("ET double: Formula2R1C1 is not supported by this build");
    this.enterFormula(v, true, "Formula2R1C1");
  }
  get Formula2(): unknown {
    return this.opts.noFormula2 ? undefined : this.Formula;
  }
  set Formula2(v: unknown) {
    if (this.opts.noFormula2) throw new Error("ET double: Formula2 is not supported by this build");
    this.enterFormula(v, false, "Formula2");
  }

  get NumberFormat(): unknown {
    const seen = new Set<string>();
    for (const [r, c] of this.each()) seen.add(this.sheet.cell(r, c)?.numberFormat ?? "General");
    return seen.size === 1 ? [...seen][0] : null;
  }
  set NumberFormat(v: unknown) {
    for (const [r, c] of this.each()) this.sheet.ensure(r, c).numberFormat = String(v);
  }
  private setAll<K extends keyof CellState>(key: K, v: CellState[K]): void {
    for (const [r, c] of this.each()) this.sheet.ensure(r, c)[key] = v;
  }
  private first<K extends keyof CellState>(key: K): CellState[K] {
    return this.sheet.cell(this.rect.r0, this.rect.c0)?.[key];
  }
  get Interior(): { Color: number } {
    const range = this;
    return {
      get Color() {
        return range.first("fill") ?? 0xffffff;
      },
      set Color(v: number) {
        range.setAll("fill", checkColour(v));
      },
    };
  }
  get Font(): { Color: number; Bold: boolean; Size: number } {
    const range = this;
    return {
      get Color() {
        return range.first("fontColor") ?? 0;
      },
      set Color(v: number) {
        range.setAll("fontColor", checkColour(v));
      },
      get Bold() {
        return range.first("bold") ?? false;
      },
      set Bold(v: boolean) {
        range.setAll("bold", v);
      },
      get Size() {
        return range.first("size") ?? 11;
      },
      set Size(v: number) {
        range.setAll("size", v);
      },
    };
  }
  get HorizontalAlignment(): number {
    return this.first("align") ?? 1;
  }
  set HorizontalAlignment(v: number) {
    this.setAll("align", v);
  }
  get WrapText(): boolean {
    return this.first("wrap") ?? false;
  }
  set WrapText(v: boolean) {
    this.setAll("wrap", v);
  }
  get Borders(): { Item(i: number): { LineStyle: number; Weight: number } } {
    const range = this;
    return {
      Item(i: number) {
        if (i < 5 || i > 12) throw new Error(`ET double: bad border index ${i}`);
        return {
          get LineStyle() {
            return range.sheet.cell(range.rect.r0, range.rect.c0)?.borders?.has(i) ? 1 : -4142;
          },
          set LineStyle(v: number) {
            for (const [r, c] of range.each()) {
              const cell = range.sheet.ensure(r, c);
              cell.borders ??= new Set();
              if (v === 1) cell.borders.add(i);
              else cell.borders.delete(i);
            }
          },
          Weight: 2,
        };
      },
    };
  }
  get ColumnWidth(): number {
    return this.sheet.columnWidths.get(this.rect.c0) ?? 8.38;
  }
  set ColumnWidth(v: number) {
    if (typeof v !== "number" || v < 0 || v > 255) throw new Error(`ET double: ColumnWidth ${v}`);
    if (this.rect.c0 === 1 && this.rect.c1 === MAX_COL) {
      // every column: back to one width, kept as "no width of its own"
      this.sheet.columnWidths.clear();
      if (v === this.sheet.StandardWidth) return;
    }
    for (let c = this.rect.c0; c <= this.rect.c1; c++) this.sheet.columnWidths.set(c, v);
  }
  get FormatConditions(): { Count: number | (() => number); Add(type: number, op?: unknown, f1?: string): { Interior: { Color: number }; Font: { Color: number } }; Delete(): void } {
    const range = this;
    const mine = () => range.sheet.cfs.filter((cf) => intersects(cf.rect, range.rect));
    return {
      Count: range.quirk(mine().length),
      Add(type: number, _op?: unknown, f1?: string) {
        if (typeof f1 !== "string" || !f1.startsWith("=")) throw new Error("ET double: FormatConditions.Add needs a formula");
        const sel = range.sheet.book.app.selection;
        const cf: CfState = { rect: range.rect, type, formula: f1, activeCell: sel.sheet === range.sheet ? formatAddress({ ...sel.rect, r1: sel.rect.r0, c1: sel.rect.c0 }, false) : "" };
        range.sheet.cfs.push(cf);
        return {
          Interior: {
            get Color() {
              return cf.fill ?? 0;
            },
            set Color(v: number) {
              cf.fill = checkColour(v);
            },
          },
          Font: {
            get Color() {
              return cf.fontColor ?? 0;
            },
            set Color(v: number) {
              cf.fontColor = checkColour(v);
            },
          },
        };
      },
      Delete() {
        for (const cf of mine()) range.sheet.cfs.splice(range.sheet.cfs.indexOf(cf), 1);
      },
    };
  }

  get Row(): number | (() => number) {
    return this.quirk(this.rect.r0);
  }
  get Column(): number | (() => number) {
    return this.quirk(this.rect.c0);
  }
  get Rows(): DoubleRange {
    return new DoubleRange(this.sheet, this.rect, "rows");
  }
  get Columns(): DoubleRange {
    return new DoubleRange(this.sheet, this.rect, "columns");
  }
  get Count(): number | (() => number) {
    const n = this.kind === "rows" ? this.height : this.kind === "columns" ? this.width : this.height * this.width;
    return this.quirk(n);
  }
  Item(row: number, column?: number): DoubleRange {
    if (!Number.isInteger(row) || row < 1) throw new Error(`ET double: Item index ${row} (indexes start at 1)`);
    if (this.kind === "rows") return new DoubleRange(this.sheet, { ...this.rect, r0: this.rect.r0 + row - 1, r1: this.rect.r0 + row - 1 });
    if (this.kind === "columns") return new DoubleRange(this.sheet, { ...this.rect, c0: this.rect.c0 + row - 1, c1: this.rect.c0 + row - 1 });
    const col = column ?? 1;
    if (!Number.isInteger(col) || col < 1) throw new Error(`ET double: Item column ${col} (indexes start at 1)`);
    const r = this.rect.r0 + row - 1;
    const c = this.rect.c0 + col - 1;
    return new DoubleRange(this.sheet, { r0: r, c0: c, r1: r, c1: c });
  }
  get Left(): number | (() => number) {
    return this.quirk(columnLeft(this.sheet.columnWidths, this.sheet.StandardWidth, this.rect.c0));
  }
  get Top(): number | (() => number) {
    return this.quirk(rowTop(this.rect.r0));
  }
  get Width(): number | (() => number) {
    const w = this.sheet.columnWidths;
    return this.quirk(columnLeft(w, this.sheet.StandardWidth, this.rect.c1 + 1) - columnLeft(w, this.sheet.StandardWidth, this.rect.c0));
  }
  get Height(): number | (() => number) {
    return this.quirk((this.rect.r1 - this.rect.r0 + 1) * ROW_POINTS);
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    return formatAddress(this.rect, rowAbsolute && columnAbsolute);
  }
  get MergeCells(): boolean | null | (() => boolean | null) {
    let inside = 0;
    let outside = 0;
    for (const [r, c] of this.each()) {
      if (this.sheet.merges.some((m) => contains(m, r, c))) inside++;
      else outside++;
      if (inside && outside) break;
    }
    // whole-sheet ranges only visit existing cells; any merge makes them mixed
    return this.quirk(inside && outside ? null : inside > 0);
  }
  get MergeArea(): DoubleRange {
    const m = this.sheet.merges.find((m) => contains(m, this.rect.r0, this.rect.c0));
    return new DoubleRange(this.sheet, m ?? this.rect);
  }
  Merge(): void {
    for (let i = this.sheet.merges.length - 1; i >= 0; i--) if (intersects(this.sheet.merges[i], this.rect)) this.sheet.merges.splice(i, 1);
    this.sheet.merges.push({ ...this.rect });
    for (const [r, c] of this.each()) {
      if (r === this.rect.r0 && c === this.rect.c0) continue;
      const cell = this.sheet.cell(r, c);
      if (cell) {
        delete cell.value;
        delete cell.formula;
      }
    }
  }
  Clear(): void {
    for (const [r, c] of [...this.each()]) this.sheet.cells.delete(`${r},${c}`);
    for (let i = this.sheet.merges.length - 1; i >= 0; i--) if (intersects(this.sheet.merges[i], this.rect)) this.sheet.merges.splice(i, 1);
    for (let i = this.sheet.cfs.length - 1; i >= 0; i--) if (intersects(this.sheet.cfs[i].rect, this.rect)) this.sheet.cfs.splice(i, 1);
  }
  Select(): void {
    if (this.sheet.book.active !== this.sheet) throw new Error("ET double: Select on a sheet that is not active");
    this.sheet.book.app.selection = { sheet: this.sheet, rect: this.rect };
  }
}

export class DoubleWorkbook {
  readonly sheets: DoubleSheet[] = [];
  active!: DoubleSheet;
  Name = "工作簿1.xlsx";

  constructor(readonly app: DoubleApplication) {}

  get ActiveSheet(): DoubleSheet {
    return this.active;
  }
  get Sheets() {
    const book = this;
    return {
      get Count() {
        return book.app.options.methodProps ? () => book.sheets.length : book.sheets.length;
      },
      Item(index: number | string): DoubleSheet {
        const s = typeof index === "number" ? book.sheets[index - 1] : book.sheets.find((x) => x.Name.toLowerCase() === index.toLowerCase());
        if (!s) throw new Error(`ET double: no sheet ${index}`);
        return s;
      },
      Add(before?: DoubleSheet, after?: DoubleSheet): DoubleSheet {
        let n = book.sheets.length + 1;
        while (book.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
        const sheet = new DoubleSheet(book, `Sheet${n}`);
        const at = after ? book.sheets.indexOf(after) + 1 : before ? book.sheets.indexOf(before) : book.sheets.indexOf(book.active);
        book.sheets.splice(at < 0 ? book.sheets.length : at, 0, sheet);
        book.active = sheet;
        book.app.selection = { sheet, rect: { r0: 1, c0: 1, r1: 1, c1: 1 } };
        return sheet;
      },
    };
  }
}

/** One assignment of cell contents, for tests of which property the host writes through. */
export interface Written {
  sheet: string;
  address: string;
  property: "Value2" | "Formula" | "Formula2" | "FormulaR1C1" | "Formula2R1C1";
}

export class DoubleApplication {
  readonly written: Written[] = [];
  ScreenUpdating = true;
  DisplayAlerts = true;
  alertsShown = 0;
  readonly workbook: DoubleWorkbook;
  selection!: { sheet: DoubleSheet; rect: Rect };

  constructor(
    readonly options: DoubleOptions = {},
    sheetNames: string[] = ["Sheet1"]
  ) {
    this.workbook = new DoubleWorkbook(this);
    for (const name of sheetNames) this.workbook.sheets.push(new DoubleSheet(this.workbook, name));
    this.workbook.active = this.workbook.sheets[0];
    this.selection = { sheet: this.workbook.active, rect: { r0: 1, c0: 1, r1: 1, c1: 1 } };
  }

  get ActiveWorkbook(): DoubleWorkbook {
    return this.workbook;
  }
  get ActiveSheet(): DoubleSheet {
    return this.workbook.active;
  }
  get Selection(): DoubleRange {
    return new DoubleRange(this.selection.sheet, this.selection.rect);
  }
  get ActiveWindow() {
    const book = this.workbook;
    let splitRow = 0;
    let splitColumn = 0;
    return {
      ScrollRow: 1,
      ScrollColumn: 1,
      get SplitRow() {
        return splitRow;
      },
      set SplitRow(v: number) {
        splitRow = v;
      },
      get SplitColumn() {
        return splitColumn;
      },
      set SplitColumn(v: number) {
        splitColumn = v;
      },
      get FreezePanes() {
        return book.active.frozen !== undefined;
      },
      set FreezePanes(v: boolean) {
        book.active.frozen = v ? { rows: splitRow, columns: splitColumn } : undefined;
      },
    };
  }

  sheet(name: string): DoubleSheet | undefined {
    return this.workbook.sheets.find((s) => s.Name === name);
  }
}
