/**
 * SPEC §3.1 (scheme version 2), rule by rule, on small tables worked by hand.
 *
 * Rates (per) and per-unit targets — 参保率 = 已参保户数 ÷ 任务户数 against 0.91, 15 points:
 *   甲 91 / 100 = 0.91 → 15 × min(0.91/0.91, 1) = 15;  乙 80 / 100 = 0.8 → 15 × 0.8/0.91 = 13.186813…;
 *   丙 50 / 0 → per ≤ 0: an error naming 表!C4, scored 0.
 * Per-unit target — 完成 against the unit's own 任务 (10 points): 甲 45/50 → 9; 乙 60/50 → capped 10;
 *   丙 任务 blank → error naming 表!C4; 丁 任务 “五十” → unreadable, error naming 表!C5.
 * Per-unit limit and efficacy: limit 14 in 甲's row, value 15 → 10 × 14/15 = 9.333…;
 *   good 12 / bad 6 in 甲's row, value 9 → 10 × (0.6 + 0.4 × 3/6) = 8.
 * 民主评议 (vote, 10 points, weights 1/0.6/0): 甲 8/2/0 → 10 × 9.2/10 = 9.2; 乙 5/blank/5 → 10 × 5/10 = 5;
 *   丙 no votes → 0 and missing. Two columns with weights 1/0.5: 3/1 → 10 × 3.5/4 = 8.75.
 * 年终、平时并举 (points 100, w 0.4): 甲 年终 70, 平时 80 & 90 → 0.4 × 85 + 0.6 × 70 = 76; 乙 平时 blank → 70;
 *   丙 平时 80 & blank → 0.4 × 80 + 0.6 × 70 = 74; 丁 年终 blank → 0 and missing.
 * Read → blend → per → method: 完成 40, 平时完成 60 (w 0.5), 任务 100, target 1, 10 points →
 *   (0.5 × 60 + 0.5 × 40) / 100 = 0.5 → 5.
 * Other sheets: units 1组, 2组, 3组; sheet 1月 has a title row, then 单位|党建 with “２组” 18 and “ 1组 ” 20 →
 *   1组 20, 2组 18, 3组 absent → 0 and missing. Sheet 2月 declared headerRow 3, name 村名.
 * Ledger (台账: 日期|单位|分值|事由), bonus column 加分 with cap 2, no deduction column:
 *   甲 加分 1 + 台账 +2 → min(3, 2) = 2; 台账 −3 → deduction 3; 乙 台账 −1.5 → deduction 1.5.
 * 单项末位 (计生, 安全; one group; 安全 of the vetoed 戊 counts):
 *   甲 10+9 = 19, 乙 8+10 = 18, 丙 8+7 = 15, 丁 9+8 = 17, 戊 9+5 = 14 vetoed.
 *   计生 lowest 8 → 乙, 丙 (tie); 安全 lowest 5 → 戊. Awards 一等奖 ×1, 二等奖 ×1 pass over 乙 to 甲 and 丁.
 *   byRank 1 → 1000, −1 → −200: 甲 +1000; 丙 (last) would get −200 but is disqualified → 0; 丙's fine 2 × 100 stays.
 * 报酬 (base 1500, amount 2000, full 100, pass 60, collective column 集体), byRank 1 → 1000, −1 → −200:
 *   A 85 rank 1: 1500 + 1700 + 1000 + 300 = 4500;  D 70 rank 2: 1500 + 1400 + 0 + blank 0 = 2900;
 *   B 55 rank 3 (last, below pass): 1500 + 0 − 200 + 100 = 1400 (fine 100 not subtracted);
 *   C 90 vetoed (exclude): 1500 + 0 + 0 + 50 = 1550. Zero mode: C total 0, rank 4 → 1500 + 0 − 200 + 50 = 1350,
 *   and B (rank 3, no longer last) 1500 + 0 + 0 + 100 = 1600.
 */
import fc from "fast-check";
import { parseScheme } from "../../../src/core/scheme/parse";
import { SchemeError } from "../../../src/core/scheme/errors";
import { Scheme } from "../../../src/core/scheme/types";
import { DataError, readDataTable } from "../../../src/core/data-table";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { workbookData } from "../../../src/core/scoring/other-sheets";
import { sheetsNeeded } from "../../../src/core/scoring/sources";
import { Cell } from "../../../src/core/values";

type Grid = Cell[][];

function scheme(parts: Record<string, unknown>): Scheme {
  return parseScheme({ name: "测试", data: { sheet: "表", headerRow: 1, name: "单位" }, ...parts }).scheme;
}

