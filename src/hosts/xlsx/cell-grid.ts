/**
 * The cells of a worksheet as read (by the package reader or through exceljs), laid out as SheetData's grids from
 * A1. An empty text is kept where it stands but does not stretch the used range.
 *
 * The grid covers the data region, not the rectangle to the last cell ever touched: walking the rows (and the
 * columns) that hold something from the top (the left), a gap of more than ROW_GAP empty rows (COLUMN_GAP
 * columns) ends it. A stray value at XFD1048576 after a careless Ctrl+End would otherwise be a grid of
 * 17 billion cells.
 */
import type { CellNote } from "../../core/data-table";
import { CellValue, address } from "../../core/sheet-model";
import { evaluateFormula, formulaOperand } from "./formula-eval";

const ROW_GAP = 1000;
const COLUMN_GAP = 200;

/** The extent (count from 0) of the indices before the first gap wider than `gap`. */
function regionEnd(used: number[], gap: number): number {
  used.sort((a, b) => a - b);
  let end = 0;
  for (const i of used) {
    if (end > 0 && i - end > gap) break;
    end = i + 1;
  }
  return end;
}

/** A row's cells by column, `undefined` where none was added (blanks are null only in the finished grid). */
type Row = CellValue[];

export class CellGrid {
  // The cells go straight into rows of the grid (a list per cell, then the grid, held 225,000 cells twice at
  // 5,000 units and left 5 MB of lists to the old generation); formulas only into rows that have one.
  private readonly cells: (Row | undefined)[] = [];
  private readonly formulaRows: ((string | null)[] | undefined)[] = [];
  /** The rows that hold a cell, in the order first seen. */
  private readonly rowsSeen: number[] = [];
  /** Notes in the order added: row, column and note of each. */
  private readonly notes: [number, number, CellNote][] = [];
  /** Row and column of each cell added again on top of a counted one (Excel writes none), still counted. */
  private readonly replaced: number[] = [];
  private height = 0;
  private width = 0;

  /**
   * A cell at 0-based row and column; blank cells without a formula are ignored. `note`: its number is shown as a
   * date, or it is a formula saved without its result ("uncached": worked out in grids() where it is simple).
   * The same cell added again takes the later one's value and formula (and keeps both notes).
   */
  add(r: number, c: number, value: CellValue, formula: string | null, note?: CellNote): void {
    if (value === null && formula === null) return;
    const row = this.row(r);
    if (row[c] !== undefined && this.counts(r, c)) this.replaced.push(r, c);
    row[c] = value;
    this.setFormula(r, c, formula);
    if (note) this.notes.push([r, c, note]);
    if (value === "" && formula === null) return;
    this.height = Math.max(this.height, r + 1);
    this.width = Math.max(this.width, c + 1);
  }

  grids(): { values: CellValue[][]; formulas: (string | null)[][]; notes?: Record<string, CellNote> } {
    if (this.height > ROW_GAP || this.width > COLUMN_GAP) this.trimToRegion();
    const values = new Array<CellValue[]>(this.height);
    const formulas = new Array<(string | null)[]>(this.height);
    // Rows without a formula share one row of nulls (a data sheet's rows mostly: at 5,000 rows × 90 columns, a row
    // each was 2 MB held as long as the sheet's data); only blankMergedTails writes into the grid, and only nulls.
    let none: (string | null)[] | undefined;
    for (let r = 0; r < this.height; r++) {
      values[r] = this.finished(this.cells[r]);
      const row = this.formulaRows[r];
      formulas[r] = row ? (this.finished(row) as (string | null)[]) : (none ??= new Array<string | null>(this.width).fill(null));
    }
    const inside = ([r, c]: [number, number, CellNote]) => r < this.height && c < this.width;
    const noted = this.notes.filter(inside);
    if (noted.length === 0) return { values, formulas };
    const notes: Record<string, CellNote> = {};
    for (const [r, c, note] of noted) if (note === "date") notes[address(r, c)] = "date";
    const uncached = noted.filter(([, , note]) => note === "uncached").map(([r, c]) => [r, c] as [number, number]);
    for (const [r, c] of computeUncached(values, formulas, uncached)) notes[address(r, c)] = "uncached";
    return Object.keys(notes).length ? { values, formulas, notes } : { values, formulas };
  }

