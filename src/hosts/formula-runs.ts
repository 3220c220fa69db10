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
import { ModelCell } from "../core/sheet-model";
import { FilledCell, RowTemplate, templateOf } from "../core/sheets/row-template";
import { FilledRenderCell, RenderCell } from "./render-plan";
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

  /** Follow the formula `n` rows further down without reading it (cells of a run known to be its moves down). */
  advance(n: number): void {
    for (let k = 0; k < this.rows.length; k++) this.rows[k] += n;
  }
}

/** A run of at least two formulas down one column: rows `first`..`last` of the cells, `formula` the first one's. */
export interface FormulaRun {
  column: number;
  first: number;
  last: number;
  formula: string;
}

/**
 * Whether `next` is `prev`'s template filled in one row further down (both its rows one higher, moved alike by the
 * render, `by`): then its formula is `prev`'s moved down a row, once one such pair of the template has been seen to
 * be (formulaRuns). A data row that skips (a merged group, a totals row) is not: that formula's rows differ by more.
 */
function follows(prev: FilledCell | undefined, prevBy: number, next: FilledCell | undefined, by: number): boolean {
  if (!prev || !next) return false;
  return (
    prev.template === next.template &&
    prev.template.separate &&
    prevBy === by &&
    next.dataRow === prev.dataRow + 1 &&
    next.sheetRow === prev.sheetRow + 1
  );
}

/** One column's run as the rows go by: where it started, its first formula, and how it is being followed. */
class ColumnRun {
  first = -1;
  master: string | undefined;
  /** The run's relative rows: undefined until a second formula joins, null when it cannot be shared. */
  relative: RelativeRows | null | undefined;
  /** The run's last cell when it is filled from a template (a FilledCell, or one rendered: moved by `by` rows). */
  prev: FilledCell | undefined;
  by = 0;
  /** The template whose next rows were seen to be the run's formula moved down. */
  trusted: RowTemplate | undefined;
  /** How many cells joined by that since `relative` last stepped. */
  skipped = 0;

  /** Follows `filled` (moved by `by`) as the run's last cell. */
  at(filled: FilledCell | undefined, by: number): void {
    this.prev = filled;
    this.by = by;
  }
}

/**
 * The runs of filled-down formulas of a grid of cells, given a row at a time (a big sheet's rows are made as they
 * are written, render-rows): column by column, top to bottom. A run of cells filled from one template (a model's
 * FilledCells, or their renders, FilledRenderCells) is found
 * without making their formulas' text: the run's first formula and the one below it are compared as text, as every
 * other formula is, and once that pair holds, each next cell of the template that follows the one above is in the
 * run — filling the template in for the next rows is the same as moving its formula down a row, since its rows are
 * the only numbers that change (RowTemplate.separate).
 */
export class RunFinder {
  private readonly columns: ColumnRun[] = [];
  private readonly found: FormulaRun[] = [];
  private rows = 0;

  /** The next row's cells; those of the columns `valuesOnly` says are taken to hold no formula. */
  add(row: readonly (ModelCell | undefined)[], valuesOnly?: readonly boolean[]): void {
    const i = this.rows++;
    for (let c = 0; c < row.length; c++) this.step((this.columns[c] ??= new ColumnRun()), c, i, valuesOnly?.[c] ? undefined : row[c]);
    // A column the row is too short for has no cell here: that ends its run.
    for (let c = row.length; c < this.columns.length; c++)
      if (this.columns[c].master !== undefined) this.step(this.columns[c], c, i, undefined);
  }

  /** The runs of the rows given, column by column, each column's top to bottom. */
  runs(): FormulaRun[] {
    this.columns.forEach((s, c) => this.close(s, c, this.rows - 1));
    return this.found.sort((a, b) => a.column - b.column || a.first - b.first);
  }

  private step(s: ColumnRun, c: number, i: number, cell: ModelCell | undefined): void {
    const rendered = cell instanceof FilledRenderCell ? cell : undefined;
    const filled = rendered ? rendered.filled : templateOf(cell);
    const by = rendered ? rendered.by : 0;
    const next = follows(s.prev, s.by, filled, by);
    if (s.master !== undefined && next && s.trusted === filled!.template) {
      s.at(filled, by);
      s.skipped++;
      return;
    }
    const formula = cell?.formula;
    if (formula !== undefined && s.master !== undefined) {
      if (s.relative === undefined) s.relative = sameShape(s.master, formula) ? (RelativeRows.of(s.master) ?? null) : null;
      if (s.relative && s.skipped) s.relative.advance(s.skipped);
      s.skipped = 0;
      if (s.relative && s.relative.step(formula)) {
        if (next) s.trusted = filled!.template;
        s.at(filled, by);
        return;
      }
    }
    this.close(s, c, i - 1);
    if (formula !== undefined) {
      s.first = i;
      s.master = formula;
      s.at(filled, by);
    }
  }

  private close(s: ColumnRun, c: number, last: number): void {
    if (s.master !== undefined && last > s.first) this.found.push({ column: c, first: s.first, last, formula: s.master });
    s.master = undefined;
    s.relative = undefined;
    s.at(undefined, 0);
    s.trusted = undefined;
    s.skipped = 0;
  }
}

/** The runs of filled-down formulas of a grid of cells (see RunFinder). */
export function formulaRuns(cells: readonly (readonly (RenderCell | undefined)[])[]): FormulaRun[] {
  const finder = new RunFinder();
  for (const row of cells) finder.add(row);
  return finder.runs();
}
