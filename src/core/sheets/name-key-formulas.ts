/**
 * A unit's name as the core matches it across sheets (多表汇总, the 加减分台账: data-table.ts `headerKey` — every
 * space of any kind removed after cleanText), as formulas of the 读数 sheet, so a MATCH or SUMIFS over those keys
 * finds the rows the core finds: `甲村 `, `甲　村` and `ｓ1` on a month sheet are the unit 甲村 / s1.
 *
 * Two cells, so neither nests deeper than 8 (ASC and nine SUBSTITUTEs would be 10):
 * - stage: `ASC` (full-width folded) with the no-break space, ideographic space (LibreOffice's ASC leaves it),
 *   zero-width space and BOM removed;
 * - key: the stage with spaces, tabs and line breaks removed and the minus sign (U+2212) made "-";
 * - criterion (the data sheet's unit only): the key with MATCH/SUMIFS wildcards (~ * ?) escaped by "~", so a name
 *   holding them matches itself alone.
 * MATCH compares texts case-insensitively, so the row it finds is checked with EXACT against the unit's key
 * (sheet-sources.ts): a month sheet's `A村` is not the unit `a村`, as in the core. Limits, where the formulas are
 * looser than the core: SUMIFS over the ledger compares case-insensitively, and the rarer Unicode spaces
 * (U+2000–U+200A, U+2028) are not removed — the core refuses a ledger row naming no unit, so neither can differ in a
 * workbook `kh` wrote; and a month sheet holding both `A村` and `a村` (two units for the core) finds only the first.
 * The “~” escapes assume wildcard matching, Excel's and WPS's only mode and LibreOffice's default for .xlsx files;
 * with LibreOffice set to regular expressions instead, a name holding ~ * ? would not be found there (read as absent
 * from that sheet, its ledger rows not summed) — names with those characters are rare in a township.
 */
import { Cell, toHalfWidth } from "../values";
import { textLiteral } from "./formula-text";

const REMOVED_FIRST = ["\u00a0", "\u3000", "\u200b", "\ufeff"];

/** The text of a cell as ASC gives it (a number as its decimal form, a blank as ""). */
function asText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function nameStageFormula(cell: string): string {
  return `=${REMOVED_FIRST.reduce((s, ch) => `SUBSTITUTE(${s},${textLiteral(ch)},"")`, `ASC(${cell})`)}`;
}

function keyExpression(stage: string): string {
  let s = stage;
  for (const ch of [" ", "CHAR(9)", "CHAR(10)", "CHAR(13)"]) s = `SUBSTITUTE(${s},${ch === " " ? '" "' : ch},"")`;
  return `SUBSTITUTE(${s},${textLiteral("\u2212")},"-")`;
}

export function nameKeyFormula(stage: string): string {
  return `=${keyExpression(stage)}`;
}

/** The criterion from the key cell: wildcards escaped. */
export function nameCriterionFormula(key: string): string {
  let s = key;
  for (const ch of ["~", "*", "?"]) s = `SUBSTITUTE(${s},"${ch}","~${ch}")`;
  return `=${s}`;
}

/** What the stage cell shows. */
export function nameStage(v: Cell): string {
  let s = toHalfWidth(asText(v));
  for (const ch of REMOVED_FIRST) s = s.split(ch).join("");
  return s;
}

/** What the key cell shows: equal to headerKey for every name the formulas handle. */
export function nameKey(v: Cell): string {
  return nameStage(v)
    .replace(/[ \t\n\r]/g, "")
    .replace(/\u2212/g, "-");
}

export function nameCriterion(v: Cell): string {
  return nameKey(v).replace(/[~*?]/g, (ch) => `~${ch}`);
}
