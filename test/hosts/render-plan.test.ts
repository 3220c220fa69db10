import fc from "fast-check";
import { PlannedWrite } from "../../src/core/generated-sheets";
import { SheetModel } from "../../src/core/sheet-model";
import { shiftFormulaRows } from "../../src/hosts/formula-text";
import { blankMergedTails, parseArea, renderWrite, shiftArea, usedRows, valuesOnly } from "../../src/hosts/render-plan";

const v = (...values: (string | number | null)[]) => values.map((value) => ({ value }));

describe("A1 areas", () => {
  it("reads cells, ranges, whole rows and whole columns", () => {
    expect(parseArea("B2")).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseArea("$D$9:B2")).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(parseArea("3:5")).toEqual({ top: 2, left: 0, bottom: 4, right: Infinity });
    expect(parseArea("A:C")).toEqual({ top: 0, left: 0, bottom: Infinity, right: 2 });
    expect(() => parseArea("得分")).toThrow("无法识别的区域地址：得分");
  });

  it("reads a plain range as it reads the same range written with $ and in lower case (two ways of reading)", () => {
    const cell = fc
      .tuple(fc.constantFrom("A", "B", "Z", "AA", "AZ", "XFD", "ZZZZ", ""), fc.constantFrom("1", "2", "10", "1048576", "0", "01", ""))
      .map(([c, r]) => c + r);
    const text = fc.oneof(
      cell,
      fc.tuple(cell, cell).map(([a, b]) => `${a}:${b}`),
      fc.constantFrom("A1:", ":B2", "A1:B2:C3", "A1 ", "Ａ1", "A1:B")
    );
    const read = (a1: string) => {
      try {
        return parseArea(a1);
      } catch (e) {
        return (e as Error).message.replace(/：.*/, "");
      }
    };
    fc.assert(
      fc.property(text, (a1) => {
        const other = a1.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
        expect(read(a1)).toEqual(read(other));
        expect(read(a1)).toEqual(read(a1.toLowerCase()));
      }),
      { numRuns: 2000 }
    );
  });

  it("moves ranges down, leaving whole columns alone", () => {
    expect(shiftArea("A2:F3", 10)).toBe("A12:F13");
    expect(shiftArea("C4", 1)).toBe("C5");
    expect(shiftArea("2:2", 3)).toBe("5:5");
    expect(shiftArea("A:B", 3)).toBe("A:B");
  });
});

describe("shiftFormulaRows (a formula copied down, as Excel moves it)", () => {
  it("moves relative rows and keeps $-anchored ones", () => {
    expect(shiftFormulaRows("=B2+$B$2+B$2+$B2", 3)).toBe("=B5+$B$2+B$2+$B5");
    expect(shiftFormulaRows("=SUM(C2:C9)", 1)).toBe("=SUM(C3:C10)");
    expect(shiftFormulaRows("=SUM(2:2)", 1)).toBe("=SUM(3:3)");
  });

  it("leaves text, quoted sheet names, function names and numbers alone", () => {
    expect(shiftFormulaRows('=IF(A2="A2","B3",LOG10(A2))', 1)).toBe('=IF(A3="A2","B3",LOG10(A3))');
    expect(shiftFormulaRows("='第A1次'!C2*1E5+0.5", 2)).toBe("='第A1次'!C4*1E5+0.5");
    expect(shiftFormulaRows("=KH.RANKIN(B2,B$2:B$9)", 4)).toBe("=KH.RANKIN(B6,B$2:B$9)");
  });
});

const model = (over: Partial<SheetModel>): SheetModel => ({ name: "调度记录", kind: "dispatchLog", cells: [], ...over });
const write = (m: SheetModel, exists: boolean): PlannedWrite => ({ model: m, exists });

