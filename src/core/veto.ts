/** 一票否决: a single true flag disqualifies, whatever the score. */
import { Cell, CellOrGrid, cellsOf, requireFlag } from "./values";

/** Is any of the flags true? An unrecognised text is an error, inside a range too (a veto must not be missed). */
export function anyVeto(flags: CellOrGrid): boolean {
  let vetoed = false;
  for (const c of cellsOf(flags)) if (requireFlag(c)) vetoed = true;
  return vetoed;
}

export function veto(score: number, flags: CellOrGrid, vetoedScore = 0): number {
  return anyVeto(flags) ? vetoedScore : score;
}

export type { Cell };
