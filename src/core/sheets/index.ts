/** The generated sheets of SPEC §4 (the 考核方案 sheet is in core/scheme). */
export {
  scoresSheet,
  scoresColumns,
  SCORES_SHEET,
  SCORES_HEADERS,
  SCORES_HEADER_ROW,
  SCORES_FIRST_ROW,
  VETO_YES,
  VETO_NO,
} from "./scores-sheet";
export type { ScoresSheetInput, ScoresColumns, ScoresPart } from "./scores-sheet";
export { leaderboardSheet, LEADERBOARD_SHEET, LEADERBOARD_HEADERS, groupsBestFirst } from "./leaderboard-sheet";
export { rewardsSheet, REWARDS_SHEET, REWARDS_HEADERS } from "./rewards-sheet";
export { bulletinSheet, bulletinSheetName, BULLETIN_HEADERS } from "./bulletin-sheet";
export { dispatchLogSheet, readDispatchLog, lagStreaks, DISPATCH_LOG_SHEET } from "./dispatch-log-sheet";
export type { DispatchEntry, UnitStreak } from "./dispatch-log-sheet";
export { drawLogSheet, drawFormula, DRAW_LOG_SHEET, DRAW_LOG_HEADERS } from "./draw-log-sheet";
export { localIsoTime, displayTime, withoutFormulas } from "./common";
export type { FormulaMode } from "./score-formulas";
