/** 分阶段调度: progress of a staged task against what each bulletin requires (30/50/70/80/90% by default). */
import { divZeroError, numError } from "./errors";
import { CellOrGrid, Cell, cellsOf, isBlank, requireNumber } from "./values";

export const DEFAULT_SCHEDULE: readonly number[] = [0.3, 0.5, 0.7, 0.8, 0.9];

/** The stage fractions of a schedule range (fractions or percent texts); blanks skipped. */
export function readSchedule(schedule: CellOrGrid): number[] {
  if (isBlank(schedule as Cell)) return [...DEFAULT_SCHEDULE];
  const out = cellsOf(schedule)
    .filter((c) => !isBlank(c))
    .map((c) => requireNumber(c));
  return out.length ? out : [...DEFAULT_SCHEDULE];
}

/** What stage k (1-based) requires, as a fraction. */
export function stageRequirement(stage: number, schedule: readonly number[]): number {
  if (!Number.isInteger(stage) || stage < 1 || stage > schedule.length) {
    // #NUM!, as SPEC §2.2 fixes it (its worked example STAGEPCT(40, 100, 6) → #NUM!); Excel shows the bare code.
    throw numError(`调度阶段应为 1 到 ${schedule.length} 的整数，而不是 ${stage}`);
  }
  return schedule[stage - 1];
}

export function completion(done: number, task: number): number {
  // #DIV/0! kept: a task of 0 is a division by zero, and a clerk's IFERROR/ISERROR expects that code.
  if (task <= 0) throw divZeroError(`任务数应大于 0，而不是 ${task}`);
  return done / task;
}

/** Completion, or with a stage: completion against what the stage requires. */
export function stagePct(done: number, task: number, stage?: number, schedule: readonly number[] = DEFAULT_SCHEDULE): number {
  const pct = completion(done, task);
  if (stage === undefined) return pct;
  return pct / stageRequirement(stage, schedule);
}

/** How many more are needed to meet stage k. */
export function stageGap(done: number, task: number, stage: number, schedule: readonly number[] = DEFAULT_SCHEDULE): number {
  completion(done, task);
  const required = stageRequirement(stage, schedule) * task;
  return Math.max(0, Math.ceil(required - done - 1e-9));
}
