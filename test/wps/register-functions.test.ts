import { KhFunctionError } from "../../src/functions/errors";
import { NamedMetadata, PARAM_NOT_FOUND, registerFunctions, wpsCallable, wpsError } from "../../src/wps/register-functions";
import { PARAM_NOT_FOUND as DOUBLE_MARKER } from "../hosts/wps/double/custom-functions";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toWpsMetadata } = require("../../wps/build/functions-metadata") as { toWpsMetadata: (j: unknown) => NamedMetadata[] };

describe("adapting calls to what the functions expect", () => {
  test("missing and undefined arguments become null, up to the declared parameter count", () => {
    const seen: unknown[][] = [];
    const f = wpsCallable((...args) => seen.push(args), 3);
    f(1);
    f(1, undefined, [[2]]);
    expect(seen).toEqual([
      [1, null, null],
      [1, null, [[2]]],
    ]);
  });

  test("the omitted-argument marker becomes null; the double passes the same marker", () => {
    expect(PARAM_NOT_FOUND).toBe(DOUBLE_MARKER);
    const seen: unknown[][] = [];
    const f = wpsCallable((...args) => seen.push(args), 3);
    f(1, PARAM_NOT_FOUND, PARAM_NOT_FOUND);
    expect(seen).toEqual([[1, null, null]]);
  });

  test("a Range object becomes its Value2: a value, a row, rows; an empty cell null", () => {
    const seen: unknown[][] = [];
    const f = wpsCallable((...args) => seen.push(args), 4);
    f({ Value2: 7 }, { Value2: [1, 2] }, { Value2: [[1], [2]] }, { Value2: undefined });
    expect(seen).toEqual([[7, [[1, 2]], [[1], [2]], null]]);
  });

  test("errors are thrown with their code first; array entries that are errors become their code", () => {
    const failing = wpsCallable(() => {
      throw new KhFunctionError("#DIV/0!", "任务数为 0");
    }, 0);
    expect(() => failing()).toThrow(/^#DIV\/0! 任务数为 0$/);
    const mixed = wpsCallable(() => [[1], [new KhFunctionError("#N/A", "不在其中")]], 0);
    expect(mixed()).toEqual([[1], ["#N/A"]]);
    const bug = new TypeError("x is undefined");
    expect(wpsError(bug)).toBe(bug);
  });

  test("registering: names by upper-cased export, metadata passed on, nothing without AddCustomFunction", () => {
    const calls: [string, string, unknown][] = [];
    const root = { AddCustomFunction: (ns: string, name: string, _fn: unknown, meta: unknown) => void calls.push([ns, name, meta]) };
    const meta: NamedMetadata[] = [
      { name: "STAGEPCT", description: "完成率", result: { type: "number" }, parameters: [{ name: "done", type: "any" }] },
    ];
    expect(registerFunctions(root, { stagePct: () => 1, helper: 5 }, meta)).toEqual({ registered: ["STAGEPCT"], failed: [] });
    expect(calls).toEqual([
      ["KH", "STAGEPCT", { description: "完成率", result: { type: "number" }, parameters: [{ name: "done", type: "any" }] }],
    ]);
    expect(registerFunctions({}, { stagePct: () => 1 }, meta)).toEqual({ registered: [], failed: [] });
    expect(() => registerFunctions(root, {}, meta)).toThrow("函数 KH.STAGEPCT 有说明但没有实现");
  });

  test("each registration on its own: one WPS refuses does not stop the rest", () => {
    const done: string[] = [];
    const root = {
      AddCustomFunction: (_ns: string, name: string) => {
        if (name === "B") throw new Error("拒绝");
        done.push(name);
      },
    };
    const meta = ["A", "B", "C"].map((name) => ({ name, result: {}, parameters: [] }));
    expect(registerFunctions(root, { a: () => 1, b: () => 2, c: () => 3 }, meta)).toEqual({
      registered: ["A", "C"],
      failed: [{ name: "B", reason: "拒绝" }],
    });
    expect(done).toEqual(["A", "C"]);
  });
});

describe("WPS metadata from the Excel functions.json", () => {
  test("types as Kingsoft's scanner writes them: any/number/string/boolean, [][] for a range, ? for optional", () => {
    const json = {
      functions: [
        {
          id: "X",
          name: "x",
          description: "说明",
          parameters: [
            { name: "a", type: "number", description: "甲" },
            { name: "b", type: "any", dimensionality: "matrix", description: "乙" },
            { name: "c", type: "boolean", optional: true, description: "丙" },
            { name: "d" },
          ],
          result: { dimensionality: "matrix" },
        },
      ],
    };
    expect(toWpsMetadata(json)).toEqual([
      {
        name: "X",
        description: "说明",
        result: { type: "any[][]" },
        parameters: [
          { name: "a", type: "number", description: "甲" },
          { name: "b", type: "any[][]", description: "乙" },
          { name: "c", type: "boolean?", description: "丙" },
          { name: "d", type: "any", description: "" },
        ],
      },
    ]);
  });
});
