import { dispatchLogSheet, inLastPlaces, readDispatchLog } from "../../../src/core/sheets/dispatch-log-sheet";
import type { StageProgress, UnitProgress } from "../../../src/core/scoring/types";

const NOW = "2025-12-20T10:00:00";

function progress(stage: number, ranks: [string, string, number][]): StageProgress {
  const units = ranks.map(
    ([name, group, rank]): UnitProgress =>
      ({ name, group, done: 1, task: 2, completion: 0.5, required: 0.5, gap: 0, met: true, rank, mark: "" }) as UnitProgress
  );
  return { stage, required: 0.5, units, totals: [] };
}

const values = (m: { cells: { value: unknown }[][] }) => m.cells.map((r) => r.map((c) => c.value)) as never;

describe("调度记录: the last places follow 虎榜's rule", () => {
  test("a unit among the top places is not among the last", () => {
    expect(inLastPlaces(1, 2, 3, 3)).toBe(false);
    expect(inLastPlaces(30, 32, 3, 3)).toBe(true);
    expect(inLastPlaces(4, 5, 3, 3)).toBe(true);
    expect(inLastPlaces(3, 5, 3, 3)).toBe(false);
  });

  test("2 社区 at two dispatches: neither is warned 连续2次后三名", () => {
    const ranks: [string, string, number][] = [
      ["大坪社区", "社区", 2],
      ["龙湾社区", "社区", 1],
    ];
    const one = dispatchLogSheet({ progress: progress(1, ranks), now: NOW, previous: [] });
    const two = dispatchLogSheet({ progress: progress(2, ranks), now: NOW, previous: readDispatchLog(values(one.model)) });
    expect(two.streaks.map((s) => s.streak)).toEqual([0, 0]);
    expect(two.model.cells.slice(1).map((r) => [r[10].value, r[12].value])).toEqual([
      ["否", ""],
      ["否", ""],
    ]);
  });

  test("with more units than top + bottom, the last three still count", () => {
    const ranks = (k: number): [string, string, number][] => Array.from({ length: 8 }, (_, i) => [`村${i + 1}`, "", ((i + k) % 8) + 1]);
    const one = dispatchLogSheet({ progress: progress(1, ranks(0)), now: NOW, previous: [] });
    const two = dispatchLogSheet({ progress: progress(2, ranks(0)), now: NOW, previous: readDispatchLog(values(one.model)) });
    expect(two.streaks.filter((s) => s.streak === 2).map((s) => s.name)).toEqual(["村6", "村7", "村8"]);
  });
});
