/**
 * Scheme version 2's live formulas at size (SPEC §3.1): n units on the data sheet, twelve month sheets 1月–12月
 * (each with the n units in another order and two scored columns, blended into two indicators as 平时成绩), a
 * 加减分台账 of 2n rows, a per-unit rate (已参保 ÷ 任务), 民主评议 votes, 单项末位 and 报酬. Measures `kh score`
 * (native formulas) and LibreOffice's recalculation of the file written (measured as libreoffice-recalc.ts does:
 * loading it without cached values minus loading its values twin, written out as CSV), and the growth exponent of each.
 * What grows: one MATCH per unit and month sheet over that sheet's name keys (n·12·n comparisons), SUMIFS over the
 * ledger's 2n keys per unit, the COUNTIFS ranks — all O(n²); goal: exponent ≤ 2, as the v1 formulas.
 * Run alone: `npx tsx bench/v2-recalc.ts [n…]`.
 */
import { Workbook } from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { main } from "../src/cli/main";
import { convertSeconds, exponent, recalcSeconds } from "./libreoffice-recalc";
import { SOFFICE, libreOfficeProfile } from "../test/support/libreoffice";
import { loadLine, runAlone } from "./common";

const SIZES = [250, 500, 1000, 2000];
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/** A fixed pseudo-random number in [0, 1) for (row, column). */
const noise = (r: number, c: number) => {
  const x = Math.sin(r * 12.9898 + c * 78.233) * 43758.5453;
  return x - Math.floor(x);
};

async function writeInput(dir: string, n: number): Promise<{ workbook: string; scheme: string }> {
  const wb = new Workbook();
  const name = (i: number) => `单位${i + 1}`;
  const data = wb.addWorksheet("数据");
  data.addRow(["单位", "类别", "已参保", "任务", "满意", "基本满意", "不满意", "党建", "产业", "安全", "集体"]);
  for (let i = 0; i < n; i++) {
    const task = 100 + Math.round(noise(i, 1) * 900);
    const score = (c: number) => Math.round(noise(i, c) * 200) / 10;
    const votes = [5 + (i % 20), i % 7, i % 3];
    const group = ["行政村", "社区", "站所"][i % 3];
    data.addRow([
      name(i),
      group,
      Math.round(task * (0.6 + 0.4 * noise(i, 2))),
      task,
      ...votes,
      score(3),
      score(4),
      i % 97 === 0 ? "是" : "否",
      Math.round(noise(i, 5) * 2000),
    ]);
  }
  MONTHS.forEach((m, k) => {
    const ws = wb.addWorksheet(m);
    ws.addRow([`${m}打分`]);
    ws.addRow(["单位", "党建", "产业"]);
    for (let j = 0; j < n; j++) {
      const i = (j * 7 + k) % n;
      ws.addRow([name(i), Math.round(noise(i, 10 + k) * 200) / 10, Math.round(noise(i, 30 + k) * 200) / 10]);
    }
  });
  const ledger = wb.addWorksheet("台账");
  ledger.addRow(["日期", "单位", "分值", "事由"]);
  for (let j = 0; j < 2 * n; j++) ledger.addRow(["2025-06-01", name((j * 13) % n), j % 3 === 0 ? 1 : -0.5, "事由"]);
  const workbook = path.join(dir, `v2-${n}.xlsx`);
  await wb.xlsx.writeFile(workbook);
  const scheme = path.join(dir, `v2-${n}.json`);
  const periodic = (col: string) => MONTHS.map((m) => `${m}!${col}`);
  await fs.writeFile(
    scheme,
    JSON.stringify({
      name: "二版规模测试",
      data: { sheet: "数据", headerRow: 1, name: "单位", group: "类别" },
      indicators: [
        { name: "参保", column: "已参保", per: "任务", method: "target", target: 0.9, points: 30 },
        { name: "评议", method: "vote", columns: ["满意", "基本满意", "不满意"], points: 20 },
        { name: "党建", column: "党建", method: "points", points: 25, periodic: periodic("党建"), periodicWeight: 0.4 },
        { name: "产业", column: "产业", method: "points", points: 25, periodic: periodic("产业"), periodicWeight: 0.4 },
      ],
      vetoes: ["安全"],
      ledger: { sheet: "台账", unit: "单位", points: "分值", reason: "事由", date: "日期" },
      disqualifyLast: ["评议", "党建"],
      rewards: { byRank: [[1, 1000]] },
      pay: { base: 1500, amount: 2000, full: 100, pass: 60, collective: "集体" },
    })
  );
  return { workbook, scheme };
}

async function kh(args: string[]): Promise<number> {
  let err = "";
  const t = performance.now();
  const code = await main(args, { stdout: () => undefined, stderr: (e) => (err += e) });
  if (code !== 0) throw new Error(`kh ${args.join(" ")} failed: ${err}`);
  return (performance.now() - t) / 1000;
}

export async function run(sizes: number[] = SIZES): Promise<void> {
  console.log(loadLine());
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-v2-bench-"));
  const profile = await libreOfficeProfile();
  const outDir = path.join(dir, "lo");
  const khTimes: [number, number][] = [];
  const loTimes: [number, number][] = [];
  try {
    console.log("units | kh score (s) | LibreOffice recalculation (s)");
    for (const n of sizes) {
      const input = await writeInput(dir, n);
      const live = path.join(dir, `live${n}.xlsx`);
      const tKh = await kh(["score", input.workbook, "--scheme", input.scheme, "-o", live]);
      khTimes.push([n, tKh]);
      let lo = "skipped (no soffice)";
      if (SOFFICE) {
        if (loTimes.length === 0) convertSeconds(live, outDir, profile); // warm the profile
        const recalc = (await recalcSeconds(live, dir, profile)).wall;
        loTimes.push([n, recalc]);
        lo = recalc.toFixed(2);
      }
      console.log(`${String(n).padStart(5)} | ${tKh.toFixed(2).padStart(12)} | ${lo}`);
    }
    console.log(
      `growth exponent: kh ${exponent(khTimes).toFixed(2)}${loTimes.length > 1 ? `, LibreOffice ${exponent(loTimes).toFixed(2)} (goal ≤ 2)` : ""}`
    );
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runAlone(run, SIZES);
