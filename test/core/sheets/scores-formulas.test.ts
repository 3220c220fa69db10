/**
 * Formulas equal the core: every formula written into 得分 (native and kh) evaluated by a formula engine gives the
 * value the core computed — for the sample workbook and for random schemes and data — and a weight changed on
 * 考核方案 changes 得分 exactly as the core says it should.
 */
import fc from "fast-check";
import { parseScheme } from "../../../src/core/scheme/parse";
import { readSchemeSheet } from "../../../src/core/scheme/read-scheme-sheet";
import { schemeSheet, schemeSheetLayout } from "../../../src/core/scheme/scheme-sheet";
import { Scheme } from "../../../src/core/scheme/types";
import { readDataTable } from "../../../src/core/data-table";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { SheetModel } from "../../../src/core/sheet-model";
import { scoresColumns, scoresSheet, scoresSheets } from "../../../src/core/sheets/scores-sheet";
import { Cell } from "../../../src/core/values";
import { sampleSchemeJson, sampleValues } from "../scoring/sample";
import { FormulaWorkbook, formulaCount, mismatches } from "./hf-workbook";
import { randomCase } from "./random-scheme";
import { expectedScores } from "./expected-scores";

const MODES = ["native", "kh"] as const;

function build(scheme: Scheme, values: Cell[][], mode: "native" | "kh") {
  const table = readDataTable(values, scheme.data);
  const result = scoreUnits(scheme, table);
  const { scores, readings } = scoresSheets({ scheme, table, result, layout: schemeSheetLayout(scheme), formulas: mode });
  const wb = new FormulaWorkbook({ [scheme.data.sheet]: values }, [schemeSheet(scheme), scores, readings as SheetModel]);
  return { table, result, scores, readings: readings as SheetModel, wb };
}

