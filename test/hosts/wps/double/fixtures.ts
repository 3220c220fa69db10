/** Putting a clerk's data straight into the double, and reading a sheet back as plain data for assertions. */
import { DoubleApplication, DoubleOptions, DoubleSheet } from "./et-double";
import { colLetters } from "./address";

export type Raw = number | string | boolean | null;

/** Cells as a clerk typed them, from `origin` (1-based row and column); "=…" strings become formulas. */
export function putCells(sheet: DoubleSheet, rows: Raw[][], origin: { row: number; col: number } = { row: 1, col: 1 }): void {
  rows.forEach((line, i) =>
    line.forEach((v, j) => {
      if (v === null) return;
      const cell = sheet.ensure(origin.row + i, origin.col + j);
      if (typeof v === "string" && v.startsWith("=")) cell.formula = v;
      else cell.value = v;
    })
  );
}

export function workbook(sheets: Record<string, Raw[][]>, options: DoubleOptions = {}): DoubleApplication {
  const app = new DoubleApplication(options, Object.keys(sheets));
  for (const [name, rows] of Object.entries(sheets)) putCells(app.sheet(name)!, rows);
  return app;
}

/** The stored value at an A1 address (text without its apostrophe prefix). */
export function valueAt(sheet: DoubleSheet, address: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet.cell(Number(m[2]), col)?.value;
}

export function cellAt(sheet: DoubleSheet, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet.cell(Number(m[2]), col);
}

export { colLetters };
