import {
  columnRef,
  columnTexts,
  draftFromScheme,
  keepEdits,
  draftFromTable,
  indicatorNameOf,
  schemeFromDraft,
  schemeNameFrom,
  setColumnRole,
  setIndicatorMethod,
  totalPoints,
  updateColumn,
  updateIndicator,
  SchemeDraft,
} from "../../src/core/scheme-from-roles";
import { detectTable } from "../../src/core/table-detect";
import { parseScheme } from "../../src/core/scheme/parse";
import { readDataTable } from "../../src/core/data-table";
import { checkSchemeAgainstData } from "../../src/core/scheme/parse";
import { scoreUnits } from "../../src/core/scoring/score-units";
import { draw } from "../../src/core/draw";
import type { Cell } from "../../src/core/values";
import { sampleSchemeJson, sampleValues } from "./scoring/sample";
import { problemsOf } from "./scheme/scheme-messages";

const values = sampleValues();
const table = detectTable(values)!;
const col = (d: SchemeDraft, header: string) => d.columns.find((c) => c.header === header)!;


describe("draftFromTable: a first draft from the guessed roles", () => {
  const draft = draftFromTable("村级考核", table, values);

  test("roles from the headers: name, group, vetoes, bonus, deduction, coefficient, fines; the dispatch columns", () => {
    const roles = Object.fromEntries(draft.columns.map((c) => [c.header, c.role]));
    expect(roles).toMatchObject({
      村名: "name",
      类别: "group",
      党建: "indicator",
      民调等级: "indicator",
      计生否决: "veto",
      安全事故: "veto",
      加分: "bonus",
      扣分: "deduction",
      规模系数: "coefficient",
      上年名次: "previousRank",
      缺签次数: "fine",
      旷工天数: "fine",
      已参保户数: "ignore",
      任务户数: "ignore",
    });
    expect(draft.settings.progress).toEqual({ task: col(draft, "任务户数").letter, done: [col(draft, "已参保户数").letter] });
    expect(col(draft, "民调等级").indicator).toMatchObject({ method: "grade", grades: { 优: 1, 良: 0.8, 中: 0.6, 差: 0.4 } });
    // A rate is scored against a target, starting from the best unit's value.
    expect(col(draft, "参保率").indicator).toMatchObject({ method: "target", target: 0.98, cap: 1 });
    expect(col(draft, "信访排名").indicator).toMatchObject({ method: "rank", step: 1 });
  });

  test("builds into a valid scheme without any edit (one click from the clerk's sheet)", () => {
    const { scheme, warnings } = schemeFromDraft(draft);
    expect(scheme.data).toEqual({ sheet: "村级考核", headerRow: 1, name: "村名", group: "类别" });
    expect(scheme.indicators.map((i) => i.column)).toEqual(["党建", "常规", "参保率", "出生率‰", "招商(万元)", "民调等级", "税收(万元)", "信访排名"]);
    expect(scheme.vetoes).toEqual(["计生否决", "安全事故"]);
    expect(scheme.coefficient).toBe("规模系数");
    expect(scheme.progress).toEqual({ done: "已参保户数", task: "任务户数", stages: [0.3, 0.5, 0.7, 0.8, 0.9] });
    expect(scheme.fines).toEqual([
      { column: "缺签次数", amount: 0 },
      { column: "旷工天数", amount: 0 },
    ]);
    // Its columns are all in the data sheet, and it scores every unit.
    const data = readDataTable(values, scheme.data);
    expect(() => checkSchemeAgainstData(scheme, data)).not.toThrow();
    expect(scoreUnits(scheme, data, {}).units).toHaveLength(16);
    expect(warnings.some((w) => w.includes("缺签次数") && w.includes("金额为 0"))).toBe(true);
    expect(warnings.some((w) => w.includes("不是 100"))).toBe(true);
  });

  test("the total points shown against 100", () => {
    expect(totalPoints(draft)).toBe(draft.columns.reduce((s, c) => s + (c.role === "indicator" ? c.indicator!.points : 0), 0));
    let d = draft;
    for (const c of d.columns.filter((x) => x.role === "indicator")) d = updateIndicator(d, c.letter, { points: 12.5 });
    expect(totalPoints(d)).toBe(100);
    expect(schemeFromDraft(d).warnings.some((w) => w.includes("不是 100"))).toBe(false);
  });

  test("a title row above the header names the scheme", () => {
    const titled: Cell[][] = [["2025年度村级目标管理考核数据"], ...values];
    const t = detectTable(titled, ["A1:T1"])!;
    expect(t.headerRow).toBe(2);
    const d = draftFromTable("村级考核", t, titled);
    expect(d.settings.name).toBe("2025年度村级目标管理考核");
    expect(schemeFromDraft(d).scheme.data.headerRow).toBe(2);
    expect(schemeNameFrom("村级考核", values, 1)).toBe("村级考核");
    expect(schemeNameFrom("站所", values, 1)).toBe("站所考核");
  });
});

