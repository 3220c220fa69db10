/**
 * How long a real engine takes to recalculate our live 得分: LibreOffice Calc (headless) opens each file with
 * "recalculate on load: always" and saves it again. The recalculation time of a file is its conversion time minus
 * that of its values twin — the converted file with every formula removed and its value kept, so the same cells are
 * loaded and saved without being computed — measured side by side.
 *
 * Compared with the template a clerk would write for the same data (40 indicators read with `--cell`, ROUND total,
 * 名次 by `COUNTIFS(分组,B2,总分,">"&N2)+1`; for 中国式排名 the classic SUMPRODUCT((…)/COUNTIFS(…)) form, which is
 * O(n³) per sheet and so is run only at the small sizes). n units × 40 indicators, three interleaved groups, vetoes.
 * Prints each time, the ratio to the COUNTIFS template and the growth exponent (slope of log time over log n).
 * Goal: 5,000 units within 1.5× of the COUNTIFS template, 中国式 included, exponent ≤ 2.
 * Run alone: `npx tsx bench/libreoffice-recalc.ts [n…]`.
 */
import { Workbook } from "exceljs";
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { main } from "../src/cli/main";
import { scheme, writeInput } from "./score-workbook";
import { SOFFICE, libreOfficeProfile, stripFormulas } from "../test/support/libreoffice";

const SIZES = [500, 1000, 2000, 5000];
/** The classic 中国式 template is O(n³): beyond this it would run for hours. */
const CLASSIC_DENSE_MAX = 1000;

/** Seconds LibreOffice takes to open, recalculate and save one file (its own process, a warm profile). */
export function convertSeconds(file: string, outDir: string, profile: string): number {
  const start = performance.now();
  execFileSync(SOFFICE as string, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", outDir, file], {
    stdio: "ignore",
    timeout: 3_600_000,
  });
  return (performance.now() - start) / 1000;
}

/** Recalculation seconds of a file: its conversion minus its values twin's. */
async function recalcSeconds(file: string, dir: string, profile: string): Promise<number> {
  const out = path.join(dir, "lo");
  const full = convertSeconds(file, out, profile);
  const twin = path.join(dir, `twin-${path.basename(file)}`);
  await fs.writeFile(twin, await stripFormulas(await fs.readFile(path.join(out, path.basename(file)))));
  const base = convertSeconds(twin, out, profile);
  return Math.max(0, full - base);
}

async function kh(args: string[]): Promise<void> {
  let err = "";
  const code = await main(args, { stdout: () => undefined, stderr: (t) => (err += t) });
  if (code !== 0) throw new Error(`kh ${args.join(" ")} failed: ${err}`);
}

/** The clerk's own 得分 for the bench's data: what one writes by hand with RANK-like COUNTIFS. */
async function clerkTemplate(input: string, out: string, n: number, dense: boolean): Promise<void> {
  const wb = new Workbook();
  await wb.xlsx.readFile(input);
  const data = wb.getWorksheet("数据")!;
  const header = (data.getRow(1).values as unknown[]).slice(1).map(String);
  const ws = wb.addWorksheet("得分");
  const k = header.filter((h) => h.startsWith("指标")).length;
  const methods = (scheme().indicators as { method: string }[]).map((d) => d.method);
  const last = n + 1;
  const col = (i: number) => ws.getColumn(i + 1).letter;
  const dataCol = (name: string) => data.getColumn(header.indexOf(name) + 1).letter;
  ws.addRow(["单位", "分组", ...header.slice(2, 2 + k), "加分", "扣分", "系数", "总分", "否决", "名次"]);
  const total = col(2 + k + 3);
  for (let r = 2; r <= last; r++) {
    const row: unknown[] = [{ formula: `'数据'!A${r}` }, { formula: `'数据'!B${r}` }];
    for (let i = 0; i < k; i++) {
      const x = `'数据'!${data.getColumn(3 + i).letter}${r}`;
      // 定性等次 columns hold 优/良/中/差: a clerk writes nested IFs for them.
      const grade = `2.5*IF(${x}="优",1,IF(${x}="良",0.8,IF(${x}="中",0.6,0.4)))`;
      row.push({ formula: methods[i] === "grade" ? grade : `MIN(MAX(--${x},0),2.5)` });
    }
    row.push({ formula: `MIN(--'数据'!${dataCol("加分")}${r},5)` }, { formula: `ABS('数据'!${dataCol("扣分")}${r})` }, { formula: `IF('数据'!${dataCol("系数")}${r}="",1,'数据'!${dataCol("系数")}${r})` });
    row.push({ formula: `ROUND((SUM(C${r}:${col(1 + k)}${r})+${col(2 + k)}${r}-${col(3 + k)}${r})*${col(4 + k)}${r},2)` });
    row.push({ formula: `IF(OR('数据'!${dataCol("否决1")}${r}="是",'数据'!${dataCol("否决2")}${r}="√"),"是","否")` });
    const g = `$B$2:$B$${last}`;
    const t = `$${total}$2:$${total}$${last}`;
    row.push({
      formula: dense
        ? `SUMPRODUCT((${g}=B${r})*(${t}>${total}${r})/COUNTIFS(${g},${g},${t},${t}))+1`
        : `COUNTIFS(${g},B${r},${t},">"&${total}${r})+1`,
    });
    ws.addRow(row);
  }
  await wb.xlsx.writeFile(out);
}

