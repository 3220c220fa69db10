import * as fc from "fast-check";
import { parseScheme } from "../../../src/core/scheme/parse";
import { SchemeError } from "../../../src/core/scheme/errors";
import { schemeSheet, schemeSheetLayout, SCHEME_SHEET } from "../../../src/core/scheme/scheme-sheet";
import { readSchemeSheet } from "../../../src/core/scheme/read-scheme-sheet";
import { Scheme } from "../../../src/core/scheme/types";
import { CellValue } from "../../../src/core/sheet-model";
import { sampleSchemeJson } from "../scoring/sample";

/** What a host reads back from the written sheet: values only, rows padded to the used range. */
function valuesOf(scheme: Scheme): CellValue[][] {
  const rows = schemeSheet(scheme).cells.map((r) => r.map((c) => c.value));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array(width - r.length).fill(null)]);
}

function rowOf(values: CellValue[][], label: CellValue, column = 0): number {
  const r = values.findIndex((row) => row[column] === label);
  if (r < 0) throw new Error(`no row ${label}`);
  return r;
}

function messages(values: CellValue[][]): string[] {
  try {
    readSchemeSheet(values);
  } catch (e) {
    if (e instanceof SchemeError) return e.messages;
    throw e;
  }
  throw new Error("the sheet read without errors");
}

const sample = () => parseScheme(sampleSchemeJson()).scheme;

