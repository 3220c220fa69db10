/** 分档: the result of the greatest threshold not above a value (reward tiers, 等次 by score). */
import { Cell, CellOrGrid, readNumber, tableRows } from "./values";
import { tieKey } from "./round";

export interface Tier<T> {
  threshold: number;
  result: T;
}

/** (threshold, result) rows in any order; rows whose threshold is blank or not a number are skipped. */
export function readTiers(table: CellOrGrid, what = "分档表"): Tier<Cell>[] {
  const out: Tier<Cell>[] = [];
  for (const row of tableRows(table, 2, what)) {
    const t = readNumber(row[0]);
    if (typeof t === "number") out.push({ threshold: t, result: row[1] });
  }
  return out;
}

/** The result of the greatest threshold ≤ value, or `otherwise`. */
export function tier<T>(value: number, tiers: readonly Tier<T>[], otherwise: T): T {
  let best: Tier<T> | undefined;
  const v = tieKey(value);
  for (const t of tiers) {
    if (tieKey(t.threshold) <= v && (!best || t.threshold > best.threshold)) best = t;
  }
  return best ? best.result : otherwise;
}
