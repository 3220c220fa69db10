/**
 * 解释 of the §3.1 inputs: every cell read with its address, on other sheets too, and each ledger entry with its
 * date and reason. The unit 甲: 完成 40 on the data sheet, 平时 60 on sheet 1月 (w 0.5), 任务 100 → (30 + 20)/100
 * = 0.5 against target 1 → 10 × 0.5 = 5; votes 8/2/0 → 10 × 9.2/10 = 9.2; ledger +2 (好人好事, 2025-01-01), −3 (迟报).
 * 乙's votes 1/1/1 → 10 × 1.6/3 = 5.33, the lowest 评议: 单项末位.
 */
import { explainScore } from "../../src/core/explain";
import { parseScheme } from "../../src/core/scheme/parse";
import { readDataTable } from "../../src/core/data-table";
import { scoreUnits } from "../../src/core/scoring/score-units";
import { workbookData } from "../../src/core/scoring/other-sheets";

const scheme = parseScheme({
  name: "测",
  data: { sheet: "表", name: "单位" },
  indicators: [
    { name: "完成率", column: "完成", method: "target", target: 1, per: "任务", periodic: ["1月!平时"], periodicWeight: 0.5, points: 10 },
    { name: "评议", method: "vote", columns: ["满意", "基本满意", "不满意"], points: 10 },
    { name: "其他", column: "其他", method: "points", points: 80 },
  ],
  ledger: { sheet: "台账", unit: "单位", points: "分值", reason: "事由", date: "日期" },
  disqualifyLast: ["评议"],
}).scheme;
const table = readDataTable(
  [
    ["单位", "完成", "任务", "满意", "基本满意", "不满意", "其他"],
    ["甲", 40, 100, 8, 2, 0, 70],
    ["乙", 50, 100, 1, 1, 1, 70],
  ],
  scheme.data
);
const workbook = workbookData({
  "1月": [["1月"], ["单位", "平时"], ["甲", 60]],
  台账: [
    ["日期", "单位", "分值", "事由"],
    [45658, "甲", 2, "好人好事"],
    ["2025-02-03", "甲", -3, "迟报"],
  ],
});
const result = scoreUnits(scheme, table, { workbook });
const ctx = { scheme, table, result, workbook };

test("an indicator with periodic values on another sheet and per: every cell, then read → blend → per → method", () => {
  const e = explainScore(ctx, 0, "完成率")!;
  expect(e.value).toBe(5);
  expect(e.inputs.map((i) => i.text)).toEqual(["表!B2 = 40", "表!C2（分母列“任务”）= 100", "1月!B3（平时成绩列）= 60"]);
  expect(e.lines).toEqual([
    "平时成绩 60 的平均 = 60",
    "年终、平时并举：0.5 × 60 + (1 − 0.5) × 40 = 50",
    "除以分母“任务”：50 ÷ 100 = 0.5",
    "完成率 = 0.5 ÷ 1 = 50%",
    "10 × min(0.5 ÷ 1, 1) = 5",
  ]);
});

test("a unit absent from the other sheet: said so, and the year-end value alone", () => {
  const e = explainScore(ctx, 1, "完成率")!;
  expect(e.inputs.map((i) => i.text)).toContain("平时成绩列（1月!平时）：该单位不在“1月”中");
  expect(e.lines[0]).toBe("没有平时成绩：取年终值 50");
});

test("vote: each count with its cell and the weighted sum", () => {
  const e = explainScore(ctx, 0, "评议")!;
  expect(e.inputs.map((i) => i.cell)).toEqual(["表!D2", "表!E2", "表!F2"]);
  expect(e.lines).toEqual(["民主评议：10 × (8×1 + 2×0.6 + 0×0) ÷ 10 票 = 9.2"]);
});

test("加分 and 扣分 list each ledger entry with its cell, date and reason", () => {
  const bonus = explainScore(ctx, 0, "加分")!;
  expect(bonus.value).toBe(2);
  expect(bonus.inputs.map((i) => i.text)).toEqual(["台账!C2（2025-01-01 好人好事）+2"]);
  const deduction = explainScore(ctx, 0, "扣分")!;
  expect(deduction.inputs.map((i) => i.text)).toEqual(["台账!C3（2025-02-03 迟报）−3"]);
  expect(deduction.value).toBe(3);
});

test("名次 of a 单项末位 unit (乙's 评议 10 × 1.6/3 is the lowest): rank kept, no award or reward", () => {
  const e = explainScore(ctx, 1, "名次")!;
  expect(e.lines[e.lines.length - 1]).toBe("单项末位（评议为本组最低）：保留名次，不评奖、不享受奖励");
});
