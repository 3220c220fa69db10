import { parseScheme } from "../../../src/core/scheme/parse";
import { SchemeError } from "../../../src/core/scheme/errors";
import { Scheme } from "../../../src/core/scheme/types";
import { readDataTable } from "../../../src/core/data-table";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { Cell } from "../../../src/core/values";

/** A scheme over the sheet "表" whose units are in column 单位. */
function scheme(parts: Record<string, unknown>): Scheme {
  return parseScheme({ name: "测试", data: { sheet: "表", headerRow: 1, name: "单位" }, ...parts }).scheme;
}

function run(s: Scheme, header: string[], rows: Cell[][], stage?: number) {
  return scoreUnits(s, readDataTable([header, ...rows], s.data), { stage });
}

const one = (method: Record<string, unknown>) => scheme({ indicators: [{ name: "指标", column: "值", points: 10, ...method }] });
/** The indicator score of each value. */
function scores(method: Record<string, unknown>, values: Cell[]): number[] {
  const r = run(
    one(method),
    ["单位", "值"],
    values.map((v, i) => [`单位${i + 1}`, v]),
  );
  return r.units.map((u) => u.scores.指标);
}

describe("step 1: each method", () => {
  test("points: the entered score clamped to [0, points]", () => {
    expect(scores({ method: "points" }, [8.5, 12, -3, "９．５"])).toEqual([8.5, 10, 0, 9.5]);
  });

  test("target: TARGETSCORE with cap default 1", () => {
    expect(scores({ method: "target", target: 100 }, [95, 130, -5])).toEqual([9.5, 10, 0]);
    expect(scores({ method: "target", target: 100, cap: 1.2 }, [130, "110%"])[0]).toBeCloseTo(12, 12);
    expect(scores({ method: "target", target: 0.91 }, ["91%"])).toEqual([10]);
  });

  test("limit: LIMITSCORE with and without steps", () => {
    const [a, b] = scores({ method: "limit", limit: 14 }, [15, 13]);
    expect(a).toBeCloseTo(9.333333333, 8);
    expect(b).toBe(10);
    expect(scores({ method: "limit", limit: 14, step: 1, deduct: 2 }, [16.5, 14, 14.0000000001, 100])).toEqual([4, 10, 10, 0]);
  });

  test("efficacy: scaled to points, reverse when bad > good, clamped", () => {
    expect(scores({ method: "efficacy", good: 12, bad: 6 }, [9, 30, -10])).toEqual([8, 10, 0]);
    expect(scores({ method: "efficacy", good: 12, bad: 6 }, [0])[0]).toBeCloseTo(2, 12);
    expect(scores({ method: "efficacy", good: 6, bad: 12 }, [15])[0]).toBeCloseTo(4, 12);
    expect(scores({ method: "efficacy", good: 12, bad: 6, base: 0 }, [9])).toEqual([5]);
  });

  test("grade: default and custom factors, full-width and spaces tolerated", () => {
    expect(scores({ method: "grade" }, ["优", " 良 ", "中", "差"])).toEqual([10, 8, 6, 4]);
    expect(scores({ method: "grade", grades: { 优秀: 1, 合格: 0.5, A: 0.9 } }, ["合格", "Ａ"])).toEqual([5, 9]);
  });

  test("grade: an unknown grade is an error for that unit, never a silent 0", () => {
    const r = run(
      one({ method: "grade" }),
      ["单位", "值"],
      [
        ["甲", "优"],
        ["乙", "优秀"],
      ],
    );
    expect(r.details[1].errors).toEqual(["表!B3：等次“优秀”不在“指标”的等次系数中（优、良、中、差）"]);
    expect(r.problems).toEqual(r.details[1].errors);
    expect(r.details[0].errors).toEqual([]);
    expect(r.units[1].missing).toEqual([]);
  });

  test("benchmark: points × value ÷ the best of the unit's group, 0 when the best is ≤ 0", () => {
    const s = scheme({
      data: { sheet: "表", headerRow: 1, name: "单位", group: "组" },
      indicators: [{ name: "财税", column: "税", method: "benchmark", points: 10 }],
    });
    const r = run(
      s,
      ["单位", "组", "税"],
      [
        ["甲", "A", 50],
        ["乙", "A", 200],
        ["丙", "B", 30],
        ["丁", "B", -10],
        ["戊", "C", 0],
        ["己", "C", -5],
        ["庚", "B", null],
      ],
    );
    expect(r.units.map((u) => u.scores.财税)).toEqual([2.5, 10, 10, 0, 0, 0, 0]);
    expect(r.units[6].missing).toEqual(["财税"]);
  });

  test("rank: max(0, points − (rank − 1)·step), step default 1; a rank below 1 is an error", () => {
    expect(scores({ method: "rank" }, [1, 4, 30])).toEqual([10, 7, 0]);
    expect(scores({ method: "rank", step: 0.5 }, [7])).toEqual([7]);
    const r = run(one({ method: "rank" }), ["单位", "值"], [["甲", 0]]);
    expect(r.details[0].errors).toEqual(["表!B2：名次应不小于 1，而不是 0"]);
  });

  test("a blank value scores 0 and is missing; unreadable text is an error naming the cell", () => {
    const s = scheme({
      indicators: [
        { name: "党建", column: "党建", method: "points", points: 50 },
        { name: "参保", column: "参保", method: "target", points: 50, target: 1 },
      ],
    });
    const r = run(
      s,
      ["单位", "党建", "参保"],
      [
        ["甲", null, "  "],
        ["乙", "缺考", 0.5],
      ],
    );
    expect(r.units[0]).toMatchObject({ scores: { 党建: 0, 参保: 0 }, missing: ["党建", "参保"], total: 0 });
    expect(r.units[1]).toMatchObject({ scores: { 党建: 0, 参保: 25 }, missing: [], total: 25 });
    expect(r.details[1].errors).toEqual(["表!B3：无法识别的数值“缺考”"]);
    expect(r.problems).toEqual(["表!B3：无法识别的数值“缺考”"]);
  });
});

