/**
 * A HyperFormula workbook built from the clerk's data sheet and our sheet models, to check that every formula we
 * write computes what the core computed (the model's cached value).
 *
 * Set up to behave as Excel does for what our formulas use:
 * - array arithmetic inside SUMPRODUCT (Excel, WPS and LibreOffice evaluate SUMPRODUCT's arguments as arrays);
 * - ROUND as Excel's (half away from zero on the 15-digit decimal: 1.005 → 1.01; HyperFormula's own gives 1);
 * - TRUE and FALSE as names (HyperFormula knows only TRUE() and FALSE());
 * - ASC and LOOKUP from the playground's extras.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula, RawCellContent, SimpleCellAddress } from "hyperformula";
import { registerKhFunctions } from "../../support/hyperformula-kh";
import { registerExcelExtras } from "../../../src/playground/excel-extras";
import { excelRound } from "../../../src/core/round";
import { CellValue, SheetModel, columnIndex, columnLetter } from "../../../src/core/sheet-model";
import { Cell } from "../../../src/core/values";

class ExcelRoundPlugin extends FunctionPlugin {
  round(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("ROUND"), (x: number, d: number) =>
      excelRound(x, Math.trunc(d))
    );
  }
}
(ExcelRoundPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = {
  ROUND: {
    method: "round",
    parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
  },
};

let ready = false;
function setUp(): void {
  if (ready) return;
  registerKhFunctions();
  registerExcelExtras();
  HyperFormula.registerFunction("ROUND", ExcelRoundPlugin as never);
  ready = true;
}

/**
 * A model's cells as HyperFormula takes them. HyperFormula spills array results (as Excel with dynamic arrays), so a
 * spilled formula (ModelCell.spill) goes in its anchor and the cells below it stay empty for the spill; with
 * `spill: false` each cell's own formula is written instead, as a host without dynamic arrays does.
 */
function modelContent(model: SheetModel, spill: boolean): RawCellContent[][] {
  const out = model.cells.map((row) => Array.from(row, (c) => (c === undefined ? null : (c.formula ?? (c.value as RawCellContent)))));
  if (!spill) return out;
  model.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (!c?.spill) return;
      out[r][k] = c.spill.formula;
      for (let i = 1; i < c.spill.rows && r + i < out.length; i++) out[r + i][k] = null;
    })
  );
  return out;
}

export class FormulaWorkbook {
  readonly hf: HyperFormula;

  constructor(data: Record<string, readonly (readonly Cell[])[]>, models: readonly SheetModel[], options: { spill?: boolean } = {}) {
    setUp();
    const sheets: Record<string, RawCellContent[][]> = {};
    // A clerk's text that looks like a formula is text: HyperFormula reads a leading apostrophe as “this is text”.
    const text = (c: Cell) => (c === undefined ? null : typeof c === "string" && c.startsWith("=") ? `'${c}` : c);
    for (const [name, values] of Object.entries(data)) sheets[name] = values.map((r) => r.map(text));
    for (const m of models) sheets[m.name] = modelContent(m, options.spill ?? true);
    this.hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false }, [
      { name: "TRUE", expression: "=TRUE()" },
      { name: "FALSE", expression: "=FALSE()" },
    ]);
  }

  private at(sheet: string, a1: string): SimpleCellAddress {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`bad address ${a1}`);
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    return { sheet: id, row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  }

  value(sheet: string, row: number, col: number): unknown {
    const id = this.hf.getSheetId(sheet) as number;
    const v = this.hf.getCellValue({ sheet: id, row, col });
    if (v !== null && typeof v === "object") return { error: (v as { value: string }).value, message: (v as { message?: string }).message };
    return v;
  }

  set(sheet: string, a1: string, content: RawCellContent): void {
    this.hf.setCellContents(this.at(sheet, a1), [[content]]);
  }
}

export interface Mismatch {
  cell: string;
  formula: string;
  expected: CellValue;
  actual: unknown;
}

/** Same value: numbers within 1e-9 (relative for large ones), texts equal, "" and null alike. */
export function sameCell(expected: CellValue, actual: unknown): boolean {
  if (typeof expected === "number" && typeof actual === "number")
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected));
  const blank = (v: unknown) => v === null || v === "" || v === undefined;
  if (blank(expected) && blank(actual)) return true;
  return expected === actual;
}

/** Every formula cell of a model whose evaluated value differs from its cached value. */
export function mismatches(wb: FormulaWorkbook, model: SheetModel, expected?: (row: number, col: number) => CellValue): Mismatch[] {
  const out: Mismatch[] = [];
  model.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (!c?.formula) return;
      const want = expected ? expected(r, k) : c.value;
      const got = wb.value(model.name, r, k);
      if (!sameCell(want, got)) out.push({ cell: `${columnLetter(k)}${r + 1}`, formula: c.formula, expected: want, actual: got });
    })
  );
  return out;
}

/** How many formula cells a model has. */
export function formulaCount(model: SheetModel): number {
  return model.cells.reduce((n, row) => n + row.filter((c) => c?.formula).length, 0);
}
