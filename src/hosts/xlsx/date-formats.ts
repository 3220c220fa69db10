/**
 * Which cell formats (the `s` index of a cell, into styles.xml's cellXfs) show a number as a date or a time, so
 * that a date typed into a score column (3-5 → 45721) is reported instead of scored.
 * Built-in ids (ECMA-376 Part 1 §18.8.30): 14–22 and 45–47 everywhere; 27–36 and 50–58 are the dates and times
 * of the East Asian locales (zh-CN: yyyy"年"m"月", m"月"d"日" …). A workbook's own format is a date when its code,
 * with quoted text, escapes and [..] sections (colours, locales, conditions) removed, has y, m, d, h or s.
 */
import { attributes, elements, findElement } from "./xml-text";

const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

export function isDateCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/_.|\*./g, "");
  // The number part of a format like 0.00E+00 has an E but no date letter; "General" has e and l only.
  return /[ymdhs]/i.test(bare.replace(/General/gi, ""));
}

/** The cellXfs indices of styles.xml that show dates (styles.xml unprefixed, see namespaces). */
export function dateStyles(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  const numFmts = findElement(stylesXml, "numFmts");
  if (numFmts) {
    for (const tag of elements(numFmts.text, "numFmt")) {
      const a = attributes(tag);
      custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
    }
  }
  const xfs = findElement(stylesXml, "cellXfs");
  if (!xfs) return out;
  elements(xfs.text, "xf").forEach((tag, i) => {
    const id = Number(attributes(tag.slice(0, tag.indexOf(">") + 1)).get("numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateCode(code) : BUILT_IN_DATES.has(id)) out.add(i);
  });
  return out;
}