describe("steps 2–3: bonus, deduction, coefficient, rounding", () => {
  const s = (parts: Record<string, unknown>) => scheme({ indicators: [{ name: "基础", column: "基础", method: "points", points: 100 }], ...parts });

  test("bonus capped, deductions by absolute value and capped; null cap = no cap", () => {
    const header = ["单位", "基础", "加1", "加2", "扣1", "扣2"];
    const rows: Cell[][] = [["甲", 80, 2, 3, -1, 4]];
    const capped = run(s({ bonus: { columns: ["加1", "加2"], cap: 4 }, deduction: { columns: ["扣1", "扣2"], cap: 3 } }), header, rows);
    expect(capped.units[0]).toMatchObject({ subtotal: 80, bonus: 4, deduction: 3, total: 81 });
    const uncapped = run(s({ bonus: { columns: ["加1", "加2"], cap: null }, deduction: { columns: ["扣1", "扣2"] } }), header, [
      ["甲", 80, 2, 3, 30, 40],
    ]);
    expect(uncapped.units[0]).toMatchObject({ bonus: 5, deduction: 70, total: 15 });
  });

  test("an unreadable bonus or deduction is an error (a deduction must not be lost silently)", () => {
    const r = run(s({ deduction: { columns: ["扣"] } }), ["单位", "基础", "扣"], [["甲", 80, "两分"]]);
    expect(r.details[0].errors).toEqual(["表!C2：无法识别的数值“两分”"]);
  });

  test("coefficient multiplies; blank = 1; rounding as Excel's ROUND at the precision", () => {
    const header = ["单位", "基础", "系数"];
    const r = run(s({ coefficient: "系数" }), header, [
      ["甲", 80.125, 1],
      ["乙", 1.005, null],
      ["丙", 80, 0.95],
      ["丁", 70.5, "1.05"],
    ]);
    expect(r.units.map((u) => [u.coefficient, u.total])).toEqual([
      [1, 80.13],
      [1, 1.01],
      [0.95, 76],
      [1.05, 74.03],
    ]);
    const p0 = run(s({ precision: 0 }), ["单位", "基础"], [["甲", 80.5]]);
    expect(p0.units[0].total).toBe(81);
    const p1 = run(s({ precision: 1 }), ["单位", "基础"], [["甲", 80.25]]);
    expect(p1.units[0].total).toBe(80.3);
  });

  test("ties are judged at the precision: 80.004 and 80.001 both total 80.00 and share the rank", () => {
    const r = run(
      s({}),
      ["单位", "基础"],
      [
        ["甲", 80.004],
        ["乙", 80.001],
        ["丙", 79],
      ],
    );
    expect(r.units.map((u) => [u.total, u.rank])).toEqual([
      [80, 1],
      [80, 1],
      [79, 3],
    ]);
  });
});

