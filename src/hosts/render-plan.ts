/**
 * What a host writes for one planned sheet, worked out once for every host (xlsx, in-memory, and later Office.js
 * and WPS): the cell grid with each cell's resolved style, where it starts (row 0, or below the rows already in a
 * log sheet), and the merges and formats moved to match. Pure: no Node, DOM or Office APIs.
 */
import { PlannedWrite } from "../core/generated-sheets";
import {
  ChartSpec,
  CellValue,
  ConditionalFormat,
  ModelCell,
  PrintSetup,
  RangeFormat,
  SheetKind,
  SheetModel,
  columnIndex,
  columnLetter,
} from "../core/sheet-model";
import { FilledCell, templateOf } from "../core/sheets/row-template";
import { shiftFormulaRows } from "./formula-text";
import { RenderRows, lazyRender } from "./render-rows";

/** The formatting of one cell, the RangeFormats that cover it merged in order (a later format wins per property). */
export type CellStyle = Omit<RangeFormat, "range">;

export interface RenderCell extends ModelCell {
  style?: CellStyle;
}

export interface SheetRender {
  name: string;
  kind: SheetKind;
  /** create: a new sheet at the end; replace: our sheet, rewritten where it stands; append: rows added to our log. */
  mode: "create" | "replace" | "append";
  hidden: boolean;
  /** 0-based row of the sheet where `cells[0]` goes. */
  startRow: number;
  /** Rows of cells from column A; covers every cell that has a value, a formula or a style. */
  cells: (RenderCell | undefined)[][];
  /** Merged areas, on the sheet (already moved by startRow). */
  merges: string[];
  conditionalFormats: ConditionalFormat[];
  columnWidths: number[];
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** The sheet's charts (none for appended rows: a log's charts are the ones written with the sheet). */
  charts?: ChartSpec[];
}

/** A rectangle of 0-based inclusive rows and columns; open ends (whole rows or columns) are Infinity. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/i;
const COLUMN = /^\$?([A-Z]{1,3})$/i;
const ROW = /^\$?(\d+)$/;

/**
 * A plain cell reference ("B2", no $ or spaces) at [start, end) of `s`, as [row, column] 0-based, or undefined: the
 * ranges the models give (龙虎榜 has thousands, one a row), read without the regular expressions below.
 */
function plainCell(s: string, start: number, end: number): [number, number] | undefined {
  let i = start;
  let column = 0;
  for (let c = s.charCodeAt(i); i < end && c >= 65 && c <= 90; c = s.charCodeAt(++i)) column = column * 26 + (c - 64);
  if (i === start || i - start > 3 || i === end) return undefined;
  let row = 0;
  for (let k = i; k < end; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9 || (k === i && d === 0)) return undefined;
    row = row * 10 + d;
  }
  return [row - 1, column - 1];
}

/** An A1 range ("B2:D9", "C3", "3:5", "A:C") as an Area; throws on anything else. */
export function parseArea(a1: string): Area {
  const colon = a1.indexOf(":");
  const from = plainCell(a1, 0, colon < 0 ? a1.length : colon);
  const to = colon < 0 ? from : plainCell(a1, colon + 1, a1.length);
  if (from && to) return ordered(from[0], from[1], to[0], to[1]);
  return parseAreaText(a1);
}

function parseAreaText(a1: string): Area {
  const [from, to = from] = a1.trim().split(":");
  let m = CELL.exec(from);
  let n = CELL.exec(to);
  if (m && n) {
    return ordered(Number(m[2]) - 1, columnIndex(m[1]), Number(n[2]) - 1, columnIndex(n[1]));
  }
  m = COLUMN.exec(from);
  n = COLUMN.exec(to);
  if (m && n && a1.includes(":")) return ordered(0, columnIndex(m[1]), Infinity, columnIndex(n[1]));
  m = ROW.exec(from);
  n = ROW.exec(to);
  if (m && n && a1.includes(":")) return ordered(Number(m[1]) - 1, 0, Number(n[1]) - 1, Infinity);
  throw new Error(`无法识别的区域地址：${a1}`);
}

