/**
 * Scheme-version-2 workbooks for the formula tests (HyperFormula, LibreOffice, shape): the worked example of
 * test/cli/score-v2.test.ts (per-unit rate, votes, periodic from month sheets whose names are written differently,
 * a ledger, 单项末位, pay), and `randomV2Case`: random schemes over a data sheet, two month sheets (units in
 * another order, some missing, names with stray and full-width spaces) and a ledger, exercising per-unit
 * parameters, per, periodic blends, other-sheet value columns, votes, the ledger with caps, disqualifyLast and pay.
 */
import fc from "fast-check";
import { Cell } from "../../../src/core/values";
import { parseCsv } from "../../../scripts/make-demo-workbook";

export interface V2Case {
  name: string;
  scheme: Record<string, unknown>;
  /** Every sheet by name; the data sheet is scheme.data.sheet. */
  sheets: Record<string, Cell[][]>;
}

export const WORKED_SCHEME = {
  name: "2025年度村级考核（第二版）",
  data: { sheet: "村级考核", headerRow: 1, name: "村名" },
  indicators: [
    { name: "参保", column: "已参保户数", per: "任务户数", method: "target", target: 0.9, points: 40 },
    { name: "评议", method: "vote", columns: ["满意", "基本满意", "不满意"], points: 20 },
    { name: "党建", column: "党建", method: "points", points: 40, periodic: ["1月!党建", "2月!党建"], periodicWeight: 0.5 },
  ],
  vetoes: ["安全事故"],
  ledger: { sheet: "加减分台账", unit: "单位", points: "分值", reason: "事由", date: "日期" },
  disqualifyLast: ["评议"],
  rewards: {
    byRank: [
      [1, 1000],
      [-1, -300],
    ],
  },
  pay: { base: 1500, amount: 2000, full: 100, pass: 60, collective: "集体" },
};

export const WORKED_SHEETS: Record<string, Cell[][]> = {
  村级考核: [
    ["村名", "已参保户数", "任务户数", "满意", "基本满意", "不满意", "党建", "安全事故", "集体"],
    ["甲村", 95, 100, 10, 0, 0, 30, "否", 500],
    ["乙村", 72, 90, 6, 4, 0, 36, "否", null],
    ["丙村", 60, 100, 5, null, 5, 20, "否", 200],
    ["丁村", 88, 100, 8, 2, 0, 40, "是", 100],
  ],
  "1月": [["2025年1月党建打分"], ["村名", "党建", "扣分原因"], ["甲村 ", 40, ""], ["乙村", 30, "会议缺席"], ["丙村", 20, ""]],
  "2月": [["2025年2月党建打分"], ["村名", "党建"], ["丙村", 24], ["甲村", 36]],
  加减分台账: [
    ["日期", "单位", "分值", "事由"],
    ["2025-03-02", "甲村", 2, "好人好事"],
    ["2025-04-10", "乙村", -3, "迟报材料"],
  ],
};

export const WORKED_CASE: V2Case = { name: "v2-worked", scheme: WORKED_SCHEME, sheets: WORKED_SHEETS };

/** Names on a month sheet that differ in letter case only (not the unit, for the core) or in width (the unit). */
export const LETTER_CASE: V2Case = {
  name: "v2-letter-case",
  scheme: {
    name: "大小写",
    data: { sheet: "表", headerRow: 1, name: "单位" },
    indicators: [{ name: "党建", column: "党建", method: "points", points: 40, periodic: ["1月!党建"], periodicWeight: 0.5 }],
  },
  sheets: {
    表: [
      ["单位", "党建"],
      ["a组", 30],
      ["b组", 20],
      ["c组", 10],
    ],
    "1月": [
      ["单位", "党建"],
      ["A组", 40],
      ["ｂ组", 36],
      ["c组", 12],
    ],
  },
};

const grid = (lo: number, hi: number, step: number) =>
  fc.integer({ min: Math.round(lo / step), max: Math.round(hi / step) }).map((k) => Number((k * step).toFixed(6)));
const maybeBlank = <T>(arb: fc.Arbitrary<T>, blankWeight = 1) =>
  fc.oneof({ weight: 9, arbitrary: arb as fc.Arbitrary<T | null> }, { weight: blankWeight, arbitrary: fc.constant(null) });

/** How a unit's name is written on a month sheet or the ledger: as on the data sheet, or with stray spaces. */
const spelling = fc.constantFrom<(n: string) => string>(
  (n) => n,
  (n) => `${n} `,
  (n) => ` ${n}`,
  (n) => n.replace("位", "位\u3000"),
  (n) => n.replace(/(\d+)/, (d) => String.fromCharCode(...[...d].map((c) => c.charCodeAt(0) + 0xfee0)))
);

type Ind = Record<string, unknown>;

