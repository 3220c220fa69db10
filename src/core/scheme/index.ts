/**
 * The scheme (考核方案, SPEC §3): from a JSON file or the 考核方案 sheet, validated, in normal form; and the sheet
 * itself. See parse.ts, scheme-sheet.ts and read-scheme-sheet.ts for each function's contract.
 */
export type { Indicator, Method, Scheme, Param, ColumnParam, OtherSheetSpec, Ledger, Pay } from "./types";
export { isColumnParam } from "./types";
export { SchemeError } from "./errors";
export { parseScheme, parseSchemeText, checkSchemeAgainstData, schemeColumns, PARAM_KEYS, PAY_KEYS } from "./parse";
export type { ParsedScheme } from "./parse";
export { SCHEME_SHEET, schemeSheet, schemeSheetLayout } from "./scheme-sheet";
export type { SchemeSheetLayout, IndicatorCells, TableCells, SettingKey } from "./scheme-sheet";
export { readSchemeSheet } from "./read-scheme-sheet";
export type { SchemeFromSheet } from "./read-scheme-sheet";
export { METHOD_NAMES } from "./labels";
