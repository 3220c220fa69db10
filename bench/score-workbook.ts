/**
 * `kh score` end to end on a large workbook: read the .xlsx, score, build 得分 (native formulas), 龙虎榜 and 奖惩兑现,
 * write and save — n units × 40 indicators (every method, 3 groups interleaved, vetoes, bonus, deduction,
 * coefficient, grades, awards, rewards, fines). Each size runs in a fresh child process, which times its own
 * `kh score` and reports its peak memory (process.resourceUsage().maxRSS), so one run cannot inflate the next.
 *
 * Goals at 5,000 units: under 5 s and under 500 MB, growing about linearly (1,000 and 20,000 show the slope).
 * Run alone: `npx tsx bench/score-workbook.ts [n…]`.
 */
import { spawnSync } from "child_process";
import { Workbook } from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { loadLine } from "./common";

const INDICATORS = 40;
const SIZES = [1000, 5000, 20000];
const ROOT = path.join(__dirname, "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** 40 indicators: every method, weighted as a township scheme would use them. */
const METHODS: [string, number][] = [
  ["points", 14],
  ["target", 8],
  ["limit", 5],
  ["efficacy", 5],
  ["grade", 2],
  ["benchmark", 3],
  ["rank", 3],
];

function indicators(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const [method, count] of METHODS) {
    for (let k = 0; k < count; k++) {
      const i = out.length + 1;
      const base = { name: `指标${i}`, column: `指标${i}`, method, points: 2.5 };
      if (method === "target") Object.assign(base, { target: 100, cap: 1.2 });
      if (method === "limit") Object.assign(base, k % 2 ? { limit: 14 } : { limit: 14, step: 1, deduct: 0.5 });
      if (method === "efficacy") Object.assign(base, { good: 1000, bad: 0 });
      if (method === "rank") Object.assign(base, { step: 0.1 });
      out.push(base);
    }
  }
  return out;
}

/** The scheme of the benchmarks: 40 indicators, 3 groups, 2 vetoes, bonus, deduction, coefficient, grades, awards, rewards, fines. */
export function scheme(): Record<string, unknown> {
  return {
    name: "压力测试方案",
    data: { sheet: "数据", headerRow: 1, name: "单位", group: "类别" },
    indicators: indicators(),
    vetoes: ["否决1", "否决2"],
    bonus: { columns: ["加分"], cap: 5 },
    deduction: { columns: ["扣分"], cap: null },
    coefficient: "系数",
    grades: [
      [90, "优秀"],
      [80, "良好"],
      [60, "合格"],
      [0, "不合格"],
    ],
    awards: [
      ["一等奖", 3, 90],
      ["二等奖", 10, 80],
    ],
    rewards: {
      byRank: [
        [1, 1000],
        [3, 500],
        [-1, -200],
      ],
      byThreshold: { column: "指标15", tiers: [[95, 1000]] },
    },
    fines: [{ column: "缺签次数", amount: 100 }],
  };
}

/** A deterministic pseudo-random value in [0, 1) per (row, column). */
const noise = (r: number, c: number) => (((r * 2654435761 + c * 40503) >>> 0) % 10007) / 10007;

/**
 * The 数据 sheet of `scheme()` for n units, header first. `name` gives each unit's name (default 单位1, 单位2 …; the
 * Excel host's bench uses long Chinese names, which are 3 UTF-8 bytes a character).
 */
