/**
 * Golden results for the sample (samples/village-assessment.csv scored by samples/village-assessment.scheme.json).
 * Checked by hand against SPEC §3 once, and independently recomputed; kept as literal values.
 *
 * Worked by hand (行政村 has 14 units; the best 税收 in 行政村 is 牛颈村's 324; 社区's best is 龙湾社区's 295.3):
 *
 * 牛颈村 (normal): 党建 19.6 · 常规 16.2 · 参保率 15×0.805/0.91 = 13.2692 · 出生率 14.1 > 14: ⌈0.1/1⌉ = 1 step, 10 − 2 = 8
 *   · 招商 900: 10×(0.6 + 0.4×900/1000) = 9.6 · 民调 良: 5×0.8 = 4 · 税收 324/324×10 = 10 · 信访 7th: 10 − 6×0.5 = 7
 *   subtotal 87.6692; bonus min(6, 5) = 5; deduction 1; coefficient 1 → 91.6692 → 91.67.
 *   Best of the 12 competing 行政村 units → rank 1, 龙榜, 优秀 (≥ 90), 一等奖 (≥ 85, 1 place).
 *   Reward: rank 1 → 1000; 参保率 0.805 < 0.91 → 0; 上年 13th − 1 = 12 ≥ 5 → 10000; total 11000.
 *   Fines: 缺签 0, 旷工 1×200 = 200.
 *
 * 黄塘村 (vetoed, 计生否决 是): 党建 19.5 · 常规 14 · 参保率 0.973/0.91 > 1 → 15 · 出生率 14.6: 1 step → 8
 *   · 招商 1200: 0.6 + 0.48 = 1.08 → clamped to 10 · 民调 良 4 · 税收 254/324×10 = 7.8395 · 信访 12th: 10 − 5.5 = 4.5
 *   subtotal 82.8395; bonus 1; deduction 0; coefficient 1 → 83.8395 → 83.84 (kept: vetoMode exclude).
 *   Out of the competition: the 12 competing units take ranks 1–12; the vetoed ones follow by total:
 *   黄塘村 83.84 → 13, 下围村 80.27 → 14. Mark 否决, grade 不合格 (the last grade), no award, reward 0; fines 0.
 *
 * 新联村 (coefficient 1.05, tied with 东坑村 whose row is identical): 党建 18.6 · 常规 13 · 参保率 0.92/0.91 > 1 → 15
 *   · 出生率 15.6: ⌈1.6⌉ = 2 steps → 10 − 4 = 6 · 招商 1200 → 10 · 民调 差: 5×0.4 = 2 · 税收 96.6/324×10 = 2.9815
 *   · 信访 11th: 10 − 5 = 5. subtotal 72.5815; bonus 0; deduction 2 → 70.5815 × 1.05 = 74.1106 → 74.11.
 *   Competing totals below it: 凤岗村 73.83, 西牛村 73.18 → both tied units rank 9 (competition ranking), and
 *   their place from the bottom is 1 + 2 = 3 ≤ 3 → 虎榜. Grade 合格 (60–80). Award: 三等奖's 3 places went to
 *   水口村, 上坑村, 高岗村 → none. Reward: rank 9 and place 3 match no rank tier; 参保率 0.92 ≥ 0.91 → 1000;
 *   上年 6th − 9 = −3 → 0; total 1000. Fines: 旷工 2×200 = 400.
 *
 * 下围村 (vetoed, 安全事故 √, coefficient 0.95): subtotal 19.6 + 18.7 + 13.3352 + 4 (16.4: 3 steps) + 9.2 + 4
 *   + 7.6574 + 3 = 79.4926; + min(6, 5) − 0 = 84.4926 × 0.95 = 80.268 → 80.27. Rank 14 (see above), 否决,
 *   不合格, no award, reward 0, but fines still apply: 缺签 3×100 + 旷工 2×200 = 700.
 *
 * 社区 is its own group of two: 龙湾社区 83.81 rank 1 (1000), 大坪社区 81.77 rank 2 (500; a matching positive tier
 * beats the −1 "last place" tier); both within the top 3 → 龙榜; neither reaches 一等奖's 85 → both 二等奖.
 */
