/**
 * Formula text as it is stored in an .xlsx file versus as a clerk types it.
 *
 * - No leading "=" in the file.
 * - Functions newer than Excel 2007 are stored with the `_xlfn.` prefix (`_xlfn._xlws.` for SORT and FILTER);
 *   without it Excel shows #NAME? until the cell is re-entered.
 * - Office.js custom functions are stored as `_xldudf_` + namespace + "_" + name: Excel saves `=KH.RANKIN(…)` as
 *   `_xldudf_KH_RANKIN(…)`, and only that form is bound to the add-in's function when the file is opened (a plain
 *   `KH.RANKIN(` in the file stays #NAME? until the cell is re-entered — OfficeDev/Excel-Custom-Functions#108).
 *   So `--formulas kh` writes the `_xldudf_KH_` form, with the computed result cached so the file reads right
 *   before the add-in recalculates it. Reading maps both prefixes back, for the KH namespace only.
 */
import { rewriteCode } from "../formula-text";

const KH_CALL = /(?<![A-Za-z0-9_.])KH\.([A-Za-z][A-Za-z0-9]*)\s*\(/gi;
const KH_STORED = /(?<![A-Za-z0-9_.])_xldudf_KH_([A-Za-z][A-Za-z0-9]*)\s*\(/gi;
const XLFN_STORED = /(?<![A-Za-z0-9_.])_xlfn\.(?:_xlws\.)?/gi;

/** Functions added after Excel 2007 that a generated formula could plausibly use. */
const FUTURE = new Set(
  (
    "AGGREGATE ARABIC BASE BITAND BITOR BITXOR CEILING.MATH CEILING.PRECISE CONCAT DAYS DECIMAL FLOOR.MATH " +
    "FLOOR.PRECISE FORMULATEXT IFNA IFS ISFORMULA ISOWEEKNUM MAXIFS MINIFS MODE.MULT MODE.SNGL NETWORKDAYS.INTL " +
    "NUMBERVALUE PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC QUARTILE.EXC QUARTILE.INC RANK.AVG " +
    "RANK.EQ SHEET SHEETS STDEV.P STDEV.S SWITCH TEXTJOIN UNICHAR UNICODE VAR.P VAR.S WORKDAY.INTL XOR " +
    "XLOOKUP XMATCH LET LAMBDA UNIQUE SORTBY SEQUENCE RANDARRAY TEXTBEFORE TEXTAFTER TEXTSPLIT VSTACK HSTACK TAKE " +
    "DROP CHOOSECOLS CHOOSEROWS TOCOL TOROW WRAPROWS WRAPCOLS EXPAND"
  ).split(" ")
);
/** These two carry a second prefix. */
const WORKSHEET_FUTURE = new Set(["SORT", "FILTER"]);
const CALL = /(?<![A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\s*\(/g;

/** A formula as typed ("=RANK.EQ(…)", "=KH.RANKIN(…)") → the text stored in the file ("_xlfn.RANK.EQ(…)"). */
export function toFileFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  // Every rewrite is of a call: a formula without "(" stays as it is (most of a big sheet's are "='数据'!C2").
  if (!body.includes("(")) return body;
  return rewriteCode(body, (code) =>
    code
      .replace(KH_CALL, (_m, name: string) => `_xldudf_KH_${name.toUpperCase()}(`)
      .replace(CALL, (m, name: string) => {
        const upper = name.toUpperCase();
        if (FUTURE.has(upper)) return `_xlfn.${m}`;
        if (WORKSHEET_FUTURE.has(upper)) return `_xlfn._xlws.${m}`;
        return m;
      })
  );
}

/** The text stored in the file → the formula as Excel shows it, with its "=". */
export function fromFileFormula(stored: string): string {
  const body = rewriteCode(stored, (code) =>
    code.replace(KH_STORED, (_m, name: string) => `KH.${name.toUpperCase()}(`).replace(XLFN_STORED, "")
  );
  return `=${body}`;
}
