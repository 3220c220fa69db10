import { drawFormula, errorLines, firstPlaces, isDirty, percent, seedFromTime, tryScheme } from "../../src/taskpane/state";
import { SchemeError } from "../../src/core/scheme/errors";
import { WorkflowError } from "../../src/app/errors";
import { draftFromTable } from "../../src/core/scheme-from-roles";
import { detectTable } from "../../src/core/table-detect";
import { UnitResult } from "../../src/core/unit-result";
import { sampleValues } from "../core/scoring/sample";

const unit = (name: string, group: string, rank: number, vetoed = false): UnitResult => ({
  name, group, rank, vetoed, scores: {}, subtotal: 0, bonus: 0, deduction: 0, coefficient: 1, total: 100 - rank,
  mark: "", grade: "", award: "", reward: 0, fines: 0, missing: [], disqualified: [],
});

test("errorLines: the clerk-facing lines of our errors, the message of others", () => {
  expect(errorLines(new WorkflowError(["甲", "乙"]))).toEqual(["甲", "乙"]);
  expect(errorLines(new SchemeError(["丙"]))).toEqual(["丙"]);
  expect(errorLines(new Error("第一行\n\n第二行"))).toEqual(["第一行", "第二行"]);
  expect(errorLines("文字")).toEqual(["文字"]);
});

test("firstPlaces: the rank-1 unit of each group, in order of the groups, never a vetoed one", () => {
  const units = [unit("甲", "行政村", 2), unit("乙", "社区", 1), unit("丙", "行政村", 1), unit("丁", "社区", 1), unit("戊", "站所", 1, true)];
  expect(firstPlaces(units).map((u) => u.name)).toEqual(["乙", "丙"]);
});

test("the draft's scheme, and whether it differs from the saved one", () => {
  const values = sampleValues();
  const draft = draftFromTable("村级考核", detectTable(values)!, values);
  const built = tryScheme(draft);
  expect(built.problems).toEqual([]);
  expect(isDirty({}, built.scheme)).toBe(true);
  expect(isDirty({ savedJson: JSON.stringify(built.scheme) }, built.scheme)).toBe(false);
  expect(tryScheme({ ...draft, columns: draft.columns.map((c) => ({ ...c, role: "ignore" as const })) }).problems).toEqual([
    "请指定单位列（被考核单位名称所在的列）",
    "请至少把一列设为“指标”",
  ]);
});

test("seed, re-check formula and percent texts", () => {
  expect(seedFromTime(new Date(2025, 10, 2, 9, 5, 7))).toBe("20251102090507");
  expect(drawFormula("'村级考核'!A2:A17", 3, 'a"b')).toBe(`=KH.DRAW('村级考核'!A2:A17, 3, "a""b")`);
  expect([percent(0.3), percent(0.875), percent(1)]).toEqual(["30%", "87.5%", "100%"]);
});
