/** Scoring the units of a data sheet by a scheme (SPEC §3 steps 1–9 and §3.1); see score-units.ts. */
export { scoreUnits, VETO_MARK } from "./score-units";
export type {
  ScoreResult,
  ScoreOptions,
  UnitDetail,
  RewardItem,
  RewardKind,
  StageProgress,
  UnitProgress,
  ProgressTotal,
  LedgerEntry,
  PayParts,
  WorkbookData,
} from "./types";
export { workbookData, splitColumnRef } from "./other-sheets";
export { sheetsNeeded } from "./sources";
export { PAY_LABELS } from "./pay";