function run(s: Scheme, data: Grid, others: Record<string, Grid> = {}) {
  return scoreUnits(s, readDataTable(data, s.data), { workbook: workbookData(others) });
}

const one = (ind: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  scheme({ indicators: [{ name: "指标", column: "值", points: 10, ...ind }], ...more });

describe("per-unit parameters and rates", () => {
  test("per: the value divided by the unit's per value before the method; per ≤ 0 is an error naming the cell", () => {
    const s = one({ column: "已参保户数", per: "任务户数", method: "target", target: 0.91, points: 15 });
    const r = run(s, [
      ["单位", "已参保户数", "任务户数"],
      ["甲", 91, 100],
      ["乙", 80, 100],
      ["丙", 50, 0],
    ]);
    expect(r.units[0].scores.指标).toBeCloseTo(15, 12);
    expect(r.units[1].scores.指标).toBeCloseTo((15 * 0.8) / 0.91, 12);
    expect(r.units[2].scores.指标).toBe(0);
    expect(r.problems).toEqual(["表!C4：分母列“任务户数”应大于 0，而不是 0"]);
  });

  test("target from the unit's own column; blank or unreadable is an error for that unit, by cell", () => {
    const s = one({ column: "完成", method: "target", target: { column: "任务" } });
    const r = run(s, [
      ["单位", "完成", "任务"],
      ["甲", 45, 50],
      ["乙", 60, 50],
      ["丙", 30, null],
      ["丁", 30, "五十"],
    ]);
    expect(r.units.map((u) => u.scores.指标)).toEqual([9, 10, 0, 0]);
    expect(r.problems).toEqual(["表!C4：目标值为空", "表!C5：无法识别的数值“五十”"]);
    expect(r.units.every((u) => u.missing.length === 0)).toBe(true);
  });

  test("a per-unit target ≤ 0 is an error naming its cell", () => {
    const r = run(one({ column: "完成", method: "target", target: { column: "任务" } }), [
      ["单位", "完成", "任务"],
      ["甲", 45, 0],
    ]);
    expect(r.problems).toEqual(["表!C2：目标值应大于 0，而不是 0"]);
  });

  test("limit, good and bad per unit", () => {
    const limit = run(one({ method: "limit", limit: { column: "限值" } }), [
      ["单位", "值", "限值"],
      ["甲", 15, 14],
    ]);
    expect(limit.units[0].scores.指标).toBeCloseTo((10 * 14) / 15, 12);
    const eff = run(one({ method: "efficacy", good: { column: "好" }, bad: { column: "差" } }), [
      ["单位", "值", "好", "差"],
      ["甲", 9, 12, 6],
    ]);
    expect(eff.units[0].scores.指标).toBeCloseTo(8, 12);
  });

  test("property: a per-unit target column holding the same number everywhere scores as that number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.integer({ min: -50, max: 2000 }), { minLength: 1, maxLength: 8 }),
        (t, values) => {
          const data: Grid = [["单位", "值", "任务"], ...values.map((v, i) => [`u${i}`, v, t])];
          const a = run(one({ method: "target", target: { column: "任务" }, cap: 1.2 }), data);
          const b = run(one({ method: "target", target: t, cap: 1.2 }), data);
          expect(a.units).toEqual(b.units);
        }
      ),
      { numRuns: 50 }
    );
  });
});

describe("民主评议 (vote)", () => {
  const votes = one({ method: "vote", columns: ["满意", "基本满意", "不满意"] });

  test("VOTESCORE with the default weights; a blank count is 0 votes; no votes → 0 and missing", () => {
    const r = run(votes, [
      ["单位", "满意", "基本满意", "不满意"],
      ["甲", 8, 2, 0],
      ["乙", 5, null, 5],
      ["丙", null, null, ""],
    ]);
    expect(r.units.map((u) => u.scores.指标)).toEqual([9.2, 5, 0]);
    expect(r.units.map((u) => u.missing)).toEqual([[], [], ["指标"]]);
    expect(r.problems).toEqual([]);
  });

  test("other counts of columns with their weights; an unreadable count is an error by cell", () => {
    const s = one({ method: "vote", columns: ["好", "差"], weights: [1, 0.5] });
    const r = run(s, [
      ["单位", "好", "差"],
      ["甲", 3, 1],
      ["乙", "三", 1],
    ]);
    expect(r.units[0].scores.指标).toBeCloseTo(8.75, 12);
    expect(r.problems).toEqual(["表!B3：无法识别的数值“三”"]);
  });

  test("normal form: weights filled, column is the first vote column", () => {
    expect(votes.indicators[0]).toMatchObject({ column: "满意", weights: [1, 0.6, 0], columns: ["满意", "基本满意", "不满意"] });
  });
});