describe("editing roles", () => {
  const draft = draftFromTable("村级考核", table, values);

  test("a role only one column can have moves: the column that had it becomes 忽略", () => {
    const d = setColumnRole(draft, col(draft, "常规").letter, "coefficient");
    expect(col(d, "常规").role).toBe("coefficient");
    expect(col(d, "规模系数").role).toBe("ignore");
    expect(schemeFromDraft(d).scheme.coefficient).toBe("常规");
  });

  test("a column becoming an indicator gets its name and defaults; switching away and back keeps the edits", () => {
    let d = setColumnRole(draft, col(draft, "加分").letter, "indicator");
    expect(col(d, "加分").indicator).toMatchObject({ name: "加分", method: "points", points: 6 });
    d = setIndicatorMethod(d, col(d, "出生率‰").letter, "limit");
    d = updateIndicator(d, col(d, "出生率‰").letter, { limit: 14, step: 1, deduct: 2, name: "出生率" });
    d = setColumnRole(d, col(d, "出生率‰").letter, "ignore");
    d = setColumnRole(d, col(d, "出生率‰").letter, "indicator");
    expect(col(d, "出生率‰").indicator).toMatchObject({ name: "出生率", method: "limit", limit: 14, step: 1, deduct: 2 });
    const ind = schemeFromDraft(d).scheme.indicators.find((i) => i.name === "出生率")!;
    // Only the method's own parameters go into the scheme (the target guessed for 率 is dropped).
    expect(ind).toEqual({ name: "出生率", column: "出生率‰", method: "limit", points: 10, limit: 14, step: 1, deduct: 2 });
  });

  test("a quantity far above any points value (万元) is compared with the best unit, not taken as a score", () => {
    expect(col(draft, "税收(万元)").indicator).toMatchObject({ method: "benchmark", points: 10 });
    expect(col(draft, "党建").indicator).toMatchObject({ method: "points", points: 20 });
    expect(totalPoints(draft)).toBe(94);
  });

  test("method defaults come from the column's data", () => {
    const letter = col(draft, "招商(万元)").letter;
    const d = setIndicatorMethod(draft, letter, "efficacy");
    expect(col(d, "招商(万元)").indicator).toMatchObject({ method: "efficacy", good: 1200, bad: 0, base: 0.6 });
  });

  test("problems are named by column, every one at once", () => {
    let d = setColumnRole(draft, col(draft, "村名").letter, "ignore");
    d = setIndicatorMethod(d, col(d, "党建").letter, "target");
    d = updateIndicator(d, col(d, "党建").letter, { target: undefined });
    d = updateIndicator(d, col(d, "常规").letter, { name: " " });
    d = setIndicatorMethod(d, col(d, "出生率‰").letter, "limit");
    d = updateIndicator(d, col(d, "出生率‰").letter, { step: 1 });
    d = { ...d, settings: { ...d.settings, progress: { done: d.settings.progress!.done } } };
    d = updateColumn(d, col(d, "缺签次数").letter, { fineAmount: -5 });
    expect(problemsOf(() => schemeFromDraft(d))).toEqual([
      "请指定单位列（被考核单位名称所在的列）",
      "C列（党建）：完成率法须填写目标值",
      "D列（常规）：指标名称不能为空",
      "F列（出生率‰）：步长与每步扣分须同时填写（或都不填）",
      "Q列（缺签次数）：罚款须填写不小于 0 的每次金额",
      "分阶段调度：已设完成数列 S列（已参保户数），还须设任务数列",
    ]);
  });

  test("no indicator at all, and the scheme's own validation (duplicate indicator names)", () => {
    let d = draft;
    for (const c of draft.columns) if (c.role === "indicator") d = setColumnRole(d, c.letter, "ignore");
    expect(problemsOf(() => schemeFromDraft(d))).toEqual(["请至少把一列设为“指标”"]);
    const dup = updateIndicator(draft, col(draft, "常规").letter, { name: "党建" });
    expect(problemsOf(() => schemeFromDraft(dup)).join("\n")).toMatch(/与第1个指标重复/);
  });

  test("a header used by two columns is named by letter", () => {
    const twice: Cell[][] = [
      ["单位", "得分", "得分"],
      ["甲村", 18, 9],
      ["乙村", 16, 8],
    ];
    const d = draftFromTable("表", detectTable(twice)!, twice);
    expect(d.columns.map((c) => columnRef(d, c))).toEqual(["单位", "B", "C"]);
    const { scheme } = schemeFromDraft(updateIndicator(d, "C", { name: "得分2" }));
    expect(scheme.indicators.map((i) => i.column)).toEqual(["B", "C"]);
  });

  test("settings: rewards, grades, awards, leaderboard size and caps reach the scheme", () => {
    const d: SchemeDraft = {
      ...draft,
      settings: {
        ...draft.settings,
        top: 2,
        bottom: 1,
        bonusCap: 5,
        awards: [["一等奖", 1, 85]],
        byRank: [[1, 1000], [-1, -200]],
        threshold: { letter: col(draft, "参保率").letter, tiers: [[0.91, 1000]] },
        improvementTiers: [[5, 10000]],
      },
    };
    const { scheme } = schemeFromDraft(d);
    expect(scheme.leaderboard).toEqual({ top: 2, bottom: 1 });
    expect(scheme.bonus).toEqual({ columns: ["加分"], cap: 5 });
    expect(scheme.deduction).toEqual({ columns: ["扣分"], cap: null });
    expect(scheme.awards).toEqual([["一等奖", 1, 85]]);
    expect(scheme.rewards).toEqual({
      byRank: [[1, 1000], [-1, -200]],
      byThreshold: { column: "参保率", tiers: [[0.91, 1000]] },
      byImprovement: { column: "上年名次", tiers: [[5, 10000]] },
    });
  });
});

