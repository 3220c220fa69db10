/**
 * Runs of filled-down formulas: cells down a column whose formulas are the same but for their relative rows, as
 * Excel makes them when a formula is copied down. The .xlsx host stores each run once as a shared formula; the
 * Excel and WPS hosts write each as one R1C1 formula for the whole column range.
 *
 * A formula joins the run above it when it is exactly that formula moved down one row. Which digits of the run's
 * first formula are relative rows is found once, by moving it down a row with the rule Excel uses for a copied
 * formula (formula-text's shiftFormulaRows); each next formula is then checked against the previous one with
 * those numbers one higher, character for character.
 */
import { RenderCell } from "./render-plan";
import { shiftFormulaRows } from "./formula-text";

const isDigit = (code: number) => code >= 48 && code <= 57;

/** The end of the digit run starting at `i`. */
function runEnd(s: string, i: number): number {
  let e = i;
  while (e < s.length && isDigit(s.charCodeAt(e))) e++;
  return e;
}

function runValue(s: string, i: number, e: number): number {
  let n = 0;
  for (let k = i; k < e; k++) n = n * 10 + (s.charCodeAt(k) - 48);
  return n;
}

function sameRun(a: string, i: number, ie: number, b: string, j: number, je: number): boolean {
  if (ie - i !== je - j) return false;
  for (let k = 0; k < ie - i; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** Whether two formulas are the same outside their digit runs (a cheap first look before relativeRuns). */
function sameShape(prev: string, next: string): boolean {
  let i = 0;
  let j = 0;
  while (i < prev.length && j < next.length) {
    const a = prev.charCodeAt(i);
    const b = next.charCodeAt(j);
    if (isDigit(a) && isDigit(b)) {
      i = runEnd(prev, i);
      j = runEnd(next, j);
    } else if (a !== b) return false;
    else {
      i++;
      j++;
    }
  }
  return i === prev.length && j === next.length;
}

/**
 * Whether `s` has `part` at `at`. By slice and ===, which V8 compares as memory: startsWith with a position compares
 * character by character, four times slower, and this runs for every formula of a big sheet (700,000 at 5,000 units).
 */
function hasAt(s: string, part: string, at: number): boolean {
  return s.length >= at + part.length && s.slice(at, at + part.length) === part;
}

/**
 * A run's formula as text between its relative rows (the same all down the run: absolute rows and other numbers
 * are part of it) and the numbers of those rows in the formula followed last.
 */
class RelativeRows {
  private constructor(
    private readonly between: string[],
    private readonly rows: number[]
  ) {}

  /** The relative rows of `formula`: the digit runs that moving it down a row raises by one. */
  static of(formula: string): RelativeRows | undefined {
    const moved = shiftFormulaRows(formula, 1);
    const between: string[] = [];
    const rows: number[] = [];
    let last = 0;
    let i = 0;
    let j = 0;
    while (i < formula.length && j < moved.length) {
      const a = formula.charCodeAt(i);
      const b = moved.charCodeAt(j);
      if (isDigit(a) && isDigit(b)) {
        const ie = runEnd(formula, i);
        const je = runEnd(moved, j);
        if (!sameRun(formula, i, ie, moved, j, je)) {
          const row = runValue(formula, i, ie);
          if (runValue(moved, j, je) !== row + 1) return undefined;
          between.push(formula.slice(last, i));
          rows.push(row);
          last = ie;
        }
        i = ie;
        j = je;
        continue;
      }
      if (a !== b) return undefined;
      i++;
      j++;
    }
    if (i !== formula.length || j !== moved.length) return undefined;
    between.push(formula.slice(last));
    return new RelativeRows(between, rows);
  }

  /**
   * Whether `next` is the formula followed moved down one row (then it is the one followed). A relative row is a
   * whole digit run: the text on either side of it starts or ends with something else.
   */
  step(next: string): boolean {
    const { between, rows } = this;
    let at = 0;
    for (let k = 0; k < rows.length; k++) {
      if (!hasAt(next, between[k], at)) return false;
      at += between[k].length;
      // The row read as digits in place (no string made for it: this runs for every formula of a big sheet).
      const end = runEnd(next, at);
      if (end === at || next.charCodeAt(at) === 48 || runValue(next, at, end) !== rows[k] + 1) return false;
      at = end;
    }
    const tail = between[rows.length];
    if (at + tail.length !== next.length || !hasAt(next, tail, at)) return false;
    for (let k = 0; k < rows.length; k++) rows[k]++;
    return true;
  }
}

/** A run of at least two formulas down one column: rows `first`..`last` of the cells, `formula` the first one's. */
export interface FormulaRun {
  column: number;
  first: number;
  last: number;
  formula: string;
}

/** The runs of filled-down formulas of a grid of cells, column by column, top to bottom. */
export function formulaRuns(cells: readonly (readonly (RenderCell | undefined)[])[]): FormulaRun[] {
  const height = cells.length;
  let width = 0;
  for (const row of cells) width = Math.max(width, row.length);
  const out: FormulaRun[] = [];
  for (let c = 0; c < width; c++) {
    let first = -1;
    let master: string | undefined;
    // The run's relative rows: undefined until a second formula joins, null when it cannot be shared.
    let relative: RelativeRows | null | undefined;
    const close = (last: number) => {
      if (master !== undefined && last > first) out.push({ column: c, first, last, formula: master });
      master = undefined;
      relative = undefined;
    };
    for (let i = 0; i < height; i++) {
      const formula = cells[i][c]?.formula;
      if (formula !== undefined && master !== undefined) {
        if (relative === undefined) relative = sameShape(master, formula) ? (RelativeRows.of(master) ?? null) : null;
        if (relative && relative.step(formula)) continue;
      }
      close(i - 1);
      if (formula !== undefined) {
        first = i;
        master = formula;
      }
    }
    close(height - 1);
  }
  return out;
}
