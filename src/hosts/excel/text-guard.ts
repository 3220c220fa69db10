/**
 * Keeping text as text in Excel. Office.js writes `range.values` and `range.formulas` as if the clerk had typed them:
 * a string that starts with "=", "+", "-" (or "@") becomes a formula (documented on Excel.Range.values), and strings
 * such as "92%", "1-2", "2025-11-22", "TRUE" or "#N/A" become numbers, dates, booleans or errors.
 *
 * The robust way (chosen here) is to give such a cell the Text number format "@" before its value is written: Excel
 * then stores the string exactly, reads it back unchanged through `values`, and never evaluates it. A leading
 * apostrophe is not used: it is part of the typing rules, not of the value, and `range.formulas` drops it on reading
 * (office-js issue #6687), so a round trip would turn the text back into a formula.
 *
 * The test is deliberately generous: marking a text cell "@" that Excel would have kept as text anyway costs nothing,
 * while missing one turns a clerk's text into a formula or a number.
 */

// Characters that start a formula, a number, a currency amount or a date when typed (full-width forms included,
// since IMEs type them and Excel on Chinese systems folds some of them).
const RISKY_START = /^[=+\-@#'.(（$¥￥€£＝＋－＠＃．０-９0-9\u2212]/;
const BOOLEAN = /^(true|false)$/i;

/** True when a string written to a cell must first get the Text format to stay exactly this text. */
export function needsTextFormat(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  return RISKY_START.test(t) || BOOLEAN.test(t) || /[%％‰]$/.test(t);
}

/** Excel's Text number format. */
export const TEXT_FORMAT = "@";
