/**
 * How WPS 表格 calls an add-in function (docs/host-facts.md, WPS 表格), for tests of the registered KH.* functions:
 * - an argument left out of the formula — in the middle or at the end, up to the declared parameters — arrives as
 *   the COM marker −2147352572 (DISP_E_PARAMNOTFOUND), not as undefined;
 * - a range given to a range parameter ("[][]" in the metadata) arrives as its Value2 rows;
 * - a cell given to a scalar parameter may arrive as the Range object itself ({ Value2 }), from the ET double.
 * `asCells` puts every argument into cells of `sheet` first (a formula over cells); otherwise scalars are passed
 * as the constants typed in the formula.
 */
import { DoubleRange, DoubleSheet } from "./et-double";
import { putCells, Raw } from "./fixtures";
import { colLetters } from "./address";

export const PARAM_NOT_FOUND = -2147352572;

export interface Param {
  type?: string;
}

const isRangeParam = (p: Param | undefined) => /\[\]\[\]\??$/.test(p?.type ?? "");

/** Cells for `rows` in a fresh block of `sheet` (each call writes below the last), as a double Range. */
function place(sheet: DoubleSheet, rows: Raw[][]): DoubleRange {
  const top = Math.max(0, ...[...sheet.cells.keys()].map((k) => Number(k.split(",")[0]))) + 2;
  const width = Math.max(1, ...rows.map((r) => r.length));
  putCells(sheet, rows, { row: top, col: 1 });
  return sheet.Range(`A${top}:${colLetters(width)}${top + rows.length - 1}`);
}

function asGrid(value: unknown): Raw[][] {
  if (!Array.isArray(value)) return [[value as Raw]];
  return value.some(Array.isArray) ? (value as Raw[][]) : [value as Raw[]];
}

/** The arguments WPS hands the function for a formula with `args` (undefined = left out). */
export function wpsArguments(params: readonly Param[], args: readonly unknown[], sheet?: DoubleSheet): unknown[] {
  return Array.from({ length: Math.max(params.length, args.length) }, (_, i) => {
    const arg = args[i];
    if (arg === undefined) return PARAM_NOT_FOUND;
    if (!sheet) return arg;
    const range = place(sheet, asGrid(arg));
    if (!isRangeParam(params[i])) return Array.isArray(arg) ? range.Value2 : range;
    const value = range.Value2;
    return Array.isArray(value) ? value : [[value]];
  });
}
