/**
 * Reading cell values as SPEC §2.1 says: blanks, numbers written as text (full-width, thousands separators,
 * percent and per-mille), and yes/no flags in Chinese and English.
 */
import { valueError } from "./errors";

/** What a cell can hold as Excel, WPS or exceljs hand it to us. */
export type Cell = number | string | boolean | null | undefined;
/** A range as Excel passes it: rows of cells. */
export type Grid = Cell[][];
/** An argument that may be a single value or a range. */
export type CellOrGrid = Cell | Grid;

/**
 * A data-typed cell as the plain value a formula would see. With `allowCustomDataForDataTypeAny` (which
 * custom-functions-metadata writes into functions.json) Excel passes a formatted number, an entity or a linked
 * Stocks/Geography value as an object (Excel.CellValue): `basicValue` is "the value that would be returned by
 * Range.values" (office-js typings), an entity's is "#VALUE!", so its shown `text` is read instead.
 */
export function plainCell(v: unknown): Cell {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v as Cell;
  const o = v as { basicValue?: unknown; text?: unknown; type?: unknown };
  const basic = o.basicValue;
  if (typeof basic === "number" || typeof basic === "boolean") return basic;
  if (typeof basic === "string" && !basic.startsWith("#")) return basic;
  if (typeof o.text === "string") return o.text;
  if (typeof basic === "string") return basic;
  return typeof o.type === "string" ? `[${o.type}]` : "";
}

export function isBlank(v: unknown): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && cleanText(v) === "");
}

/** What cleanText changes: full-width ASCII, the spaces and marks it replaces, a space at an end, two together. */
const NEEDS_CLEANING = /[\uff01-\uff5e\u3000\u00a0\u200b\ufeff\u2212]|^ | $| {2}/;

/**
 * A clerk's text as every reading compares it, and exactly as the live formulas' `读数` sheet reads it (see
 * sheets/reading-formulas.ts): full-width ASCII folded (ASC), the ideographic and no-break spaces made spaces, the
 * zero-width space and BOM pasted from web pages removed, the minus sign (U+2212) made "-", then Excel's TRIM
 * (spaces off both ends, inner runs made one). Tabs and line breaks are kept, as TRIM keeps them.
 */
export function cleanText(s: string): string {
  // Most texts need nothing: a look for what would change saves a copy of each (kh reads 240,000 cells at 5,000 units).
  if (!NEEDS_CLEANING.test(s)) return s;
  return toHalfWidth(s)
    .replace(/\u00a0/g, " ")
    .replace(/[\u200b\ufeff]/g, "")
    .replace(/\u2212/g, "-")
    .replace(/ {2,}/g, " ")
    .replace(/^ | $/g, "");
}

/** What toHalfWidth changes. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (U+FF01–U+FF5E) to half-width, the ideographic space to a space. */
export function toHalfWidth(s: string): string {
  // Most texts have none: a look first saves building a copy character by character (every row's name is folded).
  if (!FULL_WIDTH.test(s)) return s;
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * The number a text stands for, or undefined when it is not one. Trims, folds full-width characters and the
 * Chinese comma (，), drops thousands separators, and divides by 100 for a trailing % (or ％) and 1000 for ‰.
 * The separators must group by threes: "1,23" is not a number (the live formula would read 123; the core refuses).
 */
export function parseNumberText(text: string): number | undefined {
  let s = cleanText(text);
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 100;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith("‰")) {
    scale = 1000;
    s = s.slice(0, -1).trim();
  }
  if (GROUPED_TEXT.test(s)) s = s.replace(/,/g, "");
  if (!NUMBER_TEXT.test(s)) return undefined;
  const n = Number(s) / scale;
  return Number.isFinite(n) ? n : undefined;
}

/** A cell as a number: null for a blank, undefined for anything that is not a number (booleans included). */
export function readNumber(cell: Cell): number | null | undefined {
  const v = plainCell(cell);
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (isBlank(v)) return null;
  if (typeof v === "string") return parseNumberText(v);
  return undefined;
}

/** Text of a cell as a clerk would see it, for messages. */
export function showCell(cell: Cell): string {
  const v = plainCell(cell);
  if (v === null || v === undefined) return "";
  return String(v);
}