describe("keepEdits: the same table detected again", () => {
  test("edits stay on the columns still there; a new column gets its guess; settings on a gone column are dropped", () => {
    const draft = draftFromTable("村级考核", table, values);
    let edited = updateIndicator(draft, col(draft, "党建").letter, { name: "党建工作", points: 25 });
    edited = { ...edited, settings: { ...edited.settings, top: 5, threshold: { letter: "T", tiers: [[1, 1]] } } };
    // The clerk renamed T (任务户数) and added a column U.
    const changed = values.map((r, i) => [...r.slice(0, 19), i === 0 ? "应参保户数" : r[19], i === 0 ? "加分2" : 1]);
    const fresh = draftFromTable("村级考核", detectTable(changed)!, changed);
    const kept = keepEdits(edited, fresh);
    expect(col(kept, "党建").indicator).toMatchObject({ name: "党建工作", points: 25 });
    expect(col(kept, "加分2").role).toBe("bonus");
    expect(kept.settings.top).toBe(5);
    expect(kept.settings.threshold).toBeUndefined();
    expect(kept.settings.progress).toEqual({ done: ["S"] });
  });
});

describe("draftFromScheme: a saved scheme back into roles", () => {
  const sample = parseScheme(sampleSchemeJson()).scheme;

  test("the sample scheme round-trips unchanged through the draft", () => {
    const { draft, warnings } = draftFromScheme(sample, table);
    expect(warnings).toEqual([]);
    expect(col(draft, "党建").indicator?.name).toBe("党建工作");
    expect(col(draft, "上年名次").role).toBe("previousRank");
    expect(draft.settings.threshold).toEqual({ letter: "E", tiers: [[0.91, 1000]] });
    expect(schemeFromDraft(draft).scheme).toEqual(sample);
  });

  test("the clerk's order of indicators is kept", () => {
    const reordered = { ...sample, indicators: [...sample.indicators].reverse() };
    const { draft } = draftFromScheme(reordered, table);
    expect(schemeFromDraft(draft).scheme.indicators.map((i) => i.name)).toEqual(reordered.indicators.map((i) => i.name));
  });

  test("what the draft cannot hold is dropped with a warning", () => {
    const odd = {
      ...sample,
      indicators: [...sample.indicators, { name: "党建2", column: "党建", method: "points" as const, points: 1 }, { name: "旧指标", column: "已删除的列", method: "points" as const, points: 1 }],
      coefficient: "C",
    };
    const { draft, warnings } = draftFromScheme(odd, table);
    expect(warnings).toEqual([
      "C列（党建）在方案中既是指标又是指标“党建2”的数据列，只保留指标",
      "方案的指标“旧指标”的数据列“已删除的列”在“村级考核”第1行的表头中找不到，已略去",
      "C列（党建）在方案中既是指标又是系数列，只保留指标",
    ]);
    expect(draft.columns.filter((c) => c.role === "coefficient")).toEqual([]);
  });

  test("columns named by letter find their column", () => {
    const byLetter = { ...sample, data: { ...sample.data, name: "A" }, vetoes: ["K", "L"] };
    const { draft } = draftFromScheme(byLetter, table);
    expect(col(draft, "村名").role).toBe("name");
    expect([col(draft, "计生否决").role, col(draft, "安全事故").role]).toEqual(["veto", "veto"]);
  });
});

