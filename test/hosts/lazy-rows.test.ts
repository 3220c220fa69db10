/**
 * Rows made when asked (core/sheet-rows, hosts/render-rows): a lazy model's rows are the rows of its grid, a lazy
 * render's rows are the cells the formats give them (against a plain merge of every format over every cell), and the
 * .xlsx host writes the same sheet XML from rows made as it goes as from the grid read whole.
 */
import fc from "fast-check";
import { parseScheme } from "../../src/core/scheme/parse";
import { schemeSheetLayout } from "../../src/core/scheme/scheme-sheet";
import { readDataTable } from "../../src/core/data-table";
import { scoreUnits } from "../../src/core/scoring/score-units";
import { ModelCell, RangeFormat, SheetModel } from "../../src/core/sheet-model";
import { forEachNumber, lazyModel, modelHeight, modelRow, withName } from "../../src/core/sheet-rows";
import { scoresSheets } from "../../src/core/sheets/scores-sheet";
import { leaderboardSheet } from "../../src/core/sheets/leaderboard-sheet";
import { rewardsSheet } from "../../src/core/sheets/rewards-sheet";
import { CellStyle, RenderCell, SheetRender, parseArea, renderWrite } from "../../src/hosts/render-plan";
import { renderHeight, rowsOf } from "../../src/hosts/render-rows";
import { StyleBook } from "../../src/hosts/xlsx/style-book";
import { worksheetParts } from "../../src/hosts/xlsx/sheet-xml";
import { randomCase } from "../core/sheets/random-scheme";

/** A cell as a host sees it: its value, formula text, spill and style fields. */
const seen = (c: RenderCell | ModelCell | undefined) =>
  c && { value: c.value, formula: c.formula, spill: c.spill, style: "style" in c && c.style ? { ...c.style } : undefined };
const seenRows = (rows: readonly (readonly (RenderCell | ModelCell | undefined)[])[]) => rows.map((row) => Array.from(row, seen));

/** 得分 and 读数 of a random scheme, made twice: one pair to read row by row, the other whole. */
function generated(json: Record<string, unknown>, values: unknown[][], mode: "native" | "kh"): [SheetModel[], SheetModel[]] {
  const make = () => {
    const { scheme } = parseScheme(json);
    const table = readDataTable(values as never, scheme.data);
    const out = scoresSheets({ scheme, table, result: scoreUnits(scheme, table), layout: schemeSheetLayout(scheme), formulas: mode });
    return [out.scores, ...(out.readings ? [out.readings] : [])];
  };
  return [make(), make()];
}

describe("a lazy model", () => {
  it("gives row by row the rows of its grid (得分 and 读数 of random schemes, native and kh)", () => {
    fc.assert(
      fc.property(randomCase, fc.constantFrom<"native" | "kh">("native", "kh"), ({ scheme, values }, mode) => {
        const [lazy, whole] = generated(scheme, values, mode);
        lazy.forEach((m, k) => {
          const rows = Array.from({ length: modelHeight(m) }, (_, r) => modelRow(m, r));
          expect(seenRows(rows)).toEqual(seenRows(whole[k].cells));
          // Its numbers, read where its rows are made from (for the check before writing), are its cells' numbers.
          const numbers: [number, number, number][] = [];
          forEachNumber(m, (v, r, c) => numbers.push([r, c, v]));
          const inCells = whole[k].cells.flatMap((row, r) =>
            row.flatMap((cell, c): [number, number, number][] => (typeof cell?.value === "number" ? [[r, c, cell.value]] : []))
          );
          const byPlace = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1];
          expect(numbers.sort(byPlace)).toEqual(inCells.sort(byPlace));
        });
      }),
      { numRuns: 40 }
    );
  });

  it("gives 龙虎榜's and 奖惩兑现's rows as their grids have them (random schemes)", () => {
    fc.assert(
      fc.property(randomCase, ({ scheme: json, values }) => {
        const { scheme } = parseScheme(json);
        const result = scoreUnits(scheme, readDataTable(values as never, scheme.data));
        const now = "2025-12-20T08:00:00Z";
        const make = () => [
          leaderboardSheet({ scheme, units: result.units, now }),
          rewardsSheet({ scheme, units: result.units, details: result.details, now }),
        ];
        const [lazy, whole] = [make(), make()];
        lazy.forEach((m, k) => {
          const rows = Array.from({ length: modelHeight(m) }, (_, r) => modelRow(m, r));
          expect(seenRows(rows)).toEqual(seenRows(whole[k].cells));
          expect(whole[k].cells.length).toBeGreaterThan(3);
        });
      }),
      { numRuns: 40 }
    );
  });

  it("keeps its rows' source under another name, and once its grid is read, is that grid (changes included)", () => {
    const made: number[] = [];
    const row = (i: number): ModelCell[] => (made.push(i), [{ value: i }, { value: i * 2, formula: `=A${i + 2}*2` }]);
    const model = lazyModel({ name: "得分", kind: "scores" }, { head: [[{ value: "表头" }]], count: 3, row, tail: [[{ value: "合计" }]] });
    const renamed = withName(model, "得分(考核助手)");
    expect([renamed.name, modelHeight(renamed), modelRow(renamed, 2)[1].formula]).toEqual(["得分(考核助手)", 5, "=A3*2"]);
    expect(made).toEqual([1]);
    model.cells[1][0].value = 99;
    expect([modelRow(model, 1)[0].value, modelRow(model, 4)[0].value, model.cells.length]).toEqual([99, "合计", 5]);
  });
});