interface Plan {
  units: number;
  groups: string[] | null;
  kinds: ("rate" | "ownTarget" | "ownLimit" | "ownEfficacy" | "periodic" | "month" | "vote" | "benchmarkRate")[];
  ledger: boolean;
  bonusCap: number | null;
  deductionCap: number | null;
  vetoMode: "exclude" | "zero";
  vetoes: boolean;
  disqualify: boolean;
  pay: boolean;
  precision: number;
}

const plan: fc.Arbitrary<Plan> = fc.record({
  units: fc.integer({ min: 1, max: 9 }),
  groups: fc.constantFrom<string[] | null>(null, ["行政村", "社区"]),
  kinds: fc.array(fc.constantFrom("rate", "ownTarget", "ownLimit", "ownEfficacy", "periodic", "month", "vote", "benchmarkRate"), {
    minLength: 1,
    maxLength: 5,
  }),
  ledger: fc.boolean(),
  bonusCap: fc.constantFrom<number | null>(null, 3),
  deductionCap: fc.constantFrom<number | null>(null, 4),
  vetoMode: fc.constantFrom("exclude", "zero"),
  vetoes: fc.boolean(),
  disqualify: fc.boolean(),
  pay: fc.boolean(),
  precision: fc.integer({ min: 0, max: 3 }),
}) as fc.Arbitrary<Plan>;

/** Each indicator's definition and the data columns it needs (header → per-unit value arbitrary). */
function indicatorOf(kind: Plan["kinds"][number], k: number): { def: Ind; columns: [string, fc.Arbitrary<Cell>][]; month?: string } {
  const v = `值${k}`;
  const points = 10;
  switch (kind) {
    case "rate":
      return {
        def: { column: v, per: `户数${k}`, method: "target", target: 0.9, points },
        columns: [
          [v, maybeBlank(grid(0, 120, 4))],
          [`户数${k}`, grid(40, 120, 20)],
        ],
      };
    case "benchmarkRate":
      return {
        def: { column: v, per: `户数${k}`, method: "benchmark", points },
        columns: [
          [v, maybeBlank(grid(0, 120, 4))],
          [`户数${k}`, grid(40, 120, 20)],
        ],
      };
    case "ownTarget":
      return {
        def: { column: v, method: "target", target: { column: `任务${k}` }, cap: 1.2, points },
        columns: [
          [v, maybeBlank(grid(0, 60, 5))],
          [`任务${k}`, grid(10, 50, 10)],
        ],
      };
    case "ownLimit":
      return {
        def: { column: v, method: "limit", limit: { column: `限值${k}` }, step: 1, deduct: 2, points },
        columns: [
          [v, maybeBlank(grid(0, 12, 0.5))],
          [`限值${k}`, grid(0, 8, 1)],
        ],
      };
    case "ownEfficacy":
      return {
        def: { column: v, method: "efficacy", good: { column: `满意值${k}` }, bad: 0, points },
        columns: [
          [v, maybeBlank(grid(-2, 14, 1))],
          [`满意值${k}`, grid(5, 12, 1)],
        ],
      };
    case "periodic":
      return {
        def: { column: v, method: "points", points, periodic: [`平时${k}甲`, `1月!平时${k}`, `平时${k}乙`], periodicWeight: 0.3 },
        columns: [
          [v, maybeBlank(grid(0, 12, 0.5))],
          [`平时${k}甲`, maybeBlank(grid(0, 10, 1), 4)],
          [`平时${k}乙`, maybeBlank(grid(0, 10, 1), 4)],
        ],
        month: `平时${k}`,
      };
    case "month":
      return { def: { column: `2月!打分${k}`, method: "points", points }, columns: [], month: `打分${k}` };
    case "vote":
      return {
        def: { column: `满意${k}`, method: "vote", columns: [`满意${k}`, `基本满意${k}`, `不满意${k}`], points },
        columns: [
          [`满意${k}`, maybeBlank(fc.integer({ min: 0, max: 8 }), 2)],
          [`基本满意${k}`, maybeBlank(fc.integer({ min: 0, max: 4 }), 3)],
          [`不满意${k}`, maybeBlank(fc.integer({ min: 0, max: 3 }), 3)],
        ],
      };
  }
}

const ledgerRow = (units: number) =>
  fc.tuple(
    fc.integer({ min: 0, max: units - 1 }),
    spelling,
    fc.constantFrom(-3, -1.5, -0.5, 1, 2, "+1", "－２"),
    fc.constantFrom("迟报", "表扬", "缺席")
  );

