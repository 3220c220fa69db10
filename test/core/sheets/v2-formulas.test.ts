/**
 * The live formulas of scheme version 2 (SPEC §3.1) equal the core in HyperFormula, native and kh: per-unit
 * parameters, rates, periodic blends over month sheets, other-sheet columns (one MATCH per unit and sheet), votes,
 * the 加减分台账 by SUMIFS, 单项末位 and 报酬 — on the worked example of test/cli/score-v2.test.ts and on random v2
 * schemes (v2-cases.ts); and a ledger row added after generation, or a month sheet's value changed, recalculates
 * as the core says.
 */
import fc from "fast-check";
import { parseScheme } from "../../../src/core/scheme/parse";
import { schemeSheet, schemeSheetLayout } from "../../../src/core/scheme/scheme-sheet";
import { Scheme } from "../../../src/core/scheme/types";
import { readDataTable } from "../../../src/core/data-table";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { workbookData } from "../../../src/core/scoring/other-sheets";
import { SheetModel } from "../../../src/core/sheet-model";
import { scoresSheets } from "../../../src/core/sheets/scores-sheet";
import { Cell } from "../../../src/core/values";
import { FormulaWorkbook, formulaCount, mismatches } from "./hf-workbook";
import { expectedScores } from "./expected-scores";
import { LETTER_CASE, V2Case, WORKED_CASE, randomV2Case, sampleV2Case } from "./v2-cases";

const MODES = ["native", "kh"] as const;

export function buildV2(c: V2Case, mode: "native" | "kh", sheets: Record<string, Cell[][]> = c.sheets) {
  const { scheme } = parseScheme(c.scheme);
  const workbook = workbookData(sheets);
  const table = readDataTable(sheets[scheme.data.sheet], scheme.data);
  const result = scoreUnits(scheme, table, { workbook });
  const out = scoresSheets({ scheme, table, result, layout: schemeSheetLayout(scheme), formulas: mode, workbook });
  const models = [schemeSheet(scheme), out.scores, out.readings as SheetModel, ...(out.pay ? [out.pay] : [])];
  const wb = new FormulaWorkbook(sheets, models);
  return { scheme, table, result, ...out, wb };
}

function rescore(scheme: Scheme, sheets: Record<string, Cell[][]>) {
  const table = readDataTable(sheets[scheme.data.sheet], scheme.data);
  return scoreUnits(scheme, table, { workbook: workbookData(sheets) });
}

describe("v2 formulas on the worked example", () => {
  test.each(MODES)("%s: every 得分 and 报酬 formula gives the core's value", (mode) => {
    const { scores, pay, wb, result, scheme } = buildV2(WORKED_CASE, mode);
    expect(result.problems).toEqual([]);
    expect(formulaCount(scores)).toBeGreaterThan(20);
    expect(mismatches(wb, scores)).toEqual([]);
    expect(mismatches(wb, scores, expectedScores(scheme, result.units))).toEqual([]);
    expect(pay).toBeDefined();
    expect(mismatches(wb, pay as SheetModel)).toEqual([]);
  });

  test.each(MODES)("%s: a ledger row added and a month value changed recalculate as the core says", (mode) => {
    const { scores, pay, wb, scheme } = buildV2(WORKED_CASE, mode);
    const sheets = JSON.parse(JSON.stringify(WORKED_CASE.sheets)) as Record<string, Cell[][]>;
    sheets.加减分台账.push(["2025-05-01", " 丙村", -4, "安全检查不合格"]);
    sheets["2月"][3][1] = 10; // 甲村's 2月 党建 36 → 10
    wb.set("加减分台账", "A4", "2025-05-01");
    wb.set("加减分台账", "B4", " 丙村");
    wb.set("加减分台账", "C4", -4);
    wb.set("2月", "B4", 10);
    const after = rescore(scheme, sheets);
    expect(after.units[2].deduction).toBe(4);
    expect(mismatches(wb, scores, expectedScores(scheme, after.units))).toEqual([]);
    expect(after.units.map((u) => u.total)).not.toEqual(rescore(scheme, WORKED_CASE.sheets).units.map((u) => u.total));
    expect(pay).toBeDefined();
  });
});

