/**
 * A small fake of the Excel JavaScript object model — only what the Excel host uses — with Office.js's batching
 * semantics: property assignments and method calls are queued and run in order at `context.sync()`; loaded
 * properties can be read only after a sync; an action Excel would refuse throws at sync with an Office error code,
 * the actions after it are dropped and the ones before it stay done (as in Excel). Writes follow Excel's typing rules
 * (a string starting with "=", "+", "-", "@" becomes a formula, "92%" a number …) unless the cell's number format is
 * Text "@". Methods called on a null object throw, so a host that chains on `*OrNullObject` results is caught.
 *
 * It records every assignment and call (target, property, JSON size) and counts syncs, for tests and the bench.
 * office-addin-mock is used where a static object tree is enough (selection, reading a sheet); it cannot model
 * collections whose `add`/`getItem`/`getItemOrNullObject` change what later calls see, deferred execution, or
 * failures in the middle of a batch, hence this fake.
 */
import { columnLetter } from "../../../src/core/sheet-model";
import { fromR1C1, r1c1Template, toR1C1 } from "../../../src/hosts/formula-text";
import { Area, areaText, parseArea } from "../../../src/hosts/render-plan";
import { ChartCollectionProxy, FakeChart } from "./fake-charts";

export type FakeValue = number | string | boolean | null;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
  horizontal?: string;
  wrap?: boolean;
  borders?: string[];
}

export interface FakeConditionalFormat {
  area: Area;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakePage {
  paperSize?: string;
  orientation?: string;
  zoom?: unknown;
  titleRows?: string;
  centerFooter?: string;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(`${code}: ${message}`);
  }
}

const COLS = 16_384;
const ROWS = 1_048_576;
const cellKey = (r: number, c: number) => r * COLS + c;
const WHOLE: Area = { top: 0, left: 0, bottom: ROWS - 1, right: COLS - 1 };

function clip(a: Area): Area {
  return {
    top: a.top,
    left: a.left,
    bottom: Math.min(a.bottom, ROWS - 1),
    right: Math.min(a.right, COLS - 1),
  };
}
const intersects = (a: Area, b: Area) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (r: number, c: number, a: Area) =>
  r >= a.top && r <= a.bottom && c >= a.left && c <= a.right;

export class FakeSheet {
  cells = new Map<number, FakeCell>();
  merges: Area[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  columnWidths = new Map<number, number>();
  freeze: { rows: number; columns: number } | null = null;
  page: FakePage = {};
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  /** Charts float over the cells: clearing or copying ranges leaves them (see fake-charts.ts). */
  charts: FakeChart[] = [];

  constructor(public name: string) {}

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(cellKey(r, c));
  }

  ensure(r: number, c: number): FakeCell {
    let cell = this.cells.get(cellKey(r, c));
    if (!cell) this.cells.set(cellKey(r, c), (cell = { value: null }));
    return cell;
  }

  /** The cell at an A1 address ("B3"), for assertions. */
  at(a1: string): FakeCell | undefined {
    const a = parseArea(a1);
    return this.get(a.top, a.left);
  }

  /** The stored cells inside an area: by address when the area is the smaller, else by scanning. */
  *within(of: Area): Generator<[number, number, FakeCell]> {
    if ((of.bottom - of.top + 1) * (of.right - of.left + 1) < this.cells.size) {
      for (let r = of.top; r <= of.bottom; r++)
        for (let c = of.left; c <= of.right; c++) {
          const cell = this.get(r, c);
          if (cell) yield [r, c, cell];
        }
      return;
    }
    for (const entry of this.entries()) if (inside(entry[0], entry[1], of)) yield entry;
  }

  /** Each stored cell with its row and column. */
  *entries(): Generator<[number, number, FakeCell]> {
    for (const [k, cell] of this.cells) yield [Math.floor(k / COLS), k % COLS, cell];
  }

  /** The used range: cells with a value or formula, or (valuesOnly false) any stored cell; within `of` if given. */
  extent(valuesOnly: boolean, of?: Area): Area | null {
    let a: Area | null = null;
    for (const [r, c, cell] of of ? this.within(of) : this.entries()) {
      if (valuesOnly && cell.formula === undefined && (cell.value === null || cell.value === ""))
        continue;
      if (!valuesOnly && isEmptyCell(cell)) continue;
      if (!a) a = { top: r, left: c, bottom: r, right: c };
      else {
        a.top = Math.min(a.top, r);
        a.left = Math.min(a.left, c);
        a.bottom = Math.max(a.bottom, r);
        a.right = Math.max(a.right, c);
      }
    }
    return a;
  }

