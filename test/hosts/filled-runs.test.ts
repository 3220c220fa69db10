/**
 * Filled-down columns kept as templates (FilledCell, FilledRenderCell): the runs formula-runs finds by following a
 * template's rows are exactly the runs it finds by comparing the formulas' text (so the files written are the same),
 * and the text of a run's formulas is made for its first cell and the one below it only.
 */
import fc from "fast-check";
import { ModelCell } from "../../src/core/sheet-model";
import { DATA_ROW, FilledCell, RowTemplate, SHEET_ROW } from "../../src/core/sheets/row-template";
import { RunFinder, formulaRuns } from "../../src/hosts/formula-runs";
import { FilledRenderCell, RenderCell, SheetRender, renderWrite } from "../../src/hosts/render-plan";
import { SharedFormulas } from "../../src/hosts/xlsx/shared-formulas";

/** The same cells with their formulas as plain text. */
const asText = (cells: (RenderCell | undefined)[][]) =>
  cells.map((row) => row.map((c) => c && { value: c.value, formula: c.formula, style: undefined, spill: undefined }));

function sheet(cells: ModelCell[][]): SheetRender {
  return renderWrite({ model: { name: "得分", kind: "scores", cells }, exists: false });
}

describe("runs of a filled-down template", () => {
  it("are the runs found by comparing the formulas' text, whatever the template and its rows", () => {
    const ref = fc
      .tuple(
        fc.boolean(),
        fc.constantFrom("A", "C", "AB"),
        fc.boolean(),
        fc.constantFrom(DATA_ROW, SHEET_ROW, "7", "1" + DATA_ROW, SHEET_ROW + "0")
      )
      .map(([ac, c, ar, r]) => `${ac ? "$" : ""}${c}${ar ? "$" : ""}${r}`);
    const part = fc.oneof(
      ref,
      fc.tuple(ref, ref).map(([a, b]) => `SUM(${a}:${b})`),
      fc.constantFrom('"第1次"', "'读数'!B" + SHEET_ROW, "'数据 2'!B" + DATA_ROW, "ROW()-" + SHEET_ROW, "LOG10(4)", "2.5", "A:A")
    );
    const template = fc.array(part, { minLength: 1, maxLength: 4 }).map((ps) => `=${ps.join("+")}`);
    // Each next cell: its data row and sheet row one on (mostly), or skipping, or standing still; or another template.
    const step = fc.tuple(fc.constantFrom(1, 1, 1, 1, 2, 0), fc.constantFrom(1, 1, 1, 1, 3), fc.integer({ min: 0, max: 9 }));
    fc.assert(
      fc.property(
        fc.array(template, { minLength: 1, maxLength: 3 }),
        fc.array(step, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: -2, max: 3 }),
        (texts, steps, by) => {
          const templates = texts.map((t) => new RowTemplate(t));
          let dataRow = 5;
          let sheetRow = 3;
          let k = 0;
          const column: ModelCell[] = steps.map(([d, s, change]) => {
            dataRow += d;
            sheetRow += s;
            if (change === 0) k = (k + 1) % templates.length;
            return change === 9 ? { value: 1 } : new FilledCell(1, templates[k], dataRow, sheetRow);
          });
          const render = sheet([[{ value: "表头" }], ...column.map((c) => [c])]);
          const moved =
            by === 0
              ? render
              : {
                  ...render,
                  cells: render.cells.map((row) =>
                    row.map((c) => (c instanceof FilledRenderCell ? new FilledRenderCell(c.filled, by) : c))
                  ),
                };
          expect(formulaRuns(moved.cells)).toEqual(formulaRuns(asText(moved.cells)));
          // The .xlsx host follows a model's own FilledCells where the render does not move them (RenderRows.parts).
          if (by === 0) expect(formulaRuns([[{ value: "表头" }], ...column.map((c) => [c])])).toEqual(formulaRuns(asText(moved.cells)));
        }
      ),
      { numRuns: 500 }
    );
  });

  it("breaks where a column is taken as values alone (a spill's range) and starts again below it", () => {
    const t = new RowTemplate(`='数据'!C${DATA_ROW}*2`);
    const finder = new RunFinder();
    const over = [true];
    for (let i = 0; i < 8; i++) finder.add([new FilledCell(0, t, 5 + i, 3 + i)], i === 3 || i === 4 ? over : undefined);
    expect(finder.runs().map(({ first, last, formula }) => [first, last, formula])).toEqual([
      [0, 2, "='数据'!C5*2"],
      [5, 7, "='数据'!C10*2"],
    ]);
  });

  it("breaks where a data row skips (a merged group, a totals row): the formula's rows then differ by more", () => {
    const t = new RowTemplate(`='数据'!C${DATA_ROW}*2`);
    const rows = [5, 6, 7, 9, 10].map((d, i) => [new FilledCell(0, t, d, 3 + i)]);
    expect(formulaRuns(sheet(rows).cells).map(({ first, last, formula }) => [first, last, formula])).toEqual([
      [0, 2, "='数据'!C5*2"],
      [3, 4, "='数据'!C9*2"],
    ]);
  });

  it("makes the text of a run's first formula and the one below it, not of every cell", () => {
    const t = new RowTemplate(`=IF('读数'!B${SHEET_ROW}="","",'数据'!C${DATA_ROW}*$B$1)`);
    const render = sheet(Array.from({ length: 1000 }, (_, i) => [new FilledCell(i, t, 2 + i, 3 + i)]));
    const fill = jest.spyOn(RowTemplate.prototype, "fill");
    try {
      const planned = new SharedFormulas(0).plan(render);
      const elements = render.cells.map((row, i) => planned.element(i, 0, row[0]!));
      expect(elements[0]).toBe(
        `<f t="shared" ref="A1:A1000" si="0">IF(&apos;读数&apos;!B3=&quot;&quot;,&quot;&quot;,&apos;数据&apos;!C2*$B$1)</f>`
      );
      expect(new Set(elements.slice(1))).toEqual(new Set([`<f t="shared" si="0"/>`]));
      expect(fill).toHaveBeenCalledTimes(2);
    } finally {
      fill.mockRestore();
    }
  });

  it("reads as the text it stands for, moved with an appended log's rows", () => {
    const t = new RowTemplate(`=B${SHEET_ROW}+'数据'!$C$${DATA_ROW}`);
    const cell = new FilledCell(4, t, 8, 2);
    expect([cell.value, cell.formula]).toEqual([4, "=B2+'数据'!$C$8"]);
    const moved = new FilledRenderCell(cell, 3);
    expect([moved.value, moved.formula, moved.style]).toEqual([4, "=B5+'数据'!$C$8", undefined]);
  });
});
