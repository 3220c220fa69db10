/**
 * One rendered sheet (src/hosts/render-plan) as the list of Office.js operations the Excel host queues (and the WPS
 * host carries out through ET): each filled-down formula column as ONE relative formula in R1C1 notation for the
 * whole column range, the other cells as a few 2-D blocks, formats grouped into rectangles per property (one value
 * per rectangle), merges, conditional formats, widths, panes. So what travels grows with the columns and sheets,
 * not with the units. Pure and checked before anything is written, so a model Excel would reject stops the write
 * before it starts.
 */
import { ChartSpec, ConditionalFormat, PrintSetup, columnLetter } from "../../core/sheet-model";
import { chartCells } from "../chart-cells";
import { formulaRuns } from "../formula-runs";
import { fromR1C1, toR1C1 } from "../formula-text";
import { Area, CellStyle, RenderCell, SheetRender, areaText, hasFormula, parseArea, spillsOf, withoutSpillFormulas } from "../render-plan";
import { equalRuns, groupRects } from "./rects";
import { TEXT_FORMAT, needsTextFormat } from "./text-guard";

export type CellInput = number | string | boolean | null;
export type FormatProp = "fill" | "fontColour" | "bold" | "fontSize" | "horizontal" | "wrap" | "border";

export type SheetOp =
  /**
   * Our sheet, replaced where it stands: contents, formats, conditional formats, merges, widths reset, and panes
   * unless `panes` is false (the very hidden marker sheet: freezing one fails or misbehaves, office-js#1463, #3148).
   */
  | { kind: "clear"; panes: boolean }
  | { kind: "numberFormat"; area: Area; format: string }
  /** Values and formulas as one 2-D assignment; null leaves a cell as it is (blank, after the clear). */
  | { kind: "cells"; area: Area; grid: CellInput[][]; formulas: boolean }
  /** One relative formula in R1C1 notation for every cell of a column range (a filled-down formula column). */
  | { kind: "columnFormula"; area: Area; r1c1: string }
  /** A dynamic-array formula in one cell, spilling over the (empty) cells of `area` below it. */
  | { kind: "spill"; area: Area; formula: string }
  /** One property on one rectangle; ops for the same property and value come one after another. */
  | { kind: "format"; area: Area; prop: FormatProp; value: string | number | boolean }
  | { kind: "merge"; area: Area }
  | { kind: "conditional"; area: Area; formula: string; fill: string; fontColour?: string }
  | { kind: "width"; from: number; to: number; points: number }
  | { kind: "freeze"; rows: number; columns: number }
  | { kind: "hide" };

export interface SheetPlan {
  name: string;
  mode: SheetRender["mode"];
  ops: SheetOp[];
  /** Page setup goes in its own request (see excel-host): a printer setting must never undo a written sheet. */
  print?: PrintSetup;
  /** The rows the cells occupy on the sheet (0-based, inclusive), for undoing an append. */
  rows?: { top: number; bottom: number };
  /**
   * The sheet's native charts (none for appended rows). Drawn after the cells, with the old ones deleted first: a
   * sheet written again has these and no others (SheetModel.charts).
   */
  charts: ChartSpec[];
}

// Excel's limits (Excel specifications and limits).
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const MAX_TEXT = 32_767;
const MAX_FORMULA = 8_192;
const COLOUR = /^#[0-9A-Fa-f]{6}$/;

/**
 * Office.js column widths are in points; the model's are in characters, as Excel shows them. Excel's width w means
 * w digits of the default font plus 5 px of padding; with the default fonts (Calibri 11, and 等线 11 of Chinese
 * Excel) a digit is 7 px at 96 dpi, and 1 px = 0.75 pt: points = (w × 7 + 5) × 0.75 = 5.25·w + 3.75
 * (the standard width 8.43 gives 48 pt = 64 px). A width of 0 hides the column.
 */
