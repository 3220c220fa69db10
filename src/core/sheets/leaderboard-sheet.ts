/**
 * The 龙虎榜 sheet (SPEC §4): per group, best first — 名次, 单位, 分组, 总分, 标记, 等次, 奖项, 奖励 (and 备注 with
 * “单项末位：…” when the scheme has disqualifyLast, SPEC §3.1). 龙榜 rows red,
 * 虎榜 rows grey, 否决 marked in red. Title with the scheme's name and the time it was generated; print-ready
 * (A4 portrait, title rows repeated, fitted to the page width).
 *
 * Values, not formulas: a 龙虎榜 is published as it stood when it was generated (a snapshot of the scores); the
 * live numbers are on 得分. Generating again refreshes it.
 *
 * API: `leaderboardSheet({ scheme, units, now })` → SheetModel (kind "leaderboard"), `LEADERBOARD_HEADERS`.
 */
import { Scheme } from "../scheme/types";
import { DRAGON, TIGER } from "../leaderboard";
import { UnitResult } from "../unit-result";
import { VETO_MARK } from "../scoring/score-units";
import { ModelCell, RangeFormat, SheetModel } from "../sheet-model";
import { lazyModel } from "../sheet-rows";
import { COLOURS, decimalsFormat, displayTime, fitWidth, moneyFormat, val } from "./common";
import { ChartBlock, leaderboardCharts } from "./sheet-charts";

export const LEADERBOARD_SHEET = "龙虎榜";
export const LEADERBOARD_HEADERS = ["名次", "单位", "分组", "总分", "标记", "等次", "奖项", "奖励"] as const;
/** The 备注 column, after 奖励, when the scheme has 单项末位 (SPEC §3.1): “单项末位：计划生育、安全生产”. */
export const LEADERBOARD_NOTE = "备注";

/** A unit's 备注 on 龙虎榜. */
export function boardNote(u: UnitResult): string {
  return u.disqualified.length ? `单项末位：${u.disqualified.join("、")}` : "";
}
const HEADER_ROW = 3;

export interface LeaderboardInput {
  scheme: Scheme;
  units: readonly UnitResult[];
  /** ISO time of the generation. */
  now: string;
  name?: string;
}

/** Groups in order of first appearance in the data, each with its units best first (ties in data order). */
export function groupsBestFirst(units: readonly UnitResult[]): { group: string; units: UnitResult[] }[] {
  const groups = new Map<string, { u: UnitResult; i: number }[]>();
  units.forEach((u, i) => {
    const list = groups.get(u.group);
    if (list) list.push({ u, i });
    else groups.set(u.group, [{ u, i }]);
  });
  return [...groups.entries()].map(([group, list]) => ({
    group,
    units: list.sort((a, b) => a.u.rank - b.u.rank || a.i - b.i).map((x) => x.u),
  }));
}

