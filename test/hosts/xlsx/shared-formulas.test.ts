/**
 * Shared formulas: a column that is one formula filled down is written once; anything else is not; and reading
 * a shared formula back (slideFormula from its first cell) gives every cell's own formula — checked on random
 * columns made of references of every kind, absolute parts, numbers and texts with digits, and breaks.
 */
import fc from "fast-check";
import { shiftFormulaRows } from "../../../src/hosts/formula-text";
import { RenderCell, SheetRender } from "../../../src/hosts/render-plan";
import { SharedFormulas } from "../../../src/hosts/xlsx/shared-formulas";
import { slideFormula } from "../../../src/hosts/xlsx/slide-formula";
import { parseSheet } from "../../../src/hosts/xlsx/package-reader";

function render(columns: (string | undefined)[][], startRow = 0): SheetRender {
  const height = Math.max(...columns.map((c) => c.length));
  const cells: (RenderCell | undefined)[][] = Array.from({ length: height }, (_, r) =>
    columns.map((col) => (col[r] === undefined ? undefined : { value: r, formula: col[r] }))
  );
  return {
    name: "s",
    kind: "scores",
    mode: "create",
    hidden: false,
    startRow,
    cells,
    merges: [],
    conditionalFormats: [],
    columnWidths: [],
  };
}

/** The <f> elements of a render's cells, column by column. */
function elements(r: SheetRender, firstSi = 0): (string | undefined)[][] {
  const planned = new SharedFormulas(firstSi).plan(r);
  const width = Math.max(...r.cells.map((row) => row.length));
  return Array.from({ length: width }, (_, c) =>
    r.cells.map((row, i) => (row[c]?.formula === undefined ? undefined : planned.element(i, c, row[c]!)))
  );
}

/** The formulas a reader gets from the XML of those elements. */
function readBack(r: SheetRender, firstSi = 0): (string | null)[][] {
  const cols = elements(r, firstSi);
  const rows = r.cells
    .map(
      (row, i) =>
        `<row r="${r.startRow + i + 1}">${row.map((_, c) => (cols[c][i] ? `<c r="${String.fromCharCode(65 + c)}${r.startRow + i + 1}">${cols[c][i]}<v>0</v></c>` : "")).join("")}</row>`
    )
    .join("");
  return parseSheet("s", `<worksheet><sheetData>${rows}</sheetData></worksheet>`, [], false).formulas!.slice(r.startRow);
}

const down = (formula: string, n: number, from = 0) => Array.from({ length: n }, (_, k) => shiftFormulaRows(formula, from + k));

describe("SharedFormulas", () => {
  it("writes a filled-down column once, on its first cell, and each other cell as a reference to it", () => {
    const col = down("='数据'!C3*$B$1+SUM(C$2:C3)+0.000000001", 4);
    expect(elements(render([col]), 5)[0]).toEqual([
      `<f t="shared" ref="A1:A4" si="5">&apos;数据&apos;!C3*$B$1+SUM(C$2:C3)+0.000000001</f>`,
      `<f t="shared" si="5"/>`,
      `<f t="shared" si="5"/>`,
      `<f t="shared" si="5"/>`,
    ]);
  });

  it("keeps a formula that breaks the pattern on its own, and starts a new run after it", () => {
    const col = [...down("=A1+1", 3), "=A4+2", ...down("=A5+1", 2, 0), undefined, ...down("=A7+1", 2)];
    expect(elements(render([col]))[0]).toEqual([
      `<f t="shared" ref="A1:A3" si="0">A1+1</f>`,
      `<f t="shared" si="0"/>`,
      `<f t="shared" si="0"/>`,
      `<f>A4+2</f>`,
      `<f t="shared" ref="A5:A6" si="1">A5+1</f>`,
      `<f t="shared" si="1"/>`,
      undefined,
      `<f t="shared" ref="A8:A9" si="2">A7+1</f>`,
      `<f t="shared" si="2"/>`,
    ]);
    expect(readBack(render([col])).map((r) => r[0])).toEqual(col.map((f) => f ?? null));
  });

  it("writes a lone formula, and one with text, as it is, in the file's form", () => {
    expect(elements(render([["=RANK.EQ(A1,A:A)"], ['="第1次"&A1']]))).toEqual([
      [`<f>_xlfn.RANK.EQ(A1,A:A)</f>`],
      [`<f>&quot;第1次&quot;&amp;A1</f>`],
    ]);
  });

  it("places a log's appended rows by its start row", () => {
    expect(elements(render([down("=B4*2", 2)], 3))[0]).toEqual([`<f t="shared" ref="A4:A5" si="0">B4*2</f>`, `<f t="shared" si="0"/>`]);
  });

  it("reads back every cell's own formula, whatever the column holds", () => {
    const ref = fc
      .tuple(fc.boolean(), fc.constantFrom("A", "C", "AB"), fc.boolean(), fc.integer({ min: 1, max: 120 }))
      .map(([ac, c, ar, r]) => `${ac ? "$" : ""}${c}${ar ? "$" : ""}${r}`);
    const part = fc.oneof(
      ref,
      fc.tuple(ref, ref).map(([a, b]) => `SUM(${a}:${b})`),
      fc.integer({ min: 1, max: 99 }).map((r) => `ROWS(${r}:${r + 2})`),
      fc.integer({ min: 0, max: 999 }).map((n) => `${n}.5`),
      fc.constantFrom('"第1次"', '"A1"', "'数据 2'!B7", "TRUE", "LOG10(4)", "A:A")
    );
    const formula = fc.array(part, { minLength: 1, maxLength: 5 }).map((ps) => `=${ps.join("+")}`);
    const column = fc.array(
      fc.tuple(formula, fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([f, n, gap]) => [...down(f, n), ...(gap ? [undefined] : [])]),
      { minLength: 1, maxLength: 4 }
    );
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 3 }), (cols) => {
        const columns = cols.map((c) => c.flat());
        const r = render(columns);
        const back = readBack(r);
        columns.forEach((col, c) => col.forEach((f, i) => expect([c, i, back[i]?.[c] ?? null]).toEqual([c, i, f ?? null])));
      }),
      { numRuns: 300 }
    );
  });
});

describe("slideFormula", () => {
  it("moves relative rows and columns, keeps $ parts and quoted text", () => {
    expect(slideFormula(`SUM($A2:B$3)+'数据 2'!C4+COUNTIF(D:D,"E5")+ROWS(6:$7)+LOG10(8)`, 2, 1)).toBe(
      `SUM($A4:C$3)+'数据 2'!D6+COUNTIF(E:E,"E5")+ROWS(8:$7)+LOG10(8)`
    );
    expect(slideFormula("A1", 0, 0)).toBe("A1");
  });
});