describe("年终、平时并举 (periodic)", () => {
  const s = one({ column: "年终", method: "points", points: 100, periodic: ["平时1", "平时2"], periodicWeight: 0.4 });

  test("w·mean(non-blank periodic) + (1−w)·value; no periodic → the year-end value alone; blank year-end → missing", () => {
    const r = run(s, [
      ["单位", "年终", "平时1", "平时2"],
      ["甲", 70, 80, 90],
      ["乙", 70, null, null],
      ["丙", 70, 80, ""],
      ["丁", null, 80, 90],
    ]);
    expect(r.units.map((u) => u.scores.指标)).toEqual([76, 70, 74, 0]);
    expect(r.units[3].missing).toEqual(["指标"]);
  });

  test("read → blend → per → method", () => {
    const t = one({ column: "完成", method: "target", target: 1, per: "任务", periodic: ["平时完成"], periodicWeight: 0.5 });
    const r = run(t, [
      ["单位", "完成", "平时完成", "任务"],
      ["甲", 40, 60, 100],
    ]);
    expect(r.units[0].scores.指标).toBeCloseTo(5, 12);
  });
});

describe("other sheets (多表汇总)", () => {
  const data: Grid = [["单位"], ["1组"], ["2组"], ["3组"]];
  const jan: Grid = [["2025年1月党建打分"], ["单位", "党建", "得分"], ["２组", 18, 90], [" 1组 ", 20, 80]];

  test("the unit's row by trimmed, full-width-folded name; header row found by the name header; absent → missing", () => {
    const s = scheme({ indicators: [{ name: "党建", column: "1月!党建", method: "points", points: 20 }] });
    expect(sheetsNeeded(s)).toEqual(["1月"]);
    const r = run(s, data, { "1月": jan });
    expect(r.units.map((u) => u.scores.党建)).toEqual([20, 18, 0]);
    expect(r.units.map((u) => u.missing)).toEqual([[], [], ["党建"]]);
  });

  test("declared header row and name column; periodic values from month sheets, an absent unit skipped", () => {
    const feb: Grid = [["2月"], ["（单位：分）"], ["村名", "得分"], ["1组", 60]];
    const s = scheme({
      indicators: [
        { name: "党建", column: "年终", method: "points", points: 100, periodic: ["1月!得分", "2月!得分"], periodicWeight: 0.5 },
      ],
      sheets: { "2月": { headerRow: 3, name: "村名" } },
    });
    const r = run(
      s,
      [
        ["单位", "年终"],
        ["1组", 100],
        ["2组", 100],
        ["3组", 100],
      ],
      { "1月": jan, "2月": feb }
    );
    // 1组: mean(80, 60) = 70 → 0.5·70 + 0.5·100 = 85; 2组: 90 → 95; 3组: none → 100.
    expect(r.units.map((u) => u.scores.党建)).toEqual([85, 95, 100]);
  });

  test("a duplicate name on a month sheet stops the run naming both rows", () => {
    const s = scheme({ indicators: [{ name: "党建", column: "1月!党建", method: "points", points: 20 }] });
    const dup = [...jan, ["2组", 17]];
    expect(() => run(s, data, { "1月": dup })).toThrow(DataError);
    expect(() => run(s, data, { "1月": dup })).toThrow("方案第1个指标（党建）：“1月”中单位“2组”重复：第3行和第5行");
  });

  test("an unknown column or sheet is a SchemeError naming where the scheme uses it", () => {
    const s = scheme({
      indicators: [
        { name: "党建", column: "1月!不存在", method: "points", points: 20 },
        { name: "常规", column: "3月!常规", method: "points", points: 80 },
      ],
    });
    let err: unknown;
    try {
      run(s, data, { "1月": jan });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemeError);
    expect((err as SchemeError).messages).toEqual([
      "方案第1个指标（党建）：数据列“不存在”在“1月”中不存在",
      "方案第2个指标（常规）：工作簿中没有工作表“3月”",
    ]);
  });

  test("property: a column moved onto another sheet, rows shuffled, scores the same", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }), fc.integer(), (values, seed) => {
        const rows = values.map((v, i) => [`单位${i}`, v] as Cell[]);
        const shuffled = [...rows].sort(
          (a, b) => ((String(a[0]).length * seed) % 7) - ((String(b[0]).length * seed) % 7) || (seed % 2 ? -1 : 1)
        );
        const here = run(one({ method: "points" }), [["单位", "值"], ...rows]);
        const there = run(one({ method: "points", column: "月表!值" }), [["单位"], ...rows.map((r) => [r[0]])], {
          月表: [["单位", "值"], ...shuffled],
        });
        expect(there.units).toEqual(here.units);
      }),
      { numRuns: 40 }
    );
  });
});

