/** 年终、平时并举: spot checks and the year-end check merged by a fixed weight. */
import { valueError } from "./errors";

export function blend(periodic: readonly number[], yearEnd: number, periodicWeight: number): number {
  if (!(periodicWeight >= 0 && periodicWeight <= 1)) throw valueError(`平时成绩权重应在 0 到 1 之间，而不是 ${periodicWeight}`);
  if (periodic.length === 0) return yearEnd;
  const mean = periodic.reduce((s, x) => s + x, 0) / periodic.length;
  return periodicWeight * mean + (1 - periodicWeight) * yearEnd;
}
