/**
 * Random schemes and data sheets for the formula-equality properties: every method with its parameters, caps,
 * coefficients, vetoes (both modes), groups, grade tables in any order, dense ranking, and values on coarse grids so
 * that ties are common. Data never holds an unreadable value (the workflow refuses those before writing anything).
 */
import fc from "fast-check";
import { Cell } from "../../../src/core/values";

export interface RandomCase {
  scheme: Record<string, unknown>;
  values: Cell[][];
}

const grid = (lo: number, hi: number, step: number) =>
  fc.integer({ min: Math.round(lo / step), max: Math.round(hi / step) }).map((k) => Number((k * step).toFixed(6)));
const maybeBlank = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: arb as fc.Arbitrary<T | null> }, { weight: 1, arbitrary: fc.constant(null) });

interface IndicatorGen {
  def: Record<string, unknown>;
  value: fc.Arbitrary<Cell>;
}

const points = fc.constantFrom(5, 10, 12.5, 20);

const indicatorGen: fc.Arbitrary<IndicatorGen> = fc.oneof(
  points.map((p) => ({ def: { method: "points", points: p }, value: maybeBlank(grid(-2, p + 3, 0.5)) })),
  fc.tuple(points, fc.constantFrom(0.91, 0.5, 80, 100), fc.constantFrom(1, 1.2)).map(([p, target, cap]) => ({
    def: { method: "target", points: p, target, cap },
    value: maybeBlank(grid(0, target * 1.5, target / 20)),
  })),
  fc
    .tuple(points, fc.constantFrom(0, 5, 14), fc.constantFrom<[number, number] | null>(null, [1, 2], [0.5, 1], [2, 3]))
    .map(([p, limit, steps]) => ({
      def: { method: "limit", points: p, limit, ...(steps ? { step: steps[0], deduct: steps[1] } : {}) },
      value: maybeBlank(grid(0, limit + 6, 0.5)),
    })),
  fc
    .tuple(points, fc.constantFrom<[number, number]>([1000, 0], [6, 12], [12, 6]), fc.constantFrom(0.6, 0.5))
    .map(([p, [good, bad], base]) => ({
      def: { method: "efficacy", points: p, good, bad, base },
      value: maybeBlank(grid(Math.min(good, bad) - 3, Math.max(good, bad) + 3, (Math.abs(good - bad) || 1) / 20)),
    })),
  fc.tuple(points, fc.constantFrom<Record<string, number> | null>(null, { A: 1, B: 0.7, C: 0.3 })).map(([p, grades]) => ({
    def: { method: "grade", points: p, ...(grades ? { grades } : {}) },
    value: maybeBlank(fc.constantFrom(...Object.keys(grades ?? { 优: 1, 良: 0.8, 中: 0.6, 差: 0.4 }))),
  })),
  points.map((p) => ({ def: { method: "benchmark", points: p }, value: maybeBlank(grid(-20, 300, 10)) })),
  fc
    .tuple(points, fc.constantFrom(1, 0.5, 2))
    .map(([p, step]) => ({ def: { method: "rank", points: p, step }, value: maybeBlank(fc.integer({ min: 1, max: 15 })) }))
);

const vetoValue: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Cell>("否", null, 0, "×") },
  { weight: 2, arbitrary: fc.constantFrom<Cell>("是", "√", 1, "Y") }
);

export const randomCase: fc.Arbitrary<RandomCase> = fc
  .record({
    units: fc.integer({ min: 1, max: 10 }),
    groups: fc.constantFrom<string[] | null>(null, ["行政村"], ["行政村", "社区"], ["甲", "乙", "丙"]),
    indicators: fc.array(indicatorGen, { minLength: 1, maxLength: 5 }),
    vetoes: fc.integer({ min: 0, max: 2 }),
    vetoMode: fc.constantFrom("exclude", "zero"),
    bonus: fc.integer({ min: 0, max: 2 }),
    bonusCap: fc.constantFrom<number | null>(null, 3, 5),
    deduction: fc.integer({ min: 0, max: 1 }),
    deductionCap: fc.constantFrom<number | null>(null, 4),
    coefficient: fc.boolean(),
    precision: fc.integer({ min: 0, max: 3 }),
    dense: fc.boolean(),
    grades: fc.constantFrom<[number, string][] | null>(
      null,
      [
        [90, "优秀"],
        [80, "良好"],
        [60, "合格"],
        [0, "不合格"],
      ],
      [
        [60, "合格"],
        [0, "不合格"],
        [85, "优秀"],
      ],
      [[50, "达标"]]
    ),
  })
  .chain((p) => {
    const cols = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    const indNames = p.indicators.map((_, i) => `指标${i + 1}`);
    const vetoCols = cols("否决", p.vetoes);
    const bonusCols = cols("加分", p.bonus);
    const dedCols = cols("扣分", p.deduction);
    const header = [
      "单位",
      ...(p.groups ? ["类别"] : []),
      ...indNames,
      ...vetoCols,
      ...bonusCols,
      ...dedCols,
      ...(p.coefficient ? ["系数"] : []),
    ];
    const row = fc.tuple(
      p.groups ? fc.constantFrom(...p.groups) : fc.constant(null),
      fc.tuple(...p.indicators.map((g) => g.value)),
      fc.array(vetoValue, { minLength: p.vetoes, maxLength: p.vetoes }),
      fc.array(maybeBlank(grid(-1, 4, 1)), { minLength: p.bonus, maxLength: p.bonus }),
      fc.array(maybeBlank(grid(-3, 3, 0.5)), { minLength: p.deduction, maxLength: p.deduction }),
      maybeBlank(fc.constantFrom(1, 0.95, 1.05, 1.2))
    );
    return fc.array(row, { minLength: p.units, maxLength: p.units }).map((rows) => {
      const values: Cell[][] = [header];
      rows.forEach(([group, inds, vetoes, bonus, ded, coef], i) => {
        values.push([`单位${i + 1}`, ...(p.groups ? [group] : []), ...inds, ...vetoes, ...bonus, ...ded, ...(p.coefficient ? [coef] : [])]);
      });
      const scheme: Record<string, unknown> = {
        name: "随机方案",
        data: { sheet: "数据", headerRow: 1, name: "单位", ...(p.groups ? { group: "类别" } : {}) },
        indicators: p.indicators.map((g, i) => ({ name: indNames[i], column: indNames[i], ...g.def })),
        vetoMode: p.vetoMode,
        precision: p.precision,
        ranking: { dense: p.dense },
      };
      if (vetoCols.length) scheme.vetoes = vetoCols;
      if (bonusCols.length) scheme.bonus = { columns: bonusCols, cap: p.bonusCap };
      if (dedCols.length) scheme.deduction = { columns: dedCols, cap: p.deductionCap };
      if (p.coefficient) scheme.coefficient = "系数";
      if (p.grades) scheme.grades = p.grades;
      return { scheme, values };
    });
  });
