/** 绩效工资: the performance part of a cadre's pay, by score. */
import { divZeroError } from "./errors";

export function perfPay(score: number, amount: number, full = 100, pass = 0): number {
  // #DIV/0! kept: the pay is score ÷ full score, as a clerk's own formula would divide.
  if (full <= 0) throw divZeroError(`满分应大于 0，而不是 ${full}`);
  if (score < pass) return 0;
  return amount * Math.min(score / full, 1);
}
