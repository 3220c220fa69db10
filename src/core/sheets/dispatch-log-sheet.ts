/**
 * The 调度记录 sheet (SPEC §4): the rank of every unit at every dispatch, one row per unit and dispatch (long format,
 * so it sorts, filters and pivots), appended to after each bulletin. Each row carries the unit's LAGSTREAK — the
 * longest run of dispatches it spent in the last places (KH.LAGSTREAK's rule) over the rows already in the log plus
 * this dispatch — and the warning `连续N次后三名` from 2 on. The last places follow 虎榜's rule (SPEC §2.2): a unit
 * that is also among the top places is not among the last (with 2 units, neither is in "the last three").
 *
 * A dispatch written again (the same 调度次数) supersedes that dispatch's earlier rows when runs are counted; the old
 * rows stay in the log (signed records are not changed).
 *
 * API
 * - `readDispatchLog(values)` → DispatchEntry[]: the rows of an existing log (found by its headers).
 * - `dispatchLogSheet({ progress, now, previous, bottom })` → { model (kind "dispatchLog", append), streaks }.
 */
import { StageProgress } from "../scoring/types";
import { lagStreak } from "../lag-streak";
import { ModelCell, RangeFormat, SheetModel } from "../sheet-model";
import { Cell, readNumber, textKey } from "../values";
import { COLOURS, bottomWords, displayTime, val } from "./common";

export const DISPATCH_LOG_SHEET = "调度记录";

export interface DispatchEntry {
  stage: number;
  name: string;
  group: string;
  rank: number | null;
  /** Units ranked in the unit's group at that dispatch. */
  count: number | null;
}

export interface UnitStreak {
  name: string;
  group: string;
  streak: number;
}

function headers(bottom: number): string[] {
  const b = bottomWords(bottom);
  return ["调度次数", "调度时间", "单位", "分组", "完成数", "任务数", "完成率", "应达", "名次", "参排单位数", b, `连续${b}次数`, "预警"];
}

const key = (name: string, group: string) => `${group}\u0000${name}`;

/** The entries of a log as it stands on the sheet; rows without a unit or a dispatch number are skipped. */
export function readDispatchLog(values: readonly (readonly Cell[])[] | undefined): DispatchEntry[] {
  if (!values) return [];
  const headerAt = values.findIndex((row) => row && row.some((c) => textKey(c) === "调度次数") && row.some((c) => textKey(c) === "单位"));
  if (headerAt < 0) return [];
  const header = values[headerAt].map((c) => textKey(c));
  const col = (h: string) => header.indexOf(h);
  const [stageC, nameC, groupC, rankC, countC] = [col("调度次数"), col("单位"), col("分组"), col("名次"), col("参排单位数")];
  const out: DispatchEntry[] = [];
  for (const row of values.slice(headerAt + 1)) {
    if (!row) continue;
    const stage = readNumber(row[stageC]);
    const name = textKey(row[nameC]);
    if (typeof stage !== "number" || !name) continue;
    const num = (c: number) => {
      const n = c >= 0 ? readNumber(row[c]) : null;
      return typeof n === "number" ? n : null;
    };
    out.push({ stage, name, group: groupC >= 0 ? textKey(row[groupC]) : "", rank: num(rankC), count: num(countC) });
  }
  return out;
}

/** Is a rank among the last `bottom` of `count` and not among the first `top` (a unit is never in both)? */
export function inLastPlaces(rank: number, count: number, bottom: number, top: number): boolean {
  return rank > count - bottom && rank > top;
}

/**
 * Each unit's LAGSTREAK over the entries (the latest row of each dispatch counts), in dispatch order. A dispatch at
 * which the unit was among the top places is passed to lagStreak with a count that puts it outside the last ones.
 */
export function lagStreaks(entries: readonly DispatchEntry[], bottom: number, top = 0): Map<string, number> {
  const byUnit = new Map<string, Map<number, DispatchEntry>>();
  for (const e of entries) {
    const k = key(e.name, e.group);
    const m = byUnit.get(k) ?? new Map<number, DispatchEntry>();
    m.set(e.stage, e);
    byUnit.set(k, m);
  }
  const out = new Map<string, number>();
  for (const [k, m] of byUnit) {
    const list = [...m.values()].sort((a, b) => a.stage - b.stage);
    out.set(
      k,
      lagStreak(
        list.map((e) => e.rank),
        list.map((e) => (e.rank !== null && e.count !== null && e.rank <= top ? Math.max(e.count, e.rank + bottom) : e.count)),
        bottom
      )
    );
  }
  return out;
}

export interface DispatchLogInput {
  progress: StageProgress;
  now: string;
  /** The rows already in the log (readDispatchLog). */
  previous: readonly DispatchEntry[];
  /** How many last places count (the scheme's 虎榜人数, default 3). */
  bottom?: number;
  /** How many first places there are (龙榜人数, default 3): a unit among them is not among the last. */
  top?: number;
  name?: string;
}

export function dispatchLogSheet(input: DispatchLogInput): { model: SheetModel; streaks: UnitStreak[] } {
  const { progress, now, previous } = input;
  const bottom = input.bottom ?? 3;
  const top = input.top ?? 3;
  const counts = new Map<string, number>();
  for (const u of progress.units) if (u.rank !== null) counts.set(u.group, (counts.get(u.group) ?? 0) + 1);
  const current: DispatchEntry[] = progress.units.map((u) => ({
    stage: progress.stage,
    name: u.name,
    group: u.group,
    rank: u.rank,
    count: u.rank === null ? null : (counts.get(u.group) as number),
  }));
  const streakOf = lagStreaks([...previous, ...current], bottom, top);
  const words = bottomWords(bottom);
  const time = displayTime(now);
  const rows: ModelCell[][] = [headers(bottom).map(val)];
  const formats: RangeFormat[] = [{ range: "A1:M1", bold: true, fill: COLOURS.header, border: true, horizontal: "center" }];
  const streaks: UnitStreak[] = [];
  progress.units.forEach((u, i) => {
    const e = current[i];
    const streak = streakOf.get(key(u.name, u.group)) ?? 0;
    streaks.push({ name: u.name, group: u.group, streak });
    const inBottom = e.rank !== null && e.count !== null ? inLastPlaces(e.rank, e.count, bottom, top) : null;
    rows.push(
      [
        progress.stage,
        time,
        u.name,
        u.group,
        u.done,
        u.task,
        u.completion,
        u.required,
        u.rank,
        e.count,
        inBottom === null ? "" : inBottom ? "是" : "否",
        streak,
        streak >= 2 ? `连续${streak}次${words}` : "",
      ].map(val)
    );
    if (streak >= 2) formats.push({ range: `M${rows.length}`, fontColour: COLOURS.vetoFont, bold: true });
  });
  if (rows.length > 1) {
    formats.push({ range: `A2:M${rows.length}`, border: true }, { range: `G2:H${rows.length}`, numberFormat: "0.0%" });
  }
  const model: SheetModel = {
    name: input.name ?? DISPATCH_LOG_SHEET,
    kind: "dispatchLog",
    append: true,
    cells: rows,
    columnWidths: [9, 17, 14, 10, 9, 9, 9, 8, 7, 11, 8, 14, 16],
    formats,
    freeze: { rows: 1, columns: 0 },
    print: { paper: "A4", orientation: "landscape", titleRows: "1:1", fitToWidth: true },
  };
  return { model, streaks };
}
