/**
 * 等次名额: awards with quotas and minimum scores, best award first. Units are taken best score first; each gets the
 * first award whose minimum it reaches and whose quota is not used up. Tied units get the same award even past
 * the quota, and all count against it.
 */
import { tieKey } from "./round";

export interface AwardRule {
  award: string;
  /** Places; undefined = no limit. */
  quota?: number;
  /** Minimum score; undefined = none. */
  minimum?: number;
}

/** The award of each score ("" for none), in the order of `scores`. */
export function assignAwards(scores: readonly number[], rules: readonly AwardRule[]): string[] {
  const order = scores.map((s, i) => ({ key: tieKey(s), i })).sort((a, b) => b.key - a.key || a.i - b.i);
  const used = rules.map(() => 0);
  const out = scores.map(() => "");
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && order[end].key === order[start].key) end++;
    const score = order[start].key;
    const r = rules.findIndex(
      (rule, k) => (rule.minimum === undefined || score >= tieKey(rule.minimum)) && (rule.quota === undefined || used[k] < rule.quota)
    );
    if (r >= 0) {
      used[r] += end - start;
      for (let j = start; j < end; j++) out[order[j].i] = rules[r].award;
    }
    start = end;
  }
  return out;
}
