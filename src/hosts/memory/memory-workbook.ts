/**
 * A workbook as plain objects: what tests and the browser playground work on. Serialisable (JSON) and free of
 * Node and DOM APIs.
 */
import { CellValue, ChartSpec, ConditionalFormat, PrintSetup } from "../../core/sheet-model";
import { CellStyle } from "../render-plan";

export interface MemoryCell {
  value: CellValue;
  /** With its leading "=". */
  formula?: string;
  style?: CellStyle;
  /**
   * The cell is in the spill range of a dynamic-array formula above it (ModelCell.spill): its value is that
   * formula's result, as Excel shows it, and it holds nothing of its own (a formula engine spills into it).
   */
  spilled?: boolean;
  /** On a spill's anchor: its formula (the cell's `formula` too) and how many rows it spills over, itself included. */
  spill?: { formula: string; rows: number };
}

export type Visibility = "visible" | "hidden" | "veryHidden";

export interface MemorySheet {
  name: string;
  /** Rows from row 1, columns from A; missing cells are empty. */
  cells: (MemoryCell | undefined)[][];
  merges: string[];
  visibility: Visibility;
  columnWidths?: number[];
  conditionalFormats?: ConditionalFormat[];
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** Native charts (the playground draws them); a sheet written again has only its new ones. */
  charts?: ChartSpec[];
}

export interface MemoryWorkbook {
  /** In tab order. */
  sheets: MemorySheet[];
  /** The name of the active sheet. */
  active?: string;
}

/**
 * A clerk's sheet from rows of values. A text that begins with "=" stays text here too: pass `formulas` (same
 * shape, "=…" or null) for cells that really hold formulas.
 */
export function sheetOfValues(
  name: string,
  values: readonly (readonly CellValue[])[],
  options: { formulas?: readonly (readonly (string | null)[])[]; merges?: string[]; visibility?: Visibility } = {}
): MemorySheet {
  return {
    name,
    cells: values.map((row, r) =>
      row.map((value, c) => {
        const formula = options.formulas?.[r]?.[c];
        return formula ? { value, formula } : { value };
      })
    ),
    merges: options.merges ? [...options.merges] : [],
    visibility: options.visibility ?? "visible",
  };
}