describe("加减分台账 (ledger)", () => {
  const ledger: Grid = [
    ["加减分台账"],
    ["日期", "单位", "分值", "事由"],
    [45658, "甲", 2, "好人好事"],
    ["2025-02-03", "甲", -3, "迟报材料"],
    [null, "乙", -1.5, "缺会"],
  ];
  const s = scheme({
    indicators: [{ name: "指标", column: "值", method: "points", points: 100 }],
    bonus: { columns: ["加分"], cap: 2 },
    ledger: { sheet: "台账", unit: "单位", points: "分值", reason: "事由", date: "日期" },
  });
  const data: Grid = [
    ["单位", "值", "加分"],
    ["甲", 80, 1],
    ["乙", 80, null],
  ];

  test("positive points to the bonus and negative to the deduction, before the caps; entries kept with date and reason", () => {
    const r = run(s, data, { 台账: ledger });
    expect(r.problems).toEqual([]);
    expect(r.units.map((u) => [u.bonus, u.deduction, u.total])).toEqual([
      [2, 3, 79],
      [0, 1.5, 78.5],
    ]);
    expect(r.details[0].ledger).toEqual([
      { row: 3, cell: "台账!C3", points: 2, reason: "好人好事", date: "2025-01-01" },
      { row: 4, cell: "台账!C4", points: -3, reason: "迟报材料", date: "2025-02-03" },
    ]);
  });

  test("a row naming an unknown unit, a row without a unit, and unreadable points are errors naming the row", () => {
    const bad = [...ledger, ["2025-03-01", "丁", -2, "未知单位"], ["2025-03-02", "", -1, "没写单位"], ["2025-03-03", "乙", "扣两分", "？"]];
    const r = run(s, data, { 台账: bad });
    expect(r.problems).toEqual([
      "“台账”第6行：单位“丁”不是“表”中的单位",
      "“台账”第7行：没有填写单位（分值 -1）",
      "“台账”第8行：无法识别的分值“扣两分”（C8）",
    ]);
  });

  test("a missing ledger sheet or column is a SchemeError", () => {
    expect(() => run(s, data, {})).toThrow("方案的加减分台账（台账）：工作簿中没有工作表“台账”");
    const t = scheme({ ...s, ledger: { sheet: "台账", unit: "单位", points: "分数" } });
    expect(() => run(t, data, { 台账: ledger })).toThrow("方案的加减分台账（台账）的分值列：数据列“分数”在“台账”中不存在");
  });

  test("property: ledger entries count as the bonus and deduction columns would (no caps)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: -20, max: 20 })), { maxLength: 12 }), (events) => {
        const units = ["甲", "乙", "丙"];
        const add = units.map((_, i) => events.filter(([u, p]) => u === i && p > 0).reduce((a, [, p]) => a + p, 0));
        const cut = units.map((_, i) => events.filter(([u, p]) => u === i && p < 0).reduce((a, [, p]) => a + p, 0));
        const columns = scheme({
          indicators: [{ name: "指标", column: "值", method: "points", points: 100 }],
          bonus: { columns: ["加"] },
          deduction: { columns: ["减"] },
        });
        const viaColumns = run(columns, [["单位", "值", "加", "减"], ...units.map((u, i) => [u, 50, add[i], cut[i]])]);
        const viaLedger = run(
          scheme({
            indicators: [{ name: "指标", column: "值", method: "points", points: 100 }],
            ledger: { sheet: "台账", unit: "单位", points: "分值" },
          }),
          [["单位", "值"], ...units.map((u) => [u, 50])],
          { 台账: [["单位", "分值"], ...events.map(([u, p]) => [units[u], p])] }
        );
        expect(viaLedger.units.map((u) => [u.bonus, u.deduction, u.total])).toEqual(
          viaColumns.units.map((u) => [u.bonus, u.deduction, u.total])
        );
      }),
      { numRuns: 50 }
    );
  });
});

