import { KhFunctionError } from "../../src/functions/errors";
import { NamedMetadata, registerFunctions, wpsCallable, wpsError } from "../../src/wps/register-functions";
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
    const meta: NamedMetadata[] = [{ name: "STAGEPCT", description: "完成率", result: { type: "number" }, parameters: [{ name: "done", type: "any" }] }];
    expect(registerFunctions(root, { stagePct: () => 1, helper: 5 }, meta)).toEqual(["STAGEPCT"]);
    expect(calls).toEqual([["KH", "STAGEPCT", { description: "完成率", result: { type: "number" }, parameters: [{ name: "done", type: "any" }] }]]);
    expect(registerFunctions({}, { stagePct: () => 1 }, meta)).toEqual([]);
    expect(() => registerFunctions(root, {}, meta)).toThrow("函数 KH.STAGEPCT 有说明但没有实现");
  });
});

describe("WPS metadata from the Excel functions.json", () => {
  test("types: any/number/string/bool, [][] for a range, ? for optional; name upper-cased", () => {
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
          { name: "c", type: "bool?", description: "丙" },
          { name: "d", type: "any", description: "" },
        ],
      },
    ]);
  });
});
