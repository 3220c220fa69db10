/**
 * The real modules behind the command line's ScoringEngine.
 * WIRING: of the generated sheets only 考核方案 has its builder yet (core/scheme/scheme-sheet); 得分, 龙虎榜,
 * 奖惩兑现, 第N次调度通报 and 调度记录 are added in `buildSheets` when their builders land.
 */
import { readDataTable } from "../core/data-table";
import { checkSchemeAgainstData, parseScheme } from "../core/scheme/parse";
import { readSchemeSheet } from "../core/scheme/read-scheme-sheet";
import { schemeSheet } from "../core/scheme/scheme-sheet";
import { scoreUnits } from "../core/scoring/score-units";
import { SheetModel } from "../core/sheet-model";
import { ScoringEngine } from "./engine";

export const defaultEngine: ScoringEngine = {
  schemeFromJson: (json) => parseScheme(json),
  schemeFromSheet: (sheet) => readSchemeSheet(sheet.values, sheet.name),
  score: (scheme, data, options) => {
    const table = readDataTable(data.values, scheme.data);
    checkSchemeAgainstData(scheme, table);
    return scoreUnits(scheme, table, options);
  },
  buildSheets: (input) => {
    const models: SheetModel[] = [];
    // A scheme read from the workbook's own 考核方案 sheet stays there as the clerk left it.
    if (!input.schemeSheet) models.push(schemeSheet(input.scheme));
    return models;
  },
};