describe("the 考核方案 sheet", () => {
  test("is a printable, formatted sheet model", () => {
    const m = schemeSheet(sample());
    expect(m.name).toBe(SCHEME_SHEET);
    expect(m.kind).toBe("scheme");
    expect(m.cells[0][0]).toEqual({ value: "2025年度村级目标管理考核　考核方案", formula: '=B6&"　考核方案"' });
    expect(m.merges).toContain("A1:P1");
    expect(m.print).toEqual({ paper: "A4", orientation: "landscape", titleRows: "1:2", fitToWidth: true, footer: "第 &P 页，共 &N 页" });
    expect(m.columnWidths).toHaveLength(16);
    expect(m.formats).toContainEqual({ range: "A26:P26", bold: true, fill: "#D9E1F2", border: true, horizontal: "center" });
    expect(m.formats).toContainEqual({ range: "A27:P35", border: true });
    // The points total is a live SUM, so a changed weight shows its new total at once.
    expect(m.cells[34][4]).toEqual({ value: 100, formula: "=SUM(E27:E34)" });
    // Every other cell is a plain value: no text is written as a formula.
    const formulas = m.cells.flat().filter((c) => c.formula !== undefined);
    expect(formulas).toHaveLength(2);
  });

  test("shows methods in Chinese, each method's parameters only, and grade factors as a table", () => {
    const v = valuesOf(sample());
    expect(v[25]).toEqual([
      "序号",
      "指标",
      "数据列",
      "方法",
      "分值",
      "目标值",
      "封顶倍数",
      "限值",
      "步长",
      "每步扣分",
      "满意值",
      "不允许值",
      "基础分",
      "分母列",
      "平时成绩列",
      "平时权重",
    ]);
    expect(v[28]).toEqual([3, "参保率", "参保率", "完成率法", 15, 0.91, 1, null, null, null, null, null, null, null, null, null]);
    expect(v[29].slice(0, 10)).toEqual([4, "出生率", "出生率‰", "逆向指标", 10, null, null, 14, 1, 2]);
    // 十、等次系数: one row per grade of 群众满意, read by the 得分 formulas with VLOOKUP.
    const head = v.findIndex((r) => String(r[0]).startsWith("十、等次系数"));
    expect(v[head + 1].slice(0, 3)).toEqual(["指标", "等次", "系数"]);
    expect(v.slice(head + 2, head + 6).map((r) => r.slice(0, 3))).toEqual([
      ["群众满意", "优", 1],
      ["群众满意", "良", 0.8],
      ["群众满意", "中", 0.6],
      ["群众满意", "差", 0.4],
    ]);
    expect(v[rowOf(v, "扣分上限")][1]).toBe("不设上限");
    expect(v[rowOf(v, "各阶段要求")][1]).toBe("30%、50%、70%、80%、90%");
    expect(v[rowOf(v, "否决方式")][1]).toBe("排除");
    expect(v[rowOf(v, "中国式排名")][1]).toBe("否");
  });

  test("the layout gives the address of every value a formula may reference", () => {
    const layout = schemeSheetLayout(sample());
    const v = valuesOf(sample());
    const at = (a: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
      return v[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
    };
    expect(layout.indicators.map((i) => at(i.cells.points))).toEqual([20, 20, 15, 10, 10, 5, 10, 10]);
    expect(at(layout.indicators[2].cells.target as string)).toBe(0.91);
    expect(at(layout.indicators[3].cells.deduct as string)).toBe(2);
    expect(at(layout.settings.bonusCap as string)).toBe(5);
    expect(at(layout.settings.precision as string)).toBe(2);
    expect(at(layout.pointsTotal as string)).toBe(100);
    expect(layout.grades).toEqual({ headerRow: 43, columns: { threshold: "A", grade: "B" }, rows: [44, 45, 46, 47], range: "A44:B47" });
    expect(layout.byThreshold?.column).toBe("B62");
    expect(at("B62")).toBe("参保率");
  });
});

describe("reading the 考核方案 sheet back", () => {
  test("the sample round-trips: JSON → sheet → values → the same scheme, and the same layout", () => {
    const s = sample();
    const back = readSchemeSheet(valuesOf(s));
    expect(back.scheme).toEqual(s);
    expect(back.warnings).toEqual([]);
    expect(back.layout).toEqual(schemeSheetLayout(s));
  });

  test("a scheme with none of the optional parts round-trips", () => {
    const { scheme } = parseScheme({
      name: "最简方案",
      data: { sheet: "表1", headerRow: 2, name: "单位" },
      indicators: [{ name: "工作", column: "B", method: "benchmark", points: 100 }],
      vetoMode: "zero",
      ranking: { dense: true },
    });
    expect(readSchemeSheet(valuesOf(scheme)).scheme).toEqual(scheme);
  });

  test("random schemes round-trip", () => {
    fc.assert(
      fc.property(rawScheme(), (raw) => {
        const { scheme } = parseScheme(raw);
        const back = readSchemeSheet(valuesOf(scheme));
        expect(back.scheme).toEqual(scheme);
        expect(back.layout).toEqual(schemeSheetLayout(scheme));
      }),
      { numRuns: 200 },
    );
  });

  test("a clerk's edits: a changed weight, an added indicator row, a blank row, numbers typed as text", () => {
    const v = valuesOf(sample());
    const total = rowOf(v, "合计", 1);
    v[28][4] = "20"; // 参保率 15 → 20, typed as text
    v[28][5] = "92%";
    v.splice(total, 0, [null, null, null, null, null, null, null, null, null, null, null, null, null, null], [9, "安全生产", "安全", "直接打分", 5]);
    const { scheme, warnings, layout } = readSchemeSheet(v);
    expect(scheme.indicators[2]).toEqual({ name: "参保率", column: "参保率", method: "target", points: 20, target: 0.92, cap: 1 });
    expect(scheme.indicators[8]).toEqual({ name: "安全生产", column: "安全", method: "points", points: 5 });
    expect(warnings).toEqual([`考核方案!E${total + 3}：各指标分值合计为 110，不是 100`]);
    expect(layout.indicators[8]).toMatchObject({ name: "安全生产", row: total + 2 });
    expect(layout.indicators[8].cells.points).toBe(`E${total + 2}`);
    expect(layout.pointsTotal).toBe(`E${total + 3}`);
  });

  test("removed optional rows and blocks fall back to defaults or to nothing", () => {
    const v = valuesOf(sample());
    const fines = rowOf(v, "九、罚款（次数（天数）×每次金额）");
    v.splice(fines - 1);
    v.splice(rowOf(v, "龙榜人数"), 1);
    v.splice(rowOf(v, "否决方式"), 1);
    const minus = rowOf(v, -1);
    v.splice(minus, 1); // the −1 rank tier
    const { scheme } = readSchemeSheet(v);
    expect(scheme.fines).toBeUndefined();
    expect(scheme.leaderboard).toEqual({ top: 3, bottom: 3 });
    expect(scheme.vetoMode).toBe("exclude");
    expect(scheme.rewards?.byRank).toEqual([
      [1, 1000],
      [3, 500],
    ]);
  });

  test("a deleted parameter column means the default, and the layout has no cell for it", () => {
    const v = valuesOf(sample());
    const header = rowOf(v, "序号");
    for (let r = header; r <= header + 9; r++) v[r].splice(12, 1); // 基础分 (M)
    const { scheme, layout } = readSchemeSheet(v);
    expect(scheme).toEqual(sample());
    expect(layout.indicators[4].cells.base).toBeUndefined();
    expect(layout.gradeFactors?.byIndicator["群众满意"]).toHaveLength(4);
  });

  test("an older sheet's 等次系数 text column is still read, and the table wins over it", () => {
    const v = valuesOf(sample());
    const header = rowOf(v, "序号");
    const head = v.findIndex((r) => String(r[0]).startsWith("十、等次系数"));
    const old = v.slice(0, head - 1); // without the table, as the previous version wrote the sheet
    old[header][13] = "等次系数";
    old[header + 6][13] = "优：1，良：0.85、中=60%；差＝0.3";
    expect(readSchemeSheet(old).scheme.indicators[5].grades).toEqual({ 优: 1, 良: 0.85, 中: 0.6, 差: 0.3 });
    const both = v.map((r) => [...r]);
    both[header][13] = "等次系数";
    both[header + 6][13] = "优=1;良=0.5";
    both[head + 3][2] = 0.9; // 良 in the table
    expect(readSchemeSheet(both).scheme.indicators[5].grades).toEqual({ 优: 1, 良: 0.9, 中: 0.6, 差: 0.4 });
  });

  test("a 等次系数 row naming no indicator is a problem naming its cell", () => {
    const v = valuesOf(sample());
    const head = v.findIndex((r) => String(r[0]).startsWith("十、等次系数"));
    v[head + 2][0] = "群众满意度";
    v[head + 3][2] = "八成";
    expect(messages(v)).toEqual([
      `考核方案!A${head + 3}：等次系数表中的指标“群众满意度”不在考核指标表中`,
      `考核方案!C${head + 4}：系数“八成”不是数值`,
    ]);
  });

  test("indicator rows may be reordered and columns moved; methods may be written by alias", () => {
    const v = valuesOf(sample());
    const header = rowOf(v, "序号");
    // Swap 分值 (E) and 方法 (D) everywhere in the indicator block, and rows 1 and 2.
    for (let r = header; r <= header + 9; r++) [v[r][3], v[r][4]] = [v[r][4], v[r][3]];
    [v[header + 1], v[header + 2]] = [v[header + 2], v[header + 1]];
    v[header + 3][4] = "完成率";
    const { scheme } = readSchemeSheet(v);
    expect(scheme.indicators.map((i) => i.name).slice(0, 3)).toEqual(["常规工作", "党建工作", "参保率"]);
    expect(scheme.indicators[2].method).toBe("target");
    expect(scheme.indicators[0].points).toBe(20);
  });

  test("problems name the cell", () => {
    const v = valuesOf(sample());
    v[28][4] = "二十"; // E29
    v[28][5] = null; // F29: 参保率's target
    v[29][3] = "平均法"; // D30
    v[rowOf(v, "加分上限")][1] = "很多";
    v[rowOf(v, "否决方式")][1] = "随便";
    v[rowOf(v, "中国式排名")][1] = "也许";
    v[rowOf(v, "各阶段要求")][1] = "30%、五成";
    v[rowOf(v, "一等奖")][1] = "一个";
    v[rowOf(v, "缺签次数")][1] = null;
    // Top to bottom, left to right.
    expect(messages(v)).toEqual([
      "考核方案!B11：否决方式“随便”应为“排除”或“记零分”",
      "考核方案!B15：加分上限“很多”不是数值（可填“不设上限”）",
      "考核方案!B20：中国式排名“也许”应填“是”或“否”",
      "考核方案!B23：各阶段要求中“五成”不是数值",
      "考核方案!E29：分值“二十”不是数值",
      "考核方案!F29：缺少“目标值”，完成率法须填写",
      "考核方案!D30：方法“平均法”不认识，应为 直接打分、完成率法、逆向指标、功效系数法、定性等次、标杆法、排名赋分、民主评议 之一",
      "考核方案!B51：名额“一个”不是数值",
      "考核方案!B73：缺少“每次金额”",
    ]);
  });

  test("validation problems name the cell too", () => {
    const v = valuesOf(sample());
    v[30][10] = 0; // K31: 招商引资 good = bad = 0
    v[27][1] = "党建工作"; // B28: a second 党建工作
    v[rowOf(v, "小数位数")][1] = 1.5;
    v[rowOf(v, "数据表")][1] = null;
    expect(messages(v)).toEqual([
      "考核方案!B7：缺少“数据表”",
      "考核方案!B12：“小数位数”应为整数，而不是 1.5",
      "考核方案!B28：“指标名称”“党建工作”与第1个指标重复",
      "考核方案!L31：“不允许值”不能与“满意值”相同（都是 0）",
    ]);
  });

  test("a sheet without the indicator block is an error", () => {
    const v = valuesOf(sample());
    const at = rowOf(v, "二、考核指标（方法可填：直接打分、完成率法、逆向指标、功效系数法、定性等次、标杆法、排名赋分）");
    v.splice(at, 12);
    expect(messages(v)).toContain("考核方案：找不到“考核指标”表（A列应有“考核指标”标题）");
  });

  test("a veto list and reward tables may be started from empty blocks", () => {
    const { scheme } = parseScheme({
      name: "空",
      data: { sheet: "S", headerRow: 1, name: "单位" },
      indicators: [{ name: "甲", column: "甲", method: "points", points: 100 }],
    });
    const v = valuesOf(scheme);
    const vetoes = v.findIndex((r) => r[0] === "序号" && r[1] === "数据列");
    expect(v[vetoes - 1][0]).toBe("三、一票否决项（数据列中填“是/√/1”即否决）");
    v.splice(vetoes + 1, 0, [1, "安全事故"]);
    const fines = v.findIndex((r) => r[0] === "数据列" && r[1] === "每次金额");
    v.splice(fines + 1, 0, ["缺签次数", 50]);
    const { scheme: back } = readSchemeSheet(v);
    expect(back.vetoes).toEqual(["安全事故"]);
    expect(back.fines).toEqual([{ column: "缺签次数", amount: 50 }]);
  });
});

/* ---------- random schemes for the round trip ---------- */

const CHARS = [..."甲乙丙丁村社区参保率党建招商税收出生率民调信访ABCxyz0123456789()（）%‰-_ "];
const text = fc
  .string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 6 })
  .map((s) => s.trim())
  .filter((s) => s !== "" && !["合计", "总计", "小计"].includes(s));
