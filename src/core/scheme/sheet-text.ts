/**
 * How lists and small tables are written into one cell of the 考核方案 sheet, and read back:
 * columns “加分、其他加分”, stages “30%、50%、70%”, grade factors “优=1;良=0.8;中=0.6;差=0.4”, “不设上限”.
 * Writing is exact: reading what was written gives the same values back.
 */
import { Cell, isBlank, parseNumberText, toHalfWidth } from "../values";

export const NO_CAP = "不设上限";
const NO_CAP_WORDS = new Set([NO_CAP, "不限", "无上限", "无", "不封顶", "不设", "-", "—", "/"]);

const LIST_SEPARATORS = /[、，,；;\n]/;

/** Text of a cell as typed: trimmed; a number as its shortest decimal form. */
export function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v.trim();
}

/** A cell's text for matching labels: full-width folded, no whitespace, no trailing colon. */
export function labelKey(v: Cell): string {
  return toHalfWidth(cellText(v))
    .replace(/\s+/g, "")
    .replace(/[:：]$/, "");
}

export function formatList(items: readonly string[]): string {
  return items.join("、");
}

export function parseList(v: Cell): string[] {
  return cellText(v)
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A number as text that reads back to exactly the same number. */
export function exactNumber(x: number): string {
  return String(x);
}

/** A fraction as a percent text when that reads back exactly (0.3 → “30%”), else as a plain number. */
export function percentText(x: number): string {
  const pct = `${Number((x * 100).toPrecision(15))}%`;
  return parseNumberText(pct) === x ? pct : exactNumber(x);
}

export function formatStages(stages: readonly number[]): string {
  return stages.map(percentText).join("、");
}

/** Stages from a cell: a number, or a list of numbers or percents; `bad` is the first text that is not a number. */
export function parseStages(v: Cell): { stages?: number[]; bad?: string } {
  if (isBlank(v)) return {};
  if (typeof v === "number") return { stages: [v] };
  const out: number[] = [];
  for (const part of parseList(v)) {
    const n = parseNumberText(part);
    if (n === undefined) return { bad: part };
    out.push(n);
  }
  return { stages: out };
}

/**
 * An older sheet's 等次系数 text, “优=1;良=0.8” (also “优：1，良：0.8”); `bad` is the first entry that does not read.
 * The sheet now writes the factors as the 十、等次系数 table (scheme-sheet.ts).
 */
export function parseGradeFactors(v: Cell): { grades?: Record<string, number>; bad?: string } {
  if (isBlank(v)) return {};
  const grades: Record<string, number> = {};
  for (const part of cellText(v).split(/[;；,，、\n]/)) {
    if (!part.trim()) continue;
    const m = /^(.+?)\s*[=＝:：]\s*(.+)$/.exec(part.trim());
    const factor = m ? parseNumberText(m[2]) : undefined;
    if (!m || factor === undefined) return { bad: part.trim() };
    grades[m[1].trim()] = factor;
  }
  return { grades };
}

/** A cap cell: a number, or null for “不设上限” and blank; `bad` when it is neither. */
export function parseCap(v: Cell): { cap?: number | null; bad?: boolean } {
  if (isBlank(v)) return { cap: null };
  if (typeof v === "number") return { cap: v };
  if (typeof v === "string") {
    if (NO_CAP_WORDS.has(labelKey(v))) return { cap: null };
    const n = parseNumberText(v);
    if (n !== undefined) return { cap: n };
  }
  return { bad: true };
}
