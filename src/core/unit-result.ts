/** The scored result of one unit (SPEC §3 "Scoring one unit", and the JSON that `kh score --json` prints). */
export interface UnitResult {
  name: string;
  /** The unit's group (类别); "" when the scheme has no group column. */
  group: string;
  /** Indicator name → score. */
  scores: Record<string, number>;
  subtotal: number;
  bonus: number;
  deduction: number;
  coefficient: number;
  /** Rounded to the scheme's precision. */
  total: number;
  vetoed: boolean;
  /** Rank within the group (vetoed units in exclude mode come after every other unit of their group). */
  rank: number;
  /** 龙榜, 虎榜, 否决 or "". */
  mark: string;
  grade: string;
  award: string;
  reward: number;
  fines: number;
  /** Indicators whose input was blank (scored 0); for vote, no votes at all. */
  missing: string[];
  /**
   * 单项末位 (SPEC §3.1 disqualifyLast): the indicators on which the unit is the lowest of its group; when not
   * empty the unit has no award and no reward. Empty without disqualifyLast.
   */
  disqualified: string[];
  /** 报酬 (SPEC §3.1 pay): base + performance + reward + collective, not rounded; only when the scheme has pay. */
  pay?: number;
}