describe("steps 4–8: veto, ranks, marks, grades, awards, rewards, fines", () => {
  const header = ["单位", "组", "分", "否决", "参保率", "上年", "缺签次数"];
  const rows: Cell[][] = [
    ["甲", "村", 95, "否", 0.95, 9, 1],
    ["乙", "村", 90, "√", 0.99, 1, 2],
    ["丙", "村", 85, null, 0.5, 8, 0],
    ["丁", "村", 85, "", 0.92, 2, null],
    ["戊", "村", 70, "是", 0.93, 3, 1],
    ["己", "村", 60, "0", 0.8, 4, 0],
    ["庚", "社区", 88, "否", 0.91, 1, 0],
  ];
  const parts = (extra: Record<string, unknown>) =>
    scheme({
      data: { sheet: "表", headerRow: 1, name: "单位", group: "组" },
      indicators: [{ name: "分", column: "分", method: "points", points: 100 }],
      vetoes: ["否决"],
      leaderboard: { top: 1, bottom: 1 },
      grades: [
        [0, "不合格"],
        [90, "优秀"],
        [60, "合格"],
      ],
      awards: [
        ["一等奖", 1, 90],
        ["二等奖", 1, 80],
      ],
      rewards: {
        byRank: [
          [1, 1000],
          [2, 500],
          [-1, -100],
        ],
        byThreshold: { column: "参保率", tiers: [[0.9, 300]] },
        byImprovement: { column: "上年", tiers: [[3, 2000]] },
      },
      fines: [{ column: "缺签次数", amount: 100 }],
      ...extra,
    });

  test("exclude (default): vetoed units keep their totals, come last in their group, last grade, no award or reward, fines apply", () => {
    const r = run(parts({}), header, rows);
    const view = r.units.map((u) => [u.name, u.total, u.vetoed, u.rank, u.mark, u.grade, u.award, u.reward, u.fines]);
    expect(view).toEqual([
      ["甲", 95, false, 1, "龙榜", "优秀", "一等奖", 1000 + 300 + 2000, 100],
      ["乙", 90, true, 5, "否决", "不合格", "", 0, 200],
      ["丙", 85, false, 2, "", "合格", "二等奖", 500 + 2000, 0],
      ["丁", 85, false, 2, "", "合格", "二等奖", 500 + 300, 0],
      ["戊", 70, true, 6, "否决", "不合格", "", 0, 100],
      ["己", 60, false, 4, "虎榜", "合格", "", -100, 0],
      ["庚", 88, false, 1, "龙榜", "合格", "二等奖", 1000 + 300, 0],
    ]);
    expect(r.details[1]).toMatchObject({ competing: false, vetoReasons: ["否决"], placeFromBottom: null });
    expect(r.details[1].rewards.map((x) => x.text)).toEqual(["否决一票否决，不参加评奖、不享受奖励", "缺签 2次×100 −200"]);
    expect(r.details[0].rewards.map((x) => x.text)).toEqual([
      "名次第1名 +1000",
      "参保率 95% ≥ 90% +300",
      "上年第9名→第1名，进步8名 ≥ 3名 +2000",
      "缺签 1次×100 −100",
    ]);
    expect(r.details[5].rewards.map((x) => x.text)).toEqual(["名次倒数第1名 −100"]);
  });

  test("exclude with dense ranking: the vetoed ranks continue after the last dense rank", () => {
    const r = run(parts({ ranking: { dense: true } }), header, rows);
    expect(r.units.map((u) => u.rank)).toEqual([1, 4, 2, 2, 5, 3, 1]);
  });

  test("zero: a vetoed unit's total becomes 0 and it takes part like any other (but is marked 否决)", () => {
    const r = run(parts({ vetoMode: "zero" }), header, rows);
    const view = r.units.map((u) => [u.name, u.total, u.rank, u.mark, u.grade, u.award, u.reward]);
    expect(view).toEqual([
      ["甲", 95, 1, "龙榜", "优秀", "一等奖", 1000 + 300 + 2000],
      ["乙", 0, 5, "否决", "不合格", "", -100 + 300],
      ["丙", 85, 2, "", "合格", "二等奖", 500 + 2000],
      ["丁", 85, 2, "", "合格", "二等奖", 500 + 300],
      ["戊", 0, 5, "否决", "不合格", "", -100 + 300],
      ["己", 60, 4, "", "合格", "", 0],
      ["庚", 88, 1, "龙榜", "合格", "二等奖", 1000 + 300],
    ]);
    // 乙 and 戊 share the last place, so both get the −1 tier's fine; they are marked 否决 all the same.
    expect(r.details[1].rewards.map((x) => x.text)).toEqual(["名次倒数第1名 −100", "参保率 99% ≥ 90% +300", "缺签 2次×100 −200"]);
    expect(r.units[1].reward).toBe(200);
  });

  test("an unrecognised veto flag is an error naming the cell", () => {
    const bad = rows.map((r) => [...r]);
    bad[2][3] = "大概";
    const r = run(parts({}), header, bad);
    expect(r.details[2].errors).toEqual(["表!D4：无法识别的否决标记“大概”（应为 是/否、√/×、1/0）"]);
  });

  test("without a group column all units are one group", () => {
    const r = run(parts({ data: { sheet: "表", headerRow: 1, name: "单位" } }), header, rows);
    expect(r.units.map((u) => [u.group, u.rank])).toEqual([
      ["", 1],
      ["", 6],
      ["", 3],
      ["", 3],
      ["", 7],
      ["", 5],
      ["", 2],
    ]);
  });

  test("several veto columns: the reasons are listed", () => {
    const s = scheme({
      indicators: [{ name: "分", column: "分", method: "points", points: 100 }],
      vetoes: ["计生", "安全"],
    });
    const r = run(
      s,
      ["单位", "分", "计生", "安全"],
      [
        ["甲", 90, "是", "√"],
        ["乙", 80, "否", "×"],
      ],
    );
    expect(r.details[0].vetoReasons).toEqual(["计生", "安全"]);
    expect(r.units.map((u) => [u.rank, u.mark])).toEqual([
      [2, "否决"],
      [1, "龙榜"],
    ]);
  });

  test("rewards by threshold on plain numbers, improvement tiers, fines by day", () => {
    const s = scheme({
      indicators: [{ name: "分", column: "分", method: "points", points: 100 }],
      rewards: {
        byThreshold: {
          column: "招商",
          tiers: [
            [500, 200],
            [1000, 800],
          ],
        },
        byImprovement: {
          column: "上年名次",
          tiers: [
            [5, 10000],
            [-3, -500],
          ],
        },
      },
      fines: [
        { column: "旷工天数", amount: 200 },
        { column: "迟到", amount: 20 },
      ],
    });
    const r = run(
      s,
      ["单位", "分", "招商", "上年名次", "旷工天数", "迟到"],
      [
        ["甲", 90, 1200, 7, 1.5, 2],
        ["乙", 80, 600, 1, 0, 0],
        ["丙", 70, null, null, 0, 0],
      ],
    );
    expect(r.details.map((d) => d.rewards.map((x) => x.text))).toEqual([
      ["招商 1200 ≥ 1000 +800", "上年名次第7名→第1名，进步6名 ≥ 5名 +10000", "旷工 1.5天×200 −300", "迟到 2×20 −40"],
      ["招商 600 ≥ 500 +200", "上年名次第1名→第2名，进步-1名 ≥ -3名 −500"],
      [],
    ]);
    expect(r.units.map((u) => [u.reward, u.fines])).toEqual([
      [10800, 340],
      [-300, 0],
      [0, 0],
    ]);
  });

  test("the default leaderboard is 3 and 3; top and bottom overlap in small groups (龙榜 wins)", () => {
    const s = scheme({ indicators: [{ name: "分", column: "分", method: "points", points: 100 }] });
    const r = run(
      s,
      ["单位", "分"],
      [90, 80, 70, 60, 50, 40, 30].map((x, i) => [`单位${i}`, x]),
    );
    expect(r.units.map((u) => u.mark)).toEqual(["龙榜", "龙榜", "龙榜", "", "虎榜", "虎榜", "虎榜"]);
    const small = run(
      s,
      ["单位", "分"],
      [
        ["甲", 90],
        ["乙", 80],
      ],
    );
    expect(small.units.map((u) => u.mark)).toEqual(["龙榜", "龙榜"]);
  });

  test("without grades, awards and rewards those fields are empty", () => {
    const s = scheme({ indicators: [{ name: "分", column: "分", method: "points", points: 100 }] });
    const r = run(s, ["单位", "分"], [["甲", 90]]);
    expect(r.units[0]).toMatchObject({ grade: "", award: "", reward: 0, fines: 0, rank: 1 });
    expect(r.details[0].rewards).toEqual([]);
  });
});

