/**
 * Shared formulas, as Excel saves a filled-down column: a run of cells down a column whose formulas are the same
 * but for their relative rows is stored once, on its first cell (`<f t="shared" ref="C3:C5002" si="0">…</f>`),
 * and every other cell of the run says only `<f t="shared" si="0"/>`. A 得分 sheet's formulas are hundreds of
 * characters each and differ from row to row only there, so this is most of the file and of the time to save it.
 * The runs are found by ../formula-runs (a row at a time, as the rows are made), which the Excel and WPS hosts share.
 */
import { RenderCell, SheetRender } from "../render-plan";
import { columnLetter } from "../../core/sheet-model";
import { FormulaRun, formulaRuns } from "../formula-runs";
import { toFileFormula } from "./xlsx-formulas";
import { xmlEscape } from "./xml-text";

/** The <f> elements of one render's formula cells (rows and columns of its grid). */
export class RenderFormulas {
  constructor(
    private readonly width: number,
    /** Per cell, row by row: 0 for a formula written as it is, else 1 + its element's index in `elements`. */
    private readonly runs: Int32Array,
    private readonly elements: readonly string[]
  ) {}

  /** The <f> of a formula cell; the text of a formula in a run other than its first is never made. */
  element(row: number, column: number, cell: RenderCell): string {
    const k = column < this.width ? this.runs[row * this.width + column] : 0;
    return k ? this.elements[k - 1] : `<f>${xmlEscape(toFileFormula(cell.formula as string))}</f>`;
  }
}

/** Plans the runs of shared formulas of a sheet's renders; `si` numbers them across the sheet. */
export class SharedFormulas {
  constructor(private nextSi: number) {}

  /** The runs of one render's grid of cells, down each column. */
  plan(render: SheetRender): RenderFormulas {
    let width = 0;
    for (const row of render.cells) width = Math.max(width, row.length);
    return this.planRuns(render.startRow, render.cells.length, width, formulaRuns(render.cells));
  }

  /** The runs of one render (starting at sheet row `startRow`, 0-based), found by RunFinder over its rows. */
  planRuns(startRow: number, height: number, width: number, found: readonly FormulaRun[]): RenderFormulas {
    const runs = new Int32Array(height * width);
    const elements: string[] = [];
    for (const { column: c, first, last, formula } of found) {
      const si = this.nextSi++;
      const ref = `${columnLetter(c)}${startRow + first + 1}:${columnLetter(c)}${startRow + last + 1}`;
      elements.push(`<f t="shared" ref="${ref}" si="${si}">${xmlEscape(toFileFormula(formula))}</f>`, `<f t="shared" si="${si}"/>`);
      runs[first * width + c] = elements.length - 1;
      for (let r = first + 1; r <= last; r++) runs[r * width + c] = elements.length;
    }
    return new RenderFormulas(width, runs, elements);
  }
}
