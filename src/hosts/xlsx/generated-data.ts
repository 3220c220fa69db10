/**
 * Reading a generated sheet that is written but not saved yet: the values, formulas and merges that reading the
 * saved file would give (formulas in the form Excel shows them, an empty text as blank, a non-finite number as
 * #NUM!), so a workflow step that reads what an earlier one wrote (the scheme, a log) sees the same either way.
 */
import { CellValue } from "../../core/sheet-model";
import { SheetData } from "../host";
import { RenderCell, SheetRender, blankMergedTails } from "../render-plan";
import { fromFileFormula, toFileFormula } from "./xlsx-formulas";
import { xmlSafe } from "./xml-text";

function savedValue(rc: RenderCell): CellValue {
  const v = rc.value;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string") return v === "" && rc.formula === undefined ? null : xmlSafe(v);
  return v;
}

/** The sheet as read back after saving: `base` (the sheet in the file, for a log appended to) with `renders` on it. */
export function generatedData(name: string, base: SheetData | undefined, renders: readonly SheetRender[]): SheetData {
  const values: CellValue[][] = (base?.values ?? []).map((row) => [...row]);
  const formulas: (string | null)[][] = (base?.formulas ?? base?.values.map((row) => row.map(() => null)) ?? []).map((row) => [...row]);
  const merges = [...(base?.merges ?? [])];
  let height = values.length;
  let width = Math.max(0, ...values.map((row) => row.length));
  for (const render of renders) {
    render.cells.forEach((row, i) => {
      const r = render.startRow + i;
      row.forEach((rc, c) => {
        if (!rc) return;
        const value = savedValue(rc);
        const formula = rc.formula === undefined ? null : fromFileFormula(toFileFormula(rc.formula));
        if (value === null && formula === null) return;
        (values[r] ??= [])[c] = value;
        (formulas[r] ??= [])[c] = formula;
        height = Math.max(height, r + 1);
        width = Math.max(width, c + 1);
      });
    });
    merges.push(...render.merges);
  }
  const grid = <T>(rows: T[][]) => Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? null));
  const out = { name, values: grid(values), formulas: grid(formulas), merges };
  blankMergedTails(out.values, out.formulas, merges);
  return out;
}