describe("单项末位 (disqualifyLast)", () => {
  const s = scheme({
    indicators: [
      { name: "计生", column: "计生", method: "points", points: 10 },
      { name: "安全", column: "安全", method: "points", points: 10 },
    ],
    vetoes: ["否决"],
    disqualifyLast: ["计生", "安全"],
    awards: [
      ["一等奖", 1, 0],
      ["二等奖", 1, 0],
    ],
    rewards: {
      byRank: [
        [1, 1000],
        [-1, -200],
      ],
    },
    fines: [{ column: "缺签次数", amount: 100 }],
  });
  const data: Grid = [
    ["单位", "计生", "安全", "否决", "缺签次数"],
    ["甲", 10, 9, "否", 0],
    ["乙", 8, 10, "否", 0],
    ["丙", 8, 7, "否", 2],
    ["丁", 9, 8, "否", 0],
    ["戊", 9, 5, "是", 0],
  ];

  test("lowest of the group (vetoed units counting, ties included): no award (it passes on), reward 0, fines stay", () => {
    const r = run(s, data);
    const by = Object.fromEntries(r.units.map((u) => [u.name, u]));
    expect(r.units.map((u) => u.disqualified)).toEqual([[], ["计生"], ["计生"], [], ["安全"]]);
    expect(r.units.map((u) => [u.total, u.rank])).toEqual([
      [19, 1],
      [18, 2],
      [15, 4],
      [17, 3],
      [14, 5],
    ]);
    expect([by.甲.award, by.乙.award, by.丁.award, by.丙.award]).toEqual(["一等奖", "", "二等奖", ""]);
    expect(r.units.map((u) => u.reward)).toEqual([1000, 0, 0, 0, 0]);
    expect(by.丙.fines).toBe(200);
    expect(by.丙.mark).toBe("虎榜");
    expect(r.details[2].rewards.map((x) => x.text)).toEqual(["单项末位：计生，取消评奖、不享受奖励", "缺签 2次×100 −200"]);
  });

  test("an unknown indicator name is an error naming the field", () => {
    expect(() => scheme({ ...s, disqualifyLast: ["计划生育"] })).toThrow(
      "方案的单项末位：“第1项”（disqualifyLast[0]）“计划生育”不是方案中的指标（应填指标名称：计生、安全）"
    );
  });

  test("property: a disqualified unit never has an award or a reward", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 9 }),
        (rows) => {
          const r = run(s, [data[0], ...rows.map(([a, b], i) => [`u${i}`, a, b, "否", 0])]);
          for (const u of r.units) if (u.disqualified.length) expect([u.award, u.reward]).toEqual(["", 0]);
          expect(r.units.some((u) => u.disqualified.length)).toBe(true);
        }
      ),
      { numRuns: 50 }
    );
  });
});

describe("报酬 (pay)", () => {
  const pay = (vetoMode: string, base: unknown = 1500) =>
    scheme({
      indicators: [{ name: "指标", column: "值", method: "points", points: 100 }],
      vetoes: ["否决"],
      vetoMode,
      rewards: {
        byRank: [
          [1, 1000],
          [-1, -200],
        ],
      },
      fines: [{ column: "缺签次数", amount: 100 }],
      pay: { base, amount: 2000, full: 100, pass: 60, collective: "集体" },
    });
  const data: Grid = [
    ["单位", "值", "否决", "集体", "缺签次数", "基础"],
    ["A", 85, "", 300, 0, 1500],
    ["B", 55, "", 100, 1, 1500],
    ["C", 90, "是", 50, 0, null],
    ["D", 70, "", null, 0, 1500],
  ];

  test("base + PERFPAY + reward + collective; vetoed: no performance part (exclude); fines not subtracted", () => {
    const r = run(pay("exclude"), data);
    expect(r.units.map((u) => u.pay)).toEqual([4500, 1400, 1550, 2900]);
    expect(r.details[0].pay).toEqual({ base: 1500, performance: 1700, reward: 1000, collective: 300, total: 4500 });
  });

  test("zero mode: the vetoed unit's total is 0 and it keeps its rewards", () => {
    const r = run(pay("zero"), data);
    expect(r.units.map((u) => u.pay)).toEqual([4500, 1600, 1350, 2900]);
  });

  test("a per-unit base: a blank cell is an error naming it", () => {
    const r = run(pay("exclude", { column: "基础" }), data);
    expect(r.problems).toEqual(["表!F4：基础报酬为空"]);
    expect(r.units[0].pay).toBe(4500);
  });

  test("normal form: defaults filled, a text collective is a column; no pay → no pay field", () => {
    expect(pay("exclude").pay).toEqual({ base: 1500, amount: 2000, full: 100, pass: 60, collective: { column: "集体" } });
    expect(scheme({ indicators: [{ name: "x", column: "值", method: "points", points: 100 }], pay: { amount: 1 } }).pay).toEqual({
      base: 0,
      amount: 1,
      full: 100,
      pass: 0,
    });
    expect(
      run(one({ method: "points" }), [
        ["单位", "值"],
        ["甲", 1],
      ]).units[0]
    ).not.toHaveProperty("pay");
  });
});