export const randomV2Case: fc.Arbitrary<V2Case> = plan.chain((p) => {
  const inds = p.kinds.map((kind, k) => indicatorOf(kind, k + 1));
  const dataCols = inds.flatMap((i) => i.columns);
  const months = inds.filter((i) => i.month).map((i) => i.month as string);
  const unitRow = fc.tuple(
    p.groups ? fc.constantFrom(...p.groups) : fc.constant(null),
    fc.tuple(...dataCols.map((c) => c[1])),
    fc.constantFrom<Cell>("否", "否", "否", "是"),
    maybeBlank(grid(0, 800, 100)),
    fc.tuple(fc.constantFrom(true, true, true, false), fc.constantFrom(true, true, false), spelling),
    fc.tuple(...months.map(() => fc.tuple(maybeBlank(grid(0, 10, 0.5)), maybeBlank(grid(0, 10, 0.5))))),
    maybeBlank(grid(0, 3, 1))
  );
  return fc
    .tuple(
      fc.array(unitRow, { minLength: p.units, maxLength: p.units }),
      fc.array(ledgerRow(p.units), { maxLength: 6 }),
      fc.constantFrom(0, 1)
    )
    .map(([rows, ledgerRows, shuffle]) => {
      const names = rows.map((_, i) => `单位${i + 1}`);
      const header = ["单位", ...(p.groups ? ["类别"] : []), ...dataCols.map((c) => c[0]), "安全", "集体"];
      if (p.ledger) header.push("加分");
      const data: Cell[][] = [
        header,
        ...rows.map(([g, vals, veto, coll, , , bonus], i) => [
          names[i],
          ...(p.groups ? [g] : []),
          ...vals,
          veto,
          coll,
          ...(p.ledger ? [bonus] : []),
        ]),
      ];
      // Month sheets: a title row, units in reverse order when shuffled, a unit absent when its flag says so.
      const order = rows.map((_, i) => (shuffle ? rows.length - 1 - i : i));
      const month1: Cell[][] = [["1月打分"], ["单位", ...months]];
      const month2: Cell[][] = [["2月打分"], ["单位", ...months]];
      for (const i of order) {
        const [in1, in2, sp] = rows[i][4];
        const m = rows[i][5];
        if (in1) month1.push([sp(names[i]), ...m.map((x) => x[0])]);
        if (in2) month2.push([names[i], ...m.map((x) => x[1])]);
      }
      const sheets: Record<string, Cell[][]> = { 数据: data, "1月": month1, "2月": month2 };
      const scheme: Record<string, unknown> = {
        name: "随机二版方案",
        data: { sheet: "数据", headerRow: 1, name: "单位", ...(p.groups ? { group: "类别" } : {}) },
        indicators: inds.map((ind, k) => ({ name: `指标${k + 1}`, ...ind.def })),
        vetoMode: p.vetoMode,
        precision: p.precision,
      };
      if (p.vetoes) scheme.vetoes = ["安全"];
      if (p.ledger) {
        sheets["台账"] = [
          ["日期", "单位", "分值", "事由"],
          ...ledgerRows.map(([u, sp, pts, why], j) => [`2025-0${(j % 9) + 1}-01`, sp(names[u]), pts, why]),
        ];
        scheme.ledger = { sheet: "台账", unit: "单位", points: "分值", reason: "事由", date: "日期" };
        scheme.bonus = { columns: ["加分"], cap: p.bonusCap };
        if (p.deductionCap !== null) scheme.deduction = { columns: ["加分"], cap: p.deductionCap };
      }
      if (p.disqualify) scheme.disqualifyLast = [`指标1`, ...(inds.length > 1 ? [`指标${inds.length}`] : [])];
      if (p.pay) scheme.pay = { base: 1500, amount: 2000, full: 100, pass: 30, collective: "集体" };
      return { name: "random-v2", scheme, sheets };
    });
});

/** The v2 sample (samples/v2-*.csv, v2-village.scheme.json) as `npm run samples` lays it out in 二版考核.xlsx. */
export function sampleV2Case(): V2Case {
  const fs = require("fs") as typeof import("fs");
  const dir = `${__dirname}/../../../samples`;
  const csv = (file: string): Cell[][] =>
    parseCsv(fs.readFileSync(`${dir}/${file}`, "utf8")).map((r) =>
      r.map((t) => (t.trim() === "" ? null : /^-?\d+(\.\d+)?$/.test(t.trim()) ? Number(t) : t))
    );
  const titled = (title: string, rows: Cell[][]): Cell[][] => [[title], ...rows];
  return {
    name: "sample-v2",
    scheme: JSON.parse(fs.readFileSync(`${dir}/v2-village.scheme.json`, "utf8")),
    sheets: {
      村级考核: titled("2025年度村级综合考核数据", csv("v2-village.csv")),
      "1月": titled("2025年1月各组打分", csv("v2-month-1.csv")),
      "2月": titled("2025年2月各组打分", csv("v2-month-2.csv")),
      "3月": titled("2025年3月各组打分", csv("v2-month-3.csv")),
      加减分台账: csv("v2-ledger.csv"),
    },
  };
}
