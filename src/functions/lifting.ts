/**
 * Lifting for RANKIN, RANKBONUS and AWARD: when `score` is a range, each entry is answered on its own (blank → "",
 * an error → an error object in its place), and the ranking behind them is built once, so a whole column costs
 * O(n log n). A single score goes through the same per-entry code, so lifted = per-cell by construction.
 */
import { naError, valueError } from "../core/errors";
import { RankOptions, RankTable } from "../core/ranking";
import { numbersOf, readNumber, showCell, textKey } from "../core/values";
import { Arg, Cell, Grid, cellsOf, isBlank, mapGrid, omitted, sameShape, shapeOf } from "./args";
import { FunctionError, entry, guard } from "./errors";

/** A score entry as a number: #VALUE! naming the text otherwise. */
export function scoreOf(c: Cell): number {
  const n = readNumber(c);
  if (typeof n === "number") return n;
  throw valueError(`无法识别的数值：${showCell(c)}（分数）`);
}

/** The group of each entry of `score`: one value for all, or a same-shaped range, or none. */
function groupReader(score: Arg, group: Arg): (row: number, col: number) => Cell | undefined {
  if (omitted(group)) return () => undefined;
  if (!Array.isArray(group)) return () => group;
  const cells = cellsOf(group);
  if (cells.length === 1) return () => cells[0];
  if (Array.isArray(score) && sameShape(shapeOf(score), shapeOf(group))) {
    return (row, col) => (group[row] as Cell[])[col];
  }
  throw valueError("分组（group）应为单个值，或与分数（score）区域形状相同");
}

export type Lifted<T> = T | "" | (T | "" | FunctionError)[][];

/**
 * Apply `f` to the score (and its group) — per entry when `score` is a range. A blank score gives "".
 * For a single score an error is thrown (the cell shows it); in a range it takes the entry's place.
 */
export function lift<T>(score: Arg, group: Arg, f: (score: number, group: Cell | undefined) => T): Lifted<T> {
  const groupAt = guard(() => groupReader(score, group));
  if (!Array.isArray(score)) {
    if (isBlank(score)) return "";
    return guard(() => f(scoreOf(score), groupAt(0, 0)));
  }
  return mapGrid(score as Grid, (c, row, col) => (isBlank(c) ? "" : entry(() => f(scoreOf(c), groupAt(row, col)))));
}

/**
 * Rankings of `scores`, one per group when `groups` is given (only entries whose group equals the asked group
 * take part; groups compare as trimmed, full-width-folded text, so a blank group is the group of blank cells).
 * Each group's RankTable is built on first use.
 */
export class GroupedRanking {
  private readonly tables = new Map<string, RankTable>();
  private readonly buckets: Map<string, number[]> | undefined;

  constructor(
    scores: Arg,
    groups: Arg,
    private readonly options: RankOptions
  ) {
    if (omitted(groups)) {
      this.tables.set("", new RankTable(numbersOf(scores), options));
      return;
    }
    if (!sameShape(shapeOf(scores), shapeOf(groups))) throw valueError("分组区域（groups）应与分数区域（scores）形状相同");
    const scoreCells = cellsOf(scores);
    const groupCells = cellsOf(groups);
    this.buckets = new Map();
    scoreCells.forEach((c, i) => {
      const n = readNumber(c);
      if (typeof n !== "number") return;
      const key = textKey(groupCells[i]);
      const bucket = this.buckets!.get(key);
      if (bucket) bucket.push(n);
      else this.buckets!.set(key, [n]);
    });
  }

  /** The ranking a score of `group` is ranked in. */
  table(group: Cell | undefined): RankTable {
    if (!this.buckets) {
      if (group !== undefined && !isBlank(group)) throw valueError("给出了分组（group），却没有给出分组区域（groups）");
      return this.tables.get("") as RankTable;
    }
    const key = textKey(group);
    let table = this.tables.get(key);
    if (!table) {
      table = new RankTable(this.buckets.get(key) ?? [], this.options);
      this.tables.set(key, table);
    }
    return table;
  }

  /** Rank and place from the bottom of a score in its group: #N/A when the score is not among them. */
  place(score: number, group: Cell | undefined): { rank: number; fromBottom: number } {
    const table = this.table(group);
    const rank = table.rankOf(score);
    if (rank === undefined) {
      const where = this.buckets ? `分组“${textKey(group)}”的` : "";
      throw naError(`分数 ${score} 不在${where}排名区域中`);
    }
    return { rank, fromBottom: table.placeFromBottom(score) as number };
  }
}
