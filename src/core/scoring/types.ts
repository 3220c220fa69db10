/** What scoring returns besides the UnitResult of each unit: the detail the generated sheets need. */
import { UnitResult } from "../unit-result";
import { LedgerEntry } from "./ledger";
import { PayParts } from "./pay";
import { WorkbookData } from "./other-sheets";

export type { LedgerEntry } from "./ledger";
export type { PayParts } from "./pay";
export type { WorkbookData } from "./other-sheets";

/** `disqualified`: the 单项末位 note (amount 0), in place of the rewards the unit would have had. */
export type RewardKind = "rank" | "threshold" | "improvement" | "fine" | "veto" | "disqualified";

/** One line of 奖惩兑现: a reward or fine with its basis (依据). */
export interface RewardItem {
  kind: RewardKind;
  /** 按名次奖励, 达标奖励, 进步奖励, 罚款（缺签次数）, 一票否决, 单项末位. */
  label: string;
  /** The basis in words: `名次第1名`, `参保率 97.7% ≥ 91%`, `缺签 3次×100`. */
  basis: string;
  /** Signed: rewards positive, fines and 倒数 penalties negative (so the items of a unit sum to reward − fines). */
  amount: number;
  /** Basis and amount as one line: `名次第1名 +1000`, `缺签 3次×100 −300`. */
  text: string;
}

export interface UnitDetail {
  /** 1-based row on the data sheet. */
  row: number;
  /** The veto columns holding a true flag (empty when not vetoed). */
  vetoReasons: string[];
  /** Whether the unit took part in ranks, awards and rewards (false only for a vetoed unit in exclude mode). */
  competing: boolean;
  /** Place from the bottom of its group among the competing units (RANKBONUS semantics); null when not competing. */
  placeFromBottom: number | null;
  /** Every reward, fine and veto note with its basis, in the order byRank, byThreshold, byImprovement, fines. */
  rewards: RewardItem[];
  /** Problems with this unit's data, naming the cell: `村级考核!E7：无法识别的数值“缺考”`. */
  errors: string[];
  /** The unit's 加减分台账 entries in sheet order, with reasons and dates (empty without a ledger). */
  ledger: LedgerEntry[];
  /** Σ of the bonus columns and of |deduction columns| before the caps, ledger entries not included. */
  bonusColumns: number;
  deductionColumns: number;
  /** 报酬 part by part, when the scheme has pay. */
  pay?: PayParts;
}

/** Progress of one unit at stage k (SPEC §3 step 9). */
export interface UnitProgress {
  name: string;
  group: string;
  done: number | null;
  task: number | null;
  /** done / task; null when either is blank or unreadable. */
  completion: number | null;
  /** What stage k requires (stages[k−1]). */
  required: number;
  /** How many more are needed (STAGEGAP); null when completion is null. */
  gap: number | null;
  /** completion ≥ required. */
  met: boolean;
  /** Rank by completion within the group (highest first; dense if ranking.dense); null when completion is null. */
  rank: number | null;
  /** 龙榜 / 虎榜 by that rank, as the scheme's leaderboard says; "" otherwise. */
  mark: string;
}

export interface ProgressTotal {
  /** "" for all units together. */
  group: string;
  done: number;
  task: number;
  /** done / task (0 when task is 0). */
  completion: number;
}

export interface StageProgress {
  stage: number;
  required: number;
  /** Per unit, in data order. */
  units: UnitProgress[];
  /** All units together, then each group (when there is a group column). */
  totals: ProgressTotal[];
}

export interface ScoreResult {
  /** Per unit, in data order (SPEC §5). */
  units: UnitResult[];
  /** Per unit, same order as units. */
  details: UnitDetail[];
  /** When a stage was asked for. */
  progress?: StageProgress;
  /** Every unit error, in data order (the concatenation of details[i].errors), then each bad ledger row. */
  problems: string[];
}

export interface ScoreOptions {
  /** The dispatch stage (1-based) to report progress for; needs the scheme's progress. */
  stage?: number;
  /**
   * The workbook's other sheets, for `"sheet!column"` references and the ledger (SPEC §3.1); hosts read
   * `sheetsNeeded(scheme)`. Without it a scheme that names another sheet is a SchemeError.
   */
  workbook?: WorkbookData;
}
