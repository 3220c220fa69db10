import { UnitResult } from "../../src/core/unit-result";
import { unitJson, writeUnitsJson } from "../../src/cli/main";

/** A unit with awkward text: quotes, a backslash, a line break and a tab in its name, Chinese everywhere. */
function unit(i: number): UnitResult {
  return {
    name: i % 7 === 0 ? `单位"${i}"\\\n\t甲` : `单位${i}`,
    group: i % 2 ? "行政村" : "社区",
    scores: { 指标1: i / 3, "指标\n2": -i, 指标3: 0 },
    subtotal: i * 1.5,
    bonus: 0.5,
    deduction: 0,
    coefficient: 1.05,
    total: i * 1.575,
    vetoed: i % 11 === 0,
    rank: i + 1,
    mark: i < 3 ? "龙" : "",
    grade: "优秀",
    award: "",
    reward: 1000,
    fines: 0,
    missing: i % 5 ? [] : ["指标3"],
    disqualified: [],
    ...(i % 3 ? { pay: 88.25 } : {}),
  };
}

async function written(results: UnitResult[]): Promise<{ text: string; pieces: number }> {
  const pieces: string[] = [];
  await writeUnitsJson(results, (t) => void pieces.push(t));
  return { text: pieces.join(""), pieces: pieces.length };
}

describe("kh score --json, written a unit at a time", () => {
  it.each([0, 1, 2, 600])("is JSON.stringify(…, null, 2) of the units, whole, for %i units", async (n) => {
    const results = Array.from({ length: n }, (_, i) => unit(i));
    const { text, pieces } = await written(results);
    expect(text).toBe(`${JSON.stringify(results.map(unitJson), null, 2)}\n`);
    expect(JSON.parse(text)).toHaveLength(n);
    // 600 units are over 64K characters: more than one piece, none of them the whole.
    if (n === 600) expect(pieces).toBeGreaterThan(2);
  });

  it("writes no piece while the output is behind (the writer's promise not yet settled)", async () => {
    const results = Array.from({ length: 600 }, (_, i) => unit(i));
    const pieces: string[] = [];
    let behind: (() => void) | undefined;
    const done = writeUnitsJson(results, (t) => {
      expect(behind).toBeUndefined();
      pieces.push(t);
      return new Promise<void>((resolve) => (behind = resolve));
    });
    for (let k = 1; behind; k++) {
      expect(pieces).toHaveLength(k);
      const resolve = behind;
      behind = undefined;
      resolve();
      await new Promise((r) => setImmediate(r));
    }
    await done;
    expect(pieces.join("")).toBe(`${JSON.stringify(results.map(unitJson), null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(2);
  });
});
