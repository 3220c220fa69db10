/** RankTable: competition and dense ranks, both orders, places from the bottom. */
import { RankTable, rankAll } from "../../src/core/ranking";

const values = [90, 85, 85, 70, 70, 60];

test("competition ranking, highest first (Excel's RANK)", () => {
  expect(rankAll(values)).toEqual([1, 2, 2, 4, 4, 6]);
});

test("dense ranking (中国式排名)", () => {
  expect(rankAll(values, { dense: true })).toEqual([1, 2, 2, 3, 3, 4]);
});

test("lowest first", () => {
  expect(rankAll(values, { ascending: true })).toEqual([6, 4, 4, 2, 2, 1]);
  expect(rankAll(values, { ascending: true, dense: true })).toEqual([4, 3, 3, 2, 2, 1]);
});

test("place from the bottom is 1 + the number strictly worse, so tied last entries are all last", () => {
  const t = new RankTable([90, 85, 70, 70]);
  expect([90, 85, 70].map((v) => t.placeFromBottom(v))).toEqual([4, 3, 1]);
  const asc = new RankTable([90, 85, 70, 70], { ascending: true });
  expect([70, 85, 90].map((v) => asc.placeFromBottom(v))).toEqual([3, 2, 1]);
});

test("a value not in the table has no rank", () => {
  const t = new RankTable(values);
  expect(t.rankOf(61)).toBeUndefined();
  expect(t.placeFromBottom(61)).toBeUndefined();
  expect(t.has(85)).toBe(true);
  expect(new RankTable([]).rankOf(1)).toBeUndefined();
});

test("ties at 9 decimals", () => {
  const t = new RankTable([0.1 + 0.2, 0.3, 0.4]);
  expect(t.rankOf(0.3)).toBe(2);
  expect(t.rankOf(0.30000000000000004)).toBe(2);
  expect(t.size).toBe(3);
});