const number = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const positive = fc.double({ min: 1e-6, max: 1e6, noNaN: true });
const nonNegative = fc.double({ min: 0, max: 1e4, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));

const indicator = (name: string) =>
  fc
    .oneof(
      fc.record({ method: fc.constant("points") }),
      fc.record({ method: fc.constant("target"), target: positive, cap: positive }, { requiredKeys: ["method", "target"] }),
      fc.record({ method: fc.constant("limit"), limit: number }),
      fc.record({ method: fc.constant("limit"), limit: number, step: positive, deduct: nonNegative }),
      fc
        .record({ method: fc.constant("efficacy"), good: number, bad: number, base: fraction }, { requiredKeys: ["method", "good", "bad"] })
        .filter((r) => Math.abs(r.good - r.bad) > 1e-6),
      fc.record(
        {
          method: fc.constant("grade"),
          grades: fc.dictionary(
            text.filter((k) => !/[=:;,、]/.test(k)),
            nonNegative,
            { minKeys: 1, maxKeys: 4 },
          ),
        },
        { requiredKeys: ["method"] },
      ),
      fc.record({ method: fc.constant("benchmark") }),
      fc.record({ method: fc.constant("rank"), step: nonNegative }, { requiredKeys: ["method"] }),
    )
    .chain((params) => fc.record({ column: text, points: nonNegative }).map((r) => ({ name, ...r, ...params })));