function ordered(top: number, left: number, bottom: number, right: number): Area {
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** The A1 text of a bounded Area. */
export function areaText(a: Area): string {
  const from = `${columnLetter(a.left)}${a.top + 1}`;
  const to = `${columnLetter(a.right)}${a.bottom + 1}`;
  return from === to ? from : `${from}:${to}`;
}

/** Move an A1 range down by `by` rows (whole-column ranges stay as they are). */
export function shiftArea(a1: string, by: number): string {
  const a = parseArea(a1);
  if (a.bottom === Infinity || a.right === Infinity) {
    if (a.bottom === Infinity) return a1;
    return `${a.top + 1 + by}:${a.bottom + 1 + by}`;
  }
  return areaText({ ...a, top: a.top + by, bottom: a.bottom + by });
}

/** The model with every formula dropped and its computed value kept (snapshots, and `--formulas values`). */
export function valuesOnly(model: SheetModel): SheetModel {
  return { ...model, cells: model.cells.map((row) => row.map((c) => ({ value: c.value }))) };
}

/** How many header rows a log model has: its frozen rows, or 1. Appending keeps the header once. */
export function headerRowsOf(model: SheetModel): number {
  return Math.max(1, model.freeze?.rows ?? 1);
}

/**
 * The rows of a model as they go on the sheet. `existingRows` is how many rows the sheet already uses (from the
 * top); it matters only for an append model written to a sheet of ours that is not empty.
 */
export function renderWrite(write: PlannedWrite, existingRows = 0): SheetRender {
  const source = write.model.snapshot ? valuesOnly(write.model) : write.model;
  const appending = !!source.append && write.exists && existingRows > 0;
  const mode = appending ? "append" : write.exists ? "replace" : "create";
  const header = appending ? headerRowsOf(source) : 0;
  const startRow = appending ? existingRows : 0;
  // Model row r goes to sheet row r + by; the header rows of an appended log are already on the sheet.
  const by = startRow - header;
  // The cells are made a row at a time when a host asks (render-rows), each styled from the formats as it is made.
  const formats = (source.formats ?? []).map((f) => ({ range: parseArea(f.range), given: givenOf(f) }));
  const rows = new RenderRows(source, header, (c) => renderCell(c, by), formats, by === 0);
  const inData = (a1: string) => parseArea(a1).top >= header;
  return lazyRender(
    {
      name: source.name,
      kind: source.kind,
      mode,
      hidden: !!source.hidden,
      startRow,
      merges: (source.merges ?? []).filter(inData).map((m) => shiftArea(m, by)),
      // A conditional format's formula is written for its range's top-left cell, so it moves with the range.
      conditionalFormats: (source.conditionalFormats ?? [])
        .filter((cf) => inData(cf.range))
        .map((cf) => ({ ...cf, range: shiftArea(cf.range, by), formula: shiftFormulaRows(cf.formula, by) })),
      columnWidths: source.columnWidths ?? [],
      freeze: source.freeze,
      print: source.print,
      charts: appending ? [] : (source.charts ?? []),
    },
    rows
  );
}

/**
 * A model cell as rendered: its formulas moved by `by` rows, every field declared, style included (undefined until
 * a format sets it): a copy by spread that gets its style added later is a slow object in V8.
 */
function renderCell(c: ModelCell, by: number): RenderCell {
  const filled = templateOf(c);
  if (filled) return new FilledRenderCell(filled, by);
  const shift = (f: string) => (by !== 0 ? shiftFormulaRows(f, by) : f);
  return {
    value: c.value,
    formula: c.formula !== undefined ? shift(c.formula) : undefined,
    style: undefined,
    spill: c.spill ? { ...c.spill, formula: shift(c.spill.formula) } : undefined,
  };
}

/**
 * The render of a model's FilledCell (row k of a filled-down column's template): it keeps that cell and the rows
 * the render moves it by, and makes the formula's text only when read. The hosts find a run of such cells without
 * reading them (formula-runs) and write the run's first formula alone. Three fields (value and spill are the model
 * cell's): at 5,000 units there are 700,000 of them.
 */
export class FilledRenderCell implements RenderCell {
  style: CellStyle | undefined = undefined;

  constructor(
    readonly filled: FilledCell,
    /** Rows the render moves the formula down by (see renderWrite). */
    readonly by: number
  ) {}

  get value(): CellValue {
    return this.filled.value;
  }

  get formula(): string {
    const f = this.filled.formula;
    return this.by !== 0 ? shiftFormulaRows(f, this.by) : f;
  }

  /** The model cell's spill, moved as the formula is (a new object each time when moved: only logs are). */
  get spill(): RenderCell["spill"] {
    const s = this.filled.spill;
    return s && this.by !== 0 ? { ...s, formula: shiftFormulaRows(s.formula, this.by) } : s;
  }
}

/** Whether a cell holds a formula, found without making the text of a filled one. */
export function hasFormula(cell: ModelCell): boolean {
  return cell instanceof FilledRenderCell || templateOf(cell) !== undefined || cell.formula !== undefined;
}

/** A spilled formula's anchor and range (0-based rows of the cells, inclusive). */
export interface Spill {
  row: number;
  column: number;
  last: number;
  formula: string;
}

/** The spilled formulas of a grid of cells (see ModelCell.spill), top to bottom, each cut to the grid. */
export function spillsOf(cells: readonly (readonly (RenderCell | undefined)[])[]): Spill[] {
  const out: Spill[] = [];
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.spill)
        out.push({ row: r, column: c, last: Math.min(cells.length - 1, r + cell.spill.rows - 1), formula: cell.spill.formula });
    })
  );
  return out;
}

