/** What the core says each cell of 得分 should hold, by 0-based row and column of the sheet model. */
import { Scheme } from "../../../src/core/scheme/types";
import { SCORES_FIRST_ROW, scoresColumns } from "../../../src/core/sheets/scores-sheet";
import { UnitResult } from "../../../src/core/unit-result";

export function expectedScores(scheme: Scheme, units: readonly UnitResult[]) {
  const c = scoresColumns(scheme);
  return (row: number, col: number) => {
    const r = units[row - (SCORES_FIRST_ROW - 1)];
    const k = c.indicators.indexOf(col);
    if (k >= 0) return r.scores[scheme.indicators[k].name];
    const parts: [number, unknown][] = [
      [c.name, r.name],
      [c.group, r.group],
      [c.bonus, r.bonus],
      [c.deduction, r.deduction],
      [c.coefficient, r.coefficient],
      [c.total, r.total],
      [c.veto, r.vetoed ? "是" : "否"],
      [c.rank, r.rank],
      [c.grade, r.grade],
      [c.disqualified, r.disqualified.join("、")],
    ];
    return parts.find(([at]) => at === col)?.[1] as never;
  };
}
