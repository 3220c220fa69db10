/**
 * 按名次奖惩: a positive bound k pays ranks 1..k (the smallest bound that covers the rank wins); a negative bound −k
 * fines the k last places (the smallest |bound| that covers the place from the bottom wins). A matching positive
 * tier beats a negative one.
 */
export interface RankTier {
  bound: number;
  amount: number;
}

export function rankBonus(rank: number, placeFromBottom: number, tiers: readonly RankTier[]): number {
  let top: RankTier | undefined;
  let last: RankTier | undefined;
  for (const t of tiers) {
    if (t.bound > 0 && rank <= t.bound && (!top || t.bound < top.bound)) top = t;
    if (t.bound < 0 && placeFromBottom <= -t.bound && (!last || t.bound > last.bound)) last = t;
  }
  return top ? top.amount : last ? last.amount : 0;
}
