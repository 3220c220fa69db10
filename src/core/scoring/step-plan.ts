/**
 * What steps 2–8 of scoring (score-units.ts) use for every unit, worked out once per scoring rather than once per
 * unit: the column sources of bonus, deduction, coefficient, vetoes, rewards, fines and pay, and the scheme's tables
 * in the form the steps read them (tiers, rank bonuses, award rules, the fines' words).
 *
 * API: `stepPlan(scheme, sources)` → StepPlan; the sources are those resolveSources found (every column the
 * scheme names is there, else resolveSources threw).
 */
import { Scheme } from "../scheme/types";
import { Path } from "../scheme/errors";
import { AwardRule } from "../award";
import { RankTier } from "../rank-bonus";
import { Tier } from "../tier";
import { PAY_LABELS, PayKey } from "./pay";
import { asPercent, fineWords } from "./reward-text";
import { ColumnSource, Sources } from "./sources";

/** A reward table (threshold → amount) as TIER reads it, each tier giving back its own row. */
export type RewardTiers = Tier<[number, number]>[];

export interface FinePlan {
  source: ColumnSource;
  column: string;
  amount: number;
  /** 缺签次数 → 缺签 and 次 (reward-text's fineWords). */
  what: string;
  unit: string;
}

export interface StepPlan {
  bonus: ColumnSource[];
  deduction: ColumnSource[];
  coefficient?: ColumnSource;
  vetoes: ColumnSource[];
  /** The grade tiers, and the grade of the lowest threshold (what an excluded unit is graded). */
  grades: Tier<string>[];
  lastGrade: string;
  awards: AwardRule[];
  byRank: RankTier[];
  /** With the column as the scheme writes it (for the basis text) and whether its thresholds read as percents. */
  threshold?: { source: ColumnSource; column: string; tiers: RewardTiers; percent: boolean };
  improvement?: { source: ColumnSource; column: string; tiers: RewardTiers };
  fines: FinePlan[];
  /** The pay parts read per unit (a part given as a number has none). */
  pay: Partial<Record<PayKey, ColumnSource>>;
}

const PAY_KEYS = Object.keys(PAY_LABELS) as PayKey[];

/** The grade of the lowest threshold. */
function lastGrade(grades: readonly [number, string][]): string {
  let last: [number, string] | undefined;
  for (const g of grades) if (!last || g[0] < last[0]) last = g;
  return last ? last[1] : "";
}

function rewardTiers(tiers: readonly [number, number][]): RewardTiers {
  return tiers.map((t) => ({ threshold: t[0], result: t }));
}

export function stepPlan(scheme: Scheme, sources: Sources): StepPlan {
  const at = (...path: Path) => sources.at(path) as ColumnSource;
  const { rewards, pay } = scheme;
  const grades = scheme.grades ?? [];
  const threshold = rewards?.byThreshold;
  const improvement = rewards?.byImprovement;
  const payColumns: StepPlan["pay"] = {};
  for (const key of PAY_KEYS) if (pay && typeof pay[key] !== "number") payColumns[key] = at("pay", key, "column");
  return {
    bonus: (scheme.bonus?.columns ?? []).map((_, k) => at("bonus", "columns", k)),
    deduction: (scheme.deduction?.columns ?? []).map((_, k) => at("deduction", "columns", k)),
    coefficient: scheme.coefficient ? at("coefficient") : undefined,
    vetoes: (scheme.vetoes ?? []).map((_, k) => at("vetoes", k)),
    grades: grades.map(([threshold, result]) => ({ threshold, result })),
    lastGrade: lastGrade(grades),
    awards: (scheme.awards ?? []).map(([award, quota, minimum]) => ({ award, quota, minimum })),
    byRank: (rewards?.byRank ?? []).map(([bound, amount]) => ({ bound, amount })),
    threshold: threshold && {
      source: at("rewards", "byThreshold", "column"),
      column: threshold.column,
      tiers: rewardTiers(threshold.tiers),
      percent: asPercent(threshold.tiers.map((x) => x[0])),
    },
    improvement: improvement && {
      source: at("rewards", "byImprovement", "column"),
      column: improvement.column,
      tiers: rewardTiers(improvement.tiers),
    },
    fines: (scheme.fines ?? []).map((f, k) => ({
      source: at("fines", k, "column"),
      column: f.column,
      amount: f.amount,
      ...fineWords(f.column),
    })),
    pay: payColumns,
  };
}
