/**
 * The pictures of SPEC §4: 龙虎榜 — per group, a bar chart of the totals (龙榜 red, 虎榜 grey); 第N次调度通报 —
 * each unit's completion as bars against the stage's requirement as a line. Both read the sheet's own cells.
 *
 * API: `leaderboardCharts(blocks, options)`, `bulletinChart(first, last, stage, options)` → ChartSpec(s).
 */
import { DRAGON, TIGER } from "../leaderboard";
import { ChartSpec } from "../sheet-model";
import { COLOURS } from "./common";

/** Bars in Excel's default blue, 龙榜 in the dark red of its text, 虎榜 a mid grey (both readable in print). */
export const CHART_COLOURS = { bar: "#4472C4", dragon: COLOURS.dragonFont, tiger: "#A6A6A6", line: "#C00000" } as const;

export interface ChartBlock {
  group: string;
  /** 1-based sheet rows of the block's units, first and last. */
  first: number;
  last: number;
  marks: readonly string[];
}

function markColours(marks: readonly string[]): { index: number; colour: string }[] {
  const out: { index: number; colour: string }[] = [];
  marks.forEach((m, index) => {
    if (m === DRAGON) out.push({ index, colour: CHART_COLOURS.dragon });
    else if (m === TIGER) out.push({ index, colour: CHART_COLOURS.tiger });
  });
  return out;
}

/** Rows a chart takes: enough for its bars, at least 15 (a readable chart beside a short group). */
const chartRows = (units: number) => Math.max(15, Math.min(40, Math.ceil(units * 0.9) + 6));

/**
 * One chart per group, stacked from row `top` in column A and as wide as the table (`columns`), so the sheet still
 * prints one table wide.
 */
export function leaderboardCharts(
  blocks: readonly ChartBlock[],
  opts: { nameColumn: string; totalColumn: string; columns: number; top: number }
): ChartSpec[] {
  let row = opts.top;
  return blocks
    .filter((b) => b.last >= b.first)
    .map((b) => {
      const rows = chartRows(b.last - b.first + 1);
      const spec: ChartSpec = {
        title: `${b.group || "全部单位"}总分（龙榜红、虎榜灰）`,
        categories: `${opts.nameColumn}${b.first}:${opts.nameColumn}${b.last}`,
        bars: {
          name: "总分",
          values: `${opts.totalColumn}${b.first}:${opts.totalColumn}${b.last}`,
          colour: CHART_COLOURS.bar,
          pointColours: markColours(b.marks),
        },
        anchor: { from: `A${row}`, columns: opts.columns, rows },
      };
      row += rows + 1;
      return spec;
    });
}

/** Under the table from row `top`, as wide as the table (`columns`). */
export function bulletinChart(
  first: number,
  last: number,
  stage: number,
  marks: readonly string[],
  top: number,
  columns: number
): ChartSpec {
  return {
    title: `第${stage}次调度完成率与应达进度`,
    categories: `B${first}:B${last}`,
    bars: { name: "完成率", values: `F${first}:F${last}`, colour: CHART_COLOURS.bar, pointColours: markColours(marks) },
    line: { name: "应达", values: `G${first}:G${last}`, colour: CHART_COLOURS.line },
    numberFormat: "0%",
    anchor: { from: `A${top}`, columns, rows: chartRows(last - first + 1) },
  };
}