  /** The values from A1 to the used range's end (formulas as their text), for assertions. */
  grid(): FakeValue[][] {
    const e = this.extent(true);
    if (!e) return [];
    const out: FakeValue[][] = [];
    for (let r = 0; r <= e.bottom; r++) {
      const row: FakeValue[] = [];
      for (let c = 0; c <= e.right; c++) {
        const cell = this.get(r, c);
        row.push(cell?.formula ?? cell?.value ?? null);
      }
      out.push(row);
    }
    return out;
  }

  /** Everything about the sheet's content, for comparing a sheet before and after. */
  snapshot(): unknown {
    const cells = [...this.entries()]
      .filter(([, , c]) => !isEmptyCell(c))
      .map(([r, c, cell]) => [r, c, cell]);
    cells.sort(
      (a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number)
    );
    return JSON.parse(
      JSON.stringify({
        cells,
        merges: this.merges,
        cf: this.conditionalFormats,
        visibility: this.visibility,
        charts: this.charts,
      })
    );
  }
}

function isEmptyCell(cell: FakeCell): boolean {
  return Object.entries(cell).every(
    ([k, v]) =>
      v === undefined || (k === "value" && v === null) || (Array.isArray(v) && v.length === 0)
  );
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  active: FakeSheet | undefined;
  selection: { sheet: FakeSheet; area: Area } | undefined;
  structureProtected = false;

  /** Add a sheet directly (test set-up, not through the API), with values from A1. */
  addSheet(name: string, rows: FakeValue[][] = []): FakeSheet {
    const sheet = new FakeSheet(name);
    rows.forEach((row, r) =>
      row.forEach((v, c) => v !== null && v !== undefined && (sheet.ensure(r, c).value = v))
    );
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  names(): string[] {
    return this.sheets.map((s) => s.name);
  }
}

export interface Recorded {
  kind: "set" | "call";
  /** What it was done to, as the add-in named it: "得分!A1:C9", "得分", "workbook". */
  target: string;
  /** The property ("formulas", "format.fill.color") or method ("copyFrom"). */
  name: string;
  value: unknown;
  /** UTF-8 bytes this action adds to its request: the JSON of what was assigned or passed, and its envelope. */
  bytes: number;
  /** True for a property of a range (values, formulas, numberFormat, format.*). */
  range: boolean;
}

export class FakeExcel {
  workbook = new FakeWorkbook();
  syncs = 0;
  log: Recorded[] = [];
  /** JSON bytes sent by each sync, in order. */
  requestBytes: number[] = [];
  /** UTF-8 JSON bytes of what each sync loaded (the response), in order. */
  responseBytes: number[] = [];
  /** Cells a get of values or formulas may cover before Excel answers null (five million in Excel). */
  cellLimit = 5_000_000;
  /** Make Excel refuse an action when it runs (to test undoing a failed write). */
  failWhen: ((action: Recorded) => boolean) | undefined;

  /** What the add-in passes to ExcelHost in place of `(cb) => Excel.run(cb)`. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length > 0) await ctx.sync(); // Excel.run sends what is still queued
    return result;
  };

  reset(): void {
    this.syncs = 0;
    this.log = [];
    this.requestBytes = [];
    this.responseBytes = [];
  }

  get rangeWrites(): number {
    return this.log.filter((e) => e.kind === "set" && e.range).length;
  }

  get bytes(): number {
    return this.log.reduce((n, e) => n + e.bytes, 0);
  }
}

class FakeContext {
  queue: (() => void)[] = [];
  private pendingBytes = 0;
  /** What the running sync has loaded so far, in UTF-8 JSON bytes. */
  loadedBytes = 0;
  readonly workbook: WorkbookProxy;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  async sync(): Promise<void> {
    this.excel.syncs++;
    this.excel.requestBytes.push(this.pendingBytes);
    this.pendingBytes = 0;
    const actions = this.queue;
    this.queue = [];
    this.loadedBytes = 0;
    try {
      for (const action of actions) action(); // a throw drops the rest, as Excel stops a batch at its first error
    } finally {
      this.excel.responseBytes.push(this.loadedBytes);
    }
  }

  get wb(): FakeWorkbook {
    return this.excel.workbook;
  }

  record(entry: Omit<Recorded, "bytes">, apply: () => void): void {
    const bytes = utf8(JSON.stringify(entry.value ?? null)) + utf8(entry.target) + ACTION_ENVELOPE;
    const full: Recorded = { ...entry, bytes };
    this.excel.log.push(full);
    this.pendingBytes += full.bytes;
    this.queue.push(() => {
      if (this.excel.failWhen?.(full))
        throw new OfficeError("GeneralException", `refused ${full.name} on ${full.target}`);
      apply();
    });
  }
}

/** UTF-8 bytes of a text, as it goes over the wire (Buffer: the fake runs in Node). */
const utf8 = (text: string) => Buffer.byteLength(text, "utf8");

/**
 * An action's own JSON in an Office.js request besides its value and its range's address: the action
 * ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo":{"Arguments":[…]}}) and its object path
 * ({"Id","ObjectPathType","Name":"getRange","ParentObjectPathId","ArgumentInfo"}), about 180 bytes.
 */
const ACTION_ENVELOPE = 180;

function notLoaded(prop: string): never {
  throw new OfficeError(
    "PropertyNotLoaded",
    `${prop} was not loaded (load it and call context.sync() first)`
  );
}

/** Loadable proxy: `load` queues a read of the named properties; reading them before the sync throws. */
abstract class Loadable {
  protected loaded = new Map<string, unknown>();
  protected nullObject: boolean | undefined;

  constructor(protected ctx: FakeContext) {}

  get isNullObject(): boolean {
    if (this.nullObject === undefined) notLoaded("isNullObject");
    return this.nullObject;
  }

  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.queue.push(() => {
      if (this.nullObject) return; // a null object's properties load as nothing
      for (const p of list) {
        const value = this.read(p);
        this.loaded.set(p, value);
        this.ctx.loadedBytes += utf8(JSON.stringify(value ?? null));
      }
    });
    return this;
  }

  protected value<T>(prop: string): T {
    if (!this.loaded.has(prop)) notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  protected abstract read(prop: string): unknown;
}

class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly protection: WorkbookProtectionProxy;

  constructor(private ctx: FakeContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx);
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, "selection", () => {
      const s = this.ctx.wb.selection;
      if (!s) throw new OfficeError("InvalidSelection", "the selection is not a range");
      return { sheet: s.sheet, area: s.area };
    });
  }
}