/**
 * The cells with the cells of each spill range (anchor included) holding no formula — their values kept, or with
 * `empty` none — and their styles kept; the rows touched are copies, the others shared.
 */
export function withoutSpillFormulas(
  cells: (RenderCell | undefined)[][],
  spills: readonly Spill[],
  empty: boolean
): (RenderCell | undefined)[][] {
  const out = cells.slice();
  for (const s of spills) {
    for (let r = s.row; r <= s.last; r++) {
      const row = (out[r] = out[r] === cells[r] ? cells[r].slice() : out[r]);
      const cell = row[s.column];
      row[s.column] = { value: empty ? null : (cell?.value ?? null), style: cell?.style };
    }
  }
  return out;
}

/** What a format gives, its range left out, and only the fields it sets. */
function givenOf(format: RangeFormat): Partial<Omit<RangeFormat, "range">> {
  // A loop, not a rest pattern and entries/filter/fromEntries: run for every format, and 奖惩兑现 has two a unit.
  const out: Partial<Record<keyof RangeFormat, unknown>> = {};
  for (const key of Object.keys(format) as (keyof RangeFormat)[]) if (key !== "range" && format[key] !== undefined) out[key] = format[key];
  return out as Partial<Omit<RangeFormat, "range">>;
}

/** The used height of a sheet's values: rows up to the last one holding anything. */
export function usedRows(values: readonly (readonly CellValue[])[]): number {
  for (let r = values.length - 1; r >= 0; r--) {
    if (values[r].some((v) => v !== null && v !== "")) return r + 1;
  }
  return 0;
}

/** Look up the write of the sheet a caller asked to activate, by the model's own name or the name written. */
export function writtenName(
  writes: readonly PlannedWrite[],
  requested: readonly SheetModel[],
  name: string | undefined
): string | undefined {
  if (name === undefined) return undefined;
  const at = requested.findIndex((m) => m.name === name);
  if (at >= 0) return writes[at]?.model.name;
  return writes.find((w) => w.model.name === name)?.model.name;
}

/** Blank every cell of a merged area but its top-left one, as Excel shows and returns a merged area's values. */
export function blankMergedTails(values: CellValue[][], formulas: (string | null)[][] | undefined, merges: readonly string[]): void {
  for (const m of merges) {
    const a = parseArea(m);
    for (let r = a.top; r <= Math.min(a.bottom, values.length - 1); r++) {
      for (let c = a.left; c <= Math.min(a.right, values[r].length - 1); c++) {
        if (r === a.top && c === a.left) continue;
        values[r][c] = null;
        if (formulas?.[r]) formulas[r][c] = null;
      }
    }
  }
}
