import { SheetModel } from "../../../src/core/sheet-model";
import { MAX_AREAS_ADDRESS, groupFormats } from "../../../src/hosts/excel/apply-ops";
import {
  SheetOp,
  charsToPoints,
  planSheet,
  rangeAddress,
} from "../../../src/hosts/excel/sheet-plan";
import { renderWrite } from "../../../src/hosts/render-plan";
import { scoresModel } from "./models";

const plan = (model: SheetModel, exists = false, existingRows = 0) =>
  planSheet(renderWrite({ model, exists }, existingRows));
const ofKind = <K extends SheetOp["kind"]>(ops: SheetOp[], kind: K) =>
  ops.filter((o): o is Extract<SheetOp, { kind: K }> => o.kind === kind);

describe("planSheet", () => {
  it("writes each formula column as one R1C1 formula, the other cells as blocks; number formats first", () => {
    const p = plan(scoresModel(20));
    const kinds = p.ops.map((o) => o.kind);
    expect(kinds.lastIndexOf("numberFormat")).toBeLessThan(kinds.indexOf("cells"));
    expect(kinds.indexOf("format")).toBeGreaterThan(kinds.lastIndexOf("columnFormula"));
    expect(ofKind(p.ops, "cells").map((o) => [rangeAddress(o.area), o.formulas])).toEqual([
      ["A1:Q1", false],
      ["A2:B21", false],
    ]);
    expect(ofKind(p.ops, "cells")[1].grid[0][0]).toBe("第1村");
    const columns = ofKind(p.ops, "columnFormula");
    expect(columns.map((o) => rangeAddress(o.area))).toEqual(
      "CDEFGHIJKLMNOPQ".split("").map((c) => `${c}2:${c}21`)
    );
    const total = columns.find((o) => o.area.left === 13)!;
    expect(total.r1c1).toBe("=ROUND((SUM(RC[-11]:RC[-4])+RC[-3]-RC[-2])*RC[-1],2)");
  });

  it("sends the same cell operations for 20 and 2,000 units, but for the last row of absolute ranges", () => {
    const shape = (units: number) =>
      plan(scoresModel(units))
        .ops.filter((o) => o.kind === "cells" || o.kind === "columnFormula")
        .map((o) =>
          o.kind === "columnFormula"
            ? o.r1c1.replace(/R\d+C/g, "R#C")
            : `cells ${o.area.left}-${o.area.right}`
        );
    expect(shape(2000)).toEqual(shape(20));
  });

  it("keeps a formula that breaks its column's run as a cell of its own", () => {
    const model = scoresModel(6);
    model.cells[3][13] = { value: 0, formula: "=0" };
    const p = plan(model);
    expect(
      ofKind(p.ops, "columnFormula")
        .filter((o) => o.area.left === 13)
        .map((o) => rangeAddress(o.area))
    ).toEqual(["N2:N3", "N5:N7"]);
    const own = ofKind(p.ops, "cells").find((o) => rangeAddress(o.area) === "N4")!;
    expect(own).toMatchObject({ grid: [["=0"]], formulas: true });
  });

  it("groups equal formats into ranges whatever the row count", () => {
    const small = plan(scoresModel(20)).ops.length;
    const p = plan(scoresModel(2000));
    const numberFormats = ofKind(p.ops, "numberFormat");
    expect(numberFormats.map((o) => [rangeAddress(o.area), o.format])).toEqual([
      ["C2:N2001", "0.00"],
    ]);
    // The borders of header and body join into one range.
    expect(
      ofKind(p.ops, "format")
        .filter((o) => o.prop === "border")
        .map((o) => rangeAddress(o.area))
    ).toEqual(["A1:Q2001"]);
    // Grey fill on every tenth row: one rectangle per such row; the rest of the plan does not grow with rows.
    const fills = ofKind(p.ops, "format").filter((o) => o.prop === "fill" && o.value === "#D9D9D9");
    expect(fills).toHaveLength(200);
    expect(p.ops.length - 2 * 200).toBe(small - 2 * 2);
    // The Excel host sends such rows as a few RangeAreas, each address under the limit.
    const grouped = groupFormats(p.ops).filter((o) => o.kind === "formats" && o.prop === "fill");
    expect(grouped.flatMap((o) => (o.kind === "formats" ? o.areas : []))).toHaveLength(200);
    expect(grouped.length).toBeLessThan(20);
    for (const o of grouped)
      if (o.kind === "formats")
        expect(o.areas.map(rangeAddress).join(",").length).toBeLessThanOrEqual(MAX_AREAS_ADDRESS);
  });

  it("puts the Text format on text Excel would read as a formula, number or date", () => {
    const model: SheetModel = {
      name: "说明",
      kind: "bulletin",
      cells: [
        [{ value: "=1+1" }, { value: "龙榜" }, { value: "-3分" }],
        [{ value: "92%" }, { value: 5 }, { value: "=A1", formula: undefined }],
      ],
      formats: [{ range: "A1:C2", numberFormat: "0.0" }],
    };
    const p = plan(model);
    const text = ofKind(p.ops, "numberFormat")
      .filter((o) => o.format === "@")
      .map((o) => rangeAddress(o.area));
    expect(text.sort()).toEqual(["A1:A2", "C1:C2"]);
    expect(
      ofKind(p.ops, "numberFormat")
        .filter((o) => o.format === "0.0")
        .map((o) => rangeAddress(o.area))
        .sort()
    ).toEqual(["B1:B2"]);
    expect(ofKind(p.ops, "cells")[0].formulas).toBe(false);
  });

  it("clears a replaced sheet first and leaves widths, panes and print out of an append", () => {
    const log: SheetModel = {
      name: "调度记录",
      kind: "dispatchLog",
      append: true,
      cells: [[{ value: "调度" }], [{ value: "第1次" }]],
      columnWidths: [8],
      freeze: { rows: 1, columns: 0 },
      print: { paper: "A4", orientation: "portrait" },
    };
    expect(plan(log, true, 0).ops[0]).toEqual({ kind: "clear", panes: true });
    const appended = plan(log, true, 5);
    expect(appended.ops.map((o) => o.kind)).toEqual(["cells"]);
    expect(appended.rows).toEqual({ top: 5, bottom: 5 });
    expect(appended.print).toBeUndefined();
  });

  it("converts widths from characters to points and groups equal neighbours", () => {
    expect(charsToPoints(8.43)).toBeCloseTo(48, 1);
    expect(charsToPoints(10)).toBe(56.25);
    expect(charsToPoints(0)).toBe(0);
    const p = plan({
      name: "x",
      kind: "scores",
      cells: [[{ value: 1 }]],
      columnWidths: [10, 10, 12],
    });
    expect(ofKind(p.ops, "width")).toEqual([
      { kind: "width", from: 0, to: 1, points: 56.25 },
      { kind: "width", from: 2, to: 2, points: 66.75 },
    ]);
  });

  it("refuses, in Chinese and naming the cell, what Excel would reject", () => {
    const bad =
      (cells: SheetModel["cells"], extra: Partial<SheetModel> = {}) =>
      () =>
        plan({ name: "得分", kind: "scores", cells, ...extra });
    expect(bad([[{ value: 1 }, { value: NaN }]])).toThrow("工作表“得分”的 B1 不是有效的数值");
    expect(bad([[{ value: 0, formula: "=" + "A1+".repeat(3000) + "1" }]])).toThrow(
      "A1 的公式超过 8192 个字符"
    );
    expect(bad([[{ value: 0, formula: "SUM(A1)" }]])).toThrow("应以“=”开头");
    expect(bad([[{ value: "x".repeat(40000) }]])).toThrow("文字超过 32767 个字符");
    expect(bad([[{ value: 1 }]], { formats: [{ range: "A1", fill: "red" }] })).toThrow(
      "颜色“red”应写成 #RRGGBB"
    );
    expect(bad([[{ value: 1 }]], { merges: ["A:B"] })).toThrow("合并区域 A:B 应是有边界的矩形");
    expect(() =>
      planSheet({
        ...renderWrite({
          model: { name: "得分", kind: "scores", cells: [[{ value: 1 }]] },
          exists: false,
        }),
        startRow: 1_048_576,
      })
    ).toThrow("超出 Excel 的 1048576 行上限");
  });

  it("writes whole-column conditional formats as column ranges", () => {
    const p = plan({
      name: "x",
      kind: "scores",
      cells: [[{ value: 1 }]],
      conditionalFormats: [{ range: "A:C", formula: "=A1>0", fill: "#FF0000" }],
    });
    expect(ofKind(p.ops, "conditional").map((o) => rangeAddress(o.area))).toEqual(["A:C"]);
  });
});