class WorkbookProtectionProxy extends Loadable {
  get protected(): boolean {
    return this.value("protected");
  }
  protected read(prop: string): unknown {
    if (prop === "protected") return this.ctx.wb.structureProtected;
    throw new Error(`fake: cannot load workbook.protection.${prop}`);
  }
}

function checkName(wb: FakeWorkbook, name: string, except?: FakeSheet): void {
  if (
    !name ||
    name.length > 31 ||
    /[\\/?*[\]:]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw new OfficeError("InvalidArgument", `invalid sheet name ${name}`);
  }
  const other = wb.find(name);
  if (other && other !== except)
    throw new OfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
}

class WorksheetsProxy extends Loadable {
  private itemsLoaded: WorksheetProxy[] | undefined;

  get items(): WorksheetProxy[] {
    if (!this.itemsLoaded) notLoaded("items");
    return this.itemsLoaded;
  }

  override load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) =>
      p.trim().replace(/^items\//, "")
    );
    this.ctx.queue.push(() => {
      this.itemsLoaded = this.ctx.wb.sheets.map((s) => {
        const w = new WorksheetProxy(this.ctx, s.name, s);
        for (const p of list) w.preload(p);
        return w;
      });
    });
    return this;
  }

  protected read(): unknown {
    return undefined;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, () => this.ctx.wb.find(name) ?? null, false);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, () => this.ctx.wb.find(name) ?? null, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, "active", () => this.ctx.wb.active ?? null, false);
  }

  add(name: string): WorksheetProxy {
    const wb = this.ctx.wb;
    let created: FakeSheet | undefined;
    this.ctx.record(
      { kind: "call", target: "workbook", name: "worksheets.add", value: name, range: false },
      () => {
        if (wb.structureProtected)
          throw new OfficeError("AccessDenied", "the workbook structure is protected");
        checkName(wb, name);
        created = new FakeSheet(name);
        wb.sheets.push(created);
      }
    );
    return new WorksheetProxy(this.ctx, name, () => created ?? null, false);
  }
}

class WorksheetProxy extends Loadable {
  private ref: FakeSheet | null | undefined;
  readonly protection: WorksheetProtectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutProxy;

  constructor(
    ctx: FakeContext,
    readonly label: string,
    bind: FakeSheet | (() => FakeSheet | null),
    orNull = false
  ) {
    super(ctx);
    if (bind instanceof FakeSheet) {
      this.ref = bind;
      this.nullObject = false;
    } else {
      ctx.queue.push(() => {
        const sheet = bind();
        if (!sheet && !orNull) throw new OfficeError("ItemNotFound", `no worksheet ${label}`);
        this.ref = sheet;
        this.nullObject = !sheet;
      });
    }
    this.protection = new WorksheetProtectionProxy(ctx, () => this.sheet());
    this.charts = new ChartCollectionProxy(ctx, label, () => this.sheet(), (code, message) => new OfficeError(code, message));
    this.freezePanes = new FreezePanesProxy(ctx, this);
    this.pageLayout = new PageLayoutProxy(ctx, this);
  }