describe("step 9: progress", () => {
  const s = scheme({
    indicators: [{ name: "分", column: "分", method: "points", points: 100 }],
    progress: { done: "已完成", task: "任务" },
  });

  test("completion, required, gap and rank at stage k", () => {
    const r = run(
      s,
      ["单位", "分", "已完成", "任务"],
      [
        ["甲", 90, 40, 100],
        ["乙", 80, 75, 100],
        ["丙", 70, 0, 7],
      ],
      3,
    );
    expect(r.progress?.units.map((p) => [p.completion, p.required, p.gap, p.met, p.rank])).toEqual([
      [0.4, 0.7, 30, false, 2],
      [0.75, 0.7, 0, true, 1],
      [0, 0.7, 5, false, 3],
    ]);
    expect(r.progress?.totals).toEqual([{ group: "", done: 115, task: 207, completion: 115 / 207 }]);
  });

  test("blank, unreadable and zero tasks", () => {
    const r = run(
      s,
      ["单位", "分", "已完成", "任务"],
      [
        ["甲", 90, null, 100],
        ["乙", 80, "很多", 100],
        ["丙", 70, 5, 0],
        ["丁", 60, 50, 100],
      ],
      1,
    );
    expect(r.progress?.units.map((p) => [p.completion, p.gap, p.rank])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [0.5, 0, 1],
    ]);
    expect(r.problems).toEqual(["表!C3：无法识别的数值“很多”", "表!D4：任务数应大于 0，而不是 0"]);
  });

  test("a stage out of range, or a stage without progress in the scheme, is a SchemeError", () => {
    expect(() => run(s, ["单位", "分", "已完成", "任务"], [["甲", 1, 1, 1]], 6)).toThrow(
      new SchemeError(["调度阶段应为 1 到 5 的整数，而不是 6（方案的“各阶段要求”有 5 个阶段）"]),
    );
    const plain = scheme({ indicators: [{ name: "分", column: "分", method: "points", points: 100 }] });
    expect(() => run(plain, ["单位", "分"], [["甲", 1]], 1)).toThrow(SchemeError);
    expect(run(s, ["单位", "分", "已完成", "任务"], [["甲", 1, 1, 1]]).progress).toBeUndefined();
  });
});

describe("columns", () => {
  test("a missing column is a SchemeError before anything is scored", () => {
    const s = scheme({ indicators: [{ name: "参保率", column: "参保率(%)", method: "target", points: 100, target: 0.9 }] });
    expect(() => run(s, ["单位", "参保率"], [["甲", 0.9]])).toThrow("方案第1个指标（参保率）：数据列“参保率(%)”在“表”中不存在");
  });

  test("columns by letter", () => {
    const s = scheme({ indicators: [{ name: "分", column: "B", method: "points", points: 100 }] });
    expect(run(s, ["单位", "得分"], [["甲", 88]]).units[0].total).toBe(88);
  });
});
