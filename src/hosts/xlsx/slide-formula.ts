/**
 * A formula moved by rows and columns, as Excel moves a copied formula: relative references move, $-anchored
 * parts stay, text in quotes is never touched. Used to read a shared formula (`<f t="shared" si="0"/>`), which a
 * cell takes from the run's first cell, moved by the distance between them.
 */
import { columnIndex, columnLetter } from "../../core/sheet-model";
import { rewriteCode } from "../formula-text";

const CELL_REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/g;
const ROW_RANGE = /(?<![A-Za-z0-9_.$:])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.(:])/g;
const COLUMN_RANGE = /(?<![A-Za-z0-9_.$:])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(:!])/g;

export function slideFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const row = (anchor: string, r: string) => (anchor ? `$${r}` : String(Number(r) + rows));
  const column = (anchor: string, c: string) => (anchor ? `$${c}` : columnLetter(columnIndex(c) + columns));
  return rewriteCode(formula, (code) =>
    code
      .replace(ROW_RANGE, (_m, a1: string, r1: string, a2: string, r2: string) => `${row(a1, r1)}:${row(a2, r2)}`)
      .replace(COLUMN_RANGE, (_m, a1: string, c1: string, a2: string, c2: string) => `${column(a1, c1)}:${column(a2, c2)}`)
      .replace(CELL_REF, (_m, ac: string, c: string, ar: string, r: string) => `${column(ac, c)}${row(ar, r)}`)
  );
}
