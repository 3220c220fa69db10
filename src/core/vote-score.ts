/** 民主评议: 满意/基本满意/不满意 votes turned into points. */
import { divZeroError, valueError } from "./errors";

export const DEFAULT_VOTE_WEIGHTS: readonly number[] = [1, 0.6, 0];

export function voteScore(votes: readonly number[], weights?: readonly number[], points = 100): number {
  const w = weights ?? (votes.length === 3 ? DEFAULT_VOTE_WEIGHTS : undefined);
  if (!w) throw valueError(`票数有${votes.length}类，须给出同样多的权重（默认权重只适用于 满意/基本满意/不满意 三类）`);
  if (w.length !== votes.length) throw valueError(`票数有${votes.length}类，权重却有${w.length}个`);
  const total = votes.reduce((s, x) => s + x, 0);
  // #DIV/0! kept: a unit not yet appraised has no votes, and a clerk's IFERROR expects that code.
  if (total === 0) throw divZeroError("没有票数，无法计算评议得分");
  return (points * votes.reduce((s, x, i) => s + x * w[i], 0)) / total;
}