  /**
   * Row r, made with room for as many cells as the row before has (most rows are as wide as the first): filling
   * it then does not grow it. Never more than COLUMN_GAP: a stray cell far to the right would make every row huge.
   */
  private row(r: number): Row {
    let row = this.cells[r];
    if (!row) {
      const before = this.rowsSeen.length ? (this.cells[this.rowsSeen[this.rowsSeen.length - 1]] as Row).length : 0;
      row = this.cells[r] = new Array<CellValue>(Math.min(before, COLUMN_GAP));
      this.rowsSeen.push(r);
    }
    return row;
  }

  private setFormula(r: number, c: number, formula: string | null): void {
    let row = this.formulaRows[r];
    if (formula === null) {
      if (row && c < row.length) row[c] = null;
      return;
    }
    if (!row) row = this.formulaRows[r] = new Array<string | null>((this.cells[r] as Row).length);
    row[c] = formula;
  }

  /** Does the cell stretch the grid (anything but an empty text without a formula)? */
  private counts(r: number, c: number): boolean {
    return this.cells[r]?.[c] !== "" || (this.formulaRows[r]?.[c] ?? null) !== null;
  }

  /** A row of the finished grid, in place: `width` cells, null where there is none. */
  private finished(row: (CellValue | undefined)[] | undefined): CellValue[] {
    if (!row) return new Array<CellValue>(this.width).fill(null);
    if (row.length > this.width) row.length = this.width;
    for (let c = 0; c < this.width; c++) if (row[c] === undefined) row[c] = null;
    return row as CellValue[];
  }

  /** Height and width cut back to the data region (see the note above). */
  private trimToRegion(): void {
    const rows = this.rowsSeen.filter((r) => (this.cells[r] as Row).some((_v, c) => this.counts(r, c)));
    for (let k = 0; k < this.replaced.length; k += 2) rows.push(this.replaced[k]);
    this.height = regionEnd([...new Set(rows)], ROW_GAP);
    const columns = new Set<number>();
    for (const r of this.rowsSeen) {
      if (r >= this.height) continue;
      (this.cells[r] as Row).forEach((_v, c) => this.counts(r, c) && columns.add(c));
    }
    for (let k = 0; k < this.replaced.length; k += 2) if (this.replaced[k] < this.height) columns.add(this.replaced[k + 1]);
    this.width = regionEnd([...columns], COLUMN_GAP);
  }
}

/**
 * Work out the formulas saved without a result where they are simple (formula-eval), in place; the cells left
 * without a value are returned. A formula may use another uncached one: that is worked out first (once).
 */
function computeUncached(values: CellValue[][], formulas: (string | null)[][], cells: readonly [number, number][]): [number, number][] {
  const pending = new Set(cells.map(([r, c]) => `${r},${c}`));
  const failed = new Set<string>();
  const busy = new Set<string>();
  const solve = (r: number, c: number): number | null | undefined => {
    const key = `${r},${c}`;
    if (failed.has(key) || busy.has(key)) return undefined;
    if (!pending.has(key)) return formulaOperand(values[r]?.[c]);
    busy.add(key);
    const v = evaluateFormula(formulas[r][c] ?? "", solve);
    busy.delete(key);
    pending.delete(key);
    if (v === undefined) {
      failed.add(key);
      return undefined;
    }
    values[r][c] = v;
    return v;
  };
  for (const key of [...pending]) {
    const [r, c] = key.split(",").map(Number);
    solve(r, c);
  }
  return [...failed].map((k) => k.split(",").map(Number) as [number, number]);
}