/** The render of a grid as a plain reading of RangeFormat says: every format, in order, merged into the cells it covers. */
function reference(cells: ModelCell[][], formats: RangeFormat[], widths: number): (Partial<CellStyle> | undefined)[][] {
  const width = Math.max(widths, ...cells.map((r) => r.length));
  const out: (Partial<CellStyle> | undefined)[][] = cells.map((row) => Array.from(row, () => undefined));
  for (const { range, ...given } of formats) {
    const a = parseArea(range);
    const fields = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    for (let r = a.top; r <= (a.bottom === Infinity ? cells.length - 1 : a.bottom); r++) {
      out[r] ??= [];
      for (let c = a.left; c <= (a.right === Infinity ? width - 1 : a.right); c++) out[r][c] = { ...out[r][c], ...fields };
    }
  }
  return Array.from(out, (row) => row ?? []);
}

const cell: fc.Arbitrary<ModelCell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<ModelCell>({ value: 1 }, { value: "甲" }, { value: null }, { value: 2.5, formula: "=A1+1" })
);
const range = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom("A", "B", "C", "E"),
      fc.constantFrom("A", "C", "F")
    )
    .map(([top, more, from, to]) => `${from}${top}:${to}${top + more}`),
  fc.integer({ min: 1, max: 6 }).map((r) => `${r}:${r + 1}`),
  fc.constantFrom("B:C", "D4", "A1")
);
const format: fc.Arbitrary<RangeFormat> = fc.record({
  range,
  bold: fc.option(fc.boolean(), { nil: undefined }),
  fill: fc.option(fc.constantFrom("#D9E1F2", "#FFC7CE"), { nil: undefined }),
  numberFormat: fc.option(fc.constantFrom("0.00", "0"), { nil: undefined }),
});

describe("a lazy render", () => {
  it("gives each row the cells and styles the formats give them, and the same grid when read whole", () => {
    const grid = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 7 });
    fc.assert(
      fc.property(grid, fc.array(format, { maxLength: 6 }), fc.integer({ min: 0, max: 6 }), (rows, formats, widths) => {
        // Holes stay holes: a sparse row as a model may hold one.
        const cells = rows.map((row) => row.reduce<ModelCell[]>((out, c, i) => (c && (out[i] = c), out), []));
        const model: SheetModel = { name: "表", kind: "scores", cells, formats, columnWidths: Array(widths).fill(8) };
        const render = renderWrite({ model, exists: false });
        expect(rowsOf(render)).toBeDefined();
        const made = Array.from({ length: renderHeight(render) }, (_, i) => rowsOf(render)!.row(i));
        const styles = reference(cells, formats, widths);
        expect(made.map((row) => Array.from(row, (c) => c && c.style))).toEqual(styles.map((row) => Array.from(row, (s) => s)));
        made.forEach((row, r) =>
          Array.from(row).forEach(
            (c, k) => c && expect([c.value, c.formula]).toEqual([cells[r]?.[k]?.value ?? null, cells[r]?.[k]?.formula])
          )
        );
        // As the .xlsx host reads them: the model's own cells, and each column's style apart.
        const lazy = rowsOf(render)!;
        made.forEach((row, r) => {
          const { cells: own, styles: apart } = lazy.parts(r);
          expect(Array.from(own)).toEqual(Array.from(cells[r] ?? []));
          own.forEach((c, k) => expect(c).toBe(cells[r][k]));
          expect(Array.from({ length: row.length }, (_, k) => apart[k])).toEqual(Array.from(row, (c) => c?.style));
        });
        expect(seenRows(render.cells)).toEqual(seenRows(made));
        expect(rowsOf(render)).toBeUndefined();
      }),
      { numRuns: 300 }
    );
  });
});

