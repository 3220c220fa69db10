/**
 * How long a real engine takes to recalculate our live 得分: LibreOffice Calc (headless) opens each file without
 * its cached values (so every formula is computed) and writes every sheet as CSV. The recalculation time of a file
 * is that conversion's time minus the same conversion of its values twin — the file with every formula removed and
 * LibreOffice's computed value kept, so the same cells are loaded and written without being computed — measured
 * side by side, the faster of two runs each, wall and CPU (user + system) seconds. CSV rather than .xlsx output:
 * LibreOffice writes no shared formulas, so an .xlsx conversion mostly measures serialising each formula's text
 * (4.5 s of 6.3 s at 2,000 units), which is not recalculation and which no clerk waits for while editing.
 *
 * Compared with the template a clerk would write for the same data (40 indicators read with `--cell`, ROUND total,
 * 名次 by `COUNTIFS(分组,B2,总分,">"&N2)+1`; for 中国式排名 the classic SUMPRODUCT((…)/COUNTIFS(…)) form, which is
 * O(n³) per sheet and so is run only at the small sizes). n units × 40 indicators, three interleaved groups, vetoes.
 * Prints each time, the ratio to the COUNTIFS template and the growth exponent (slope of log time over log n).
 * Goal: 5,000 units within 1.5× of the COUNTIFS template, 中国式 included, exponent ≤ 2.
 * Run alone: `npx tsx bench/libreoffice-recalc.ts [n…]`.
 */
import { Workbook } from "exceljs";
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { scheme, writeInput } from "./score-workbook";
import { SOFFICE, libreOfficeProfile, stripCachedValues, stripFormulas } from "../test/support/libreoffice";
import { loadLine, runAlone } from "./common";

const SIZES = [500, 1000, 2000, 5000];
/** The classic 中国式 template is O(n³): beyond this it would run for hours. */
const CLASSIC_DENSE_MAX = 1000;

