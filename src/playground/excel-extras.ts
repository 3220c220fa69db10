/**
 * What Excel formulas need that HyperFormula lacks:
 * - RANK and RANK.EQ (competition ranking, highest first unless `order` is non-zero; text and blanks in the range
 *   are skipped; a number not in the range is #N/A). Two numbers are equal when they agree to 9 decimal places,
 *   as in the KH.* functions (SPEC §2.1).
 * - ASC (full-width ASCII and the ideographic space to half-width, as Excel's ASC does for Chinese text) and LOOKUP
 *   in its vector form (the last entry ≤ the value of an ascending vector), both used by the generated sheets.
 * - The literals TRUE and FALSE: HyperFormula only knows the functions TRUE() and FALSE(), so a formula is handed
 *   to it with the bare literals turned into calls (never inside a "string" or a 'sheet name').
 * - Unquoted sheet names that are not plain ASCII (=数据!A2, which Excel accepts): HyperFormula only parses them
 *   quoted, so they are quoted ('数据'!A2).
 */
import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import { tieKey } from "../core/round";
import { toHalfWidth } from "../core/values";
import { rewriteCode } from "../hosts/formula-text";

const BOOLEAN_LITERAL = /(?<![A-Za-z0-9_.$\u4e00-\u9fff])(TRUE|FALSE)(?![A-Za-z0-9_.(!\u4e00-\u9fff])/gi;

/** A sheet name before "!" that HyperFormula does not take unquoted: one with a character outside ASCII. */
const UNQUOTED_SHEET = /(?<![\p{L}\p{N}_.])([\p{L}_][\p{L}\p{N}_.]*)!/gu;

/** An Excel formula as HyperFormula reads it: `=IF(数据!A1,TRUE,FALSE)` → `=IF('数据'!A1,TRUE(),FALSE())`. */
export function forHyperFormula(formula: string): string {
  return rewriteCode(formula, (code) =>
    code
      .replace(BOOLEAN_LITERAL, (_m, word: string) => `${word.toUpperCase()}()`)
      .replace(UNQUOTED_SHEET, (m, name: string) => ([...name].every((ch) => ch.charCodeAt(0) < 128) ? m : `'${name}'!`))
  );
}

/** A range's numbers: HyperFormula keeps percents and dates as objects with the number in `val`. */
function numbersOf(range: SimpleRangeValue): number[] {
  const out: number[] = [];
  for (const v of range.rawData().flat()) {
    if (typeof v === "number") out.push(v);
    else if (v && typeof v === "object" && typeof (v as { val?: unknown }).val === "number") out.push((v as { val: number }).val);
  }
  return out;
}

export function excelRank(n: number, numbers: readonly number[], order: number): number | CellError {
  const k = tieKey(n);
  let better = 0;
  let found = false;
  for (const x of numbers) {
    const kx = tieKey(x);
    if (kx === k) found = true;
    else if (order === 0 ? kx > k : kx < k) better++;
  }
  return found ? better + 1 : new CellError(ErrorType.NA, "RANK：数值不在区域中");
}

/** LOOKUP(x, keys, results): the result at the last key ≤ x (keys ascending); #N/A below the first. */
export function vectorLookup(x: unknown, keys: readonly unknown[], results: readonly unknown[]): unknown {
  let at = -1;
  keys.forEach((k, i) => {
    if (typeof k === "number" && typeof x === "number" && k <= x) at = i;
  });
  return at < 0 ? new CellError(ErrorType.NA, "LOOKUP：找不到") : results[at];
}

let registered = false;

export function registerExcelExtras(): void {
  if (registered) return;
  class ExcelExtras extends FunctionPlugin {}
  const proto = ExcelExtras.prototype as unknown as Record<string, unknown>;
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  for (const name of ["RANK", "RANK.EQ"]) {
    const method = `excel${name.replace(".", "")}`;
    implemented[name] = {
      method,
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
      ],
    };
    translations[name] = name;
    proto[method] = function (this: any, ast: { args: unknown[] }, state: unknown) {
      return this.runFunction(ast.args, state, this.metadata(name), (n: number, range: SimpleRangeValue, order: number) =>
        excelRank(n, numbersOf(range), order)
      );
    };
  }
  implemented.ASC = { method: "excelAsc", parameters: [{ argumentType: FunctionArgumentType.STRING }] };
  translations.ASC = "ASC";
  proto.excelAsc = function (this: any, ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args, state, this.metadata("ASC"), (text: string) => toHalfWidth(text));
  };
  implemented.LOOKUP = {
    method: "excelLookup",
    parameters: [{ argumentType: FunctionArgumentType.NOERROR }, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }],
  };
  translations.LOOKUP = "LOOKUP";
  proto.excelLookup = function (this: any, ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args, state, this.metadata("LOOKUP"), (x: unknown, keys: SimpleRangeValue, results: SimpleRangeValue) =>
      vectorLookup(x, keys.rawData().flat(), results.rawData().flat())
    );
  };
  (ExcelExtras as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(ExcelExtras, { enGB: translations, enUS: translations });
  registered = true;
}
