import { equalRuns, groupRects } from "../../../src/hosts/excel/rects";

describe("groupRects", () => {
  it("merges a column format over many rows into one rectangle and cuts row bands", () => {
    // 5 rows × 4 columns: columns 1..3 carry "0.00"; row 2 has a different key in column 3.
    const keys = [
      [undefined, "0.00", "0.00", "0.00"],
      [undefined, "0.00", "0.00", "0.00"],
      [undefined, "0.00", "0.00", "@"],
      [undefined, "0.00", "0.00", "0.00"],
      [undefined, "0.00", "0.00", "0.00"],
    ];
    const out = groupRects(
      keys.length,
      (r) => keys[r].length,
      (r, c) => keys[r][c]
    );
    expect(out.get("@")).toEqual([{ top: 2, left: 3, bottom: 2, right: 3 }]);
    expect(out.get("0.00")).toEqual([
      { top: 0, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 1, bottom: 4, right: 3 },
    ]);
    // Every keyed cell is covered exactly once.
    const covered = new Map<string, number>();
    for (const [key, areas] of out) {
      for (const a of areas)
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++)
            covered.set(`${r},${c}`, (covered.get(`${r},${c}`) ?? 0) + 1) &&
              expect(keys[r][c]).toBe(key);
    }
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
    expect(covered.size).toBe(15);
  });

  it("gives one rectangle per run for ragged rows", () => {
    const keys = [["a"], ["a", "a"], []];
    const out = groupRects(
      3,
      (r) => keys[r].length,
      (r, c) => keys[r][c]
    );
    expect(out.get("a")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 0 },
      { top: 1, left: 0, bottom: 1, right: 1 },
    ]);
  });
});

describe("equalRuns", () => {
  it("groups equal neighbours and skips gaps", () => {
    expect(equalRuns([10, 10, 12, undefined, 12, 12])).toEqual([
      [0, 1, 10],
      [2, 2, 12],
      [4, 5, 12],
    ]);
  });
});
