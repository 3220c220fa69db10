/**
 * The cells of a worksheet as read (by the package reader or through exceljs), laid out as SheetData's grids from
 * A1. An empty text is kept where it stands but does not stretch the used range.
 */
import { CellValue } from "../../core/sheet-model";

export class CellGrid {
  private readonly found: { r: number; c: number; value: CellValue; formula: string | null }[] = [];
  private height = 0;
  private width = 0;

  /** A cell at 0-based row and column; blank cells without a formula are ignored. */
  add(r: number, c: number, value: CellValue, formula: string | null): void {
    if (value === null && formula === null) return;
    this.found.push({ r, c, value, formula });
    if (value === "" && formula === null) return;
    this.height = Math.max(this.height, r + 1);
    this.width = Math.max(this.width, c + 1);
  }

  grids(): { values: CellValue[][]; formulas: (string | null)[][] } {
    const values: CellValue[][] = Array.from({ length: this.height }, () => new Array<CellValue>(this.width).fill(null));
    const formulas: (string | null)[][] = Array.from({ length: this.height }, () => new Array<string | null>(this.width).fill(null));
    for (const f of this.found) {
      if (f.r >= this.height || f.c >= this.width) continue;
      values[f.r][f.c] = f.value;
      formulas[f.r][f.c] = f.formula;
    }
    return { values, formulas };
  }
}