describe("a render with a format per row (龙虎榜)", () => {
  it("gives rows whose formats give the same fields one style object, merged as the formats say", () => {
    const fills = ["#C6EFCE", "#FFC7CE", "#C6EFCE", "#FFFFFF"];
    const cells: ModelCell[][] = Array.from({ length: 200 }, (_, r) => [{ value: r }, { value: `单位${r}` }, { value: r / 2 }]);
    const formats: RangeFormat[] = [
      { range: "A:C", numberFormat: "0.00" },
      ...cells.map((_, r) => ({ range: `A${r + 1}:C${r + 1}`, fill: fills[r % 4], bold: r % 4 === 3 ? true : undefined })),
    ];
    const render = renderWrite({ model: { name: "龙虎榜", kind: "leaderboard", cells, formats }, exists: false });
    const rows = Array.from({ length: renderHeight(render) }, (_, i) => rowsOf(render)!.row(i));
    const styles = new Set(rows.flatMap((row) => Array.from(row, (c) => c?.style)));
    expect(styles.size).toBe(3);
    rows.forEach((row, r) =>
      row.forEach((c) => expect(c?.style).toEqual({ numberFormat: "0.00", fill: fills[r % 4], ...(r % 4 === 3 ? { bold: true } : {}) }))
    );
    expect(rows.map((row) => row.map((c) => c?.style))).toEqual(reference(cells, formats, 3));
  });
});

describe("the .xlsx host's sheet XML", () => {
  it("is the same from rows made as it writes as from the grid read whole (得分 and 读数, native and kh)", () => {
    fc.assert(
      fc.property(randomCase, fc.constantFrom<"native" | "kh">("native", "kh"), fc.boolean(), ({ scheme, values }, mode, dynamic) => {
        const [lazy, whole] = generated(scheme, values, mode);
        const xml = (render: SheetRender) => {
          let head = "";
          let rest = "";
          const out = { text: (s: string) => (rest += s), head: (s: string) => (head = s) };
          // Run through: it pauses after each row (for the .xlsx host's deflate to catch up).
          Array.from(worksheetParts([render], new StyleBook(undefined), false, undefined, out, dynamic));
          return head + rest;
        };
        lazy.forEach((m, k) => {
          const streamed = renderWrite({ model: m, exists: false });
          void whole[k].cells;
          const read = renderWrite({ model: whole[k], exists: false });
          void read.cells;
          expect(rowsOf(read)).toBeUndefined();
          expect(xml(streamed)).toBe(xml(read));
        });
      }),
      { numRuns: 25 }
    );
  });

  it("writes a spill's range as values alone, and a formula below a spill that has ended, while another spill goes on", () => {
    const spill = (formula: string, rows: number, value: number): ModelCell => ({ value, formula, spill: { formula, rows } });
    const model: SheetModel = {
      name: "读数",
      kind: "readings",
      cells: [
        [spill("=SEQUENCE(2)", 2, 1), spill("=SEQUENCE(4)", 4, 1)],
        [
          { value: 2, formula: "=A1+1" },
          { value: 2, formula: "=B1+1" },
        ],
        [
          { value: 3, formula: "=A2+1" },
          { value: 3, formula: "=B2+1" },
        ],
        [
          { value: 4, formula: "=A3+1" },
          { value: 4, formula: "=B3+1" },
        ],
        [
          { value: 5, formula: "=A4+1" },
          { value: 5, formula: "=B4+1" },
        ],
      ],
    };
    let rest = "";
    const out = { text: (s: string) => (rest += s), head: () => undefined };
    const render = renderWrite({ model, exists: false });
    expect(Array.from(worksheetParts([render], new StyleBook(undefined), false, undefined, out, true)).length).toBeGreaterThan(0);
    const cell = (ref: string) => new RegExp(`<c r="${ref}"[^>]*>.*?</c>`).exec(rest)?.[0];
    expect(cell("A1")).toContain(`<f t="array" ref="A1:A2">_xlfn.SEQUENCE(2)</f>`);
    expect(cell("B1")).toContain(`<f t="array" ref="B1:B4">_xlfn.SEQUENCE(4)</f>`);
    expect([cell("A2"), cell("B2"), cell("B3"), cell("B4")]).toEqual(
      [2, 2, 3, 4].map((v, k) => `<c r="${["A2", "B2", "B3", "B4"][k]}"><v>${v}</v></c>`)
    );
    // Column A's spill ended on row 2: its formulas below are written; B's goes on to row 4.
    expect(cell("A3")).toBe(`<c r="A3"><f t="shared" ref="A3:A5" si="0">A2+1</f><v>3</v></c>`);
    expect(cell("A4")).toBe(`<c r="A4"><f t="shared" si="0"/><v>4</v></c>`);
    expect(cell("B5")).toBe(`<c r="B5"><f>B4+1</f><v>5</v></c>`);
  });
});
