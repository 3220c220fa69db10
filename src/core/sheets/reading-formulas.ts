/**
 * How the live formulas read a clerk's cell exactly as the core does (SPEC §2.1, values.ts `cleanText`,
 * `readNumber`, `readFlag`), as formulas of the generated `读数` sheet. The 得分 formulas then read `读数`, never a
 * raw data cell, so `１８．５`, `９２％`, `1，234`, `是　` or a pasted zero-width space score in Excel, WPS and
 * LibreOffice as they score in `kh`.
 *
 * Each reading is two cells, so no formula nests deeper than 8 (the limit we hold every generated formula to):
 * - the text: `T = TRIM(SUBSTITUTE(…ASC(cell)…))`, the cell as cleanText makes it; in the number and flag readings
 *   a number cell passes through untouched (so 0.1+0.2 is not turned into the text "0.3") and every space goes;
 * - the value: a number (`VALUE` of the text with thousands separators dropped, a trailing % or ‰ dividing), 0 for a
 *   blank; or a flag (TRUE for a non-zero number or one of the SPEC's true texts, MATCH being case-insensitive).
 * Only functions that Excel 2010, WPS 表格 and LibreOffice all have: IF, ISNUMBER, TRIM, SUBSTITUTE, ASC, RIGHT,
 * LEFT, LEN, VALUE, MATCH. Not UNICHAR (Excel 2013+), and not CHAR(160), which is not a no-break space in the code
 * page of a Chinese Windows: the invisible characters are written as themselves inside the string literals.
 * LibreOffice's ASC leaves the ideographic space (U+3000) alone (seen in the oracle tests), hence its SUBSTITUTE.
 * Where the core refuses a value (`缺考`, `1,2,3`, a date typed as text) these formulas may give an error or a
 * number: `kh` and the pane refuse such a workbook before anything is written.
 */
import { TRUE_FLAG_TEXTS } from "../values";
import { textLiteral } from "./formula-text";

const NBSP = "\u00a0";
const IDEOGRAPHIC_SPACE = "\u3000";
const ZERO_WIDTH_SPACE = "\u200b";
const BOM = "\ufeff";
const MINUS_SIGN = "\u2212";

/** ASC of the cell, then each (from, to) as a SUBSTITUTE around it. */
function substituted(cell: string, steps: readonly [string, string][]): string {
  let s = `ASC(${cell})`;
  for (const [from, to] of steps) s = `SUBSTITUTE(${s},${textLiteral(from)},${textLiteral(to)})`;
  return s;
}

/** cleanText as a formula: full-width folded, odd spaces made spaces, zero-width ones removed, then TRIM. */
export function cleanTextFormula(cell: string): string {
  const steps: [string, string][] = [
    [NBSP, " "],
    [IDEOGRAPHIC_SPACE, " "],
    [ZERO_WIDTH_SPACE, ""],
    [BOM, ""],
    [MINUS_SIGN, "-"],
  ];
  return `TRIM(${substituted(cell, steps)})`;
}

/** The text of a cell read as a text (分组, 等次): always text, a number as its decimal form. */
export function textReading(cell: string): string {
  return `=${cleanTextFormula(cell)}`;
}

/** Every space and zero-width character removed, the minus sign made "-": a number's or flag's text. */
const NUMBER_TEXT_STEPS: readonly [string, string][] = [" ", NBSP, IDEOGRAPHIC_SPACE, ZERO_WIDTH_SPACE, BOM]
  .map((c): [string, string] => [c, ""])
  .concat([[MINUS_SIGN, "-"]]);

/**
 * The text of a cell read as a number or flag: a number cell passes through as a number; a text loses every space
 * (ASCII, no-break, ideographic) and zero-width character — what cleanText leaves inside a number or flag is never
 * part of one the core accepts — so a blank reads "" and the value formula stays short.
 */
export function numberTextReading(cell: string): string {
  return `=IF(ISNUMBER(${cell}),${cell},${substituted(cell, NUMBER_TEXT_STEPS)})`;
}

/**
 * The number of a data cell `cell` whose text reading is `t` (numberTextReading): the cell itself when it is a number,
 * 0 for a blank, else VALUE of the text with thousands separators dropped and a trailing % or ‰ written as the
 * exponent it stands for (92% → 92E-2, 5‰ → 5E-3). Short on purpose: LibreOffice's recalculation time of a formula
 * group grows with the formula's length even where IF never evaluates the rest (measured: the long form with LEFT/LEN
 * per case cost 4× the short one on 88,000 cells).
 */
export function numberReading(cell: string, t: string): string {
  const s = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${t},",",""),"%","E-2"),"‰","E-3")`;
  return `=IF(ISNUMBER(${cell}),${cell},IF(${t}="",0,VALUE(${s})))`;
}

/** The flag of a text cell `t`: TRUE for a non-zero number or a true text; FALSE for anything else. */
export function flagReading(t: string): string {
  const list = `{${TRUE_FLAG_TEXTS.map(textLiteral).join(",")}}`;
  return `=IF(ISNUMBER(${t}),${t}<>0,ISNUMBER(MATCH(${t},${list},0)))`;
}
