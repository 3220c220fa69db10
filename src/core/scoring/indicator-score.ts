/**
 * One indicator of one unit (SPEC §3 step 1): the cell's value turned into points by the indicator's method.
 * A blank value scores 0 and is missing; a value that cannot be read scores 0 with a problem (the caller names the cell).
 */
import { Indicator } from "../scheme/types";
import { benchmarkScore, DEFAULT_GRADE_FACTORS, efficacy, limitScore, pointsScore, rankPoints, targetScore } from "../scoring-methods";
import { KhError } from "../errors";
import { voteScore } from "../vote-score";
import { Cell, isBlank, readNumber, showCell, textKey } from "../values";

export interface IndicatorOutcome {
  score: number;
  missing: boolean;
  /** A problem with the value, without its cell (the caller names it: only a bad cell pays for its address). */
  problem?: string;
}

/** `无法识别的数值“缺考”`. */
function notANumber(v: Cell): string {
  return `无法识别的数值“${showCell(v)}”`;
}

/** `村级考核!E7：无法识别的数值“缺考”`. */
export function badNumber(address: string, v: Cell): string {
  return `${address}：${notANumber(v)}`;
}

/**
 * The factor of a grade as written in a cell, or undefined. Compared as textKey and case-insensitively, as the live
 * formula's VLOOKUP compares (so “a” finds the grade “A” in both).
 */
export function gradeFactor(grades: Readonly<Record<string, number>>, v: Cell): number | undefined {
  return gradeLookup(grades).get(textKey(v).toUpperCase());
}

/**
 * A grade table by compared key (the first grade of a key wins, as the loop over the table did), made once per
 * table rather than once per cell. Schemes are not changed in place (an edit makes a new scheme), so a table
 * object's lookup stays right.
 */
const lookups = new WeakMap<object, Map<string, number>>();
function gradeLookup(grades: Readonly<Record<string, number>>): Map<string, number> {
  let lookup = lookups.get(grades);
  if (!lookup) {
    lookup = new Map();
    for (const [g, f] of Object.entries(grades)) {
      const key = textKey(g).toUpperCase();
      if (!lookup.has(key)) lookup.set(key, f);
    }
    lookups.set(grades, lookup);
  }
  return lookup;
}

/** What scoring read besides the value (indicator-value.ts): per-unit parameters and vote counts. */
export interface UnitParams {
  target?: number;
  limit?: number;
  good?: number;
  bad?: number;
  votes?: number[];
}

/** The scheme's number, unless the unit has its own. */
const param = (own: number | undefined, scheme: unknown): number => (own !== undefined ? own : (scheme as number));

/**
 * @param best for benchmark: the best value of the unit's group (undefined when the group has none).
 * @param unit the unit's own parameters (SPEC §3.1), which replace the scheme's; vote counts for vote.
 */
export function scoreIndicator(ind: Indicator, v: Cell, best?: number, unit: UnitParams = {}): IndicatorOutcome {
  if (ind.method === "vote") return scoreVotes(ind, unit.votes ?? []);
  if (isBlank(v)) return { score: 0, missing: true };
  if (ind.method === "grade") {
    const grades = ind.grades ?? DEFAULT_GRADE_FACTORS;
    const f = gradeFactor(grades, v);
    if (f === undefined) {
      return {
        score: 0,
        missing: false,
        problem: `等次“${showCell(v)}”不在“${ind.name}”的等次系数中（${Object.keys(grades).join("、")}）`,
      };
    }
    return { score: ind.points * f, missing: false };
  }
  const x = readNumber(v);
  if (typeof x !== "number") return { score: 0, missing: false, problem: notANumber(v) };
  try {
    switch (ind.method) {
      case "points":
        return { score: pointsScore(x, ind.points), missing: false };
      case "target":
        return { score: targetScore(x, param(unit.target, ind.target), ind.points, ind.cap ?? 1), missing: false };
      case "limit":
        return { score: limitScore(x, param(unit.limit, ind.limit), ind.points, ind.step, ind.deduct), missing: false };
      case "efficacy": {
        const [bad, good] = [param(unit.bad, ind.bad), param(unit.good, ind.good)];
        return { score: efficacy(x, bad, good, ind.points, ind.base ?? 0.6), missing: false };
      }
      case "benchmark":
        return { score: best === undefined ? 0 : benchmarkScore(x, best, ind.points), missing: false };
      case "rank":
        if (x < 1) return { score: 0, missing: false, problem: `名次应不小于 1，而不是 ${showCell(v)}` };
        return { score: rankPoints(x, ind.points, ind.step ?? 1), missing: false };
    }
  } catch (e) {
    // Only a scheme built in code without parseScheme can get here (parseScheme checks the parameters).
    if (e instanceof KhError) return { score: 0, missing: false, problem: e.message };
    throw e;
  }
}

/** 民主评议 (VOTESCORE): no votes at all scores 0 and is missing data. */
function scoreVotes(ind: Indicator, votes: readonly number[]): IndicatorOutcome {
  if (votes.every((x) => x === 0)) return { score: 0, missing: true };
  return { score: voteScore(votes, ind.weights, ind.points), missing: false };
}
