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
  private readonly found: { r: number; c: number; value: CellValue; formula: string | null; note?: CellNote }[] = [];
  private height = 0;
  private width = 0;

  /**
   * A cell at 0-based row and column; blank cells without a formula are ignored. `note`: its number is shown as a
   * date, or it is a formula saved without its result ("uncached": worked out in grids() where it is simple).
   */
  add(r: number, c: number, value: CellValue, formula: string | null, note?: CellNote): void {
    if (value === null && formula === null) return;
    this.found.push(note ? { r, c, value, formula, note } : { r, c, value, formula });
    if (value === "" && formula === null) return;
    this.height = Math.max(this.height, r + 1);
    this.width = Math.max(this.width, c + 1);
  }

  grids(): { values: CellValue[][]; formulas: (string | null)[][]; notes?: Record<string, CellNote> } {
    if (this.height > ROW_GAP || this.width > COLUMN_GAP) this.trimToRegion();
    const values: CellValue[][] = Array.from({ length: this.height }, () => new Array<CellValue>(this.width).fill(null));
    const formulas: (string | null)[][] = Array.from({ length: this.height }, () => new Array<string | null>(this.width).fill(null));
    for (const f of this.found) {
      if (f.r >= this.height || f.c >= this.width) continue;
      values[f.r][f.c] = f.value;
      formulas[f.r][f.c] = f.formula;
    }
    const noted = this.found.filter((f) => f.note && f.r < this.height && f.c < this.width);
    if (noted.length === 0) return { values, formulas };
    const notes: Record<string, CellNote> = {};
    for (const f of noted) if (f.note === "date") notes[address(f.r, f.c)] = "date";
    const uncached = noted.filter((f) => f.note === "uncached").map((f) => [f.r, f.c] as [number, number]);
    for (const [r, c] of computeUncached(values, formulas, uncached)) notes[address(r, c)] = "uncached";
    return Object.keys(notes).length ? { values, formulas, notes } : { values, formulas };
  }

  /** Height and width cut back to the data region (see the note above). */
  private trimToRegion(): void {
    const counted = this.found.filter((f) => !(f.value === "" && f.formula === null));
    this.height = regionEnd([...new Set(counted.map((f) => f.r))], ROW_GAP);
    this.width = regionEnd([...new Set(counted.filter((f) => f.r < this.height).map((f) => f.c))], COLUMN_GAP);
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
