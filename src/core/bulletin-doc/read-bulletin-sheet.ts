/**
 * A 第N次调度通报 sheet read back as it stands (the frozen record, SPEC §4): title, generation time, the paragraph's
 * sentences, the ranking table by its headers, and the 校验码. The Word bulletin is made from this, so the document
 * says exactly what the signed sheet says and carries its code.
 *
 * API: `readBulletinSheet(values)` → FrozenBulletin | undefined (undefined when the sheet has no ranking table).
 */
import { Cell, textKey } from "../values";
import { checkCode, readCodeLine } from "../check/check-code";

export interface FrozenBulletin {
  title: string;
  /** “2025-11-22 10:30”, from the 生成时间 row. */
  generated: string;
  sentences: string[];
  header: string[];
  rows: Cell[][];
  /** The code written on the sheet, and whether the content still gives it. */
  code?: string;
  intact: boolean;
}

const blank = (row: readonly Cell[] | undefined) => !row || row.every((c) => textKey(c) === "");
/** Text as written (textKey would fold the full-width “：（）” of the sentences and of unit names). */
export const rawText = (v: Cell): string => (typeof v === "string" ? v.trim() : textKey(v));

export function readBulletinSheet(values: readonly (readonly Cell[])[]): FrozenBulletin | undefined {
  const headerAt = values.findIndex((r) => textKey(r?.[0]) === "名次" && r.some((c) => textKey(c) === "单位"));
  if (headerAt < 0) return undefined;
  const header = values[headerAt].map((c) => textKey(c));
  const rows: Cell[][] = [];
  let r = headerAt + 1;
  for (; r < values.length && !blank(values[r]) && readCodeLine(values[r][0]) === undefined; r++) rows.push([...values[r]]);
  const codeAt = values.findIndex((row) => readCodeLine(row?.[0]) !== undefined);
  const code = codeAt >= 0 ? readCodeLine(values[codeAt][0]) : undefined;
  const time = /生成时间[：:]\s*([^（(]+)/.exec(textKey(values[1]?.[0]))?.[1]?.trim() ?? "";
  const sentences: string[] = [];
  for (let s = 2; s < headerAt && !blank(values[s]); s++) sentences.push(rawText(values[s][0]));
  return {
    title: rawText(values[0]?.[0]),
    generated: time,
    sentences,
    header,
    rows,
    ...(code ? { code } : {}),
    intact: code !== undefined && code === checkCode(codeAt >= 0 ? values.slice(0, codeAt) : values),
  };
}