describe("renderWrite", () => {
  it("writes a new or replaced sheet whole, each cell's formats merged in order", () => {
    const m = model({
      kind: "leaderboard",
      cells: [v("名次", "单位"), [{ value: 1, formula: "=RANK(C3,C$3:C$9)" }, { value: "长岭村" }]],
      formats: [
        { range: "A1:B1", bold: true, fill: "#DDDDDD" },
        { range: "1:1", fill: "#FF0000" },
        { range: "A:A", horizontal: "center" },
      ],
      merges: ["A1:B1"],
    });
    const r = renderWrite(write(m, true), 99);
    expect(r.mode).toBe("replace");
    expect(r.startRow).toBe(0);
    expect(r.cells[0][0]).toEqual({ value: "名次", style: { bold: true, fill: "#FF0000", horizontal: "center" } });
    expect(r.cells[1][0]).toEqual({ value: 1, formula: "=RANK(C3,C$3:C$9)", style: { horizontal: "center" } });
    expect(r.cells[1][1]).toEqual({ value: "长岭村" });
    expect(r.merges).toEqual(["A1:B1"]);
    expect(renderWrite(write(m, false)).mode).toBe("create");
  });

  it("extends the grid to a bounded format beyond the cells", () => {
    const r = renderWrite(write(model({ kind: "scores", cells: [v(1)], formats: [{ range: "C3", border: true }] }), false));
    expect(r.cells.length).toBe(3);
    expect(r.cells[2][2]).toEqual({ value: null, style: { border: true } });
    expect(r.cells[1]).toEqual([]);
  });

  it("appends a log's data rows below the used rows, keeping the header (its frozen rows) once", () => {
    const m = model({
      append: true,
      freeze: { rows: 1, columns: 0 },
      cells: [v("时间", "名次"), [{ value: "第2次" }, { value: 3, formula: "=B2+1" }]],
      formats: [
        { range: "A1:B1", bold: true },
        { range: "A2:B2", fill: "#EEEEEE" },
      ],
      merges: ["A1:B1"],
      conditionalFormats: [{ range: "A2:B2", formula: "=$B2>2", fill: "#FFC7CE" }],
    });
    const r = renderWrite(write(m, true), 5);
    expect(r.mode).toBe("append");
    expect(r.startRow).toBe(5);
    expect(r.cells).toEqual([
      [
        { value: "第2次", style: { fill: "#EEEEEE" } },
        { value: 3, formula: "=B6+1", style: { fill: "#EEEEEE" } },
      ],
    ]);
    expect(r.merges).toEqual([]);
    expect(r.conditionalFormats).toEqual([{ range: "A6:B6", formula: "=$B6>2", fill: "#FFC7CE" }]);
  });

  it("writes a log whole when the sheet is new or empty", () => {
    const m = model({ append: true, cells: [v("时间"), v("第1次")] });
    expect(renderWrite(write(m, false), 0).cells.length).toBe(2);
    expect(renderWrite(write(m, true), 0).mode).toBe("replace");
  });

  it("keeps only values in a snapshot", () => {
    const m = model({ kind: "bulletin", snapshot: true, cells: [[{ value: 0.8, formula: "=B2/C2" }]] });
    expect(renderWrite(write(m, false)).cells).toEqual([[{ value: 0.8 }]]);
    expect(valuesOnly(model({ cells: [[{ value: 2, formula: "=1+1" }]] })).cells).toEqual([[{ value: 2 }]]);
  });
});

describe("reading helpers", () => {
  it("counts used rows, ignoring empty trailing rows", () => {
    expect(usedRows([[1], [null, ""], ["x"], [null], [""]])).toBe(3);
    expect(usedRows([])).toBe(0);
  });

  it("blanks all but the top-left cell of merged areas", () => {
    const values = [
      ["标题", "标题", "标题"],
      ["a", "b", "c"],
    ];
    const formulas = [
      [null, "=A1", null],
      [null, null, null],
    ];
    blankMergedTails(values, formulas, ["A1:C1", "E5:F6"]);
    expect(values).toEqual([
      ["标题", null, null],
      ["a", "b", "c"],
    ]);
    expect(formulas[0][1]).toBeNull();
  });
});
