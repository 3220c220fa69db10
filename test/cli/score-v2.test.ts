/**
 * `kh score --json` on a scheme-version-2 workbook built here with exceljs from WORKED_SHEETS and WORKED_SCHEME
 * (test/core/sheets/v2-cases.ts, shared with the formula tests): a data sheet with per-unit 任务户数, vote
 * counts and 集体经济奖金; monthly sheets 1月 and 2月 (a title row above the header, names written differently);
 * a 加减分台账; a scheme with per, vote, periodic from the month sheets, the ledger, disqualifyLast and pay.
 * Run with --formulas values for the JSON, and with the default native formulas for the written workbook: 得分's
 * live formulas (read through 读数, checked against the core in test/core/sheets/v2-formulas.test.ts and by
 * LibreOffice), the 报酬 sheet, and the clerk's four sheets left as they were.
 * Worked by hand (one group, exclude mode, precision 2):
 *
 *   参保 (target 0.9 of 已参保/任务户数, 40 points): 甲 95/100 → 0.95 → 40; 乙 72/90 = 0.8 → 40 × 0.8/0.9 = 35.555…;
 *     丙 60/100 = 0.6 → 26.666…; 丁 88/100 → 39.111…
 *   评议 (vote 满意/基本满意/不满意, 20 points): 甲 10/0/0 → 20; 乙 6/4/0 → 20 × 8.4/10 = 16.8; 丙 5/0/5 → 10; 丁 8/2/0 → 18.4.
 *   党建 (points 40; year-end 党建 with 1月!党建 and 2月!党建, w 0.5): 甲 30, months 40 & 36 → 0.5 × 38 + 15 = 34;
 *     乙 36, months 30 & (absent) → 0.5 × 30 + 18 = 33; 丙 20, months 20 & 24 → 0.5 × 22 + 10 = 21; 丁 40, none → 40.
 *   台账: 甲 +2 (好人好事), 乙 −3 (迟报) → bonus/deduction.
 *   totals: 甲 40 + 20 + 34 + 2 = 96; 乙 35.5556 + 16.8 + 33 − 3 = 82.36 (82.3555…);
 *     丙 26.6667 + 10 + 21 = 57.67 (57.666…); 丁 39.1111 + 18.4 + 40 = 97.51 (97.5111…); 丁 vetoed (安全事故 是).
 *   ranks (丁 excluded): 甲 1, 乙 2, 丙 3, 丁 4. 单项末位 on 评议: lowest 10 → 丙 (丁's 18.4 counts but is higher).
 *   byRank 1 → 1000, −1 → −300: 甲 +1000; 丙 would get −300 but is disqualified → 0.
 *   pay (base 1500, amount 2000, full 100, pass 60, collective 集体): 甲 1500 + 1920 + 1000 + 500 = 4920;
 *     乙 1500 + 2000 × 0.8236 = 1647.2 + 0 + 0 (blank) = 3147.2; 丙 1500 + 0 (below pass) + 0 + 200 = 1700;
 *     丁 vetoed: 1500 + 0 + 0 + 100 = 1600.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import { kh, listing, scratch } from "./cli-support";
import { WORKED_SCHEME, WORKED_SHEETS } from "../core/sheets/v2-cases";

async function v2Workbook(dir: string, ledger: (string | number)[][]): Promise<string> {
  const wb = new Workbook();
  const sheets = { ...WORKED_SHEETS, 加减分台账: [WORKED_SHEETS.加减分台账[0], ...ledger] };
  for (const [name, values] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    values.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v ?? null)));
  }
  const file = "二版考核.xlsx";
  await wb.xlsx.writeFile(path.join(dir, file));
  await fs.writeFile(path.join(dir, "二版方案.json"), JSON.stringify(WORKED_SCHEME));
  return file;
}

const LEDGER = WORKED_SHEETS.加减分台账.slice(1) as (string | number)[][];

describe("kh score --json on a v2 workbook", () => {
  it("gives totals, ranks, disqualified and pay as worked by hand", async () => {
    const dir = await scratch();
    const file = await v2Workbook(dir, LEDGER);
    const run = await kh(dir, ["score", file, "--scheme", "二版方案.json", "-o", "结果.xlsx", "--formulas", "values", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const units = JSON.parse(run.stdout) as Record<string, any>[];
    expect(units.map((u) => [u.name, u.total, u.rank, u.vetoed, u.reward])).toEqual([
      ["甲村", 96, 1, false, 1000],
      ["乙村", 82.36, 2, false, 0],
      ["丙村", 57.67, 3, false, 0],
      ["丁村", 97.51, 4, true, 0],
    ]);
    expect(units.map((u) => [u.bonus, u.deduction])).toEqual([
      [2, 0],
      [0, 3],
      [0, 0],
      [0, 0],
    ]);
    expect(units[1].scores.评议).toBeCloseTo(16.8, 12);
    expect(units.map((u) => u.scores.党建)).toEqual([34, 33, 21, 40]);
    expect(units.map((u) => u.disqualified)).toEqual([[], [], ["评议"], []]);
    expect(units[0].pay).toBeCloseTo(4920, 9);
    expect(units[1].pay).toBeCloseTo(1500 + 2000 * 0.8236, 9);
    expect(units.slice(2).map((u) => u.pay)).toEqual([1700, 1600]);
    expect(await listing(dir)).toContain("结果.xlsx");
  });

  it("native formulas: 得分 and 报酬 are live and hold the core's values; the clerk's sheets are unchanged", async () => {
    const dir = await scratch();
    const file = await v2Workbook(dir, LEDGER);
    const run = await kh(dir, ["score", file, "--scheme", "二版方案.json", "-o", "结果.xlsx"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [before, after] = [new Workbook(), new Workbook()];
    await before.xlsx.readFile(path.join(dir, file));
    await after.xlsx.readFile(path.join(dir, "结果.xlsx"));
    const grid = (wb: Workbook, name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row, r) => (out[r - 1] = (row.values as unknown[]).slice(1)));
      return out;
    };
    for (const name of ["村级考核", "1月", "2月", "加减分台账"]) expect(grid(after, name)).toEqual(grid(before, name));
    const scores = after.getWorksheet("得分")!;
    expect(scores.getCell("E3").formula).toContain("读数");
    const pay = after.getWorksheet("报酬")!;
    expect(pay.getCell("H2").value).toBe("合计");
    expect(pay.getCell("H3").formula).toBe("SUM(D3:G3)");
    expect(pay.getCell("H3").result).toBeCloseTo(4920, 9);
    expect(pay.getCell("E6").formula).toContain('="是",0');
  });

  it("a ledger row naming an unknown unit stops the run naming the row, and writes nothing", async () => {
    const dir = await scratch();
    const file = await v2Workbook(dir, [...LEDGER, ["2025-05-01", "戊村", -2, "未报送"]]);
    const run = await kh(dir, ["score", file, "--scheme", "二版方案.json", "-o", "结果.xlsx", "--formulas", "values", "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("“加减分台账”第4行：单位“戊村”不是“村级考核”中的单位");
    expect(await listing(dir)).not.toContain("结果.xlsx");
  });
});