describe("得分 formulas on the sample", () => {
  const { scheme } = parseScheme(sampleSchemeJson());
  const values = sampleValues();

  test.each(MODES)("%s: every formula gives the core's value", (mode) => {
    const { scores, wb, table, result } = build(scheme, values, mode);
    expect(formulaCount(scores)).toBe(table.units.length * scoresColumns(scheme).width);
    expect(mismatches(wb, scores)).toEqual([]);
    // The cached values are the core's own.
    expect(mismatches(wb, scores, expectedScores(scheme, result.units))).toEqual([]);
  });

  test.each(MODES)("%s: a weight changed on 考核方案 recalculates 得分 as the core says", (mode) => {
    const { scores, wb } = build(scheme, values, mode);
    const layout = schemeSheetLayout(scheme);
    const changed: Scheme = JSON.parse(JSON.stringify(scheme));
    changed.indicators[2].points = 30; // 参保率 15 → 30
    changed.indicators[6].points = 4; // 财税 10 → 4
    wb.set("考核方案", layout.indicators[2].cells.points, 30);
    wb.set("考核方案", layout.indicators[6].cells.points, 4);
    const table = readDataTable(values, changed.data);
    const after = scoreUnits(changed, table).units;
    const before = scoreUnits(scheme, table).units;
    expect(after.map((u) => u.total)).not.toEqual(before.map((u) => u.total));
    expect(after.map((u) => u.rank)).not.toEqual(before.map((u) => u.rank));
    expect(mismatches(wb, scores, expectedScores(changed, after))).toEqual([]);
  });

  test.each(MODES)("%s: a changed target, cap, precision and grade table recalculate too", (mode) => {
    const { scores, wb } = build(scheme, values, mode);
    const layout = schemeSheetLayout(scheme);
    const changed: Scheme = JSON.parse(JSON.stringify(scheme));
    changed.indicators[2].target = 0.95;
    changed.bonus = { columns: ["加分"], cap: 2 };
    changed.precision = 1;
    changed.grades = [
      [90, "优秀"],
      [86, "良好"],
      [60, "合格"],
      [0, "不合格"],
    ];
    wb.set("考核方案", layout.indicators[2].cells.target as string, 0.95);
    wb.set("考核方案", layout.settings.bonusCap as string, 2);
    wb.set("考核方案", layout.settings.precision as string, 1);
    wb.set("考核方案", `A${layout.grades!.rows[1]}`, 86);
    const table = readDataTable(values, changed.data);
    const after = scoreUnits(changed, table).units;
    expect(mismatches(wb, scores, expectedScores(changed, after))).toEqual([]);
  });

  test.each(MODES)("%s: a factor changed in the 等次系数 table recalculates 定性等次", (mode) => {
    const { scores, wb } = build(scheme, values, mode);
    const layout = schemeSheetLayout(scheme);
    const changed: Scheme = JSON.parse(JSON.stringify(scheme));
    changed.indicators[5].grades = { 优: 1, 良: 0.85, 中: 0.6, 差: 0.3 };
    const rows = layout.gradeFactors!.byIndicator[scheme.indicators[5].name];
    const factor = layout.gradeFactors!.columns.factor;
    wb.set("考核方案", `${factor}${rows[1]}`, 0.85);
    wb.set("考核方案", `${factor}${rows[3]}`, 0.3);
    const table = readDataTable(values, changed.data);
    const after = scoreUnits(changed, table).units;
    expect(after.map((u) => u.scores["群众满意"])).not.toEqual(scoreUnits(scheme, table).units.map((u) => u.scores["群众满意"]));
    expect(mismatches(wb, scores, expectedScores(changed, after))).toEqual([]);
  });

  test("formulas read the 考核方案 sheet as the clerk left it (rows moved, read back)", () => {
    // A clerk's copy: two blank rows inserted above the indicators, so every row below moves down by two.
    const model = schemeSheet(scheme);
    const at = model.cells.findIndex((r) => r[0]?.value === "序号");
    const moved = [...model.cells.slice(0, at), [], [], ...model.cells.slice(at)].map((r) => r.map((c) => c.value ?? null));
    const read = readSchemeSheet(moved);
    const table = readDataTable(values, read.scheme.data);
    const result = scoreUnits(read.scheme, table);
    for (const mode of MODES) {
      const { scores, readings } = scoresSheets({ scheme: read.scheme, table, result, layout: read.layout, formulas: mode });
      const wb = new FormulaWorkbook({ [scheme.data.sheet]: values, 考核方案: moved }, [scores, readings as SheetModel]);
      expect(mismatches(wb, scores)).toEqual([]);
    }
  });

  test("values mode writes no formula", () => {
    const table = readDataTable(values, scheme.data);
    const scores = scoresSheet({ scheme, table, result: scoreUnits(scheme, table), layout: schemeSheetLayout(scheme), formulas: "values" });
    expect(formulaCount(scores)).toBe(0);
  });
});

describe("得分 formulas on random schemes and data", () => {
  test("every formula gives the core's value (native and kh)", () => {
    fc.assert(
      fc.property(randomCase, ({ scheme: json, values }) => {
        const { scheme } = parseScheme(json);
        for (const mode of MODES) {
          const { scores, wb, result } = build(scheme, values, mode);
          expect(result.problems).toEqual([]);
          const bad = mismatches(wb, scores);
          if (bad.length)
            throw new Error(`${mode}: ${JSON.stringify(bad.slice(0, 3), null, 1)}\n${JSON.stringify(json)}\n${JSON.stringify(values)}`);
        }
      }),
      { numRuns: 60 }
    );
  });

  test("a changed weight recalculates as the core says", () => {
    fc.assert(
      fc.property(randomCase, fc.nat(), fc.constantFrom(3, 7.5, 25), ({ scheme: json, values }, which, points) => {
        const { scheme } = parseScheme(json);
        const k = which % scheme.indicators.length;
        for (const mode of MODES) {
          const { scores, wb, table } = build(scheme, values, mode);
          const changed: Scheme = JSON.parse(JSON.stringify(scheme));
          changed.indicators[k].points = points;
          wb.set("考核方案", schemeSheetLayout(scheme).indicators[k].cells.points, points);
          const after = scoreUnits(changed, table).units;
          expect(mismatches(wb, scores, expectedScores(changed, after))).toEqual([]);
        }
      }),
      { numRuns: 25 }
    );
  });
});

export type { SheetModel };