/** A scalar argument that must be a number: #VALUE! naming the text otherwise; a blank reads as `blank`. */
export function requireNumber(v: Cell, blank?: number): number {
  const n = readNumber(v);
  if (typeof n === "number") return n;
  if (n === null && blank !== undefined) return blank;
  if (n === null) throw valueError("缺少数值（单元格为空）");
  throw valueError(`无法识别的数值：${showCell(v)}`);
}

/** An optional scalar number: `fallback` when blank or omitted. */
export function optionalNumber(v: Cell, fallback: number): number {
  return requireNumber(v, fallback);
}

/** Texts read as a true flag, besides TRUE and a non-zero number (the live formulas use the same list). */
export const TRUE_FLAG_TEXTS: readonly string[] = ["是", "有", "√", "✓", "✔", "Y", "YES", "T", "TRUE", "否决", "1"];
const TRUE_FLAGS = new Set(TRUE_FLAG_TEXTS);
const FALSE_FLAGS = new Set(["否", "无", "×", "✗", "✘", "N", "NO", "F", "FALSE", "0", "-", "—", "/"]);

/** A yes/no flag: true, false, or undefined when the value is not a recognised flag. */
export function readFlag(cell: Cell): boolean | undefined {
  const v = plainCell(cell);
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v !== 0 : undefined;
  if (isBlank(v)) return false;
  if (typeof v !== "string") return undefined;
  const s = cleanText(v).toUpperCase();
  if (TRUE_FLAGS.has(s)) return true;
  if (FALSE_FLAGS.has(s)) return false;
  return undefined;
}

/** A flag that must be recognised: #VALUE! naming the text otherwise. */
export function requireFlag(v: Cell): boolean {
  const f = readFlag(v);
  if (f === undefined) throw valueError(`无法识别的标记：${showCell(v)}（应为 是/否、√/×、TRUE/FALSE 或 1/0）`);
  return f;
}

/** A boolean option such as `dense`: blank or omitted → fallback. */
export function optionalFlag(v: Cell, fallback: boolean): boolean {
  if (isBlank(v)) return fallback;
  return requireFlag(v);
}

/** Every cell of a value or a range, row by row. */
export function cellsOf(v: CellOrGrid): Cell[] {
  if (Array.isArray(v)) {
    const out: Cell[] = [];
    for (const row of v) {
      if (Array.isArray(row)) for (const c of row) out.push(plainCell(c));
      else out.push(plainCell(row));
    }
    return out;
  }
  return [plainCell(v)];
}

/** The numbers in a value or range, skipping blanks and texts that are not numbers (as SUM and RANK do). */
export function numbersOf(v: CellOrGrid): number[] {
  const out: number[] = [];
  for (const c of cellsOf(v)) {
    const n = readNumber(c);
    if (typeof n === "number") out.push(n);
  }
  return out;
}

/** The numbers in a value or range, where a text that is not a number is an error (so nothing is lost silently). */
export function strictNumbersOf(v: CellOrGrid, what: string): number[] {
  const out: number[] = [];
  for (const c of cellsOf(v)) {
    const n = readNumber(c);
    if (typeof n === "number") out.push(n);
    else if (n === undefined) throw valueError(`${what}中有无法识别的数值：${showCell(c)}`);
  }
  return out;
}

/** Is the argument a range (2-D array) rather than a scalar? */
export function isGrid(v: CellOrGrid): v is Grid {
  return Array.isArray(v);
}

/** A cell as a key for grouping and matching (类别 = 行政村): cleanText; numbers by their shortest decimal form. */
export function textKey(cell: Cell): string {
  const v = plainCell(cell);
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return cleanText(v);
}

/** Rows of a 2-column (or wider) table argument; a single row such as {0.91, 1000} is a table of one row. */
export function tableRows(v: CellOrGrid, minColumns: number, what: string): Cell[][] {
  if (!Array.isArray(v)) throw valueError(`${what}应为至少${minColumns}列的区域`);
  const rows = v.filter((r) => Array.isArray(r)) as Cell[][];
  if (rows.length === 0 || rows.some((r) => r.length < minColumns)) {
    throw valueError(`${what}应为至少${minColumns}列的区域`);
  }
  return rows;
}
