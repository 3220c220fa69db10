/** 连续后三名: the longest run of dispatches in which a unit stood among the last `bottom` places. */
export function lagStreak(ranks: readonly (number | null)[], counts: readonly (number | null)[], bottom = 3): number {
  let best = 0;
  let run = 0;
  ranks.forEach((rank, i) => {
    const count = counts[i];
    if (rank === null || count === null) return; // blanks are skipped and do not break a run
    if (rank > count - bottom) best = Math.max(best, ++run);
    else run = 0;
  });
  return best;
}
