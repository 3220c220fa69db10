/**
 * The worksheet XML of a generated sheet, built as strings a row at a time and handed on as they are made (DeflatingEntry turns them into UTF-8): values,
 * formulas with their cached results (filled-down columns as shared formulas, see shared-formulas), styles (through
 * the StyleBook), merges, column widths, frozen panes, conditional formats, page setup and footer. Also the two edits made to a sheet already in the file: log rows appended to it, and its tab
 * selected or not (the only change a clerk's sheet can get, so that one tab is selected, as Excel itself does).
 *
 * Texts are inline strings (`t="inlineStr"`), so sharedStrings.xml, which the clerk's sheets index into, is left
 * as it is. A text is never a formula: it has no <f>, and one that starts with = + - @ gets the Text format "@",
 * so re-entering the cell in Excel keeps it text too.
 */
import { SheetNumberError, showable } from "../../core/generated-sheets";
import { CellValue, ConditionalFormat, ModelCell, address, columnLetter } from "../../core/sheet-model";
import { CellStyle, RenderCell, SheetRender, Spill, hasFormula, parseArea } from "../render-plan";
import { RunFinder } from "../formula-runs";
import { RenderRows, renderHeight, rowsOf } from "../render-rows";
import { RenderFormulas, SharedFormulas } from "./shared-formulas";
import { StyleBook } from "./style-book";
import { toFileFormula } from "./xlsx-formulas";
import { attributes, cellTextEscape, findElement, insertBefore, setAttribute, xmlEscape } from "./xml-text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const ERROR_CODES = new Set(["#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!"]);
/** Text that Excel would take for a formula if a clerk re-entered the cell (F2, Enter). */
const FORMULA_LIKE = /^[=+\-@]/;
const A4 = 9;
/** Elements of a worksheet that the schema puts after <mergeCells> and after <conditionalFormatting>. */
const AFTER_MERGES = [
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const AFTER_CONDITIONAL = AFTER_MERGES.slice(2);

/** Column letters, worked out once per column. */
const letters: string[] = [];
function letter(c: number): string {
  return (letters[c] ??= columnLetter(c));
}

/** The extent of what was written, to give <dimension>. */
interface Extent {
  rows: number;
  columns: number;
}

/** The cell format of a style (see StyleBook.cellXf). */
type XfOf = (style: CellStyle | undefined, text: boolean) => number | undefined;

/** Whether a cell is given the Text format: a value (not a formula's result) that Excel would take for a formula. */
const asText = (v: CellValue, f: string | undefined) => f === undefined && typeof v === "string" && FORMULA_LIKE.test(v);

/** A cell's XML, `xf` its cell format (see XfOf, with asText); `f` is its <f> element when it holds a formula. */
function cellXml(ref: string, v: CellValue, xf: number | undefined, f: string | undefined, dynamic = false): string {
  if (f !== undefined) {
    // cm="1": the dynamic-array cell metadata (dynamic-arrays.ts).
    const s = styleAttr(xf) + (dynamic ? ` cm="1"` : "");
    return `<c r="${ref}"${s}${resultXml(v, f)}</c>`;
  }
  const s = styleAttr(xf);
  if (v === null || v === "") return s ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`; // a showable number (rowXml)
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is>${textElement(v)}</is></c>`;
}

/** The rest of a formula cell's start tag (its type) and content: the formula and its cached result. */
function resultXml(v: CellValue, f: string): string {
  if (v === null) return `>${f}`;
  if (typeof v === "number") return `>${f}<v>${v}</v>`;
  if (typeof v === "boolean") return ` t="b">${f}<v>${v ? 1 : 0}</v>`;
  if (ERROR_CODES.has(v)) return ` t="e">${f}<v>${v}</v>`;
  return ` t="str">${f}<v>${cellTextEscape(v)}</v>`;
}

function textElement(text: string): string {
  const preserve = /^\s|\s$|[\n\t]/.test(text) ? ` xml:space="preserve"` : "";
  return `<t${preserve}>${cellTextEscape(text)}</t>`;
}

/** ` s="id"` by id, made once: a big sheet writes one per cell. */
const styleAttrs: string[] = [];
function styleAttr(id: number | undefined): string {
  return id === undefined ? "" : (styleAttrs[id] ??= ` s="${id}"`);
}

/** StyleBook.cellXf, remembered per style object (cells with the same style share one, see render-plan). */
function styleXf(styles: StyleBook): XfOf {
  const plain = new Map<CellStyle | undefined, number | undefined>();
  const text = new Map<CellStyle | undefined, number | undefined>();
  return (style, asText) => {
    const seen = asText ? text : plain;
    if (seen.has(style)) return seen.get(style);
    const id = styles.cellXf(style, asText);
    seen.set(style, id);
    return id;
  };
}

/**
 * A row as written: its cells (a render's, or a big sheet's model cells as they are, see RenderRows.parts), the
 * style of each column when they are apart from the cells, how many columns it covers, its spills' anchors (their
 * <f> elements by column) and the columns that a spill covers, written as values alone (dynamic-arrays.ts).
 */
interface WrittenRow {
  cells: readonly (RenderCell | ModelCell | undefined)[];
  styles: readonly (CellStyle | undefined)[] | undefined;
  width: number;
  anchors?: Map<number, string>;
  spilledOver?: readonly boolean[];
}

/** The style of column c of a row. */
function styleAt(row: WrittenRow, c: number): CellStyle | undefined {
  return row.styles ? row.styles[c] : (row.cells[c] as RenderCell | undefined)?.style;
}

/**
 * The cell formats of a row's columns, for rowsXml: a big sheet's rows share their lists of column styles
 * (RenderRows.parts), so each list's formats are looked up once a column, not once a cell (700,000 lookups at
 * 5,000 units). A format is looked up when first asked for, so the book adds them in the order cells are written.
 */
class ColumnXfs {
  /** Per list, each column's format once looked up: -1 for none. */
  private readonly byList = new Map<readonly (CellStyle | undefined)[], number[]>();
  constructor(private readonly xf: XfOf) {}

  /** The format of cell c of a row (its value v, its <f> element f). */
  of(row: WrittenRow, c: number, v: CellValue, f: string | undefined): number | undefined {
    const text = asText(v, f);
    if (!row.styles || text) return this.xf(styleAt(row, c), text);
    let ids = this.byList.get(row.styles);
    if (!ids) this.byList.set(row.styles, (ids = []));
    const id = ids[c];
    if (id !== undefined) return id < 0 ? undefined : id;
    const found = this.xf(row.styles[c], false);
    ids[c] = found ?? -1;
    return found;
  }
}

/**
 * A render's rows as written, asked for in order from the top: with dynamic arrays, a spill's anchor gets its
 * <f t="array"> and the cells of its range their values alone (dynamic-arrays.ts). A big sheet's rows are made as
 * they are asked for (render-rows), as the model's cells with their styles apart, and dropped once written.
 */
class WrittenRows {
  readonly height: number;
  private readonly lazy: RenderRows | undefined;
  /** The spills found so far that reach this row or below. */
  private spills: Spill[] = [];
  /** The row the first of `spills` to end ends on (where `over` is next made anew). */
  private nextEnd = Infinity;
  /**
   * The columns that `spills` cover, and the width they reach: made anew only when a spill starts or ends (读数 has
   * 89 spills down all of its 5,000 rows: made anew for each row, they were most of the time spent on its rows here).
   */
  private over: boolean[] = [];
  private overWidth = 0;
  /** Whether a spill was found. */
  spilled = false;

  constructor(
    readonly render: SheetRender,
    private readonly dynamicArrays: boolean
  ) {
    this.lazy = rowsOf(render);
    this.height = renderHeight(render);
  }

  row(i: number): WrittenRow {
    const { cells, styles } = this.lazy ? this.lazy.parts(i) : { cells: this.render.cells[i], styles: undefined };
    const row: WrittenRow = { cells, styles, width: Math.max(cells.length, styles?.length ?? 0) };
    if (!this.dynamicArrays) return row;
    let changed = i > this.nextEnd;
    for (let c = 0; c < cells.length; c++) {
      const spill = cells[c]?.spill;
      if (!spill) continue;
      const s: Spill = { row: i, column: c, last: Math.min(this.height - 1, i + spill.rows - 1), formula: spill.formula };
      this.spills.push(s);
      this.spilled = changed = true;
      const r = this.render.startRow;
      const ref = `${letter(c)}${r + i + 1}:${letter(c)}${r + s.last + 1}`;
      (row.anchors ??= new Map()).set(c, `<f t="array" ref="${ref}">${xmlEscape(toFileFormula(s.formula))}</f>`);
    }
    if (changed) this.spillsChanged(i);
    if (this.spills.length) {
      row.spilledOver = this.over;
      // A column a spill covers is looked at even where the row is shorter (a blank there, if it has a format).
      row.width = Math.max(row.width, this.overWidth);
    }
    return row;
  }

  /** The spills that reach row i, and the columns they cover. */
  private spillsChanged(i: number): void {
    this.spills = this.spills.filter((s) => s.last >= i);
    this.nextEnd = Math.min(Infinity, ...this.spills.map((s) => s.last));
    this.overWidth = Math.max(0, ...this.spills.map((s) => s.column + 1));
    this.over = new Array<boolean>(this.overWidth).fill(false);
    for (const s of this.spills) this.over[s.column] = true;
  }
}

/**
 * How many rows are made and kept at a time (a block): the shared-formula runs among them are found, then they are
 * written. A run is at most a block long (a column of 5,000 formulas is 20 shared formulas, each with its own first
 * cell): that is the price of making each row once, not once to find the runs and again to write them (at 5,000
 * units that first pass was a ninth of kh score). A block of 读数's rows is about 23,000 cells.
 */
const BLOCK = 256;

/**
 * The <row> elements of a render, given to `add`, pausing after each (see worksheetParts); the extent grows to
 * cover them, and `shared` numbers their shared formulas. Says whether a spill was written.
 */
function* rowsXml(
  render: SheetRender,
  dynamicArrays: boolean,
  shared: SharedFormulas,
  xfs: ColumnXfs,
  add: (xml: string) => void,
  extent: Extent
): Generator<void, boolean> {
  const rows = new WrittenRows(render, dynamicArrays);
  for (let first = 0; first < rows.height; first += BLOCK) {
    const block: WrittenRow[] = [];
    const finder = new RunFinder();
    let width = 0;
    for (let i = first; i < Math.min(rows.height, first + BLOCK); i++) {
      const row = rows.row(i);
      finder.add(row.cells, row.spilledOver);
      width = Math.max(width, row.width);
      block.push(row);
    }
    const formulas = shared.planRuns(render.startRow + first, block.length, width, finder.runs());
    for (let k = 0; k < block.length; k++) {
      const r = render.startRow + first + k + 1;
      if (rowXml(render.name, block[k], r, k, formulas, xfs, add, extent)) yield;
    }
  }
  return rows.spilled;
}

/**
 * Row `r` (1-based; row k of its block) of sheet `sheet` as a <row> element given to `add`, unless nothing in it is
 * written. A number Excel cannot show is refused here, for planWrite leaves it to the writer (XlsxHost).
 */
function rowXml(
  sheet: string,
  row: WrittenRow,
  r: number,
  k: number,
  formulas: RenderFormulas,
  xfs: ColumnXfs,
  add: (xml: string) => void,
  extent: Extent
): boolean {
  const { anchors, spilledOver } = row;
  let cells = "";
  let right = 0;
  for (let c = 0; c < row.width; c++) {
    const rc = row.cells[c];
    const style = styleAt(row, c);
    const valueOnly = spilledOver?.[c] === true;
    if (!rc && style === undefined && !valueOnly) continue;
    const spilled = anchors?.get(c);
    const f = spilled ?? (rc && !valueOnly && hasFormula(rc) ? formulas.element(k, c, rc) : undefined);
    const v = rc?.value ?? null;
    if (typeof v === "number" && !showable(v)) throw new SheetNumberError(sheet, r - 1, c, v);
    const xml = cellXml(letter(c) + r, v, xfs.of(row, c, v, f), f, spilled !== undefined);
    if (!xml) continue;
    cells += xml;
    right = c + 1;
  }
  if (!cells) return false;
  add(`<row r="${r}">${cells}</row>`);
  extent.rows = Math.max(extent.rows, r);
  extent.columns = Math.max(extent.columns, right);
  return true;
}

function dimension(extent: Extent): string {
  return extent.rows === 0 ? "A1" : `A1:${letter(Math.max(extent.columns, 1) - 1)}${extent.rows}`;
}

function mergeXml(merges: readonly string[]): string {
  return merges.map((m) => `<mergeCell ref="${m}"/>`).join("");
}

function conditionalXml(formats: readonly ConditionalFormat[], styles: StyleBook, firstPriority: number): string {
  return formats
    .map(
      (cf, i) =>
        `<conditionalFormatting sqref="${cf.range}"><cfRule type="expression" dxfId="${styles.dxf(cf.fill, cf.fontColour)}" priority="${firstPriority + i}">` +
        `<formula>${xmlEscape(toFileFormula(cf.formula))}</formula></cfRule></conditionalFormatting>`
    )
    .join("");
}

function paneXml(freeze: SheetRender["freeze"]): string {
  if (!freeze || (freeze.rows <= 0 && freeze.columns <= 0)) return "";
  const { rows, columns } = freeze;
  const pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const topLeft = address(rows, columns);
  const split = (columns > 0 ? ` xSplit="${columns}"` : "") + (rows > 0 ? ` ySplit="${rows}"` : "");
  return `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

/** The last of the renders that gives a sheet-wide setting. */
function latest<T>(renders: readonly SheetRender[], pick: (r: SheetRender) => T | undefined): T | undefined {
  for (let i = renders.length - 1; i >= 0; i--) {
    const v = pick(renders[i]);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Runs a generator to its end; its result. */
function finished<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Where worksheetParts puts a sheet's XML: its text in order, and its head (to go before all of it) last. */
export interface SheetOut {
  text(xml: string): void;
  head(xml: string): void;
}

/**
 * The XML of a generated sheet, as text handed to `out` a piece at a time, in order: `renders[0]` is its content
 * from the top, the others are log rows appended to it (each starting below the previous); sheet-wide settings come
 * from the latest render that has them. Each row is made once and written as it is made (a block at a time, see
 * BLOCK); the head, whose <dimension> is the extent of the rows, is given last, to go before them
 * (DeflatingEntry.head). It pauses after each row, so that its caller can wait there (for the pieces already
 * written to be compressed, DeflatingEntry.busy). Its result: whether a spilled formula was written.
 */
export function* worksheetParts(
  renders: readonly SheetRender[],
  styles: StyleBook,
  tabSelected: boolean,
  drawingRelId: string | undefined,
  out: SheetOut,
  dynamicArrays = false
): Generator<void, boolean> {
  const xfs = new ColumnXfs(styleXf(styles));
  const extent: Extent = { rows: 0, columns: 0 };
  const shared = new SharedFormulas(0);
  let spilled = false;
  for (const render of renders) spilled = (yield* rowsXml(render, dynamicArrays, shared, xfs, out.text, extent)) || spilled;
  const widths = latest(renders, (r) => (r.columnWidths.length ? r.columnWidths : undefined)) ?? [];
  const freeze = latest(renders, (r) => r.freeze);
  const print = latest(renders, (r) => r.print);
  const merges = renders.flatMap((r) => r.merges);
  const conditional = renders.flatMap((r) => r.conditionalFormats);

  const head: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];
  if (print?.fitToWidth) head.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  head.push(`<dimension ref="${dimension(extent)}"/>`);
  head.push(
    `<sheetViews><sheetView${tabSelected ? ` tabSelected="1"` : ""} workbookViewId="0">${paneXml(freeze)}</sheetView></sheetViews>`
  );
  const cols = widths.map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : "")).join("");
  if (cols) head.push(`<cols>${cols}</cols>`);
  head.push("<sheetData>");
  out.head(head.join(""));
  const tail: string[] = ["</sheetData>"];
  if (merges.length) tail.push(`<mergeCells count="${merges.length}">${mergeXml(merges)}</mergeCells>`);
  tail.push(conditionalXml(conditional, styles, 1));
  tail.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (print) {
    const fit = print.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : "";
    tail.push(`<pageSetup paperSize="${A4}" orientation="${print.orientation}"${fit}/>`);
    if (print.footer) tail.push(`<headerFooter><oddFooter>${xmlEscape(`&C${print.footer}`)}</oddFooter></headerFooter>`);
  }
  // The sheet's charts (chart-xml.ts): <drawing> follows <headerFooter> in CT_Worksheet.
  if (drawingRelId) tail.push(`<drawing r:id="${drawingRelId}"/>`);
  tail.push("</worksheet>");
  out.text(tail.join(""));
  return spilled;
}

/**
 * A log sheet already in the file with `renders` appended: its rows, merges and conditional formats stay as they
 * are (rows of it at or below the first new row hold no value, see usedRows, and give way), the new ones follow.
 */
export function appendedSheetXml(xml: string, renders: readonly SheetRender[], styles: StyleBook): string {
  if (renders.length === 0) return xml;
  const rows: string[] = [];
  const extent: Extent = { rows: 0, columns: 0 };
  const usedSi = [...xml.matchAll(/<f\b[^>]*?\ssi="(\d+)"/g)].map((m) => Number(m[1]));
  const shared = new SharedFormulas(Math.max(-1, ...usedSi) + 1);
  const xfs = new ColumnXfs(styleXf(styles));
  for (const render of renders) finished(rowsXml(render, false, shared, xfs, (row) => rows.push(row), extent));
  const first = renders[0].startRow + 1;

  let out = xml;
  const data = findElement(out, "sheetData");
  if (!data) throw new Error("工作表 XML 中没有 sheetData");
  const kept = data.text.endsWith("/>")
    ? ""
    : keptRows(data.text.slice(data.text.indexOf(">") + 1, data.text.length - "</sheetData>".length), first);
  out = out.slice(0, data.start) + `<sheetData>${kept}${rows.join("")}</sheetData>` + out.slice(data.end);
  const afterData = out.indexOf("</sheetData>");

  const dim = findElement(out, "dimension");
  if (dim && extent.rows > 0) {
    const old = attributes(dim.text).get("ref") ?? "A1";
    const area = safeArea(old);
    const rowsTo = Math.max(extent.rows, area ? area.bottom + 1 : 1);
    const colsTo = Math.max(extent.columns, area ? area.right + 1 : 1);
    out = out.slice(0, dim.start) + setAttribute(dim.text, "ref", `A1:${letter(colsTo - 1)}${rowsTo}`) + out.slice(dim.end);
  }

  const merges = renders.flatMap((r) => r.merges);
  if (merges.length) {
    const existing = findElement(out, "mergeCells", afterData);
    if (existing && !existing.text.endsWith("/>")) {
      const count = (existing.text.match(/<mergeCell(?=[\s/>])/g) ?? []).length + merges.length;
      const tag = existing.text.slice(0, existing.text.indexOf(">") + 1);
      const inner = existing.text.slice(tag.length, existing.text.length - "</mergeCells>".length);
      out =
        out.slice(0, existing.start) +
        setAttribute(tag, "count", String(count)) +
        inner +
        mergeXml(merges) +
        "</mergeCells>" +
        out.slice(existing.end);
    } else {
      if (existing) out = out.slice(0, existing.start) + out.slice(existing.end);
      out = insertBefore(
        out,
        `<mergeCells count="${merges.length}">${mergeXml(merges)}</mergeCells>`,
        AFTER_MERGES,
        "worksheet",
        afterData
      );
    }
  }

  const conditional = renders.flatMap((r) => r.conditionalFormats);
  if (conditional.length) {
    const priorities = [...out.matchAll(/<cfRule\b[^>]*?\spriority="(\d+)"/g)].map((m) => Number(m[1]));
    const cf = conditionalXml(conditional, styles, Math.max(0, ...priorities) + 1);
    const last = out.lastIndexOf("</conditionalFormatting>");
    out =
      last >= 0 ? out.slice(0, last + 24) + cf + out.slice(last + 24) : insertBefore(out, cf, AFTER_CONDITIONAL, "worksheet", afterData);
  }
  return out;
}

/** The rows of a sheetData's content above row `first` (1-based), as they are. */
function keptRows(inner: string, first: number): string {
  const row = /<row(?=[\s>])[^>]*?\sr="(\d+)"/g;
  for (let m = row.exec(inner); m; m = row.exec(inner)) {
    if (Number(m[1]) >= first) return inner.slice(0, m.index);
  }
  return inner;
}

function safeArea(ref: string) {
  try {
    return parseArea(ref.split(" ")[0]);
  } catch {
    return undefined;
  }
}

/**
 * A sheet's XML with its tab selected or not: only the tabSelected attribute of its first <sheetView> changes, and
 * the XML is returned as it is (the same string) when it already says so.
 */
export function withTabSelected(xml: string, selected: boolean): string {
  const view = /<(?:[\w.-]+:)?sheetView(?=[\s/>])(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/.exec(xml);
  if (!view) {
    if (!selected) return xml;
    const views = `<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>`;
    return insertBefore(xml, views, ["sheetFormatPr", "cols", "sheetData"], "worksheet");
  }
  const current = attributes(view[0]).get("tabSelected");
  const isSelected = current === "1" || current === "true";
  if (isSelected === selected) return xml;
  const tag = setAttribute(view[0], "tabSelected", selected ? "1" : undefined);
  return xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length);
}
