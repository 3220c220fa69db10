/**
 * The scoring methods of a 百分制 indicator: 完成率法 (target), 逆向指标 (limit), 功效系数法 (efficacy).
 * Each returns points for one unit; the scheme and the KH.* functions share them.
 */
import { divZeroError, valueError } from "./errors";
import { tieKey } from "./round";

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** 完成率法: points × clamp(actual/target, 0, cap). */
export function targetScore(actual: number, target: number, points: number, cap = 1): number {
  // #DIV/0! kept: a blank target is a division by zero, which a clerk's formula may test for.
  if (target <= 0) throw divZeroError(`目标值应大于 0，而不是 ${target}`);
  return points * clamp(actual / target, 0, cap);
}

/**
 * 逆向指标 (lower is better): full points up to the limit; above it, `deduct` per started `step`,
 * or without a step, points × limit/actual.
 */
export function limitScore(actual: number, limit: number, points: number, step?: number, deduct?: number): number {
  if (tieKey(actual) <= tieKey(limit)) return points;
  if (step !== undefined || deduct !== undefined) {
    if (step === undefined || deduct === undefined) throw valueError("逆向指标的扣分步长（step）与每步扣分（deduct）须同时给出");
    if (step <= 0) throw valueError(`扣分步长应大于 0，而不是 ${step}`);
    return Math.max(0, points - Math.ceil((actual - limit) / step - 1e-9) * deduct);
  }
  if (limit === 0) return 0;
  return (points * limit) / actual;
}

/** 功效系数法: base at the bad value, full points at the good one, linear between, clamped; reverse when bad > good. */
export function efficacy(actual: number, bad: number, good: number, points = 100, base = 0.6): number {
  // #DIV/0!, as SPEC §2.2 fixes it (a clerk's IFERROR may test for it; Excel shows the code without the message).
  if (good === bad) throw divZeroError("功效系数法的满意值与不允许值不能相同");
  return points * clamp(base + ((1 - base) * (actual - bad)) / (good - bad), 0, 1);
}

/** 直接打分: the entered score, clamped to [0, points]. */
export function pointsScore(entered: number, points: number): number {
  return clamp(entered, 0, points);
}

/** 标杆法: points × value ÷ the best value of the group; 0 when the best is ≤ 0, never below 0. */
export function benchmarkScore(value: number, best: number, points: number): number {
  if (best <= 0) return 0;
  return Math.max(0, (points * value) / best);
}

/** 排名赋分: a rank entered by the clerk turned into points. */
export function rankPoints(rank: number, points: number, step = 1): number {
  return Math.max(0, points - (rank - 1) * step);
}

/** 定性等次: points × the grade's factor. */
export const DEFAULT_GRADE_FACTORS: Readonly<Record<string, number>> = { 优: 1, 良: 0.8, 中: 0.6, 差: 0.4 };