export function leaderboardSheet(input: LeaderboardInput): SheetModel {
  const { scheme, units, now } = input;
  const noted = (scheme.disqualifyLast ?? []).length > 0;
  const headers: string[] = [...LEADERBOARD_HEADERS, ...(noted ? [LEADERBOARD_NOTE] : [])];
  const width = headers.length;
  const last = String.fromCharCode(64 + width);
  const grouped = groupsBestFirst(units);
  const withHeadings = grouped.length > 1 || (grouped.length === 1 && grouped[0].group !== "");
  const top = scheme.leaderboard?.top ?? 3;
  const bottom = scheme.leaderboard?.bottom ?? 3;
  const counts = { dragon: units.filter((u) => u.mark === DRAGON).length, tiger: units.filter((u) => u.mark === TIGER).length };

  const head: ModelCell[][] = [
    [val(`${scheme.name}　龙虎榜`)],
    [
      val(
        `生成时间：${displayTime(now)}　　每组前 ${top} 名列入龙榜、后 ${bottom} 名列入虎榜（龙榜 ${counts.dragon} 个，虎榜 ${counts.tiger} 个）`
      ),
    ],
    headers.map(val),
  ];
  const formats: RangeFormat[] = [
    { range: `A1:${last}1`, bold: true, fontSize: 16, horizontal: "center", fontColour: COLOURS.title },
    { range: `A2:${last}2`, fontColour: COLOURS.note, horizontal: "center" },
    { range: `A${HEADER_ROW}:${last}${HEADER_ROW}`, bold: true, fill: COLOURS.header, border: true, horizontal: "center" },
  ];
  const merges = [`A1:${last}1`, `A2:${last}2`];
  const precision = scheme.precision ?? 2;
  const blocks: ChartBlock[] = [];

  // The rows below the headers: a group's heading, or a unit (its row made when a host asks for it, sheet-rows).
  const body: (string | UnitResult)[] = [];
  for (const g of grouped) {
    if (withHeadings) {
      const r = head.length + body.length + 1;
      body.push(`${g.group || "（未分组）"}（${g.units.length} 个单位）`);
      merges.push(`A${r}:${last}${r}`);
      formats.push({ range: `A${r}:${last}${r}`, bold: true, fill: COLOURS.groupFill, border: true });
    }
    const at = head.length + body.length;
    blocks.push({ group: g.group, first: at + 1, last: at + g.units.length, marks: g.units.map((u) => u.mark) });
    for (const u of g.units) {
      const r = head.length + body.length + 1;
      body.push(u);
      if (u.mark === DRAGON) formats.push({ range: `A${r}:${last}${r}`, fill: COLOURS.dragonFill, fontColour: COLOURS.dragonFont });
      else if (u.mark === TIGER) formats.push({ range: `A${r}:${last}${r}`, fill: COLOURS.tigerFill });
      else if (u.mark === VETO_MARK)
        formats.push({ range: `A${r}:${last}${r}`, fontColour: COLOURS.vetoFont }, { range: `E${r}`, bold: true });
    }
  }
  const first = HEADER_ROW + 1;
  const end = head.length + body.length;
  if (end >= first) {
    formats.push(
      // Every row of the body framed: one range, not a format per unit row (5,000 of them, each parsed, merged and
      // looked up by every host).
      { range: `A${first}:${last}${end}`, border: true },
      { range: `A${first}:A${end}`, horizontal: "center", numberFormat: "0" },
      { range: `D${first}:D${end}`, numberFormat: decimalsFormat(precision) },
      { range: `E${first}:G${end}`, horizontal: "center" },
      { range: `H${first}:H${end}`, numberFormat: moneyFormat(units.map((u) => u.reward)) }
    );
  }
  const row = (i: number): ModelCell[] => {
    const e = body[i];
    if (typeof e === "string") return [val(e)];
    return [e.rank, e.name, e.group, e.total, e.mark, e.grade, e.award, e.reward, ...(noted ? [boardNote(e)] : [])].map(val);
  };
  const fields: Omit<SheetModel, "cells"> = {
    name: input.name ?? LEADERBOARD_SHEET,
    kind: "leaderboard",
    columnWidths: [
      6,
      fitWidth(["单位", ...units.map((u) => u.name)], 10, 30),
      fitWidth(["分组", ...units.map((u) => u.group)], 8, 20),
      9,
      8,
      10,
      10,
      10,
      ...(noted ? [fitWidth([LEADERBOARD_NOTE, ...units.map(boardNote)], 10, 40)] : []),
    ],
    formats,
    merges,
    freeze: { rows: HEADER_ROW, columns: 0 },
    print: { paper: "A4", orientation: "portrait", titleRows: `1:${HEADER_ROW}`, fitToWidth: true, footer: "第 &P 页，共 &N 页" },
    // Under the table, one chart per group.
    charts: leaderboardCharts(blocks, { nameColumn: "B", totalColumn: "D", columns: width, top: end + 2 }),
  };
  // A unit's row made when asked: at 5,000 units the 45,000 cells were 4 MB held to the end of kh score.
  return lazyModel(fields, { head, count: body.length, row });
}
