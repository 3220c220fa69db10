/**
 * The 考核方案 sheet and scheme version 2 (SPEC §3.1): per-unit parameters as a column header in the parameter cell,
 * 分母列 / 平时成绩列 / 平时权重 in the indicator table, 十一、民主评议 (指标 | 票数列 | 权重), 十二、加减分台账 and
 * 十四、报酬 as labelled rows, 十三、单项末位 and 十五、其他工作表 as tables — written, read back equal (the worked
 * example and random v2 schemes), a clerk's edits read back, and problems named by cell.
 */
import * as fc from "fast-check";
import { parseScheme } from "../../../src/core/scheme/parse";
import { problemsOf } from "./scheme-messages";
import { schemeSheet, schemeSheetLayout } from "../../../src/core/scheme/scheme-sheet";
import { readSchemeSheet } from "../../../src/core/scheme/read-scheme-sheet";
import { Scheme } from "../../../src/core/scheme/types";
import { CellValue } from "../../../src/core/sheet-model";
import { WORKED_SCHEME } from "../sheets/v2-cases";

function valuesOf(scheme: Scheme): CellValue[][] {
  const rows = schemeSheet(scheme).cells.map((r) => r.map((c) => c.value));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
}

const rowOf = (values: CellValue[][], label: CellValue, column = 0) => values.findIndex((row) => row[column] === label);
/** The row of a block's heading (“十三、单项末位（…）”). */
const headingRow = (values: CellValue[][], title: string) =>
  values.findIndex((row) => typeof row[0] === "string" && new RegExp(`^[一二三四五六七八九十]+、${title}(（|$)`).test(row[0]));

const messages = (values: CellValue[][]) => problemsOf(() => readSchemeSheet(values));

const worked = () => parseScheme(WORKED_SCHEME).scheme;

describe("scheme version 2 on the 考核方案 sheet", () => {
  test("the worked example round-trips, with the same layout", () => {
    const s = worked();
    const back = readSchemeSheet(valuesOf(s));
    expect(back.scheme).toEqual(s);
    expect(back.layout).toEqual(schemeSheetLayout(s));
  });

  test("writes the v2 blocks as tables a clerk reads", () => {
    const v = valuesOf(worked());
    const votes = headingRow(v, "民主评议");
    expect(v[votes][0]).toBe("十一、民主评议（评议指标的票数列和每类票的权重；得分 = 分值 × Σ票数×权重 ÷ 总票数）");
    expect(v[votes + 1].slice(0, 3)).toEqual(["指标", "票数列", "权重"]);
    expect(v.slice(votes + 2, votes + 5).map((r) => r.slice(0, 3))).toEqual([
      ["评议", "满意", 1],
      ["评议", "基本满意", 0.6],
      ["评议", "不满意", 0],
    ]);
    expect(v[rowOf(v, "台账工作表")][1]).toBe("加减分台账");
    expect(v[rowOf(v, "集体经济奖金")][1]).toBe("集体");
    expect(v[rowOf(v, "绩效工资额")][1]).toBe(2000);
    const ind = rowOf(v, "参保", 1);
    const header = v[rowOf(v, "序号")];
    expect(v[ind][header.indexOf("分母列")]).toBe("任务户数");
    const party = rowOf(v, "党建", 1);
    expect(v[party][header.indexOf("平时成绩列")]).toBe("1月!党建、2月!党建");
    expect(v[party][header.indexOf("平时权重")]).toBe(0.5);
  });

  test("a clerk's edits read back: a header in 目标值, a vote weight, the pay amount, a 单项末位 row, a sheet's header row", () => {
    const v = valuesOf(worked());
    const header = v[rowOf(v, "序号")];
    v[rowOf(v, "参保", 1)][header.indexOf("目标值")] = "应参保率";
    const votes = rowOf(v, "评议");
    v[votes + 1][2] = 0.5;
    v[rowOf(v, "绩效工资额")][1] = "绩效工资";
    const last = headingRow(v, "单项末位");
    v[last + 3] = [2, "党建", ...Array(v[0].length - 2).fill(null)];
    const sheets = headingRow(v, "其他工作表");
    v[sheets + 2] = ["1月", 2, "村名", ...Array(v[0].length - 3).fill(null)];
    const s = readSchemeSheet(v).scheme;
    expect(s.indicators[0].target).toEqual({ column: "应参保率" });
    expect(s.indicators[1].weights).toEqual([1, 0.5, 0]);
    expect(s.pay?.amount).toEqual({ column: "绩效工资" });
    expect(s.disqualifyLast).toEqual(["评议", "党建"]);
    expect(s.sheets).toEqual({ "1月": { headerRow: 2, name: "村名" } });
  });

  test("problems are named by cell", () => {
    const v = valuesOf(worked());
    const header = v[rowOf(v, "序号")];
    const party = rowOf(v, "党建", 1);
    const col = header.indexOf("平时权重");
    v[party][col] = 1.5;
    const votes = rowOf(v, "评议");
    v[votes][0] = "民调";
    const out = messages(v);
    expect(out.some((m) => m.startsWith(`考核方案!${String.fromCharCode(65 + col)}${party + 1}：`))).toBe(true);
    expect(out).toContain(`考核方案!A${votes + 1}：民主评议表中的指标“民调”不在考核指标表中`);
  });
});