  /** The sheet this proxy stands for, once bound; a null object has none. */
  sheet(): FakeSheet {
    if (this.ref === undefined)
      throw new Error(`fake: worksheet ${this.label} used before its batch ran`);
    if (this.ref === null)
      throw new OfficeError("InvalidOperation", `method called on a null object (${this.label})`);
    return this.ref;
  }

  /** The sheet, refusing changes when it is protected. */
  editable(): FakeSheet {
    const s = this.sheet();
    if (s.protected) throw new OfficeError("AccessDenied", `worksheet ${s.name} is protected`);
    return s;
  }

  preload(prop: string): void {
    this.loaded.set(prop, this.read(prop));
  }

  protected read(prop: string): unknown {
    const s = this.sheet();
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    throw new Error(`fake: cannot load worksheet.${prop}`);
  }

  get name(): string {
    return this.value("name");
  }

  set name(value: string) {
    this.ctx.record({ kind: "set", target: this.label, name: "name", value, range: false }, () => {
      const s = this.sheet();
      if (this.ctx.wb.structureProtected)
        throw new OfficeError("AccessDenied", "the workbook structure is protected");
      checkName(this.ctx.wb, value, s);
      s.name = value;
    });
  }

  get visibility(): string {
    return this.value("visibility");
  }

  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.record(
      { kind: "set", target: this.label, name: "visibility", value, range: false },
      () => {
        const s = this.sheet();
        if (
          value !== "Visible" &&
          this.ctx.wb.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
        ) {
          throw new OfficeError("InvalidOperation", "a workbook must keep one visible sheet");
        }
        s.visibility = value;
      }
    );
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, `${this.label}!${address ?? "*"}`, () => ({
      sheet: this.sheet(),
      area: address ? parseArea(address) : WHOLE,
    }));
  }

  /** Several rectangles as one RangeAreas ("A1:B2,D4:E5"); here only its format is written. */
  getRanges(address: string): RangeProxy {
    const areas = address.split(",").map((a) => parseArea(a));
    return new RangeProxy(this.ctx, `${this.label}!${address}`, () => ({
      sheet: this.sheet(),
      area: areas[0],
      more: areas.slice(1),
    }));
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    const area = { top: row, left: column, bottom: row + rows - 1, right: column + columns - 1 };
    return new RangeProxy(this.ctx, `${this.label}!${areaText(area)}`, () => ({
      sheet: this.sheet(),
      area,
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.label}!used`,
      () => ({ sheet: this.sheet(), area: this.sheet().extent(valuesOnly) }),
      true
    );
  }

  delete(): void {
    this.ctx.record(
      { kind: "call", target: this.label, name: "delete", value: null, range: false },
      () => {
        const wb = this.ctx.wb;
        const s = this.sheet();
        if (wb.structureProtected)
          throw new OfficeError("AccessDenied", "the workbook structure is protected");
        // Worksheet.delete (office-js typings): a "VeryHidden" sheet fails with InvalidOperation; unhide it first.
        if (s.visibility === "VeryHidden")
          throw new OfficeError(
            "InvalidOperation",
            `cannot delete the very hidden sheet ${s.name}`
          );
        if (
          s.visibility === "Visible" &&
          wb.sheets.filter((x) => x.visibility === "Visible").length === 1
        ) {
          throw new OfficeError("InvalidOperation", "cannot delete the last visible sheet");
        }
        wb.sheets = wb.sheets.filter((x) => x !== s);
        if (wb.active === s) wb.active = wb.sheets.find((x) => x.visibility === "Visible");
      }
    );
  }

  activate(): void {
    this.ctx.record(
      { kind: "call", target: this.label, name: "activate", value: null, range: false },
      () => {
        const s = this.sheet();
        if (s.visibility !== "Visible")
          throw new OfficeError("InvalidOperation", "cannot activate a hidden sheet");
        this.ctx.wb.active = s;
      }
    );
  }
}

class WorksheetProtectionProxy extends Loadable {
  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheet
  ) {
    super(ctx);
    this.nullObject = false;
  }
  get protected(): boolean {
    return this.value("protected");
  }
  protected read(prop: string): unknown {
    if (prop === "protected") return this.sheet().protected;
    throw new Error(`fake: cannot load protection.${prop}`);
  }
}

class FreezePanesProxy {
  constructor(
    private ctx: FakeContext,
    private ws: WorksheetProxy
  ) {}

  private act(
    name: string,
    value: unknown,
    freeze: () => { rows: number; columns: number } | null
  ): void {
    this.ctx.record(
      { kind: "call", target: this.ws.label, name: `freezePanes.${name}`, value, range: false },
      () => {
        this.ws.editable().freeze = freeze();
      }
    );
  }

  freezeRows(count: number): void {
    this.act("freezeRows", count, () => ({ rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.act("freezeColumns", count, () => ({ rows: 0, columns: count }));
  }
  freezeAt(range: string): void {
    this.act("freezeAt", range, () => {
      const a = parseArea(range);
      return { rows: a.bottom + 1, columns: a.right + 1 };
    });
  }
  unfreeze(): void {
    this.act("unfreeze", null, () => null);
  }
}

class PageLayoutProxy {
  readonly headersFooters: { defaultForAllPages: { centerFooter: string } };

  constructor(
    private ctx: FakeContext,
    private ws: WorksheetProxy
  ) {
    const set = this.set.bind(this);
    const footer = {
      set centerFooter(value: string) {
        set(
          "headersFooters.defaultForAllPages.centerFooter",
          value,
          (p) => (p.centerFooter = value)
        );
      },
      get centerFooter(): string {
        throw new OfficeError("PropertyNotLoaded", "centerFooter");
      },
    };
    this.headersFooters = { defaultForAllPages: footer };
  }

  private set(name: string, value: unknown, apply: (page: FakePage) => void): void {
    this.ctx.record(
      { kind: "set", target: this.ws.label, name: `pageLayout.${name}`, value, range: false },
      () => apply(this.ws.editable().page)
    );
  }

  set paperSize(value: string) {
    this.set("paperSize", value, (p) => (p.paperSize = value));
  }
  set orientation(value: string) {
    this.set("orientation", value, (p) => (p.orientation = value));
  }
  set zoom(value: unknown) {
    this.set("zoom", value, (p) => (p.zoom = value));
  }
  setPrintTitleRows(rows: string): void {
    this.ctx.record(
      {
        kind: "call",
        target: this.ws.label,
        name: "pageLayout.setPrintTitleRows",
        value: rows,
        range: false,
      },
      () => {
        const a = parseArea(rows.replace(/\$/g, ""));
        if (a.right !== Infinity)
          throw new OfficeError("InvalidArgument", "print title rows must be whole rows");
        this.ws.editable().page.titleRows = rows;
      }
    );
  }
}

/** R1C1 formulas parsed once each (a column of 10,000 cells shares one). */
const templates = new Map<string, (row: number, column: number) => string>();
function template(r1c1: string): (row: number, column: number) => string {
  let t = templates.get(r1c1);
  if (!t) {
    if (templates.size > 1000) templates.clear();
    templates.set(r1c1, (t = r1c1Template(r1c1)));
  }
  return t;
}

/** Excel's typing rules for one value written through `values` or `formulas`. */
function enter(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
  delete cell.formula;
  if (typeof input !== "string") {
    cell.value = input as FakeValue;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  const t = input.trim();
  if (/^[=+\-@]/.test(input) && input.length > 1) {
    cell.formula = input.startsWith("=") ? input : `=${input}`;
    cell.value = 0; // the fake does not calculate
    return;
  }
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(t)) {
    cell.value = t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t);
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === "true";
    return;
  }
  if (/^\d{1,4}[-/]\d{1,2}([-/]\d{1,4})?$/.test(t)) {
    cell.value = 45000; // a date serial: the text is gone
    return;
  }
  cell.value = input === "" ? null : input;
}

type Binding = { sheet: FakeSheet; area: Area | null; more?: Area[] };

class RangeProxy extends Loadable {
  private bound: Binding | undefined;
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: ConditionalFormatsProxy;

  constructor(
    ctx: FakeContext,
    readonly label: string,
    bind: () => Binding,
    orNull = false
  ) {
    super(ctx);
    ctx.queue.push(() => {
      const b = bind();
      if (!b.area && !orNull) throw new OfficeError("ItemNotFound", label);
      this.bound = b;
      this.nullObject = !b.area;
    });
    this.format = new RangeFormatProxy(this);
    this.conditionalFormats = new ConditionalFormatsProxy(ctx, this);
  }

  target(): { sheet: FakeSheet; area: Area } {
    if (!this.bound) throw new Error(`fake: range ${this.label} used before its batch ran`);
    if (!this.bound.area)
      throw new OfficeError("InvalidOperation", `method called on a null object (${this.label})`);
    return { sheet: this.bound.sheet, area: this.bound.area };
  }

  /** The target, refusing changes on a protected sheet. */
  editable(): { sheet: FakeSheet; area: Area } {
    const t = this.target();
    if (t.sheet.protected)
      throw new OfficeError("AccessDenied", `worksheet ${t.sheet.name} is protected`);
    return t;
  }

  /** Set a property: on each rectangle of a RangeAreas, or on the one range. */
  setProp(
    name: string,
    value: unknown,
    apply: (t: { sheet: FakeSheet; area: Area }) => void
  ): void {
    this.ctx.record({ kind: "set", target: this.label, name, value, range: true }, () => {
      const t = this.editable();
      apply(t);
      for (const area of this.bound?.more ?? []) apply({ sheet: t.sheet, area });
    });
  }

  private callMethod(
    name: string,
    value: unknown,
    apply: (t: { sheet: FakeSheet; area: Area }) => void
  ): void {
    this.ctx.record({ kind: "call", target: this.label, name, value, range: false }, () =>
      apply(this.editable())
    );
  }

  /** Apply a per-cell change to every cell of a bounded range. */
  eachCell(
    area: Area,
    sheet: FakeSheet,
    change: (cell: FakeCell, r: number, c: number) => void
  ): void {
    if (
      area.bottom >= ROWS ||
      area.right >= COLS ||
      area.bottom === Infinity ||
      area.right === Infinity
    ) {
      throw new Error(`fake: per-cell change on an unbounded range ${this.label}`);
    }
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) change(sheet.ensure(r, c), r, c);
  }

  /**
   * A 2-D assignment of exactly the range's size, or one value for every cell of the range (Excel: "set the
   * corresponding property on the range object to the desired (single) value"). `each` turns the value given for a
   * cell into what the cell gets (a single A1 formula moves with the cell, as when Excel fills a range with it).
   */
  private grid(
    name: string,
    grid: unknown,
    change: (cell: FakeCell, v: unknown) => void,
    each: (v: unknown, r: number, c: number, top: number, left: number) => unknown = (v) => v
  ): void {
    this.setProp(name, grid, ({ sheet, area }) => {
      if (!Array.isArray(grid)) {
        this.eachCell(area, sheet, (cell, r, c) =>
          change(cell, each(grid, r, c, area.top, area.left))
        );
        return;
      }
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      if (
        !Array.isArray(grid) ||
        grid.length !== rows ||
        grid.some((row) => !Array.isArray(row) || row.length !== cols)
      ) {
        throw new OfficeError(
          "InvalidArgument",
          `the ${name} array does not match the size of ${this.label}`
        );
      }
      this.eachCell(area, sheet, (cell, r, c) =>
        change(cell, each((grid as unknown[][])[r - area.top][c - area.left], r, c, r, c))
      );
    });
  }

  set values(grid: unknown[][]) {
    this.grid("values", grid, enter);
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  set formulas(grid: unknown[][]) {
    // A single formula for a range is written for its top-left cell and moves with each cell (relative references).
    this.grid("formulas", grid, enter, (v, r, c, top, left) =>
      typeof v === "string" && v.startsWith("=") && (r !== top || c !== left)
        ? fromR1C1(toR1C1(v, top, left), r, c)
        : v
    );
  }
  /** R1C1 formulas: the same text means the same relative formula in every cell; stored (and read) in A1. */
  set formulasR1C1(grid: unknown[][]) {
    this.grid("formulasR1C1", grid, enter, (v, r, c) =>
      typeof v === "string" && v.startsWith("=") ? template(v)(r, c) : v
    );
  }
  get formulas(): unknown[][] {
    return this.value("formulas");
  }
  set numberFormat(grid: unknown[][] | string) {
    this.grid(
      "numberFormat",
      grid,
      (cell, v) => v !== null && v !== undefined && (cell.numberFormat = String(v))
    );
  }
  get numberFormat(): unknown[][] {
    return this.value("numberFormat");
  }
  get address(): string {
    return this.value("address");
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }

  protected read(prop: string): unknown {
    const { sheet, area } = this.target();
    const a = clip(area);
    const each = (f: (cell: FakeCell | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const row: unknown[] = [];
        for (let c = a.left; c <= a.right; c++) row.push(f(sheet.get(r, c)));
        out.push(row);
      }
      return out;
    };
    // "A range is limited to five million cells for get operations … Range.values returns null instead."
    const tooBig = (a.bottom - a.top + 1) * (a.right - a.left + 1) > this.ctx.excel.cellLimit;
    switch (prop) {
      case "values":
        return tooBig ? null : each((cell) => cell?.value ?? "");
      case "formulas":
        return tooBig ? null : each((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return each((cell) => cell?.numberFormat ?? "General");
      case "address":
        return `${sheetPrefix(sheet.name)}!${areaText(a)}`;
      case "rowIndex":
        return a.top;
      case "columnIndex":
        return a.left;
      case "rowCount":
        return a.bottom - a.top + 1;
      case "columnCount":
        return a.right - a.left + 1;
    }
    throw new Error(`fake: cannot load range.${prop}`);
  }

  clear(applyTo: string = "All"): void {
    this.callMethod("clear", applyTo, ({ sheet, area }) => {
      for (const [r, c, cell] of [...sheet.entries()]) {
        if (!inside(r, c, area)) continue;
        if (applyTo === "All") sheet.cells.delete(cellKey(r, c));
        else if (applyTo === "Contents") {
          cell.value = null;
          delete cell.formula;
        } else if (applyTo === "Formats")
          sheet.cells.set(cellKey(r, c), { value: cell.value, formula: cell.formula });
      }
      if (applyTo !== "Contents") {
        sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
        sheet.conditionalFormats = sheet.conditionalFormats.filter(
          (cf) => !intersects(clip(cf.area), area)
        );
      }
    });
  }

  merge(across = false): void {
    this.callMethod("merge", across, ({ sheet, area }) => {
      if (sheet.merges.some((m) => intersects(m, area)))
        throw new OfficeError("InvalidArgument", `merge overlaps another: ${this.label}`);
      sheet.merges.push({ ...area });
    });
  }

  unmerge(): void {
    this.callMethod("unmerge", null, ({ sheet, area }) => {
      sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
    });
  }

  copyFrom(source: RangeProxy | string, copyType = "All"): void {
    const from = typeof source === "string" ? source : source.label;
    this.callMethod("copyFrom", { from, copyType }, ({ sheet, area }) => {
      if (copyType !== "All") throw new Error("fake: only copyFrom All");
      if (typeof source === "string") throw new Error("fake: copyFrom takes a Range here");
      const src = source.target();
      const dr = area.top - src.area.top;
      const dc = area.left - src.area.left;
      const moved = (a: Area) => ({
        top: a.top + dr,
        left: a.left + dc,
        bottom: a.bottom + dr,
        right: a.right + dc,
      });
      const dest = moved(src.area);
      for (const [r, c] of [...sheet.entries()])
        if (inside(r, c, dest)) sheet.cells.delete(cellKey(r, c));
      for (const [r, c, cell] of [...src.sheet.entries()]) {
        if (inside(r, c, src.area))
          sheet.cells.set(cellKey(r + dr, c + dc), { ...cell, borders: cell.borders?.slice() });
      }
      sheet.merges = [
        ...sheet.merges.filter((m) => !intersects(m, dest)),
        ...src.sheet.merges.filter((m) => intersects(m, src.area)).map(moved),
      ];
      const within = (a: Area) =>
        a.top >= src.area.top &&
        a.bottom <= src.area.bottom &&
        a.left >= src.area.left &&
        a.right <= src.area.right;
      sheet.conditionalFormats = [
        ...sheet.conditionalFormats.filter((cf) => !intersects(clip(cf.area), dest)),
        ...src.sheet.conditionalFormats
          .filter((cf) => within(clip(cf.area)))
          .map((cf) => ({ ...cf, area: moved(cf.area) })),
      ];
    });
  }

  /** The used cells inside this range (Range.getUsedRangeOrNullObject, ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.label}:used`,
      () => {
        const { sheet, area } = this.target();
        return { sheet, area: sheet.extent(valuesOnly, clip(area)) };
      },
      true
    );
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, this);
  }
}

