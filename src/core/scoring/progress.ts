/**
 * 分阶段调度 (SPEC §3 step 9): each unit's completion at stage k against what the stage requires, the gap, and its
 * rank by completion within its group (with 龙榜/虎榜 marks as the scheme's leaderboard says).
 */
import { Scheme } from "../scheme/types";
import { SchemeError } from "../scheme/errors";
import { DataTable, DataUnit } from "../data-table";
import { boardMark } from "../leaderboard";
import { RankTable } from "../ranking";
import { DEFAULT_SCHEDULE, stageGap, stageRequirement } from "../stage";
import { tieKey } from "../round";
import { readNumber, showCell } from "../values";
import { ProgressTotal, StageProgress, UnitProgress } from "./types";

/**
 * @param columns the done and task column indices.
 * @param errors one list per unit, appended to.
 */
export function stageProgress(
  scheme: Scheme,
  table: DataTable,
  columns: { done: number; task: number },
  stage: number,
  errors: string[][]
): StageProgress {
  const stages = scheme.progress?.stages ?? [...DEFAULT_SCHEDULE];
  if (!Number.isInteger(stage) || stage < 1 || stage > stages.length) {
    throw new SchemeError([`调度阶段应为 1 到 ${stages.length} 的整数，而不是 ${stage}（方案的“各阶段要求”有 ${stages.length} 个阶段）`]);
  }
  const required = stageRequirement(stage, stages);
  const read = (u: DataUnit, i: number, col: number): number | null => {
    const v = table.value(u, col);
    const n = readNumber(v);
    if (n === undefined) {
      errors[i].push(`${table.address(u, col)}：无法识别的数值“${showCell(v)}”`);
      return null;
    }
    return n;
  };
  const units: UnitProgress[] = table.units.map((u, i) => {
    const done = read(u, i, columns.done);
    const task = read(u, i, columns.task);
    let completion: number | null = null;
    let gap: number | null = null;
    if (done !== null && task !== null) {
      if (task <= 0) errors[i].push(`${table.address(u, columns.task)}：任务数应大于 0，而不是 ${task}`);
      else {
        completion = done / task;
        gap = stageGap(done, task, stage, stages);
      }
    }
    const met = completion !== null && tieKey(completion) >= tieKey(required);
    return { name: u.name, group: u.group, done, task, completion, required, gap, met, rank: null, mark: "" };
  });

  const groups = new Map<string, number[]>();
  units.forEach((p, i) => {
    if (p.completion === null) return;
    const list = groups.get(p.group);
    if (list) list.push(i);
    else groups.set(p.group, [i]);
  });
  const top = scheme.leaderboard?.top ?? 3;
  const bottom = scheme.leaderboard?.bottom ?? 3;
  for (const members of groups.values()) {
    const rt = new RankTable(
      members.map((i) => units[i].completion as number),
      { dense: !!scheme.ranking?.dense }
    );
    for (const i of members) {
      const c = units[i].completion as number;
      const rank = rt.rankOf(c) as number;
      units[i].rank = rank;
      units[i].mark = boardMark(rank, rt.placeFromBottom(c) as number, top, bottom);
    }
  }

  const total = (group: string, members: UnitProgress[]): ProgressTotal => {
    let done = 0;
    let task = 0;
    for (const p of members) {
      if (p.completion === null) continue;
      done += p.done as number;
      task += p.task as number;
    }
    return { group, done, task, completion: task > 0 ? done / task : 0 };
  };
  const totals = [total("", units)];
  if (scheme.data.group !== undefined) {
    const names = [...new Set(table.units.map((u) => u.group))];
    for (const g of names)
      totals.push(
        total(
          g,
          units.filter((p) => p.group === g)
        )
      );
  }
  return { stage, required, units, totals };
}