import * as fs from "fs";
import * as path from "path";
import { parseScheme } from "../../../src/core/scheme/parse";
import { readDataTable } from "../../../src/core/data-table";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { sampleSchemeJson, sampleValues } from "./sample";

function score(asText = false) {
  const { scheme } = parseScheme(sampleSchemeJson());
  return scoreUnits(scheme, readDataTable(sampleValues("village-assessment.csv", asText), scheme.data), { stage: 3 });
}

// name, group, total, rank, mark, grade, award, reward, fines
const GOLDEN: [string, string, number, number, string, string, string, number, number][] = [
  ["牛颈村", "行政村", 91.67, 1, "龙榜", "优秀", "一等奖", 11000, 200],
  ["西牛村", "行政村", 73.18, 12, "虎榜", "合格", "", 800, 0],
  ["麻竹村", "行政村", 87.51, 2, "龙榜", "良好", "二等奖", 11500, 300],
  ["黄塘村", "行政村", 83.84, 13, "否决", "不合格", "", 0, 0],
  ["石门村", "行政村", 78.59, 7, "", "合格", "", 0, 500],
  ["新联村", "行政村", 74.11, 9, "虎榜", "合格", "", 1000, 400],
  ["大坪社区", "社区", 81.77, 2, "龙榜", "良好", "二等奖", 500, 600],
  ["上坑村", "行政村", 80.64, 5, "", "良好", "三等奖", 10000, 100],
  ["下围村", "行政村", 80.27, 14, "否决", "不合格", "", 0, 700],
  ["高岗村", "行政村", 79.76, 6, "", "合格", "三等奖", 0, 0],
  ["长岭村", "行政村", 76.95, 8, "", "合格", "", 1000, 200],
  ["白沙村", "行政村", 86.76, 3, "龙榜", "良好", "二等奖", 1500, 200],
  ["水口村", "行政村", 84.7, 4, "", "良好", "三等奖", 11000, 200],
  ["龙湾社区", "社区", 83.81, 1, "龙榜", "良好", "二等奖", 1000, 300],
  ["凤岗村", "行政村", 73.83, 11, "虎榜", "合格", "", 1000, 0],
  ["东坑村", "行政村", 74.11, 9, "虎榜", "合格", "", 1000, 400],
];

const REWARD_LINES: Record<string, string[]> = {
  牛颈村: ["名次第1名 +1000", "上年名次第13名→第1名，进步12名 ≥ 5名 +10000", "旷工 1天×200 −200"],
  西牛村: ["名次倒数第1名 −200", "参保率 97.7% ≥ 91% +1000"],
  麻竹村: ["名次第2名 +500", "参保率 94.7% ≥ 91% +1000", "上年名次第12名→第2名，进步10名 ≥ 5名 +10000", "缺签 3次×100 −300"],
  黄塘村: ["计生否决一票否决，不参加评奖、不享受奖励"],
  石门村: ["缺签 3次×100 −300", "旷工 1天×200 −200"],
  新联村: ["参保率 92% ≥ 91% +1000", "旷工 2天×200 −400"],
  大坪社区: ["名次第2名 +500", "缺签 2次×100 −200", "旷工 2天×200 −400"],
  上坑村: ["上年名次第15名→第5名，进步10名 ≥ 5名 +10000", "缺签 1次×100 −100"],
  下围村: ["安全事故一票否决，不参加评奖、不享受奖励", "缺签 3次×100 −300", "旷工 2天×200 −400"],
  高岗村: [],
  长岭村: ["参保率 94.9% ≥ 91% +1000", "缺签 2次×100 −200"],
  白沙村: ["名次第3名 +500", "参保率 92.5% ≥ 91% +1000", "旷工 1天×200 −200"],
  水口村: ["参保率 96.3% ≥ 91% +1000", "上年名次第14名→第4名，进步10名 ≥ 5名 +10000", "缺签 2次×100 −200"],
  龙湾社区: ["名次第1名 +1000", "缺签 3次×100 −300"],
  凤岗村: ["参保率 96.3% ≥ 91% +1000"],
  东坑村: ["参保率 92% ≥ 91% +1000", "旷工 2天×200 −400"],
};

