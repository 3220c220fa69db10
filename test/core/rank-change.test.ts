/**
 * Rank change between dispatches. Log: dispatch 1 — 甲 3, 乙 1, 丙 2; dispatch 2 — 甲 2, 乙 1 (丙 not ranked),
 * then dispatch 2 written again — 甲 1, 乙 2. Now dispatch 3: 甲 1 → — (1 → 1); 乙 3 → ↓1; 丙 2 → 新 (no rank at
 * dispatch 2); 丁 (new) 4 → 新. Dispatch 3 is 第3期; dispatch 2 rewritten is 第2期.
 */
import { biggestMoves, issueNumber, previousRanks, rankChange, rankChanges } from "../../src/core/rank-change";
import type { DispatchEntry } from "../../src/core/sheets/dispatch-log-sheet";

const e = (stage: number, name: string, rank: number | null): DispatchEntry => ({ stage, name, group: "", rank, count: 3 });
const LOG = [e(1, "甲", 3), e(1, "乙", 1), e(1, "丙", 2), e(2, "甲", 2), e(2, "乙", 1), e(2, "丙", null), e(2, "甲", 1), e(2, "乙", 2)];

test("升降 texts", () => {
  expect([
    rankChange(5, 2),
    rankChange(2, 4),
    rankChange(3, 3),
    rankChange(undefined, 1),
    rankChange(null, 1),
    rankChange(2, null),
  ]).toEqual(["↑3", "↓2", "—", "新", "新", ""]);
});

test("the previous dispatch is the greatest logged stage below this one, its last rows counting", () => {
  expect([...previousRanks(LOG, 3)]).toEqual([
    ["甲", 1],
    ["乙", 2],
  ]);
  expect([...previousRanks(LOG, 2)]).toEqual([
    ["甲", 3],
    ["乙", 1],
    ["丙", 2],
  ]);
  expect(previousRanks(LOG, 1).size).toBe(0);
});

test("each unit's 上次名次 and 升降, and the units that moved most", () => {
  const now = [
    { name: "甲", group: "", rank: 1 },
    { name: " 乙", group: "", rank: 3 },
    { name: "丙", group: "", rank: 2 },
    { name: "丁", group: "", rank: 4 },
  ];
  const moves = rankChanges(now, LOG, 3);
  expect(moves.map((m) => [m.previous, m.change])).toEqual([
    [1, "—"],
    [2, "↓1"],
    [null, "新"],
    [null, "新"],
  ]);
  const most = biggestMoves(rankChanges(now, LOG, 2));
  expect(most.up.map((m) => m.name)).toEqual(["甲"]);
  expect(most.down.map((m) => m.name)).toEqual([" 乙"]);
});

test("第N期 counts the dispatches logged up to this one", () => {
  expect(issueNumber([], 1)).toBe(1);
  expect(issueNumber(LOG, 3)).toBe(3);
  expect(issueNumber(LOG, 2)).toBe(2);
  expect(issueNumber([e(1, "甲", 1), e(3, "甲", 1)], 4)).toBe(3);
});
