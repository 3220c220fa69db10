/**
 * Guesses of scheme-version-2 settings from the workbook's other sheets (SPEC §3.1), for the task pane's 方案 tab:
 * - `guessLedger(sheet, table)`: a sheet whose header has 事由 / 扣分原因 (or 原因) and 单位 (or 村名…) and a points
 *   column (分值, 加减分, 扣分, 加分, 分数) is a 加减分台账 → its Ledger (with 日期 when there is one);
 * - `guessMonthColumns(data, others)`: sheets named 1月…12月 (also 一月…十二月) whose unit names are mostly the
 *   data sheet's; for every data-sheet indicator whose header is on those sheets, its other-sheet columns in month
 *   order (`["1月!党建", "2月!党建"]`), to be blended in as 平时成绩.
 * Names are compared as the core compares them (headerKey).
 */
import type { DetectedTable } from "./table-detect";
import type { Ledger } from "./scheme/types";
import { headerKey } from "./data-table";
import { Cell } from "./values";

const REASON = /事由|扣分原因|加减分原因|原因|理由/;
const POINTS = /^(分值|加减分|加减分值|扣分|加分|分数|得分)$/;
const DATE = /日期|时间/;
const UNIT = /单位|村名|村（社区）|村\(社区\)|社区|名称/;

function headerIndex(table: DetectedTable, re: RegExp, except: number[] = []): number {
  return table.columns.findIndex((c, i) => !except.includes(i) && re.test(headerKey(c.header)));
}

export function guessLedger(sheet: string, table: DetectedTable): Ledger | undefined {
  const reason = headerIndex(table, REASON);
  const unit = headerIndex(table, UNIT, [reason]);
  const points = headerIndex(table, POINTS, [reason, unit]);
  if (reason < 0 || unit < 0 || points < 0) return undefined;
  const date = headerIndex(table, DATE, [reason, unit, points]);
  const h = (i: number) => table.columns[i].header;
  return {
    sheet,
    headerRow: table.headerRow,
    unit: h(unit),
    points: h(points),
    reason: h(reason),
    ...(date >= 0 ? { date: h(date) } : {}),
  };
}

const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** 1–12 for a month sheet's name (1月, 01月, 一月, 2025年3月), else undefined. */
export function monthOf(sheet: string): number | undefined {
  const key = headerKey(sheet);
  const m = /^(?:\d{4}年)?(\d{1,2})月(?:份)?$/.exec(key);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return Number(m[1]);
  const c = /^(?:\d{4}年)?([一二三四五六七八九十]{1,3})月(?:份)?$/.exec(key);
  const k = c ? CHINESE_MONTHS.indexOf(c[1]) : -1;
  return k >= 0 ? k + 1 : undefined;
}

export interface SheetTable {
  sheet: string;
  table: DetectedTable;
  values: readonly (readonly Cell[])[];
}

function unitKeys(t: SheetTable): Set<string> {
  const col = t.table.columns[t.table.nameColumn].index;
  return new Set(t.table.unitRows.map((r) => headerKey(t.values[r - 1]?.[col] ?? null)).filter((k) => k));
}

/**
 * Month sheets holding the data sheet's units (at least half of the month sheet's names are units of the data
 * sheet), and for each data column header found on them, its references in month order.
 */
export function guessMonthColumns(data: SheetTable, others: readonly SheetTable[]): Map<string, string[]> {
  const units = unitKeys(data);
  const months = others
    .map((o) => ({ o, month: monthOf(o.sheet) }))
    .filter((x): x is { o: SheetTable; month: number } => x.month !== undefined)
    .filter(({ o }) => {
      const keys = [...unitKeys(o)];
      return keys.length > 0 && keys.filter((k) => units.has(k)).length * 2 >= keys.length;
    })
    .sort((a, b) => a.month - b.month);
  const out = new Map<string, string[]>();
  data.table.columns.forEach((c, i) => {
    if (i === data.table.nameColumn || !c.header) return;
    const key = headerKey(c.header);
    const refs = months
      .filter(({ o }) => o.table.columns.some((x) => headerKey(x.header) === key))
      .map(({ o }) => `${o.sheet}!${c.header}`);
    if (refs.length) out.set(c.header, refs);
  });
  return out;
}
