/**
 * One indicator of one unit (SPEC §3 step 1): the cell's value turned into points by the indicator's method.
 * A blank value scores 0 and is missing; a value that cannot be read scores 0 with an error naming the cell.
 */
import { Indicator } from "../scheme/types";
import { benchmarkScore, DEFAULT_GRADE_FACTORS, efficacy, limitScore, pointsScore, rankPoints, targetScore } from "../scoring-methods";
import { KhError } from "../errors";
import { Cell, isBlank, readNumber, showCell, textKey } from "../values";

export interface IndicatorOutcome {
  score: number;
  missing: boolean;
  /** A problem with the value, naming the cell. */
  error?: string;
}

/** `村级考核!E7：无法识别的数值“缺考”`. */
export function badNumber(address: string, v: Cell): string {
  return `${address}：无法识别的数值“${showCell(v)}”`;
}

/**
 * The factor of a grade as written in a cell, or undefined. Compared as textKey and case-insensitively, as the live
 * formula's VLOOKUP compares (so “a” finds the grade “A” in both).
 */
export function gradeFactor(grades: Readonly<Record<string, number>>, v: Cell): number | undefined {
  const key = textKey(v).toUpperCase();
  for (const [g, f] of Object.entries(grades)) if (textKey(g).toUpperCase() === key) return f;
  return undefined;
}

/**
 * @param address where the value is (`村级考核!E7`), asked for only when there is a problem to report.
 * @param best for benchmark: the best value of the unit's group (undefined when the group has none).
 */
export function scoreIndicator(ind: Indicator, v: Cell, address: () => string, best?: number): IndicatorOutcome {
  if (isBlank(v)) return { score: 0, missing: true };
  if (ind.method === "grade") {
    const grades = ind.grades ?? DEFAULT_GRADE_FACTORS;
    const f = gradeFactor(grades, v);
    if (f === undefined) {
      return {
        score: 0,
        missing: false,
        error: `${address()}：等次“${showCell(v)}”不在“${ind.name}”的等次系数中（${Object.keys(grades).join("、")}）`,
      };
    }
    return { score: ind.points * f, missing: false };
  }
  const x = readNumber(v);
  if (typeof x !== "number") return { score: 0, missing: false, error: badNumber(address(), v) };
  try {
    switch (ind.method) {
      case "points":
        return { score: pointsScore(x, ind.points), missing: false };
      case "target":
        return { score: targetScore(x, ind.target as number, ind.points, ind.cap ?? 1), missing: false };
      case "limit":
        return { score: limitScore(x, ind.limit as number, ind.points, ind.step, ind.deduct), missing: false };
      case "efficacy":
        return { score: efficacy(x, ind.bad as number, ind.good as number, ind.points, ind.base ?? 0.6), missing: false };
      case "benchmark":
        return { score: best === undefined ? 0 : benchmarkScore(x, best, ind.points), missing: false };
      case "rank":
        if (x < 1) return { score: 0, missing: false, error: `${address()}：名次应不小于 1，而不是 ${showCell(v)}` };
        return { score: rankPoints(x, ind.points, ind.step ?? 1), missing: false };
    }
  } catch (e) {
    // Only a scheme built in code without parseScheme can get here (parseScheme checks the parameters).
    if (e instanceof KhError) return { score: 0, missing: false, error: `${address()}：${e.message}` };
    throw e;
  }
}
