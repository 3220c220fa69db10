/** functions.json as generated from functions.ts, and its zh-CN counterpart. */
import * as path from "path";
import * as KHExports from "../../src/functions/functions";
import table from "../../src/functions/descriptions.zh-CN.json";
import { FunctionsJson, ZhCnTable, generateMetadata, localize } from "../../scripts/functions-zh-cn";

/** SPEC §2.2's signatures: parameter names, "?" for optional ones. */
const SPEC_SIGNATURES: Record<string, string[]> = {
  VETO: ["score", "flags", "vetoed_score?"],
  STAGEPCT: ["done", "task", "stage?", "schedule?"],
  STAGEGAP: ["done", "task", "stage", "schedule?"],
  RANKIN: ["score", "scores", "order?", "dense?", "group?", "groups?"],
  RANKBONUS: ["score", "scores", "tiers", "order?", "dense?", "group?", "groups?"],
  TIER: ["value", "table", "otherwise?"],
  TARGETSCORE: ["actual", "target", "points", "cap?"],
  LIMITSCORE: ["actual", "limit", "points", "step?", "deduct?"],
  EFFICACY: ["actual", "bad", "good", "points?", "base?"],
  ADJUST: ["base", "adds?", "deducts?", "add_cap?", "deduct_cap?"],
  BLEND: ["periodic", "year_end", "periodic_weight"],
  VOTESCORE: ["votes", "weights?", "points?"],
  LAGSTREAK: ["ranks", "count", "bottom?"],
  AWARD: ["score", "scores", "table"],
  DRAW: ["items", "n", "seed"],
  LEADERBOARD: ["names", "scores", "top?", "bottom?", "order?", "dense?"],
  PERFPAY: ["score", "amount", "full?", "pass?"],
};

/** Parameters Excel must pass as ranges (so a whole range reaches the function, not one cell). */
const RANGE_PARAMETERS: Record<string, string[]> = {
  VETO: ["flags"],
  STAGEPCT: ["schedule"],
  STAGEGAP: ["schedule"],
  RANKIN: ["score", "scores", "group", "groups"],
  RANKBONUS: ["score", "scores", "tiers", "group", "groups"],
  TIER: ["table"],
  ADJUST: ["adds", "deducts"],
  BLEND: ["periodic"],
  VOTESCORE: ["votes", "weights"],
  LAGSTREAK: ["ranks", "count"],
  AWARD: ["score", "scores", "table"],
  DRAW: ["items"],
  LEADERBOARD: ["names", "scores"],
};
const ARRAY_RESULTS = ["RANKIN", "RANKBONUS", "AWARD", "DRAW", "LEADERBOARD"];

const signature = (f: FunctionsJson["functions"][number]) => f.parameters.map((p) => p.name + (p.optional ? "?" : ""));

describe("functions.json generated from functions.ts", () => {
  let metadata: FunctionsJson;
  beforeAll(async () => {
    metadata = await generateMetadata(path.resolve(__dirname, "../../src/functions/functions.ts"));
  });

  test("lists the 17 functions of SPEC §2.2 with their parameters", () => {
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(SPEC_SIGNATURES).sort());
    for (const f of metadata.functions) {
      expect([f.id, signature(f)]).toEqual([f.id, SPEC_SIGNATURES[f.id]]);
      expect(f.name).toBe(f.id);
      expect(f.description).toBeTruthy();
      for (const p of f.parameters) expect([f.id, p.name, p.description]).toEqual([f.id, p.name, expect.any(String)]);
    }
  });

  test("each function is the export whose upper-cased name is its id, and takes its parameters", () => {
    const exported = Object.entries(KHExports).filter(([, v]) => typeof v === "function");
    expect(exported.map(([k]) => k.toUpperCase()).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const f of metadata.functions) {
      const fn = exported.find(([k]) => k.toUpperCase() === f.id)?.[1] as (...a: unknown[]) => unknown;
      expect([f.id, fn.length]).toEqual([f.id, f.parameters.length]);
    }
  });

  test("ranges are declared as matrices, other parameters as single values of any type", () => {
    for (const f of metadata.functions) {
      const matrices = f.parameters.filter((p) => p.dimensionality === "matrix").map((p) => p.name);
      expect([f.id, matrices]).toEqual([f.id, RANGE_PARAMETERS[f.id] ?? []]);
      for (const p of f.parameters) expect([f.id, p.name, p.type]).toEqual([f.id, p.name, "any"]);
      expect([f.id, f.result?.dimensionality === "matrix"]).toEqual([f.id, ARRAY_RESULTS.includes(f.id)]);
    }
  });

  test("the zh-CN metadata lists the same functions and parameters, in Chinese", () => {
    const zh = localize(metadata, table as ZhCnTable);
    expect(zh.functions.map((f) => [f.id, f.name, signature(f)])).toEqual(metadata.functions.map((f) => [f.id, f.name, signature(f)]));
    const chinese = /[\u4e00-\u9fff]/;
    for (const f of zh.functions) {
      expect([f.id, f.description]).toEqual([f.id, expect.stringMatching(chinese)]);
      for (const p of f.parameters) expect([f.id, p.name, p.description]).toEqual([f.id, p.name, expect.stringMatching(chinese)]);
    }
    // Everything but the texts is unchanged (types, dimensionality, optional, result).
    const strip = (j: FunctionsJson) => JSON.parse(JSON.stringify(j, (k, v) => (k === "description" ? undefined : v)));
    expect(strip(zh)).toEqual(strip(metadata));
    expect(zh.functions.find((f) => f.id === "VETO")?.description).toBe(table.VETO.description);
  });

  test("localize does not change its input", () => {
    const before = JSON.stringify(metadata);
    localize(metadata, table as ZhCnTable);
    expect(JSON.stringify(metadata)).toBe(before);
  });

  test("localize refuses a missing function, a missing parameter and a stale entry", () => {
    const { VETO: _drop, ...withoutVeto } = table as ZhCnTable;
    expect(() => localize(metadata, withoutVeto)).toThrow("函数 VETO 缺少中文说明");
    const noFlags = { ...(table as ZhCnTable), VETO: { ...table.VETO, parameters: { score: "分数", vetoed_score: "否决后的分数" } } };
    expect(() => localize(metadata, noFlags)).toThrow("函数 VETO 的参数 flags 缺少中文说明");
    const stale = { ...(table as ZhCnTable), OLDNAME: { description: "旧", parameters: {} } };
    expect(() => localize(metadata, stale)).toThrow("函数 OLDNAME 在 functions.json 中不存在");
    const staleParam = { ...(table as ZhCnTable), VETO: { ...table.VETO, parameters: { ...table.VETO.parameters, flag: "旧名" } } };
    expect(() => localize(metadata, staleParam)).toThrow("参数 flag 在 functions.json 中不存在");
  });
});

describe("generateMetadata", () => {
  test("reports metadata errors of a source file", async () => {
    const fs = await import("fs");
    const os = await import("os");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kh-meta-"));
    const file = path.join(dir, "bad.ts");
    fs.writeFileSync(file, "/** @customfunction */\nexport function bad(x: Date): number { return 1; }\n");
    try {
      await expect(generateMetadata(file)).rejects.toThrow("的函数说明有误");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