const listText = text.filter((s) => !/[、，,；;]/.test(s));

function rawScheme() {
  return fc
    .uniqueArray(text, { minLength: 1, maxLength: 6 })
    .chain((names) => fc.tuple(...names.map(indicator)))
    .chain((indicators) =>
      fc.record(
        {
          name: fc.constant("随机方案"),
          data: fc.record({ sheet: text, headerRow: fc.integer({ min: 1, max: 20 }), name: text, group: text }, { requiredKeys: ["sheet", "name"] }),
          indicators: fc.constant(indicators),
          vetoes: fc.array(text, { maxLength: 3 }),
          vetoMode: fc.constantFrom("exclude", "zero"),
          bonus: fc.record(
            { columns: fc.array(listText, { minLength: 1, maxLength: 3 }), cap: fc.option(nonNegative) },
            { requiredKeys: ["columns"] },
          ),
          deduction: fc.record(
            { columns: fc.array(listText, { minLength: 1, maxLength: 3 }), cap: fc.option(nonNegative) },
            { requiredKeys: ["columns"] },
          ),
          coefficient: text,
          precision: fc.integer({ min: 0, max: 9 }),
          ranking: fc.record({ dense: fc.boolean() }, { requiredKeys: [] }),
          leaderboard: fc.record({ top: fc.integer({ min: 0, max: 10 }), bottom: fc.integer({ min: 0, max: 10 }) }, { requiredKeys: [] }),
          // Thresholds equal at 9 decimals are the same threshold.
          grades: fc.uniqueArray(fc.tuple(number, text), { selector: (g) => Math.round(g[0] * 1e9) + 0, maxLength: 4 }),
          awards: fc.array(fc.tuple(text, fc.integer({ min: 0, max: 20 }), number), { maxLength: 3 }),
          rewards: fc.record(
            {
              byRank: fc.array(
                fc.tuple(
                  fc.integer({ min: -10, max: 10 }).filter((k) => k !== 0),
                  number,
                ),
                { maxLength: 3 },
              ),
              byThreshold: fc.record({ column: text, tiers: fc.array(fc.tuple(number, number), { maxLength: 3 }) }),
              byImprovement: fc.record({ column: text, tiers: fc.array(fc.tuple(number, number), { maxLength: 3 }) }),
            },
            { requiredKeys: [] },
          ),
          fines: fc.array(fc.record({ column: text, amount: nonNegative }), { maxLength: 3 }),
          progress: fc.record(
            { done: text, task: text, stages: fc.array(positive, { minLength: 1, maxLength: 6 }) },
            { requiredKeys: ["done", "task"] },
          ),
        },
        { requiredKeys: ["name", "data", "indicators"] },
      ),
    );
}
