/**
 * The core's scoreUnits alone (no file reading or writing): 5,000 units × 40 indicators of the score-workbook
 * bench's v1 scheme, and a v2 scheme on the same data — 10 of the indicators as rates (per), 10 with periodic values
 * from 12 month sheets (each unit's row found by name), 5 per-unit targets, a vote, a 10,000-row ledger,
 * disqualifyLast and pay. Median of 5 runs after a warm-up. Run alone: `npx tsx bench/score-units.ts`.
 */
import { performance } from "perf_hooks";
import { parseScheme } from "../src/core/scheme/parse";
import { readDataTable } from "../src/core/data-table";
import { scoreUnits } from "../src/core/scoring/score-units";
import { workbookData } from "../src/core/scoring/other-sheets";
import { Cell } from "../src/core/values";

const N = 5000;
const INDICATORS = 40;
const noise = (r: number, c: number) => (((r * 2654435761 + c * 40503) >>> 0) % 10007) / 10007;

function data(): Cell[][] {
  const header = [
    "单位",
    "类别",
    ...Array.from({ length: INDICATORS }, (_, i) => `指标${i + 1}`),
    "任务",
    "满意",
    "基本满意",
    "不满意",
    "集体",
  ];
  const rows: Cell[][] = [header];
  for (let r = 0; r < N; r++) {
    const row: Cell[] = [`单位${r + 1}`, ["行政村", "社区", "站所"][r % 3]];
    for (let c = 0; c < INDICATORS; c++) row.push(Math.round(noise(r, c) * 1000) / 10);
    row.push(
      50 + Math.round(noise(r, 90) * 100),
      Math.round(noise(r, 91) * 20),
      Math.round(noise(r, 92) * 10),
      Math.round(noise(r, 93) * 5),
      100
    );
    rows.push(row);
  }
  return rows;
}

function v1(): Record<string, unknown> {
  const indicators = Array.from({ length: INDICATORS }, (_, i) =>
    i % 4 === 0
      ? { name: `指标${i + 1}`, column: `指标${i + 1}`, method: "target", target: 80, points: 2.5 }
      : { name: `指标${i + 1}`, column: `指标${i + 1}`, method: "points", points: 2.5 }
  );
  return {
    name: "v1",
    data: { sheet: "数据", headerRow: 1, name: "单位", group: "类别" },
    indicators,
    awards: [["一等奖", 3, 0]],
    rewards: {
      byRank: [
        [1, 1000],
        [-1, -200],
      ],
    },
  };
}

function v2(): Record<string, unknown> {
  const s = v1();
  const indicators = (s.indicators as Record<string, unknown>[]).map((ind, i) => {
    if (i < 10) return { ...ind, method: "target", target: 0.5, per: "任务" };
    if (i < 20)
      return { ...ind, method: "points", periodic: Array.from({ length: 12 }, (_, m) => `${m + 1}月!得分${i % 3}`), periodicWeight: 0.3 };
    if (i < 25) return { ...ind, method: "target", target: { column: "任务" } };
    if (i === 25) return { name: "评议", method: "vote", columns: ["满意", "基本满意", "不满意"], points: 2.5 };
    return ind;
  });
  return {
    ...s,
    indicators,
    ledger: { sheet: "台账", unit: "单位", points: "分值", reason: "事由" },
    disqualifyLast: ["指标1", "评议"],
    pay: { base: 1500, amount: 2000, pass: 60, collective: "集体" },
  };
}

function otherSheets(): Record<string, Cell[][]> {
  const out: Record<string, Cell[][]> = {};
  for (let m = 1; m <= 12; m++) {
    const rows: Cell[][] = [[`${m}月打分`], ["单位", "得分0", "得分1", "得分2"]];
    // Every other month lists the units in reverse order; one unit in ten is absent.
    for (let k = 0; k < N; k++) {
      const r = m % 2 ? k : N - 1 - k;
      if (r % 10 === m % 10) continue;
      rows.push([`单位${r + 1}`, noise(r, m) * 2.5, noise(r, m + 20) * 2.5, noise(r, m + 40) * 2.5]);
    }
    out[`${m}月`] = rows;
  }
  const ledger: Cell[][] = [["单位", "分值", "事由"]];
  for (let k = 0; k < 2 * N; k++) ledger.push([`单位${((k * 7) % N) + 1}`, k % 3 ? -0.5 : 1, "事由"]);
  out.台账 = ledger;
  return out;
}

function time(label: string, f: () => void): void {
  f();
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    f();
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label}: median ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)})`);
}

export async function run(): Promise<void> {
  const values = data();
  const one = parseScheme(v1()).scheme;
  const two = parseScheme(v2()).scheme;
  const table = readDataTable(values, one.data);
  const workbook = workbookData(otherSheets());
  time(`scoreUnits v1, ${N} units × ${INDICATORS} indicators`, () => scoreUnits(one, table));
  time(`scoreUnits v2 (per, 12 month sheets, per-unit targets, vote, ${2 * N}-row ledger, pay)`, () =>
    scoreUnits(two, table, { workbook })
  );
}

if (require.main === module) void run();