export function charsToPoints(chars: number): number {
  if (!(chars > 0)) return 0;
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * `dynamicArrays`: the host spills a formula's array result (Microsoft 365 and Excel 2021): a cell's spilled formula
 * (ModelCell.spill) is written in its cell alone; without, each cell's own formula is written.
 */
export function planSheet(render: SheetRender, dynamicArrays = false): SheetPlan {
  const where = (row: number, col: number) => `工作表“${render.name}”的 ${columnLetter(col)}${row + 1}`;
  const ops: SheetOp[] = [];
  if (render.mode === "replace") ops.push({ kind: "clear", panes: !render.hidden });

  const cells = render.cells;
  const at = (r: number, c: number): RenderCell | undefined => cells[r]?.[c];
  const height = cells.length;
  const widthOf = (r: number) => cells[r]?.length ?? 0;
  const startRow = render.startRow;
  const lastRow = startRow + height - 1;
  const widest = Math.max(0, ...cells.map((row) => row.length), render.columnWidths.length);
  if (height > 0 && lastRow >= MAX_ROWS)
    throw new Error(`工作表“${render.name}”有 ${lastRow + 1} 行，超出 Excel 的 ${MAX_ROWS} 行上限，未写入任何内容。`);
  if (widest > MAX_COLUMNS) throw new Error(`工作表“${render.name}”有 ${widest} 列，超出 Excel 的 ${MAX_COLUMNS} 列上限，未写入任何内容。`);

  // Text that Excel would read as a formula, number or date gets "@" first (see text-guard).
  const guarded = (cell: RenderCell | undefined) =>
    !!cell && typeof cell.value === "string" && !hasFormula(cell) && needsTextFormat(cell.value);

  const numberFormatAt = (r: number, c: number): string | undefined => {
    const cell = at(r, c);
    if (guarded(cell)) return TEXT_FORMAT;
    const f = cell?.style?.numberFormat;
    return f === undefined || f === "General" ? undefined : f;
  };
  for (const [format, areas] of groupRects(height, widthOf, numberFormatAt)) {
    for (const a of areas) ops.push({ kind: "numberFormat", area: moved(a, startRow), format });
  }

  ops.push(...cellOps(cells, startRow, where, dynamicArrays));

  for (const prop of FORMAT_PROPS) {
    const keyAt = (r: number, c: number) => formatKey(at(r, c)?.style, prop);
    for (const [key, areas] of groupRects(height, widthOf, keyAt)) {
      const value = formatValue(prop, key);
      if ((prop === "fill" || prop === "fontColour") && !COLOUR.test(String(value))) {
        throw new Error(`工作表“${render.name}”的颜色“${value}”应写成 #RRGGBB，未写入任何内容。`);
      }
      for (const a of areas) ops.push({ kind: "format", area: moved(a, startRow), prop, value });
    }
  }

  for (const m of render.merges) ops.push({ kind: "merge", area: inSheet(m, render.name, true) });
  for (const cf of render.conditionalFormats) ops.push(conditional(cf, render.name));

  const appending = render.mode === "append";
  if (!appending) {
    for (const [from, to, points] of equalRuns(
      render.columnWidths.map((w) => (w === undefined || w === null ? undefined : charsToPoints(w)))
    )) {
      ops.push({ kind: "width", from, to, points });
    }
    const f = render.freeze;
    // A (very) hidden sheet has no window to freeze panes in: its panes are never touched.
    if (f && !render.hidden && (f.rows > 0 || f.columns > 0))
      ops.push({ kind: "freeze", rows: Math.max(0, f.rows), columns: Math.max(0, f.columns) });
  }
  if (render.hidden) ops.push({ kind: "hide" });

  const charts = appending ? [] : (render.charts ?? []);
  for (const chart of charts) checkChart(chart, render.name);

  return {
    name: render.name,
    mode: render.mode,
    ops,
    print: appending ? undefined : render.print,
    rows: height > 0 ? { top: startRow, bottom: lastRow } : undefined,
    charts,
  };
}

/** A chart's ranges, place and colours, checked before anything is written, as the cells' are. */
function checkChart(chart: ChartSpec, sheet: string): void {
  chartCells(chart);
  for (const series of [chart.bars, ...(chart.line ? [chart.line] : [])]) {
    for (const a1 of [chart.categories, series.values]) {
      const a = parseArea(a1);
      if (a.bottom >= MAX_ROWS || a.right >= MAX_COLUMNS)
        throw new Error(`工作表“${sheet}”图表“${chart.title}”的区域 ${a1} 应是工作表内有边界的矩形，未写入任何内容。`);
    }
    for (const colour of [series.colour, ...(series.pointColours ?? []).map((p) => p.colour)]) {
      if (!COLOUR.test(colour)) throw new Error(`工作表“${sheet}”图表“${chart.title}”的颜色“${colour}”应写成 #RRGGBB，未写入任何内容。`);
    }
  }
}

const FORMAT_PROPS: readonly FormatProp[] = ["fill", "fontColour", "bold", "fontSize", "horizontal", "wrap", "border"];

/** A property's value as a grouping key; undefined for "not set" and for what a cleared cell already has. */
function formatKey(style: CellStyle | undefined, prop: FormatProp): string | undefined {
  if (!style) return undefined;
  switch (prop) {
    case "fill":
      return style.fill;
    case "fontColour":
      return style.fontColour;
    case "bold":
      return style.bold ? "1" : undefined;
    case "fontSize":
      return style.fontSize === undefined ? undefined : String(style.fontSize);
    case "horizontal":
      return style.horizontal;
    case "wrap":
      return style.wrap ? "1" : undefined;
    case "border":
      return style.border ? "1" : undefined;
  }
}

function formatValue(prop: FormatProp, key: string): string | number | boolean {
  if (prop === "bold" || prop === "wrap" || prop === "border") return true;
  if (prop === "fontSize") return Number(key);
  return key;
}

/**
 * The cells as operations: each run of filled-down formulas (formula-runs) as one R1C1 formula for its column range,
 * when its R1C1 text gives back exactly the model's formulas; every other cell in rectangles (grouped as formats
 * are), each cut to the cells that hold a value or a formula and written as one 2-D grid.
 */
function cellOps(
  given: (RenderCell | undefined)[][],
  startRow: number,
  where: (row: number, col: number) => string,
  dynamicArrays: boolean
): SheetOp[] {
  const { cells, spills } = dynamicArrays ? withSpills(given, startRow, where) : { cells: given, spills: [] };
  const height = cells.length;
  const width = Math.max(0, ...cells.map((row) => row?.length ?? 0));
  const inRun = new Uint8Array(height * width);
  const ops: SheetOp[] = [];
  for (const run of formulaRuns(cells)) {
    const top = startRow + run.first;
    const r1c1 = toR1C1(input(cells[run.first][run.column], top, run.column, where) as string, top, run.column);
    if (fromR1C1(r1c1, top, run.column) !== run.formula) continue; // a reference form R1C1 here cannot hold
    for (let r = run.first; r <= run.last; r++) inRun[r * width + run.column] = 1;
    ops.push({ kind: "columnFormula", area: { top, left: run.column, bottom: startRow + run.last, right: run.column }, r1c1 });
  }
  const rest = groupRects(
    height,
    (r) => cells[r]?.length ?? 0,
    (r, c) => (inRun[r * width + c] ? undefined : "cell")
  );
  const blocks: SheetOp[] = [];
  for (const area of rest.get("cell") ?? []) {
    const block = cellBlock(cells, area, startRow, where);
    if (block) blocks.push(block);
  }
  return [...blocks, ...ops, ...spills];
}

/**
 * The spilled formulas as ops, and the cells with their spill ranges emptied (their style kept): Excel shows #SPILL!
 * where a cell of the range holds anything, so nothing else is written there.
 */
function withSpills(
  cells: (RenderCell | undefined)[][],
  startRow: number,
  where: (row: number, col: number) => string
): { cells: (RenderCell | undefined)[][]; spills: SheetOp[] } {
  const found = spillsOf(cells);
  if (found.length === 0) return { cells, spills: [] };
  const spills: SheetOp[] = found.map((s) => ({
    kind: "spill",
    area: { top: startRow + s.row, left: s.column, bottom: startRow + s.last, right: s.column },
    formula: input({ value: null, formula: s.formula }, startRow + s.row, s.column, where) as string,
  }));
  return { cells: withoutSpillFormulas(cells, found, true), spills };
}

/** The cells of one rectangle that hold a value or a formula, as one grid (undefined when there are none). */
function cellBlock(
  cells: (RenderCell | undefined)[][],
  within: Area,
  startRow: number,
  where: (row: number, col: number) => string
): SheetOp | undefined {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  let formulas = false;
  for (let r = within.top; r <= within.bottom; r++) {
    const row = cells[r] ?? [];
    for (let c = within.left; c <= Math.min(within.right, row.length - 1); c++) {
      const cell = row[c];
      if (!cell) continue;
      if (cell.formula !== undefined) formulas = true;
      else if (cell.value === null || cell.value === "") continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  if (bottom < 0) return undefined;
  const grid: CellInput[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = cells[r] ?? [];
    const out: CellInput[] = new Array(right - left + 1);
    for (let c = left; c <= right; c++) out[c - left] = input(row[c], startRow + r, c, where);
    grid.push(out);
  }
  return {
    kind: "cells",
    area: { top: startRow + top, left, bottom: startRow + bottom, right },
    grid,
    formulas,
  };
}

/** What to assign for one cell, after Excel's limits are checked. */
function input(cell: RenderCell | undefined, row: number, col: number, where: (row: number, col: number) => string): CellInput {
  if (!cell) return null;
  if (cell.formula !== undefined) {
    const f = cell.formula;
    if (!f.startsWith("=")) throw new Error(`${where(row, col)} 的公式应以“=”开头：${f}，未写入任何内容。`);
    if (f.length > MAX_FORMULA) throw new Error(`${where(row, col)} 的公式超过 ${MAX_FORMULA} 个字符（Excel 的上限），未写入任何内容。`);
    return f;
  }
  const v = cell.value;
  if (v === null || v === "") return null;
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`${where(row, col)} 不是有效的数值（${v}），未写入任何内容。`);
  if (typeof v === "string" && v.length > MAX_TEXT)
    throw new Error(`${where(row, col)} 的文字超过 ${MAX_TEXT} 个字符（Excel 的上限），未写入任何内容。`);
  return v;
}

function moved(a: Area, by: number): Area {
  return { top: a.top + by, left: a.left, bottom: a.bottom + by, right: a.right };
}

/** A model range inside the sheet; merges must also be bounded (whole rows or columns are fine elsewhere). */
function inSheet(a1: string, sheet: string, bounded: boolean): Area {
  const a = parseArea(a1);
  if (bounded && (a.bottom === Infinity || a.right === Infinity))
    throw new Error(`工作表“${sheet}”的合并区域 ${a1} 应是有边界的矩形，未写入任何内容。`);
  if ((a.bottom !== Infinity && a.bottom >= MAX_ROWS) || (a.right !== Infinity && a.right >= MAX_COLUMNS)) {
    throw new Error(`工作表“${sheet}”的区域 ${a1} 超出 Excel 工作表的范围，未写入任何内容。`);
  }
  return a;
}

/** The A1 address of an area; open ends give whole columns ("C:E") or whole rows ("2:5"). */
export function rangeAddress(a: Area): string {
  if (a.bottom === Infinity && a.right === Infinity) return `${columnLetter(0)}:${columnLetter(MAX_COLUMNS - 1)}`;
  if (a.bottom === Infinity) return `${columnLetter(a.left)}:${columnLetter(a.right)}`;
  if (a.right === Infinity) return `${a.top + 1}:${a.bottom + 1}`;
  return areaText(a);
}

function conditional(cf: ConditionalFormat, sheet: string): SheetOp {
  for (const colour of [cf.fill, cf.fontColour]) {
    if (colour !== undefined && !COLOUR.test(colour))
      throw new Error(`工作表“${sheet}”条件格式 ${cf.range} 的颜色“${colour}”应写成 #RRGGBB，未写入任何内容。`);
  }
  if (!cf.formula.startsWith("="))
    throw new Error(`工作表“${sheet}”条件格式 ${cf.range} 的公式应以“=”开头：${cf.formula}，未写入任何内容。`);
  return {
    kind: "conditional",
    area: inSheet(cf.range, sheet, false),
    formula: cf.formula,
    fill: cf.fill,
    fontColour: cf.fontColour,
  };
}
