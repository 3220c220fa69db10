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

export class CellGrid {
  // The cells found, in parallel lists (an object per cell was 19 MB at 5,000 units × 48 columns, all promoted to
  // the old generation before the grid was made); formulas and notes are few, kept by the cell's index.
  private readonly rows: number[] = [];
  private readonly columns: number[] = [];
  private readonly values: CellValue[] = [];
  private readonly formulaAt = new Map<number, string>();
  private readonly noteAt = new Map<number, CellNote>();
  private height = 0;
  private width = 0;

  /**
   * A cell at 0-based row and column; blank cells without a formula are ignored. `note`: its number is shown as a
   * date, or it is a formula saved without its result ("uncached": worked out in grids() where it is simple).
   */
  add(r: number, c: number, value: CellValue, formula: string | null, note?: CellNote): void {
    if (value === null && formula === null) return;
    const k = this.rows.length;
    this.rows.push(r);
    this.columns.push(c);
    this.values.push(value);
    if (formula !== null) this.formulaAt.set(k, formula);
    if (note) this.noteAt.set(k, note);
    if (value === "" && formula === null) return;
    this.height = Math.max(this.height, r + 1);
    this.width = Math.max(this.width, c + 1);
  }

  grids(): { values: CellValue[][]; formulas: (string | null)[][]; notes?: Record<string, CellNote> } {
    if (this.height > ROW_GAP || this.width > COLUMN_GAP) this.trimToRegion();
    const values: CellValue[][] = Array.from({ length: this.height }, () => new Array<CellValue>(this.width).fill(null));
    const formulas: (string | null)[][] = Array.from({ length: this.height }, () => new Array<string | null>(this.width).fill(null));
    const inside = (k: number) => this.rows[k] < this.height && this.columns[k] < this.width;
    for (let k = 0; k < this.rows.length; k++) {
      if (!inside(k)) continue;
      values[this.rows[k]][this.columns[k]] = this.values[k];
      formulas[this.rows[k]][this.columns[k]] = this.formulaAt.get(k) ?? null;
    }
    const noted = [...this.noteAt].filter(([k]) => inside(k));
    if (noted.length === 0) return { values, formulas };
    const notes: Record<string, CellNote> = {};
    for (const [k, note] of noted) if (note === "date") notes[address(this.rows[k], this.columns[k])] = "date";
    const uncached = noted.filter(([, note]) => note === "uncached").map(([k]) => [this.rows[k], this.columns[k]] as [number, number]);
    for (const [r, c] of computeUncached(values, formulas, uncached)) notes[address(r, c)] = "uncached";
    return Object.keys(notes).length ? { values, formulas, notes } : { values, formulas };
  }

  /** Height and width cut back to the data region (see the note above). */
  private trimToRegion(): void {
    const counted: number[] = [];
    for (let k = 0; k < this.rows.length; k++) if (!(this.values[k] === "" && !this.formulaAt.has(k))) counted.push(k);
    this.height = regionEnd([...new Set(counted.map((k) => this.rows[k]))], ROW_GAP);
    this.width = regionEnd([...new Set(counted.filter((k) => this.rows[k] < this.height).map((k) => this.columns[k]))], COLUMN_GAP);
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
