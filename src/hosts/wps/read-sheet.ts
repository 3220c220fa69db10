/**
 * Reading a worksheet's used range through ET: values, formulas and merged areas, from A1, as SheetData.
 * Two reads (Value2 and Formula) for the whole range; merged areas are looked for only in rows that have some.
 */
import { CellValue } from "../../core/sheet-model";
import { SheetData } from "../host";
import { EtRange, EtWorksheet } from "./et";
import { asRows, prop } from "./et-access";

/** COM error codes, as some builds return an error cell's Value2 (CVErr values). */
const COM_ERRORS: Record<number, string> = {
  [-2146826288]: "#NULL!",
  [-2146826281]: "#DIV/0!",
  [-2146826273]: "#VALUE!",
  [-2146826265]: "#REF!",
  [-2146826259]: "#NAME?",
  [-2146826252]: "#NUM!",
  [-2146826246]: "#N/A",
};

function cellValue(raw: unknown, hasFormula: boolean): CellValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "number") return COM_ERRORS[raw] ?? raw;
  if (typeof raw === "boolean") return raw;
  const text = String(raw);
  return text === "" && !hasFormula ? null : text;
}

/** Merged areas of the used range, as "A1:H1" addresses. */
function readMerges(used: EtRange, rows: number, columns: number): string[] {
  if (prop(used.MergeCells) === false) return [];
  const found = new Set<string>();
  for (let r = 1; r <= rows; r++) {
    const row = used.Rows.Item(r);
    if (prop(row.MergeCells) === false) continue;
    for (let c = 1; c <= columns; c++) {
      const cell = used.Item(r, c);
      if (prop(cell.MergeCells)) found.add(cell.MergeArea.Address(false, false));
    }
  }
  return [...found];
}

/** A sheet's used range: where it starts (1-based), its size, and its Value2 and Formula as rows. */
export function usedBlock(sheet: EtWorksheet) {
  const used = sheet.UsedRange;
  const top = prop(used.Row);
  const left = prop(used.Column);
  const rows = prop(used.Rows.Count);
  const columns = prop(used.Columns.Count);
  return { used, top, left, rows, columns, values: asRows(used.Value2, rows, columns), formulas: asRows(used.Formula, rows, columns) };
}

export function readSheetData(sheet: EtWorksheet): SheetData {
  const name = prop(sheet.Name);
  const { used, top, left, rows, columns, values: rawValues, formulas: rawFormulas } = usedBlock(sheet);

  const height = top - 1 + rows;
  const width = left - 1 + columns;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  let anyFormula = false;
  let anyValue = false;
  for (let r = 0; r < height; r++) {
    const vRow: CellValue[] = new Array(width).fill(null);
    const fRow: (string | null)[] = new Array(width).fill(null);
    const ur = r - (top - 1);
    if (ur >= 0) {
      for (let c = left - 1; c < width; c++) {
        const f = rawFormulas[ur][c - (left - 1)];
        const raw = rawValues[ur][c - (left - 1)];
        // Formula gives a text cell's text, so a text "=1+1" (kept as text) reads "=1+1" there too: a formula is a
        // string starting with "=" that differs from the cell's value (as the Excel host reads it).
        const isFormula = typeof f === "string" && f.startsWith("=") && f !== raw;
        if (isFormula) {
          fRow[c] = f;
          anyFormula = true;
        }
        vRow[c] = cellValue(raw, isFormula);
        if (vRow[c] !== null || isFormula) anyValue = true;
      }
    }
    values.push(vRow);
    formulas.push(fRow);
  }
  // An empty sheet's used range is the single blank cell A1.
  if (!anyValue) return { name, values: [] };
  trimBlankEdges(values, formulas);
  // Address(false, false) gives "A1:H1"; the replace covers a build that ignores the arguments.
  const merges = readMerges(used, rows, columns).map((a) => a.replace(/\$/g, ""));
  const data: SheetData = { name, values };
  if (anyFormula) data.formulas = formulas;
  if (merges.length) data.merges = merges;
  return data;
}

/**
 * ET's UsedRange also covers cells that only have a format (a bordered empty row, a filled column): drop trailing
 * rows and columns with no value and no formula, so every host reads the same extent.
 */
function trimBlankEdges(values: CellValue[][], formulas: (string | null)[][]): void {
  const blank = (r: number, c: number) => values[r][c] === null && formulas[r][c] === null;
  while (values.length > 0 && values[values.length - 1].every((_, c) => blank(values.length - 1, c))) {
    values.pop();
    formulas.pop();
  }
  let width = 0;
  values.forEach((row, r) => row.forEach((_, c) => (blank(r, c) ? undefined : (width = Math.max(width, c + 1)))));
  values.forEach((row, r) => {
    row.length = width;
    formulas[r].length = width;
  });
}
