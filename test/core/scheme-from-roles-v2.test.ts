/**
 * The pane's 方案 tab for scheme version 2 (SPEC §3.1): guesses from headers (满意/基本满意/不满意 → 评议票数 with
 * weights 1, 0.6, 0; 平时党建 → 平时成绩 of 党建; 已参保户数 and 任务户数 with no 率 column → 已参保户数 scored as a
 * rate ÷ 任务户数; 集体经济奖金 → 报酬's collective part), from other sheets (a sheet with 事由 and 单位 → the ledger;
 * 1月, 2月 with the same units → the indicator's periodic columns there), the draft built into a valid v2 scheme
 * that scores, the roles' problems named by column, and a v2 scheme back onto the draft and out again unchanged.
 */
import {
  draftFromScheme,
  draftFromTable,
  schemeFromDraft,
  setColumnRole,
  updateColumn,
  SchemeDraft,
} from "../../src/core/scheme-from-roles";
import { detectTable } from "../../src/core/table-detect";
import { parseScheme } from "../../src/core/scheme/parse";
import { problemsOf } from "./scheme/scheme-messages";
import { readDataTable } from "../../src/core/data-table";
import { scoreUnits } from "../../src/core/scoring/score-units";
import { workbookData } from "../../src/core/scoring/other-sheets";
import { guessLedger, guessMonthColumns, monthOf, SheetTable } from "../../src/core/v2-guess";
import type { Cell } from "../../src/core/values";
import { WORKED_SCHEME, WORKED_SHEETS } from "./sheets/v2-cases";

const DATA: Cell[][] = [
  ["村名", "已参保户数", "任务户数", "满意", "基本满意", "不满意", "党建", "平时党建", "集体经济奖金"],
  ["甲村", 95, 100, 10, 0, 0, 30, 28, 500],
  ["乙村", 72, 90, 6, 4, 0, 36, 30, null],
  ["丙村", 60, 100, 5, null, 5, 20, 22, 200],
];
const MONTH1: Cell[][] = [["1月打分"], ["村名", "党建"], ["甲村 ", 18], ["乙村", 16], ["丙村", 12]];
const MONTH2: Cell[][] = [["2月打分"], ["村名", "党建"], ["丙村", 13], ["甲村", 19]];
const LEDGER: Cell[][] = [
  ["日期", "单位", "分值", "事由"],
  ["2025-03-02", "甲村", 2, "好人好事"],
];

const sheet = (name: string, values: Cell[][]): SheetTable => ({ sheet: name, table: detectTable(values)!, values });
const others = [sheet("2月", MONTH2), sheet("台账", LEDGER), sheet("1月", MONTH1)];
const col = (d: SchemeDraft, header: string) => d.columns.find((c) => c.header === header)!;

describe("v2 guesses", () => {
  const draft = draftFromTable("村级考核", detectTable(DATA)!, DATA, others);

  test("roles from the headers and the indicator each belongs to", () => {
    const roles = Object.fromEntries(draft.columns.map((c) => [c.header, [c.role, c.of ?? ""]]));
    const of = (h: string) => col(draft, h).letter;
    expect(roles).toMatchObject({
      已参保户数: ["indicator", ""],
      任务户数: ["perColumn", of("已参保户数")],
      满意: ["vote", ""],
      基本满意: ["vote", ""],
      不满意: ["vote", ""],
      党建: ["indicator", ""],
      平时党建: ["periodic", of("党建")],
      集体经济奖金: ["collective", ""],
    });
    expect(draft.settings.vote).toEqual({ name: "民主评议", points: 10, weights: [1, 0.6, 0] });
    expect(draft.settings.ledger).toEqual({ sheet: "台账", headerRow: 1, unit: "单位", points: "分值", reason: "事由", date: "日期" });
    expect(col(draft, "党建").indicator).toMatchObject({ periodic: ["1月!党建", "2月!党建"], periodicWeight: 0.3 });
  });

  test("the draft builds into a valid v2 scheme that scores every unit", () => {
    const { scheme } = schemeFromDraft({
      ...draft,
      settings: { ...draft.settings, pay: { base: 1500, amount: 2000, full: 100, pass: 60 } },
    });
    const byName = Object.fromEntries(scheme.indicators.map((i) => [i.name, i]));
    expect(byName.已参保完成率).toMatchObject({ column: "已参保户数", per: "任务户数", method: "target", target: 1 });
    expect(byName.民主评议).toMatchObject({ method: "vote", columns: ["满意", "基本满意", "不满意"], weights: [1, 0.6, 0] });
    expect(byName.党建).toMatchObject({ periodic: ["1月!党建", "2月!党建", "平时党建"], periodicWeight: 0.3 });
    expect(scheme.ledger?.sheet).toBe("台账");
    expect(scheme.pay).toEqual({ base: 1500, amount: 2000, full: 100, pass: 60, collective: { column: "集体经济奖金" } });
    const workbook = workbookData({ "1月": MONTH1, "2月": MONTH2, 台账: LEDGER });
    const r = scoreUnits(scheme, readDataTable(DATA, scheme.data), { workbook });
    expect(r.problems).toEqual([]);
    // 甲村: 95/100 against 1 → 10 × 0.95 = 9.5.
    expect(r.units[0].scores.已参保完成率).toBeCloseTo(9.5, 12);
    expect(r.units[0].bonus).toBe(2);
  });

  test("a 目标列 gives the unit's own target; a role's problems are named by column", () => {
    let d = setColumnRole(draft, col(draft, "任务户数").letter, "targetColumn");
    expect(col(d, "任务户数").of).toBe(col(draft, "已参保户数").letter);
    expect(schemeFromDraft(d).scheme.indicators.find((i) => i.column === "已参保户数")).toMatchObject({ target: { column: "任务户数" } });
    d = updateColumn(d, col(d, "任务户数").letter, { of: col(d, "村名").letter });
    expect(problemsOf(() => schemeFromDraft(d))).toContain(`${col(d, "任务户数").letter}列（任务户数）：目标列须指定所属的指标列`);
  });

  test("a ledger needs 事由 and 单位 and points; month sheets are 1月…12月 holding the data sheet's units", () => {
    expect(
      guessLedger(
        "别的",
        detectTable([
          ["单位", "分值"],
          ["甲村", 1],
        ])!
      )
    ).toBeUndefined();
    expect([monthOf("1月"), monthOf("12月"), monthOf("三月"), monthOf("2025年10月"), monthOf("13月"), monthOf("一季度")]).toEqual([
      1,
      12,
      3,
      10,
      undefined,
      undefined,
    ]);
    const strangers = sheet("3月", [
      ["村名", "党建"],
      ["外村", 1],
      ["别村", 2],
    ]);
    const months = guessMonthColumns(sheet("村级考核", DATA), [...others, strangers]);
    expect(months.get("党建")).toEqual(["1月!党建", "2月!党建"]);
  });
});

test("a v2 scheme onto the draft and back is the same scheme", () => {
  const { scheme } = parseScheme(WORKED_SCHEME);
  const data = WORKED_SHEETS[scheme.data.sheet];
  const { draft, warnings } = draftFromScheme(scheme, detectTable(data)!);
  expect(warnings).toEqual([]);
  const back = schemeFromDraft(draft).scheme;
  expect(back.indicators).toEqual(scheme.indicators);
  expect([back.ledger, back.disqualifyLast, back.pay]).toEqual([scheme.ledger, scheme.disqualifyLast, scheme.pay]);
});