export function dataRows(n: number, name: (r: number) => string = (r) => `单位${r + 1}`): (string | number | null)[][] {
  const defs = indicators();
  const header = ["单位", "类别", ...defs.map((d) => d.column as string), "否决1", "否决2", "加分", "扣分", "系数", "缺签次数"];
  const groups = ["行政村", "社区", "站所"];
  const out: (string | number | null)[][] = [header];
  for (let r = 0; r < n; r++) {
    const row: (string | number | null)[] = [name(r), groups[r % 3]];
    defs.forEach((d, c) => {
      const x = noise(r, c);
      switch (d.method) {
        case "points":
          row.push(Math.round(x * 25) / 10);
          break;
        case "target":
          row.push(Math.round(60 + x * 60));
          break;
        case "limit":
          row.push(Math.round(100 + x * 80) / 10);
          break;
        case "efficacy":
          row.push(Math.round(x * 1200));
          break;
        case "grade":
          row.push(["优", "良", "中", "差"][Math.floor(x * 4)]);
          break;
        case "benchmark":
          row.push(Math.round(x * 5000) / 10);
          break;
        default:
          row.push(1 + Math.floor(x * 30));
      }
    });
    row.push(
      noise(r, 97) < 0.02 ? "是" : "否",
      noise(r, 98) < 0.01 ? "√" : null,
      Math.round(noise(r, 99) * 8),
      Math.round(noise(r, 100) * 4),
      [1, 0.95, 1.05][r % 3],
      Math.floor(noise(r, 101) * 3)
    );
    out.push(row);
  }
  return out;
}

export async function writeInput(dir: string, n: number): Promise<{ workbook: string; scheme: string }> {
  const wb = new Workbook();
  const ws = wb.addWorksheet("数据");
  for (const row of dataRows(n)) ws.addRow(row);
  const workbook = path.join(dir, `数据${n}.xlsx`);
  await wb.xlsx.writeFile(workbook);
  const schemeFile = path.join(dir, "方案.json");
  await fs.writeFile(schemeFile, JSON.stringify(scheme()));
  return { workbook, scheme: schemeFile };
}

interface ChildReport {
  ms: number;
  maxRssMb: number;
  code: number;
  stderr: string;
}

/** In the child: one `kh score`, timed, then the figures as JSON on stdout. */
async function child(workbook: string, schemeFile: string, out: string): Promise<void> {
  const { main } = await import("../src/cli/main");
  let stderr = "";
  const start = performance.now();
  const code = await main(["score", workbook, "--scheme", schemeFile, "-o", out, "--json"], {
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
  });
  const ms = performance.now() - start;
  const report: ChildReport = { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, code, stderr };
  process.stdout.write(JSON.stringify(report));
}

function measure(workbook: string, schemeFile: string, out: string): ChildReport {
  const run = spawnSync(process.execPath, ["--max-old-space-size=8192", TSX, __filename, "--child", workbook, schemeFile, out], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`child failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildReport;
}

export async function run(sizes: number[] = SIZES): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-bench-"));
  console.log(loadLine());
  try {
    const rows: { n: number; r: ChildReport; bytes: number }[] = [];
    for (const n of sizes) {
      const input = await writeInput(dir, n);
      const out = path.join(dir, `结果${n}.xlsx`);
      const r = measure(input.workbook, input.scheme, out);
      if (r.code !== 0) throw new Error(`kh score failed on ${n} units: ${r.stderr}`);
      const bytes = (await fs.stat(out)).size;
      rows.push({ n, r, bytes });
      const perUnit = (r.ms / n) * 1000;
      console.log(
        `${String(n).padStart(6)} units × ${INDICATORS}: kh score ${(r.ms / 1000).toFixed(2).padStart(6)} s  (${perUnit.toFixed(0)} µs/unit)  ` +
          `peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB  output ${(bytes / 1024 / 1024).toFixed(1)} MB`
      );
    }
    const at = rows.find((x) => x.n === 5000);
    if (at) {
      const ok = at.r.ms < 5000 && at.r.maxRssMb < 500;
      console.log(`goal at 5,000 units (< 5 s, < 500 MB): ${ok ? "met" : "NOT met"}`);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    child(args[1], args[2], args[3]).catch((e) => {
      process.stderr.write(`${(e as Error).stack}\n`);
      process.exit(1);
    });
  } else {
    const sizes = args.map(Number).filter((x) => x > 0);
    run(sizes.length ? sizes : SIZES).catch((e) => {
      console.error(e);
      process.exit(1);
    });
  }
}
