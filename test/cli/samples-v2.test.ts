/**
 * The samples as a township really scores them (issue 12, part 6):
 * - 参保调度: completion per village against its own task — 第5次 ÷ 任务户数 against 90%, 100 points. 牛颈村
 *   751/1038 = 0.72351 → 100 × 0.72351/0.9 = 80.39; 西牛村 401/419 = 0.95704 → capped 100.
 * - 二版考核 (monthly sheets, a ledger, votes, pay), worked by hand for 竹园村: 参保 812/860 = 0.944186 → 30 ×
 *   0.944186/0.95 = 29.8164; 评议 27/7/1 → 20 × (27 + 4.2)/35 = 17.8286; 党建 year-end 19, 1–3月 18, 19, 20 (mean
 *   19) → 0.4 × 19 + 0.6 × 19 = 19; 产业 18, months 17, 18, 19 → 18; subtotal 84.645; 台账 +2 (获评市级文明村) →
 *   86.64, rank 1 of 行政村, 先进村（社区）, reward 3000 (byRank 1); pay 1800 + 2400 × 0.8664 + 3000 + 1500 = 8379.36.
 *   水口村: 台账 −3 and −1 → deduction 4 (cap 5); 单项末位 on 党建 (12 + 13 + 12 months, year-end 13: the lowest
 *   blend of 行政村). 石门村 is vetoed (安全事故 是).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { SAMPLES, kh, scratch } from "./cli-support";

async function run(workbook: string, scheme: string): Promise<Record<string, any>[]> {
  const dir = await scratch();
  for (const f of [workbook, scheme]) await fs.copyFile(path.join(SAMPLES, f), path.join(dir, f));
  const out = await kh(dir, ["score", workbook, "--scheme", scheme, "-o", "结果.xlsx", "--json"]);
  expect(out.stderr).toBe("");
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout);
}

describe("the samples", () => {
  it("参保调度 scores completion against each village's own task", async () => {
    const units = await run("参保调度.xlsx", "参保调度.scheme.json");
    const by = new Map(units.map((u) => [u.name, u]));
    expect(by.get("牛颈村")!.total).toBe(Number(((100 * (751 / 1038)) / 0.9).toFixed(2)));
    expect(by.get("西牛村")!.total).toBe(100);
  });

  it("二版考核 gives the totals, ledger, 单项末位, veto and pay worked by hand", async () => {
    const units = await run("二版考核.xlsx", "二版考核.scheme.json");
    const by = new Map(units.map((u) => [u.name, u]));
    const z = by.get("竹园村")!;
    expect(z.scores.参保完成率).toBeCloseTo((30 * (812 / 860)) / 0.95, 9);
    expect(z.scores.民主评议).toBeCloseTo((20 * 31.2) / 35, 9);
    expect([z.scores.党建, z.scores.产业发展]).toEqual([19, 18]);
    expect([z.bonus, z.total, z.rank, z.award, z.reward]).toEqual([2, 86.64, 1, "先进村（社区）", 3000]);
    expect(z.pay).toBeCloseTo(1800 + 2400 * 0.8664 + 3000 + 1500, 9);
    const s = by.get("水口村")!;
    expect(s.deduction).toBe(4);
    expect(s.disqualified).toEqual(["党建"]);
    expect(by.get("石门村")!.vetoed).toBe(true);
  });

  it("二版考核 scored again from the 考核方案 sheet it wrote gives the same JSON (the v2 tables read back)", async () => {
    const dir = await scratch();
    for (const f of ["二版考核.xlsx", "二版考核.scheme.json"]) await fs.copyFile(path.join(SAMPLES, f), path.join(dir, f));
    const first = await kh(dir, ["score", "二版考核.xlsx", "--scheme", "二版考核.scheme.json", "-o", "一.xlsx", "--json"]);
    const again = await kh(dir, ["score", "一.xlsx", "-o", "二.xlsx", "--json"]);
    expect([first.code, again.code, again.stderr]).toEqual([0, 0, ""]);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(first.stdout));
  });
});
