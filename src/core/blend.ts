/** 年终、平时并举: spot checks and the year-end check merged by a fixed weight. */
import { numError } from "./errors";

export function blend(periodic: readonly number[], yearEnd: number, periodicWeight: number): number {
  // #NUM!, as SPEC §2.2 fixes it (Excel then shows the code without this message; the pane and kh show it).
  if (!(periodicWeight >= 0 && periodicWeight <= 1)) throw numError(`平时成绩权重应在 0 到 1 之间，而不是 ${periodicWeight}`);
  if (periodic.length === 0) return yearEnd;
  const mean = periodic.reduce((s, x) => s + x, 0) / periodic.length;
  return periodicWeight * mean + (1 - periodicWeight) * yearEnd;
}