describe("dispatch columns: one 完成数 column per stage", () => {
  const pension = sampleValues("pension-dispatch.csv");
  const pensionTable = detectTable(pension)!;
  const json = {
    name: "2025年城乡居民养老保险参保调度",
    data: { sheet: "参保调度", headerRow: 1, name: "村名" },
    indicators: [{ name: "参保进度", column: "第5次", method: "points", points: 100 }],
    progress: { done: ["第1次", "第2次", "第3次", "第4次", "第5次"], task: "任务户数" },
  };

  test("a scheme with a done column per stage round-trips, the last one scored as well", () => {
    const scheme = parseScheme(json).scheme;
    const { draft, warnings } = draftFromScheme(scheme, pensionTable);
    expect(warnings).toEqual([]);
    expect(draft.settings.progress).toEqual({ task: "D", done: ["E", "F", "G", "H", "I"] });
    expect(col(draft, "第5次").role).toBe("indicator");
    expect(schemeFromDraft(draft).scheme).toEqual(scheme);
  });

  test("as many done columns as stages, or one", () => {
    const { draft } = draftFromScheme(parseScheme(json).scheme, pensionTable);
    const withDone = (done: string[]) => ({ ...draft, settings: { ...draft.settings, progress: { task: "D", done } } });
    expect(problemsOf(() => schemeFromDraft(withDone(["E", "F", "G", "H"])))).toEqual([
      "分阶段调度：完成数列有 4 列（每次调度一列），应与各阶段要求的 5 个阶段一一对应",
    ]);
    expect(schemeFromDraft(withDone(["I"])).scheme.progress?.done).toBe("第5次");
    expect(problemsOf(() => schemeFromDraft(withDone(["Z"])))).toEqual(["完成数列 Z 列不在数据表中", "分阶段调度：已设任务数列 D列（任务户数），还须设完成数列"]);
  });

  test("a dispatch column the data sheet no longer has is dropped with a warning", () => {
    const gone = parseScheme({ ...json, progress: { done: "已删除", task: "任务户数" } }).scheme;
    const { draft, warnings } = draftFromScheme(gone, pensionTable);
    expect(warnings).toEqual(["方案的完成数列“已删除”在“参保调度”第1行的表头中找不到，已略去"]);
    expect(draft.settings.progress).toEqual({ task: "D", done: [] });
  });
});

describe("helpers", () => {
  test("indicatorNameOf drops the points written in the header", () => {
    expect(indicatorNameOf("党建(20分)")).toBe("党建");
    expect(indicatorNameOf("常规工作（20分）")).toBe("常规工作");
    expect(indicatorNameOf("中心工作30分")).toBe("中心工作");
    expect(indicatorNameOf("20分")).toBe("20分");
  });

  test("columnTexts reads cells as KH.DRAW does, so the pane's draw re-checks", () => {
    const grid: Cell[][] = [["名单"], ["甲村"], [null], ["  "], [0.1 + 0.2], [" 乙村 "], [true]];
    const items = columnTexts(grid, "A", [2, 3, 4, 5, 6, 7]);
    expect(items).toEqual(["甲村", "0.3", " 乙村 ", "TRUE"]);
    expect(draw(items, 2, "20251122")).toHaveLength(2);
  });
});
