/** SPEC §3.1 fields in the JSON scheme: shapes, normal form, and a Chinese message naming the field for each mistake. */
import { messages } from "./scheme-messages";
import { parseScheme } from "../../../src/core/scheme/parse";

const base = { name: "测", data: { sheet: "表", name: "单位" } };
const points = { name: "x", column: "c", method: "points", points: 100 };
const scheme = (parts: Record<string, unknown>) => ({ ...base, indicators: [points], ...parts });
const ind = (i: Record<string, unknown>) => ({ ...base, indicators: [{ name: "参保", column: "完成", points: 100, ...i }] });

/** (scheme, its first message). */
const MISTAKES: [unknown, string][] = [
  [
    ind({ method: "target", target: { colum: "任务" } }),
    '方案第1个指标（参保）：“目标值”（target）中不认识的字段“colum”（按列读取应写成 {"column": "列名"}）',
  ],
  [ind({ method: "target", target: "任务" }), '方案第1个指标（参保）：“目标值”（target）应为数值或{"column": "列名"}，而不是“任务”'],
  [
    ind({ method: "vote", columns: ["好", "差"] }),
    "方案第1个指标（参保）：缺少“评议权重”（weights）：评议票数列有 2 列，默认权重 1、0.6、0 只适用于 满意/基本满意/不满意 三列",
  ],
  [
    { ...base, indicators: [{ name: "评议", method: "vote", points: 100 }] },
    '方案第1个指标（评议）：缺少“评议票数列”（columns），民主评议须填写（如 ["满意", "基本满意", "不满意"]）',
  ],
  [
    ind({ method: "vote", columns: ["a", "b", "c"], weights: [1, 2] }),
    "方案第1个指标（参保）：“评议权重”（weights）有 2 个，应与评议票数列（3 列）一一对应",
  ],
  [
    ind({ method: "points", periodic: ["p"] }),
    "方案第1个指标（参保）：缺少“平时成绩权重”（periodicWeight）：填写了平时成绩列，须同时填写平时成绩权重（0 到 1）",
  ],
  [
    ind({ method: "points", periodic: ["p"], periodicWeight: 1.5 }),
    "方案第1个指标（参保）：“平时成绩权重”（periodicWeight）应不大于 1，而不是 1.5",
  ],
  [{ ...base, indicators: [{ name: "x", method: "points", points: 100 }] }, "方案第1个指标（x）：缺少“数据列”（column）"],
  [scheme({ pay: { base: 1 } }), "方案：缺少“绩效工资额”（pay.amount）"],
  [scheme({ pay: { amount: 1, full: 0 } }), "方案：“绩效满分”（pay.full）应大于 0，而不是 0"],
  [scheme({ pay: { amount: 1, collective: true } }), "方案：“集体经济奖金”（pay.collective）应为数值或列名，而不是 true"],
  [scheme({ ledger: { sheet: "台账", unit: "单位", point: "分值" } }), "方案：缺少“台账分值列”（ledger.points）"],
  [scheme({ sheets: { "1月": { headerRow: 0 } } }), "方案的其他表设置（1月）：“表头行”（headerRow）应不小于 1，而不是 0"],
  [scheme({ disqualifyLast: ["y"] }), "方案的单项末位：“第1项”（disqualifyLast[0]）“y”不是方案中的指标（应填指标名称：x）"],
];

describe("v2 fields: mistakes are errors naming the field", () => {
  test.each(MISTAKES.map(([json, first]) => [first, json]))("%s", (first, json) => {
    expect(messages(json)[0]).toBe(first);
  });

  test("misspelt keys stay errors in every new section", () => {
    expect(messages(scheme({ ledger: { sheet: "台账", unit: "单位", points: "分值", reasn: "事由" } }))).toContain(
      "方案：不认识的字段“reasn”（拼写有误？）"
    );
    expect(messages(scheme({ pay: { amount: 1, bse: 2 } }))).toContain("方案：不认识的字段“bse”（拼写有误？）");
    expect(messages(scheme({ sheets: { "1月": { nam: "村名" } } }))).toContain("方案的其他表设置（1月）：不认识的字段“nam”（拼写有误？）");
    expect(messages(ind({ method: "points", perr: "任务" }))).toContain("方案第1个指标（参保）：不认识的字段“perr”（拼写有误？）");
  });
});

describe("v2 fields: warnings and normal form", () => {
  test("per and periodic on a method without a numeric value are ignored with a warning", () => {
    const r = parseScheme(ind({ method: "grade", per: "p", periodic: ["a"], periodicWeight: 0.3 }));
    expect(r.warnings).toEqual([
      "方案第1个指标（参保）：“分母列”（per）对定性等次无效，已忽略",
      "方案第1个指标（参保）：“平时成绩列”（periodic）对定性等次无效，已忽略",
      "方案第1个指标（参保）：“平时成绩权重”（periodicWeight）对定性等次无效，已忽略",
    ]);
    expect(r.scheme.indicators[0]).not.toHaveProperty("per");
  });

  test("normal form is stable: parsing it again gives the same scheme and no warnings", () => {
    const json = {
      ...base,
      indicators: [
        { name: "参保", column: "已参保户数", per: "任务户数", method: "target", points: 30, target: { column: "目标" } },
        { name: "评议", method: "vote", points: 20, columns: ["满意", "基本满意", "不满意"] },
        { name: "党建", column: "年终", method: "points", points: 50, periodic: ["1月!党建", "2月!党建"], periodicWeight: 0.3 },
      ],
      sheets: { "1月": { headerRow: 2 } },
      ledger: { sheet: "台账", unit: "单位", points: "分值", reason: "事由", date: "日期" },
      disqualifyLast: ["党建"],
      pay: { amount: { column: "绩效额" }, collective: "集体经济奖金" },
    };
    const once = parseScheme(json);
    expect(once.warnings).toEqual([]);
    const twice = parseScheme(JSON.parse(JSON.stringify(once.scheme)));
    expect(twice.scheme).toEqual(once.scheme);
    expect(twice.warnings).toEqual([]);
    expect(once.scheme.indicators[1]).toEqual({
      name: "评议",
      column: "满意",
      method: "vote",
      points: 20,
      columns: ["满意", "基本满意", "不满意"],
      weights: [1, 0.6, 0],
    });
    expect(once.scheme.pay).toEqual({ base: 0, amount: { column: "绩效额" }, full: 100, pass: 0, collective: { column: "集体经济奖金" } });
  });
});