/* ---------- random v2 schemes ---------- */

const CHARS = [..."甲乙丙丁村社区参保率党建任务户数满意平时ABCxyz"];
const word = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 5 });
const amount = fc.integer({ min: 0, max: 5000 });
const param = (n: fc.Arbitrary<number>) =>
  fc.oneof(
    n,
    word.map((column) => ({ column }))
  );

const v2Indicator = (name: string) =>
  fc
    .oneof(
      fc.record(
        { method: fc.constant("target"), target: param(fc.constantFrom(0.9, 1, 80)), per: word },
        { requiredKeys: ["method", "target"] }
      ),
      fc.record({ method: fc.constant("limit"), limit: param(fc.constantFrom(0, 5)) }),
      fc.record({ method: fc.constant("efficacy"), good: param(fc.constant(10)), bad: param(fc.constant(2)) }),
      fc.record({
        method: fc.constant("points"),
        periodic: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
        periodicWeight: fc.constantFrom(0, 0.3, 0.5, 1),
      }),
      fc
        .record({
          method: fc.constant("vote"),
          columns: fc.uniqueArray(word, { minLength: 2, maxLength: 4 }),
        })
        .chain((r) =>
          fc
            .array(fc.constantFrom(0, 0.5, 0.6, 1), { minLength: r.columns.length, maxLength: r.columns.length })
            .map((weights) => ({ ...r, weights }))
        )
    )
    .chain((params) => fc.record({ column: word, points: fc.constantFrom(5, 10, 20) }).map((r) => ({ name, ...r, ...params })));

const v2Scheme = fc
  .uniqueArray(word, { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(fc.constant(names), fc.tuple(...names.map(v2Indicator))))
  .chain(([names, indicators]) =>
    fc.record(
      {
        name: fc.constant("随机二版"),
        data: fc.constant({ sheet: "数据", headerRow: 1, name: "单位" }),
        indicators: fc.constant(indicators),
        ledger: fc.record(
          { sheet: word, headerRow: fc.integer({ min: 1, max: 5 }), unit: word, points: word, reason: word, date: word },
          { requiredKeys: ["sheet", "unit", "points"] }
        ),
        disqualifyLast: fc.subarray(names, { minLength: 1 }),
        pay: fc.record(
          {
            base: param(amount),
            amount: param(amount),
            full: param(fc.constantFrom(100, 90)),
            pass: param(fc.constantFrom(0, 60)),
            collective: param(amount),
          },
          { requiredKeys: ["amount"] }
        ),
        sheets: fc.dictionary(word, fc.record({ headerRow: fc.integer({ min: 1, max: 5 }), name: word }, { requiredKeys: [] }), {
          maxKeys: 2,
        }),
      },
      { requiredKeys: ["name", "data", "indicators"] }
    )
  );

test("random v2 schemes round-trip through the sheet, with the same layout", () => {
  fc.assert(
    fc.property(v2Scheme, (raw) => {
      const { scheme } = parseScheme(raw);
      const back = readSchemeSheet(valuesOf(scheme));
      expect(back.scheme).toEqual(scheme);
      expect(back.layout).toEqual(schemeSheetLayout(scheme));
    }),
    { numRuns: 150 }
  );
});
