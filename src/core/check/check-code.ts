/**
 * 校验码 (SPEC §4 有据可查): the first 16 hex digits of SHA-256 over a record's canonical text, so a frozen record
 * (a 第N次调度通报 sheet, a 抽签记录 row) changed after it was written can be told. The canonical text, as the
 * README documents it for anyone to recompute:
 *
 * - each cell as text: blank → ""; a number → rounded to 15 significant digits, then its shortest decimal form
 *   (0.1, 12, 1e-7; -0 → 0), because Excel keeps 15 digits; TRUE/FALSE for a logical; text as it is, with "\r\n"
 *   made "\n", then "\" → "\\", a tab → "\t", a line break → "\n" (written as two characters);
 * - a row: its cells joined by a tab, trailing blank cells dropped;
 * - the record: its rows joined by a line feed (U+000A), trailing blank rows dropped;
 * - SHA-256 over the UTF-8 bytes; the code is the first 16 of the lowercase hex digits.
 *
 * A number and the same digits as text give the same code (a seed may come back from a host either way).
 *
 * API: `cellText(value)`, `canonicalRecord(rows)`, `checkCode(rows)`, `CODE_LABEL`, `codeLine(code)`, `readCodeLine(text)`.
 */
import { utf8Bytes } from "../draw";
import { Cell } from "../values";
import { sha256Hex } from "./sha256";

export const CODE_LABEL = "校验码";
export const CODE_LENGTH = 16;

export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    const n = Number(value.toPrecision(15));
    return String(n === 0 ? 0 : n);
  }
  return value.replace(/\r\n/g, "\n").replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
}

export function canonicalRecord(rows: readonly (readonly Cell[])[]): string {
  const lines = rows.map((row) => {
    const cells = (row ?? []).map(cellText);
    while (cells.length && cells[cells.length - 1] === "") cells.pop();
    return cells.join("\t");
  });
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

export function checkCode(rows: readonly (readonly Cell[])[]): string {
  return sha256Hex(utf8Bytes(canonicalRecord(rows))).slice(0, CODE_LENGTH);
}

/** “校验码：0123456789abcdef（SHA-256，算法见说明）”: the line under a bulletin. */
export function codeLine(code: string): string {
  return `${CODE_LABEL}：${code}（SHA-256 前 16 位，核验方法见考核助手说明）`;
}

/** The code in a 校验码 line (or a bare code), else undefined. */
export function readCodeLine(text: Cell): string | undefined {
  if (typeof text !== "string") return undefined;
  const m = /^\s*校验码\s*[：:]\s*([0-9a-fA-F]{16})/.exec(text);
  return m ? m[1].toLowerCase() : undefined;
}
