/**
 * What the command line needs from the scheme, scoring and sheet-building modules. The pipeline is written against
 * this interface only; `default-engine.ts` wires it to the real modules. For bad input every function throws an
 * Error naming the problem in Chinese (the field, sheet, column or cell); an error with several problems may carry
 * them as `messages: string[]` (as SchemeError and DataError do), and the CLI shows them on one line.
 */
import { SchemeSheetLayout } from "../core/scheme/scheme-sheet";
import { Scheme } from "../core/scheme/types";
import { ScoreResult } from "../core/scoring/types";
import { SheetModel } from "../core/sheet-model";
import { SheetData } from "../hosts/host";

/** A scheme that can be used, and what the clerk should still look at (points not summing to 100…). */
export interface SchemeRead {
  scheme: Scheme;
  warnings?: string[];
  /** Where each value sits on the 考核方案 sheet, when the scheme was read from it. */
  layout?: SchemeSheetLayout;
}

export interface BuildInput {
  scheme: Scheme;
  /** The data sheet as read (with its title rows; the header is on scheme.data.headerRow). */
  data: SheetData;
  /** The 考核方案 sheet the scheme was read from and its layout, when it came from the workbook (formulas then
   *  refer to its cells; no 考核方案 model is wanted). Absent when the scheme came from a JSON file. */
  schemeSheet?: { data: SheetData; layout?: SchemeSheetLayout };
  score: ScoreResult;
  /** native: built-in Excel functions only; kh: KH.* custom functions. (values is handled by the pipeline.) */
  formulas: "native" | "kh";
  /** The dispatch stage (1-based), when a bulletin and a dispatch-log entry are wanted. */
  stage?: number;
  now: Date;
}

export interface ScoringEngine {
  /** A scheme from the parsed content of a scheme JSON file (validated: every field checked, named in errors). */
  schemeFromJson(json: unknown): SchemeRead;
  /** A scheme from the 考核方案 sheet of the workbook. */
  schemeFromSheet(sheet: SheetData): SchemeRead;
  /** Score every unit of the data sheet (a missing column is an error naming it). */
  score(scheme: Scheme, data: SheetData, options: { stage?: number }): ScoreResult;
  /** The generated sheets: 得分, 龙虎榜, 奖惩兑现; for a stage 第N次调度通报 and 调度记录; 考核方案 when the scheme came
   *  from a JSON file. */
  buildSheets(input: BuildInput): SheetModel[];
}

/** The name of the sheet that holds the scheme in a workbook (SPEC §3). */
export const SCHEME_SHEET = "考核方案";