function sheetPrefix(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class RangeAreasProxy extends Loadable {
  private areas: Area[] = [];
  private sheetName = "";

  constructor(ctx: FakeContext, range: RangeProxy) {
    super(ctx);
    ctx.queue.push(() => {
      const { sheet, area } = range.target();
      this.sheetName = sheet.name;
      this.areas = sheet.merges.filter((m) => intersects(m, area));
      this.nullObject = this.areas.length === 0;
    });
  }

  get address(): string {
    return this.value("address");
  }

  protected read(prop: string): unknown {
    if (prop === "address")
      return this.areas.map((a) => `${sheetPrefix(this.sheetName)}!${areaText(a)}`).join(", ");
    throw new Error(`fake: cannot load rangeAreas.${prop}`);
  }
}

class RangeFormatProxy {
  readonly fill: { color: string };
  readonly font: { color: string; bold: boolean; size: number };
  readonly borders: { getItem(index: string): { style: string } };

  constructor(private range: RangeProxy) {
    const cellProp = (name: string, change: (cell: FakeCell, v: never) => void) => (v: unknown) =>
      range.setProp(`format.${name}`, v, ({ sheet, area }) =>
        range.eachCell(area, sheet, (cell) => change(cell, v as never))
      );
    const setFill = cellProp("fill.color", (cell, v: string) => (cell.fill = v));
    const setFontColor = cellProp("font.color", (cell, v: string) => (cell.fontColor = v));
    const setBold = cellProp("font.bold", (cell, v: boolean) => (cell.bold = v));
    const setSize = cellProp("font.size", (cell, v: number) => (cell.fontSize = v));
    this.fill = {
      set color(v: string) {
        setFill(v);
      },
      get color(): string {
        return notLoaded("format.fill.color");
      },
    };
    this.font = {
      set color(v: string) {
        setFontColor(v);
      },
      get color(): string {
        return notLoaded("format.font.color");
      },
      set bold(v: boolean) {
        setBold(v);
      },
      get bold(): boolean {
        return notLoaded("format.font.bold");
      },
      set size(v: number) {
        setSize(v);
      },
      get size(): number {
        return notLoaded("format.font.size");
      },
    };
    this.borders = {
      getItem: (index: string) => {
        const setStyle = cellProp(`borders.${index}.style`, (cell, v: string) => {
          if (v !== "Continuous") return;
          if (!cell.borders) cell.borders = [index];
          else if (!cell.borders.includes(index)) cell.borders.push(index);
        });
        return {
          set style(v: string) {
            setStyle(v);
          },
          get style(): string {
            return notLoaded("borders.style");
          },
        };
      },
    };
  }

  set horizontalAlignment(v: string) {
    this.range.setProp("format.horizontalAlignment", v, ({ sheet, area }) =>
      this.range.eachCell(area, sheet, (cell) => (cell.horizontal = v))
    );
  }
  set wrapText(v: boolean) {
    this.range.setProp("format.wrapText", v, ({ sheet, area }) =>
      this.range.eachCell(area, sheet, (cell) => (cell.wrap = v))
    );
  }
  set columnWidth(points: number) {
    this.range.setProp("format.columnWidth", points, ({ sheet, area }) => {
      for (let c = area.left; c <= Math.min(area.right, COLS - 1); c++)
        sheet.columnWidths.set(c, points);
    });
  }
  set useStandardWidth(v: boolean) {
    this.range.setProp("format.useStandardWidth", v, ({ sheet, area }) => {
      if (!v) return;
      for (const c of [...sheet.columnWidths.keys()])
        if (c >= area.left && c <= area.right) sheet.columnWidths.delete(c);
    });
  }
}

class ConditionalFormatsProxy {
  constructor(
    private ctx: FakeContext,
    private range: RangeProxy
  ) {}

  add(type: string): {
    custom: {
      rule: { formula: string };
      format: { fill: { color: string }; font: { color: string } };
    };
  } {
    let cf: FakeConditionalFormat | undefined;
    this.ctx.record(
      {
        kind: "call",
        target: this.range.label,
        name: "conditionalFormats.add",
        value: type,
        range: false,
      },
      () => {
        const { sheet, area } = this.range.editable();
        cf = { area: { ...area }, type };
        sheet.conditionalFormats.push(cf);
      }
    );
    const set = (name: string, value: unknown, apply: (cf: FakeConditionalFormat) => void) =>
      this.ctx.record(
        {
          kind: "set",
          target: this.range.label,
          name: `conditionalFormat.${name}`,
          value,
          range: false,
        },
        () => apply(cf!)
      );
    return {
      custom: {
        rule: {
          set formula(v: string) {
            set("custom.rule.formula", v, (c) => (c.formula = v));
          },
          get formula(): string {
            return notLoaded("rule.formula");
          },
        },
        format: {
          fill: {
            set color(v: string) {
              set("custom.format.fill.color", v, (c) => (c.fill = v));
            },
            get color(): string {
              return notLoaded("fill.color");
            },
          },
          font: {
            set color(v: string) {
              set("custom.format.font.color", v, (c) => (c.fontColor = v));
            },
            get color(): string {
              return notLoaded("font.color");
            },
          },
        },
      },
    };
  }

  clearAll(): void {
    this.ctx.record(
      {
        kind: "call",
        target: this.range.label,
        name: "conditionalFormats.clearAll",
        value: null,
        range: false,
      },
      () => {
        const { sheet, area } = this.range.editable();
        sheet.conditionalFormats = sheet.conditionalFormats.filter(
          (cf) => !intersects(clip(cf.area), area)
        );
      }
    );
  }
}

/** A column letter helper for tests. */
export const col = columnLetter;
