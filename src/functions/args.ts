/**
 * Reading the arguments of the KH.* functions (SPEC §2.1) as Excel, WPS or a Node caller hands them over: scalars,
 * `null` for an omitted optional argument, 2-D arrays for ranges. Parameters declared as ranges in the metadata
 * arrive from Excel as 2-D arrays even for a single value ([[85]]); a Node caller may pass the bare value.
 *
 * Blanks: a required number that is blank reads as 0, so a blank cell gives the same result whether the host
 * passes null, "" or 0 for it. An optional argument that is null or "" takes its default (0 cannot be told apart
 * from a typed 0, so it is the number 0).
 */
import { valueError } from "../core/errors";
import { Cell, CellOrGrid, Grid, cellsOf, isBlank, plainCell, readFlag, readNumber, showCell } from "../core/values";

/** A range argument, or a single value where a range is allowed. */
export type Arg = CellOrGrid;

export interface Shape {
  rows: number;
  cols: number;
}

/** Rows and columns of a range argument; a single value is 1×1. */
export function shapeOf(v: Arg): Shape {
  if (!Array.isArray(v)) return { rows: 1, cols: 1 };
  const rows = v.length;
  const cols = rows ? Math.max(...v.map((r) => (Array.isArray(r) ? r.length : 1))) : 0;
  return { rows, cols };
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

/** A scalar argument: a 1×1 range is its single value; a larger range is an error naming the parameter. */
export function scalar(v: Arg, label: string): Cell {
  if (!Array.isArray(v)) return plainCell(v);
  const cells = cellsOf(v);
  if (cells.length === 0) return null;
  if (cells.length === 1) return cells[0];
  throw valueError(`${label}应为单个值，而不是区域`);
}

/** Is the argument omitted or blank (a blank cell, an empty 1×1 range)? */
export function omitted(v: Arg): boolean {
  if (!Array.isArray(v)) return isBlank(v);
  const cells = cellsOf(v);
  return cells.length === 0 || (cells.length === 1 && isBlank(cells[0]));
}

/** A number from a cell, or #VALUE! naming the text and the parameter. */
function numberOrError(c: Cell, label: string): number {
  const n = readNumber(c);
  if (typeof n === "number") return n;
  throw valueError(`无法识别的数值：${showCell(c)}（${label}）`);
}

/** A required number: blank reads as 0 (as Excel's own functions read a blank cell). */
export function num(v: Arg, label: string): number {
  const c = scalar(v, label);
  return isBlank(c) ? 0 : numberOrError(c, label);
}

/** An optional number: omitted or blank → fallback. */
export function optNum(v: Arg, fallback: number, label: string): number {
  const c = scalar(v, label);
  return isBlank(c) ? fallback : numberOrError(c, label);
}

/** An optional number with no default (a blank cap means no cap). */
export function maybeNum(v: Arg, label: string): number | undefined {
  const c = scalar(v, label);
  return isBlank(c) ? undefined : numberOrError(c, label);
}

/** An optional yes/no option such as `dense`: omitted or blank → fallback. */
export function optFlag(v: Arg, fallback: boolean, label: string): boolean {
  const c = scalar(v, label);
  if (isBlank(c)) return fallback;
  const f = readFlag(c);
  if (f === undefined) throw valueError(`无法识别的选项：${showCell(c)}（${label}应为 TRUE/FALSE、是/否 或 1/0）`);
  return f;
}

/** Excel's RANK order: 0 or omitted → highest first; any other number → lowest first. */
export function ascendingOrder(v: Arg): boolean {
  return optNum(v, 0, "排序方式") !== 0;
}

/** An optional range: undefined when omitted. */
export function optRange(v: Arg): Arg | undefined {
  return omitted(v) ? undefined : v;
}

/**
 * Numbers of a positional list (votes, weights): a blank counts as 0 because its place matters; a text that is
 * not a number is an error, not skipped.
 */
export function positionalNumbers(v: Arg, label: string): number[] {
  return cellsOf(v).map((c) => (isBlank(c) ? 0 : numberOrError(c, label)));
}

/** Numbers of a list where a blank has no value (ranks per dispatch): null for blanks and unrecognised texts. */
export function numbersOrNull(v: Arg): (number | null)[] {
  return cellsOf(v).map((c) => {
    const n = readNumber(c);
    return typeof n === "number" ? n : null;
  });
}

/** A cell as a clerk sees it: numbers to 15 significant digits (0.1+0.2 shows 0.3), booleans as TRUE/FALSE. */
export function displayText(c: Cell): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "number") return String(Number(c.toPrecision(15)));
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return c;
}

/** Apply `f` to every entry of a range, keeping its shape. */
export function mapGrid<T>(v: Grid, f: (c: Cell, row: number, col: number) => T): T[][] {
  return v.map((row, i) => (Array.isArray(row) ? row.map((c, j) => f(c, i, j)) : [f(row as Cell, i, 0)]));
}

export { cellsOf, isBlank };
export type { Cell, Grid };
