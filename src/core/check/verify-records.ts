/**
 * 核验 (SPEC §4 有据可查): recompute the 校验码 of every frozen record on a sheet as it stands and say which were
 * changed after they were written. A bulletin sheet is one record (every row above its 校验码 line); a 抽签记录
 * sheet has one record per row (its first eight cells, the code in the 校验码 column).
 *
 * API: `verifyBulletin(sheet, values)`, `verifyDrawLog(sheet, values)` → RecordCheck[]; `checkLine(check)`.
 */
import { Cell, textKey } from "../values";
import { CODE_LABEL, checkCode, readCodeLine } from "./check-code";
import { DRAW_RECORD_CELLS } from "../sheets/draw-log-sheet";

export type CheckStatus = "intact" | "changed" | "noCode";

export interface RecordCheck {
  sheet: string;
  /** The record as a clerk names it: the sheet, or “抽签记录 第3行（2025-11-22 10:30）”. */
  record: string;
  status: CheckStatus;
  /** The code written with the record, and the one its content gives now. */
  written?: string;
  computed: string;
}

export const STATUS_TEXT: Record<CheckStatus, string> = { intact: "完好", changed: "已被改动", noCode: "无校验码（无法核验）" };

type Rows = readonly (readonly Cell[])[];

export function verifyBulletin(sheet: string, values: Rows): RecordCheck[] {
  let at = -1;
  for (let r = values.length - 1; r >= 0 && at < 0; r--) if (readCodeLine(values[r]?.[0]) !== undefined) at = r;
  const rows = at >= 0 ? values.slice(0, at) : values;
  const computed = checkCode(rows);
  if (at < 0) return [{ sheet, record: sheet, status: "noCode", computed }];
  const written = readCodeLine(values[at][0]) as string;
  return [{ sheet, record: sheet, status: written === computed ? "intact" : "changed", written, computed }];
}

export function verifyDrawLog(sheet: string, values: Rows): RecordCheck[] {
  const headerAt = values.findIndex((row) => row?.some((c) => textKey(c) === "抽签时间"));
  if (headerAt < 0) return [];
  const codeAt = values[headerAt].findIndex((c) => textKey(c) === CODE_LABEL);
  const out: RecordCheck[] = [];
  values.slice(headerAt + 1).forEach((row, i) => {
    const record = (row ?? []).slice(0, DRAW_RECORD_CELLS);
    if (record.every((c) => textKey(c) === "")) return;
    const computed = checkCode([record]);
    const name = `${sheet} 第${headerAt + i + 2}行（${textKey(record[0]) || "无时间"}）`;
    const raw = codeAt >= 0 ? textKey(row[codeAt]).toLowerCase() : "";
    if (!/^[0-9a-f]{16}$/.test(raw)) out.push({ sheet, record: name, status: "noCode", computed });
    else out.push({ sheet, record: name, status: raw === computed ? "intact" : "changed", written: raw, computed });
  });
  return out;
}

/** “第2次调度通报：已被改动（校验码 0123…，按现有内容应为 89ab…）”. */
export function checkLine(c: RecordCheck): string {
  const detail =
    c.status === "changed" ? `（记录的校验码 ${c.written}，按现有内容应为 ${c.computed}）` : c.written ? `（${c.written}）` : "";
  return `${c.record}：${STATUS_TEXT[c.status]}${detail}`;
}
