import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { UnitResult } from "../../src/core/unit-result";
import { CliIo, main, unitJson, unitsJsonBytes, writeUnitsJson } from "../../src/cli/main";
import { SCHEME, WORKBOOK, scratch } from "./cli-support";

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

describe("kh score --json, made while the file is saved", () => {
  it("gives the same text as UTF-8 pieces, letting the event loop run after each", async () => {
    const results = Array.from({ length: 600 }, (_, i) => unit(i));
    let turns = 0;
    let counting = true;
    // Another task on the event loop (as the save's zlib callbacks are): it runs between the pieces.
    const other = async () => {
      while (counting) {
        turns++;
        await new Promise((r) => setImmediate(r));
      }
    };
    const running = other();
    const pieces = await unitsJsonBytes(results);
    counting = false;
    await running;
    expect(pieces.length).toBeGreaterThan(2);
    expect(turns).toBeGreaterThanOrEqual(pieces.length);
    expect(Buffer.concat(pieces).toString("utf8")).toBe(`${JSON.stringify(results.map(unitJson), null, 2)}\n`);
  });

  it("is printed only once the output file is written, and not at all when it could not be", async () => {
    const dir = await scratch();
    try {
      const out = path.join(dir, "结果.xlsx");
      const printed: boolean[] = [];
      let text = "";
      const io = (stdoutBytes: boolean): CliIo => ({
        stdout: (t) => {
          printed.push(existsSync(out));
          text += t;
        },
        stderr: () => undefined,
        cwd: dir,
        ...(stdoutBytes
          ? { stdoutBytes: (b: Uint8Array) => void (printed.push(existsSync(out)), (text += Buffer.from(b).toString())) }
          : {}),
      });
      for (const bytes of [false, true]) {
        text = "";
        await fs.rm(out, { force: true });
        expect(await main(["score", WORKBOOK, "--scheme", SCHEME, "-o", out, "--json"], io(bytes))).toBe(0);
        expect(JSON.parse(text)).toHaveLength(16);
      }
      expect(printed.length).toBeGreaterThan(0);
      expect(printed.every((written) => written)).toBe(true);
      // A folder where the file should go: the save fails, and nothing is printed.
      text = "";
      const blocked = path.join(dir, "占用");
      await fs.writeFile(blocked, "一个文件");
      expect(await main(["score", WORKBOOK, "--scheme", SCHEME, "-o", path.join(blocked, "结果.xlsx"), "--json"], io(true))).toBe(1);
      expect(text).toBe("");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
