/** Scoring the units of a data sheet by a scheme (SPEC §3 steps 1–9); see score-units.ts. */
export { scoreUnits, VETO_MARK } from "./score-units";
export type { ScoreResult, ScoreOptions, UnitDetail, RewardItem, RewardKind, StageProgress, UnitProgress, ProgressTotal } from "./types";