test.each(MODES)("%s: the v2 sample's 得分 and 报酬 formulas give the core's values", (mode) => {
  const c = sampleV2Case();
  const { scores, pay, wb, result } = buildV2(c, mode);
  expect(result.problems).toEqual([]);
  expect(mismatches(wb, scores)).toEqual([]);
  expect(mismatches(wb, pay as SheetModel)).toEqual([]);
});

test.each(MODES)("%s: a month sheet's name differing in case only is not the unit (as the core), one in full width is", (mode) => {
  const c = LETTER_CASE;
  const { scores, wb, result } = buildV2(c, mode);
  expect(result.units.map((u) => u.scores.党建)).toEqual([30, 28, 11]);
  expect(mismatches(wb, scores)).toEqual([]);
});

describe("v2 numbers on 考核方案 are live", () => {
  test.each(MODES)("%s: a vote weight, 平时权重 and 绩效工资额 changed on 考核方案 recalculate as the core says", (mode) => {
    const { scores, pay, wb, scheme } = buildV2(WORKED_CASE, mode);
    const layout = schemeSheetLayout(scheme);
    const changed: Scheme = JSON.parse(JSON.stringify(scheme));
    changed.indicators[1].weights = [1, 0.2, 0];
    changed.indicators[2].periodicWeight = 0.8;
    changed.pay!.amount = 3000;
    wb.set("考核方案", `${layout.votes!.columns.weight}${layout.votes!.byIndicator["评议"][1]}`, 0.2);
    wb.set("考核方案", layout.indicators[2].cells.periodicWeight as string, 0.8);
    wb.set("考核方案", layout.pay!.amount as string, 3000);
    const after = rescore(changed, WORKED_CASE.sheets);
    expect(after.units.map((u) => u.total)).not.toEqual(rescore(scheme, WORKED_CASE.sheets).units.map((u) => u.total));
    expect(mismatches(wb, scores, expectedScores(changed, after.units))).toEqual([]);
    const payModel = pay as SheetModel;
    const want = (row: number, col: number) => {
      const p = after.details[row - 2]?.pay;
      return [null, null, after.units[row - 2]?.total, p?.base, p?.performance, p?.reward, p?.collective, p?.total][col] as never;
    };
    expect(mismatches(wb, payModel, want).filter((m) => !/^[AB]/.test(m.cell))).toEqual([]);
  });
});

describe("v2 formulas on random schemes", () => {
  test("every 得分 and 报酬 formula gives the core's value (native and kh)", () => {
    fc.assert(
      fc.property(randomV2Case, (c) => {
        for (const mode of MODES) {
          const { scores, pay, wb, result } = buildV2(c, mode);
          expect(result.problems).toEqual([]);
          const bad = [...mismatches(wb, scores), ...(pay ? mismatches(wb, pay) : [])];
          if (bad.length) throw new Error(`${mode}: ${JSON.stringify(bad.slice(0, 3), null, 1)}\n${JSON.stringify(c)}`);
        }
      }),
      { numRuns: 60 }
    );
  });
});

test("the random v2 cases exercise what they claim: month sheets, absent units, ledgers, rates, votes, pay", () => {
  const cases = fc.sample(randomV2Case, { numRuns: 60, seed: 7 });
  const json = cases.map((c) => JSON.stringify(c.scheme));
  const count = (re: RegExp) => json.filter((j) => re.test(j)).length;
  expect(count(/"per":/)).toBeGreaterThan(5);
  expect(count(/"periodic":/)).toBeGreaterThan(5);
  expect(count(/"column":"2月!/)).toBeGreaterThan(5);
  expect(count(/"method":"vote"/)).toBeGreaterThan(5);
  expect(count(/"target":\{"column"/)).toBeGreaterThan(5);
  expect(count(/"ledger":/)).toBeGreaterThan(5);
  expect(count(/"disqualifyLast":/)).toBeGreaterThan(5);
  expect(count(/"pay":/)).toBeGreaterThan(5);
  const withLedgerRows = cases.filter((c) => (c.sheets["台账"]?.length ?? 0) > 2).length;
  expect(withLedgerRows).toBeGreaterThan(5);
  const absent = cases.filter((c) => c.sheets["1月"].length - 2 < c.sheets["数据"].length - 1).length;
  expect(absent).toBeGreaterThan(5);
});