describe("the sample, scored", () => {
  const result = score();

  test("every unit's total, rank, mark, grade, award, reward and fines", () => {
    expect(result.problems).toEqual([]);
    expect(result.units.map((u) => [u.name, u.group, u.total, u.rank, u.mark, u.grade, u.award, u.reward, u.fines])).toEqual(GOLDEN);
  });

  test("the hand-worked units in detail", () => {
    const niu = result.units[0];
    expect(niu.scores.参保率).toBeCloseTo(13.269230769, 8);
    expect(niu).toMatchObject({ subtotal: expect.closeTo(87.669230769, 8), bonus: 5, deduction: 1, coefficient: 1, vetoed: false, missing: [] });
    expect(niu.scores).toMatchObject({ 党建工作: 19.6, 常规工作: 16.2, 出生率: 8, 招商引资: 9.6, 群众满意: 4, 财税: 10, 信访: 7 });
    const huang = result.units[3];
    expect(huang).toMatchObject({ vetoed: true, subtotal: expect.closeTo(82.839506173, 8), bonus: 1, deduction: 0 });
    expect(huang.scores).toMatchObject({ 参保率: 15, 出生率: 8, 招商引资: 10, 信访: 4.5 });
    expect(result.details[3]).toMatchObject({ row: 5, vetoReasons: ["计生否决"], competing: false, placeFromBottom: null });
    const xin = result.units[5];
    expect(xin).toMatchObject({ subtotal: expect.closeTo(72.581481481, 8), bonus: 0, deduction: 2, coefficient: 1.05 });
    expect(xin.scores).toMatchObject({ 参保率: 15, 出生率: 6, 群众满意: 2, 信访: 5 });
    expect(result.details[5].placeFromBottom).toBe(3);
    expect(result.units[8]).toMatchObject({ vetoed: true, coefficient: 0.95, subtotal: expect.closeTo(79.492572243, 8) });
    expect(result.details[8].vetoReasons).toEqual(["安全事故"]);
  });

  test("every reward and fine with its basis, summing to reward − fines", () => {
    for (const [i, u] of result.units.entries()) {
      const d = result.details[i];
      expect(d.rewards.map((x) => x.text)).toEqual(REWARD_LINES[u.name]);
      expect(d.rewards.reduce((s, x) => s + x.amount, 0)).toBe(u.reward - u.fines);
    }
  });

  test("stage 3 progress (70% required)", () => {
    const p = result.progress;
    expect(p?.stage).toBe(3);
    expect(p?.required).toBe(0.7);
    expect(p?.units[0]).toEqual({
      name: "牛颈村",
      group: "行政村",
      done: 332,
      task: 413,
      completion: 332 / 413,
      required: 0.7,
      gap: 0,
      met: true,
      rank: 13,
      mark: "虎榜",
    });
    expect(p?.totals[0]).toEqual({ group: "", done: 10895, task: 12100, completion: 10895 / 12100 });
    expect(p?.totals.map((t) => t.group)).toEqual(["", "行政村", "社区"]);
  });

  test("samples/village-assessment.expected.json (the `kh score --json` output to expect) is these results", () => {
    const file = path.join(__dirname, "../../../samples/village-assessment.expected.json");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(result.units);
  });

  test("the same data with every cell as text scores the same", () => {
    const text = score(true);
    expect(text.units).toEqual(result.units);
    expect(text.problems).toEqual([]);
  });
});
