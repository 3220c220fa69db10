/** 龙虎榜: units best first, the top marked 龙榜 and the bottom 虎榜. */
import { RankOptions, RankTable } from "./ranking";

export const DRAGON = "龙榜";
export const TIGER = "虎榜";

export interface LeaderboardRow {
  rank: number;
  name: string;
  score: number;
  mark: "" | typeof DRAGON | typeof TIGER;
}

/** The mark of a unit by its rank and its place from the bottom. */
export function boardMark(rank: number, placeFromBottom: number, top: number, bottom: number): LeaderboardRow["mark"] {
  if (rank <= top) return DRAGON;
  if (placeFromBottom <= bottom) return TIGER;
  return "";
}

export function leaderboard(
  units: readonly { name: string; score: number }[],
  top = 3,
  bottom = 3,
  options: RankOptions = {}
): LeaderboardRow[] {
  const table = new RankTable(
    units.map((u) => u.score),
    options
  );
  const rows = units.map((u, i) => {
    const rank = table.rankOf(u.score) as number;
    return { i, row: { rank, name: u.name, score: u.score, mark: boardMark(rank, table.placeFromBottom(u.score) as number, top, bottom) } };
  });
  // Array.prototype.sort is stable, so tied units keep their input order.
  rows.sort((a, b) => a.row.rank - b.row.rank || a.i - b.i);
  return rows.map((r) => r.row);
}
