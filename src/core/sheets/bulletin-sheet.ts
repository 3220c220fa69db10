/**
 * The 第N次调度通报 sheet (SPEC §4): a frozen snapshot (values only, never recalculated) of stage N — the bulletin
 * paragraph, then per group, best first: 名次, 单位, 分组, 完成数, 任务数, 完成率, 应达, 还差, 达标, 标记.
 * The paragraph is one sentence per row (a long text in one merged cell would not grow its row in Excel).
 * Below the table, a 校验码 line over every row above it (check/check-code.ts), repeated in the printed footer.
 * With rank changes (SPEC §3.1): 上次名次 and 升降 after 标记, and 第N期 in the title.
 *
 * API: `bulletinSheet({ scheme, progress, now, sentences })` → SheetModel (kind "bulletin", snapshot),
 * `bulletinSheetName(stage)`.
 */
import { Scheme } from "../scheme/types";
import { StageProgress, UnitProgress } from "../scoring/types";
import { DRAGON, TIGER } from "../leaderboard";
import { ModelCell, RangeFormat, SheetModel } from "../sheet-model";
import { COLOURS, displayTime, fitWidth, val } from "./common";
import { checkCode, codeLine } from "../check/check-code";
import { bulletinChart } from "./sheet-charts";
import type { RankMove } from "../rank-change";

export const BULLETIN_HEADERS = ["名次", "单位", "分组", "完成数", "任务数", "完成率", "应达", "还差", "达标", "标记"] as const;

export function bulletinSheetName(stage: number): string {
  return `第${stage}次调度通报`;
}

export interface BulletinSheetInput {
  scheme: Scheme;
  progress: StageProgress;
  now: string;
  /** The bulletin paragraph, one sentence each (bulletinSentences). */
  sentences: readonly string[];
  name?: string;
  /** 上次名次 and 升降 per unit, same order as progress.units (rank-change.ts): two more columns after 标记. */
  moves?: readonly RankMove[];
  /** 第N期 (rank-change.ts issueNumber), shown in the title row. */
  issue?: number;
}

/** The columns after 标记 when the bulletin has rank changes (SPEC §3.1 “Rank change”). */
export const BULLETIN_MOVE_HEADERS = ["上次名次", "升降"] as const;

/** Units per group (groups in data order), ranked first by rank, unranked (no data) last, ties in data order. */
function ordered(units: readonly UnitProgress[]): UnitProgress[] {
  const groups = [...new Set(units.map((u) => u.group))];
  return groups.flatMap((g) =>
    units
      .map((u, i) => ({ u, i }))
      .filter((x) => x.u.group === g)
      .sort((a, b) => (a.u.rank ?? Infinity) - (b.u.rank ?? Infinity) || a.i - b.i)
      .map((x) => x.u)
  );
}

export function bulletinSheet(input: BulletinSheetInput): SheetModel {
  const { scheme, progress, now, sentences, moves } = input;
  const last = moves ? "L" : "J";
  const moveOf = new Map((moves ?? []).map((m, i) => [progress.units[i], m]));
  const issue = input.issue === undefined ? "" : `（第${input.issue}期）`;
  const rows: ModelCell[][] = [
    [val(`${scheme.name}　${bulletinSheetName(progress.stage)}${issue}`)],
    [val(`生成时间：${displayTime(now)}（快照，不随数据变化）`)],
  ];
  const formats: RangeFormat[] = [
    { range: `A1:${last}1`, bold: true, fontSize: 16, horizontal: "center", fontColour: COLOURS.title },
    { range: `A2:${last}2`, fontColour: COLOURS.note, horizontal: "center" },
  ];
  for (const s of sentences) rows.push([val(s)]);
  rows.push([]);
  const headerRow = rows.length + 1;
  rows.push([...BULLETIN_HEADERS, ...(moves ? BULLETIN_MOVE_HEADERS : [])].map(val));
  formats.push({ range: `A${headerRow}:${last}${headerRow}`, bold: true, fill: COLOURS.header, border: true, horizontal: "center" });
  const units = ordered(progress.units);
  for (const u of units) {
    const r = rows.length + 1;
    rows.push(
      [
        u.rank,
        u.name,
        u.group,
        u.done,
        u.task,
        u.completion,
        u.required,
        u.gap,
        u.completion === null ? "" : u.met ? "是" : "否",
        u.mark,
        ...(moves ? [moveOf.get(u)?.previous ?? null, moveOf.get(u)?.change ?? ""] : []),
      ].map(val)
    );
    if (u.mark === DRAGON) formats.push({ range: `A${r}:${last}${r}`, fill: COLOURS.dragonFill, fontColour: COLOURS.dragonFont });
    else if (u.mark === TIGER) formats.push({ range: `A${r}:${last}${r}`, fill: COLOURS.tigerFill });
    if (u.completion !== null && !u.met) formats.push({ range: `I${r}`, fontColour: COLOURS.vetoFont, bold: true });
  }
  const end = rows.length;
  const marks = units.map((u) => u.mark);
  const chartOf = (first: number, lastRow: number) =>
    bulletinChart(first, lastRow, progress.stage, marks, rows.length + 2, BULLETIN_HEADERS.length);
  const code = checkCode(rows.map((row) => row.map((c) => c.value)));
  rows.push([], [val(codeLine(code))]);
  formats.push({ range: `A${rows.length}:${last}${rows.length}`, fontColour: COLOURS.note });
  if (end > headerRow) {
    formats.push(
      { range: `A${headerRow + 1}:${last}${end}`, border: true },
      { range: `A${headerRow + 1}:A${end}`, horizontal: "center" },
      { range: `D${headerRow + 1}:E${end}`, numberFormat: "#,##0" },
      { range: `F${headerRow + 1}:G${end}`, numberFormat: "0.0%" },
      { range: `H${headerRow + 1}:H${end}`, numberFormat: "#,##0" },
      { range: `I${headerRow + 1}:${last}${end}`, horizontal: "center" }
    );
  }
  return {
    name: input.name ?? bulletinSheetName(progress.stage),
    kind: "bulletin",
    snapshot: true,
    cells: rows,
    columnWidths: [
      6,
      fitWidth(["单位", ...progress.units.map((u) => u.name)], 10, 24),
      fitWidth(["分组", ...progress.units.map((u) => u.group)], 8, 16),
      9,
      9,
      9,
      8,
      8,
      6,
      8,
      ...(moves ? [9, 7] : []),
    ],
    formats,
    merges: [`A1:${last}1`, `A2:${last}2`, `A${rows.length}:${last}${rows.length}`],
    // Completion against the requirement, under the 校验码 line.
    charts: end > headerRow ? [chartOf(headerRow + 1, end)] : [],
    print: {
      paper: "A4",
      orientation: "portrait",
      titleRows: `${headerRow}:${headerRow}`,
      fitToWidth: true,
      footer: `校验码 ${code}　第 &P 页，共 &N 页`,
    },
  };
}
