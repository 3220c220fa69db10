/**
 * Rank change between dispatches (SPEC §3.1 “Rank change”), for 第N次调度通报: each unit's 上次名次 from the previous
 * dispatch in 调度记录 and its 升降 (`↑3`, `↓2`, `—`, `新`), the units that moved most, and the issue number 第N期.
 *
 * API
 * - `previousRanks(log, stage)` → Map(unit name → rank) from the previous dispatch: the greatest logged stage below
 *   `stage`; when a dispatch was written more than once, its last rows count (as 调度记录 supersedes them).
 * - `rankChange(previous, rank)` → `↑3` (up 3 places), `↓2`, `—` (same), `新` (no previous rank), "" (no rank now).
 * - `rankChanges(units, log, stage)` → RankMove per unit (same order).
 * - `biggestMoves(moves)` → the units that rose most and those that fell most (ties all named; none when no move).
 * - `issueNumber(log, stage)`: 第N期 — the dispatches logged up to this one, counting it: the distinct stages ≤
 *   `stage` in the log, plus this stage when it is not logged yet (so dispatches 1, 2, 3 in turn are 第1–3期).
 * Names are compared trimmed and full-width folded.
 */
import type { DispatchEntry } from "./sheets/dispatch-log-sheet";
import { textKey } from "./values";

export interface RankMove {
  name: string;
  group: string;
  rank: number | null;
  /** 上次名次; null when the unit was not ranked at the previous dispatch (or there was none). */
  previous: number | null;
  /** previous − rank: positive when the unit rose; null when either is missing. */
  delta: number | null;
  /** 升降: ↑3, ↓2, —, 新 (or "" without a rank now). */
  change: string;
}

export function previousRanks(log: readonly DispatchEntry[], stage: number): Map<string, number> {
  const earlier = log.filter((e) => e.stage < stage);
  const out = new Map<string, number>();
  if (!earlier.length) return out;
  const last = Math.max(...earlier.map((e) => e.stage));
  for (const e of earlier) if (e.stage === last && e.rank !== null) out.set(textKey(e.name), e.rank);
  return out;
}

export function rankChange(previous: number | null | undefined, rank: number | null): string {
  if (rank === null) return "";
  if (previous === null || previous === undefined) return "新";
  if (previous === rank) return "—";
  return previous > rank ? `↑${previous - rank}` : `↓${rank - previous}`;
}

export function rankChanges(
  units: readonly { name: string; group: string; rank: number | null }[],
  log: readonly DispatchEntry[],
  stage: number
): RankMove[] {
  const before = previousRanks(log, stage);
  return units.map((u) => {
    const previous = before.get(textKey(u.name)) ?? null;
    const delta = previous === null || u.rank === null ? null : previous - u.rank;
    return { name: u.name, group: u.group, rank: u.rank, previous, delta, change: rankChange(previous, u.rank) };
  });
}

export function biggestMoves(moves: readonly RankMove[]): { up: RankMove[]; down: RankMove[] } {
  const deltas = moves.map((m) => m.delta).filter((d): d is number => d !== null);
  const most = Math.max(0, ...deltas);
  const least = Math.min(0, ...deltas);
  return {
    up: most > 0 ? moves.filter((m) => m.delta === most) : [],
    down: least < 0 ? moves.filter((m) => m.delta === least) : [],
  };
}

export function issueNumber(log: readonly DispatchEntry[], stage: number): number {
  const stages = new Set(log.map((e) => e.stage).filter((s) => s <= stage));
  stages.add(stage);
  return stages.size;
}
