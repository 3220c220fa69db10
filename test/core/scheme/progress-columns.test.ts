/** 分阶段调度 with one column per dispatch (第1次…第5次): stage k reads the k-th column. */
import { parseScheme } from "../../../src/core/scheme/parse";
import { readSchemeSheet } from "../../../src/core/scheme/read-scheme-sheet";
import { schemeSheet } from "../../../src/core/scheme/scheme-sheet";
import { SchemeError } from "../../../src/core/scheme/errors";
import { readDataTable } from "../../../src/core/data-table";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { pensionSchemeJson, values } from "../../app/support";

describe("progress.done as a list of columns", () => {
  it("stage k reads the k-th column", () => {
    const { scheme } = parseScheme(pensionSchemeJson());
    expect(scheme.progress?.done).toEqual(["第1次", "第2次", "第3次", "第4次", "第5次"]);
    const data = values("pension-dispatch.csv");
    const table = readDataTable(data, scheme.data);
    for (const stage of [1, 3, 5]) {
      const p = scoreUnits(scheme, table, { stage }).progress!;
      expect(p.units[0].done).toBe(data[1][3 + stage]);
      expect(p.units[0].completion).toBe((data[1][3 + stage] as number) / (data[1][3] as number));
    }
  });

  it("a list of one is that column, and a single column serves every stage", () => {
    const json = { ...pensionSchemeJson(), progress: { done: ["第3次"], task: "任务户数" } };
    expect(parseScheme(json).scheme.progress?.done).toBe("第3次");
  });

  it("must name one column per stage", () => {
    const json = { ...pensionSchemeJson(), progress: { done: ["第1次", "第2次"], task: "任务户数", stages: [0.3, 0.5, 0.7] } };
    expect(() => parseScheme(json)).toThrow(SchemeError);
    try {
      parseScheme(json);
    } catch (e) {
      expect((e as SchemeError).messages).toEqual(["方案：“完成数列”（progress.done）有 2 列，应与各阶段要求（3 个阶段）一一对应"]);
    }
  });

  it("a missing column is named with its place in the list", () => {
    const json = { ...pensionSchemeJson(), progress: { done: ["第1次", "第2次", "第三次", "第4次", "第5次"], task: "任务户数" } };
    const { scheme } = parseScheme(json);
    const table = readDataTable(values("pension-dispatch.csv"), scheme.data);
    expect(() => scoreUnits(scheme, table, { stage: 1 })).toThrow(/数据列“第三次”在“参保调度”中不存在/);
  });

  it("is written on the 考核方案 sheet as “第1次、第2次、…” and reads back the same", () => {
    const { scheme } = parseScheme(pensionSchemeJson());
    const model = schemeSheet(scheme);
    const row = model.cells.find((r) => r[0]?.value === "完成数列")!;
    expect(row[1].value).toBe("第1次、第2次、第3次、第4次、第5次");
    const read = readSchemeSheet(model.cells.map((r) => r.map((c) => c.value)));
    expect(read.scheme).toEqual(scheme);
  });
});