/**
 * The conversion that measures: every sheet written as CSV (filter token 12 = -1, LibreOffice ≥ 7.2), so the cost
 * is loading and computing the cells, not writing formula text back. Converting to .xlsx instead spends most of
 * its time serialising each formula cell in full (LibreOffice writes no shared formulas): at 2,000 units 4.5 s of
 * 6.3 s "recalculation" was that, which no clerk waits for when editing a cell.
 */
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** Wall and CPU seconds (user + system) of one LibreOffice conversion in its own process, a warm profile. */
export function convertSeconds(file: string, outDir: string, profile: string, format = "xlsx"): { wall: number; cpu: number } {
  // bash's `time` reports the child's CPU too, and bash is everywhere (/usr/bin/time is a package of its own).
  const args = [
    "-c",
    'TIMEFORMAT="KH %R %U %S"; time "$@" >/dev/null 2>&1',
    "bash",
    SOFFICE as string,
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--convert-to",
    format,
    "--outdir",
    outDir,
    file,
  ];
  const r = spawnSync("bash", args, { encoding: "utf8", timeout: 3_600_000 });
  const m = /KH ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  if (r.status !== 0 || !m) throw new Error(`soffice failed on ${file}: ${r.stderr}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

/** The faster of `times` runs (the machine's other work only ever adds time). */
function best(times: number, run: () => { wall: number; cpu: number }): { wall: number; cpu: number } {
  let out = run();
  for (let i = 1; i < times; i++) {
    const t = run();
    out = { wall: Math.min(out.wall, t.wall), cpu: Math.min(out.cpu, t.cpu) };
  }
  return out;
}

/**
 * Recalculation seconds of a file: loading it without cached values (so every formula is computed) minus loading
 * its values twin (the same cells as plain values, from LibreOffice's own computation), both written out as CSV.
 */
export async function recalcSeconds(file: string, dir: string, profile: string): Promise<{ wall: number; cpu: number }> {
  const { bare, twin } = await bareAndTwin(file, dir, profile);
  const out = path.join(dir, "lo");
  const full = best(2, () => convertSeconds(bare, out, profile, CSV_ALL_SHEETS));
  const base = best(2, () => convertSeconds(twin, out, profile, CSV_ALL_SHEETS));
  return { wall: Math.max(0, full.wall - base.wall), cpu: Math.max(0, full.cpu - base.cpu) };
}

/** A file without its cached values (every formula computed on load), and its values twin (LibreOffice's values). */
export async function bareAndTwin(file: string, dir: string, profile: string): Promise<{ bare: string; twin: string }> {
  const out = path.join(dir, "lo");
  convertSeconds(file, out, profile);
  const twin = path.join(dir, `twin-${path.basename(file)}`);
  await fs.writeFile(twin, await stripFormulas(await fs.readFile(path.join(out, path.basename(file)))));
  const bare = path.join(dir, `bare-${path.basename(file)}`);
  await fs.writeFile(bare, await stripCachedValues(await fs.readFile(file)));
  return { bare, twin };
}

/** `kh score` of the bench's n-unit input with the scheme's ranking dense or not: the output file. */
export async function scoreOurs(input: { workbook: string; scheme: string }, dir: string, n: number, dense: boolean): Promise<string> {
  const schemeFile = path.join(dir, `scheme-${dense}.json`);
  const scheme = JSON.parse(await fs.readFile(input.scheme, "utf8"));
  scheme.ranking = { dense };
  await fs.writeFile(schemeFile, JSON.stringify(scheme));
  const ours = path.join(dir, `ours${n}-${dense}.xlsx`);
  let err = "";
  const code = await main(["score", input.workbook, "--scheme", schemeFile, "-o", ours], {
    stdout: () => undefined,
    stderr: (t) => (err += t),
  });
  if (code !== 0) throw new Error(`kh score failed at ${n} units: ${err}`);
  return ours;
}

/**
 * A LibreOffice benchmark's frame: skipped without LibreOffice, the load average printed, a work folder and a
 * profile (recalculating on load) made and warmed, both removed afterwards.
 */
export async function withLibreOffice(tag: string, body: (dir: string, profile: string) => Promise<void>): Promise<void> {
  if (!SOFFICE) {
    console.log("LibreOffice (soffice) is not installed: skipped (apt-get install libreoffice-calc-nogui)");
    return;
  }
  console.log(loadLine());
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `kh-${tag}-`));
  const profile = await libreOfficeProfile();
  try {
    convertSeconds((await writeInput(dir, 10)).workbook, path.join(dir, "lo"), profile); // warm the profile
    await body(dir, profile);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(profile, { recursive: true, force: true });
  }
}

/** The clerk's own 得分 for the bench's data: what one writes by hand with RANK-like COUNTIFS. */
export async function clerkTemplate(input: string, out: string, n: number, dense: boolean): Promise<void> {
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
    row.push(
      { formula: `MIN(--'数据'!${dataCol("加分")}${r},5)` },
      { formula: `ABS('数据'!${dataCol("扣分")}${r})` },
      { formula: `IF('数据'!${dataCol("系数")}${r}="",1,'数据'!${dataCol("系数")}${r})` }
    );
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
  await withLibreOffice("lo-bench", async (dir, profile) => {
    type Seconds = { wall: number; cpu: number };
    const series: Record<string, [number, Seconds][]> = {};
    const add = (key: string, n: number, s: Seconds) => (series[key] ??= []).push([n, s]);
    const at = (key: string, n: number) => series[key]?.find(([m]) => m === n)?.[1];
    const show = (s: Seconds) => `${s.wall.toFixed(2)} s (CPU ${s.cpu.toFixed(2)} s)`;
    for (const n of sizes) {
      const input = await writeInput(dir, n);
      const line: string[] = [`${String(n).padStart(5)} units:`];
      for (const dense of [false, true]) {
        add(`ours-${dense}`, n, await recalcSeconds(await scoreOurs(input, dir, n, dense), dir, profile));
        line.push(`ours${dense ? " 中国式" : ""} ${show(at(`ours-${dense}`, n)!)}`);
        if (dense && n > CLASSIC_DENSE_MAX) continue;
        const template = path.join(dir, `template${n}-${dense}.xlsx`);
        await clerkTemplate(input.workbook, template, n, dense);
        add(`template-${dense}`, n, await recalcSeconds(template, dir, profile));
        line.push(`template${dense ? " 中国式 (SUMPRODUCT)" : " (COUNTIFS)"} ${show(at(`template-${dense}`, n)!)}`);
      }
      const countifs = at("template-false", n);
      if (countifs) {
        const ratio = (key: string, k: keyof Seconds) => ((at(key, n)?.[k] ?? NaN) / countifs[k]).toFixed(2);
        line.push(
          `ratio to the COUNTIFS template: ours ${ratio("ours-false", "wall")}× (CPU ${ratio("ours-false", "cpu")}×), ` +
            `ours 中国式 ${ratio("ours-true", "wall")}× (CPU ${ratio("ours-true", "cpu")}×)`
        );
      }
      console.log(line.join(" · "));
    }
    for (const [key, points] of Object.entries(series))
      if (points.length > 1) {
        const wall = exponent(points.map(([n, s]) => [n, s.wall]));
        const cpu = exponent(points.map(([n, s]) => [n, s.cpu]));
        console.log(`growth exponent ${key}: ${wall.toFixed(2)} (CPU ${cpu.toFixed(2)})`);
      }
  });
}

if (require.main === module) runAlone(run, SIZES);
