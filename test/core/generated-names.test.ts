import { checkModelNumbers, checkNotMarker, findMarkerSheet, markerSheet } from "../../src/core/generated-sheets";
import type { SheetModel } from "../../src/core/sheet-model";
import { lazyModel } from "../../src/core/sheet-rows";

const ours = markerSheet([{ sheet: "得分", kind: "scores", generatedAt: "2025-12-20T10:00:00" }]).cells.map((r) => r.map((c) => c.value));
const clerks = [["我自己的备忘"], ["内容", 1]];

describe("the marker sheet's name", () => {
  const read = (sheets: Record<string, unknown[][]>) => async (name: string) => sheets[name] as never;

  test("KH_标记 when it is free or ours", async () => {
    expect(await findMarkerSheet(["村级考核"], read({}))).toEqual({ name: "KH_标记", exists: false });
    expect(await findMarkerSheet(["村级考核", "KH_标记"], read({ KH_标记: ours }))).toEqual({ name: "KH_标记", exists: true });
  });

  test("a clerk's KH_标记 or kh_标记 (any case) is never taken", async () => {
    expect(await findMarkerSheet(["KH_标记"], read({ KH_标记: clerks }))).toEqual({ name: "KH_标记2", exists: false });
    expect(await findMarkerSheet(["kh_标记"], read({ kh_标记: ours }))).toEqual({ name: "KH_标记2", exists: false });
    expect(await findMarkerSheet(["kh_标记", "KH_标记2"], read({ kh_标记: clerks, KH_标记2: ours }))).toEqual({
      name: "KH_标记2",
      exists: true,
    });
  });

  test("no generated model may take a marker name, in any case", () => {
    const model = (name: string): SheetModel => ({ name, kind: "scores", cells: [] });
    expect(() => checkNotMarker([model("kh_标记")])).toThrow("不能写入保留的工作表名：kh_标记");
    expect(() => checkNotMarker([model("Kh_标记3")])).toThrow();
    expect(() => checkNotMarker([model("得分")])).not.toThrow();
  });
});

test("a number Excel cannot show is refused, naming the sheet and the cell", () => {
  const model = (v: number): SheetModel => ({ name: "得分", kind: "scores", cells: [[{ value: "总分" }], [{ value: 1 }, { value: v }]] });
  expect(() => checkModelNumbers([model(9.99999999999999e307)])).not.toThrow();
  expect(() => checkModelNumbers([model(1e308)])).toThrow("工作表“得分”的 B2 不是有效的数值（1e+308）");
  expect(() => checkModelNumbers([model(NaN)])).toThrow("工作表“得分”的 B2 不是有效的数值（NaN）");
});

test("a lazy model's numbers are checked where its rows are made from, its rows not made", () => {
  const made: number[] = [];
  const values = [1, 2, Infinity, 4];
  const model = (numbers: boolean) =>
    lazyModel(
      { name: "读数", kind: "readings" },
      {
        head: [[{ value: "单位" }, { value: 7 }]],
        count: values.length,
        row: (i) => (made.push(i), [{ value: `单位${i}` }, { value: values[i] }]),
        tail: [[{ value: "合计" }, { value: -Infinity }]],
        ...(numbers ? { numbers: (visit: (v: number, i: number, c: number) => void) => values.forEach((v, i) => visit(v, i, 1)) } : {}),
      }
    );
  expect(() => checkModelNumbers([model(true)])).toThrow("工作表“读数”的 B4 不是有效的数值（Infinity）");
  expect(made).toEqual([]);
  values[2] = 3;
  // The rows above and below the body are checked as they are.
  expect(() => checkModelNumbers([model(true)])).toThrow("工作表“读数”的 B6 不是有效的数值（-Infinity）");
  // Without a source of its numbers, its rows are made and looked at.
  values[2] = NaN;
  expect(() => checkModelNumbers([model(false)])).toThrow("工作表“读数”的 B4 不是有效的数值（NaN）");
  expect(made).toEqual([0, 1, 2]);
});