/** Slope of log(y) over log(x): the growth exponent. */
export function exponent(points: [number, number][]): number {
  const xs = points.map(([x]) => Math.log(x));
  const ys = points.map(([, y]) => Math.log(Math.max(y, 1e-3)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  return num / den;
}

export async function run(sizes: number[] = SIZES): Promise<void> {
  if (!SOFFICE) {
    console.log("LibreOffice (soffice) is not installed: skipped (apt-get install libreoffice-calc-nogui)");
    return;
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-lo-bench-"));
  const profile = await libreOfficeProfile();
  try {
    convertSeconds((await writeInput(dir, 10)).workbook, path.join(dir, "lo"), profile); // warm the profile
    const series: Record<string, [number, number][]> = {};
    const add = (key: string, n: number, s: number) => (series[key] ??= []).push([n, s]);
    const at = (key: string, n: number) => series[key]?.find(([m]) => m === n)?.[1];
    for (const n of sizes) {
      const input = await writeInput(dir, n);
      const line: string[] = [`${String(n).padStart(5)} units:`];
      for (const dense of [false, true]) {
        const schemeFile = path.join(dir, `scheme-${dense}.json`);
        const scheme = JSON.parse(await fs.readFile(input.scheme, "utf8"));
        scheme.ranking = { dense };
        await fs.writeFile(schemeFile, JSON.stringify(scheme));
        const ours = path.join(dir, `ours${n}-${dense}.xlsx`);
        await kh(["score", input.workbook, "--scheme", schemeFile, "-o", ours]);
        add(`ours-${dense}`, n, await recalcSeconds(ours, dir, profile));
        line.push(`ours${dense ? " 中国式" : ""} ${at(`ours-${dense}`, n)!.toFixed(1)} s`);
        if (dense && n > CLASSIC_DENSE_MAX) continue;
        const template = path.join(dir, `template${n}-${dense}.xlsx`);
        await clerkTemplate(input.workbook, template, n, dense);
        add(`template-${dense}`, n, await recalcSeconds(template, dir, profile));
        line.push(`template${dense ? " 中国式 (SUMPRODUCT)" : " (COUNTIFS)"} ${at(`template-${dense}`, n)!.toFixed(1)} s`);
      }
      const countifs = at("template-false", n);
      if (countifs) {
        const ratio = (key: string) => ((at(key, n) ?? NaN) / countifs).toFixed(2);
        line.push(`ratio to the COUNTIFS template: ours ${ratio("ours-false")}×, ours 中国式 ${ratio("ours-true")}×`);
      }
      console.log(line.join(" · "));
    }
    for (const [key, points] of Object.entries(series))
      if (points.length > 1) console.log(`growth exponent ${key}: ${exponent(points).toFixed(2)}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(profile, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  run(sizes.length ? sizes : SIZES).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
