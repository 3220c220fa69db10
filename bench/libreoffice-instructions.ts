/**
 * LibreOffice's recalculation of our live 得分 counted in instructions (valgrind's callgrind), beside the clerk's
 * COUNTIFS template: the same measure as libreoffice-recalc.ts (the file loaded without its cached values, minus
 * its values twin, both written out as CSV) in a unit the machine's other work does not change — the same file
 * gives the same count to 0.1% however loaded the machine is, where the seconds of libreoffice-recalc.ts swing by
 * half on a shared 2-core machine. Slow (about 50× native), so it runs at small sizes: a check of a change's
 * effect, not of the 5,000-unit goal. Threads are counted one after another, so a count says how much work there
 * is, not how well LibreOffice spreads it over the cores.
 * Run alone: `npx tsx bench/libreoffice-instructions.ts [n…]` (default 500 units).
 */
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { clerkTemplate, convertSeconds, scoreOurs, withLibreOffice } from "./libreoffice-recalc";
import { stripCachedValues, stripFormulas } from "../test/support/libreoffice";
import { writeInput } from "./score-workbook";
import { runAlone } from "./common";

const SIZES = [500];
/** The program itself: valgrind must run it, not the soffice script that starts it. */
const SOFFICE_BIN = "/usr/lib/libreoffice/program/soffice.bin";
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** Instructions LibreOffice executes converting `file` to CSV, every process and thread added up. */
async function instructions(file: string, profile: string): Promise<number> {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "kh-cg-"));
  try {
    const r = spawnSync(
      "valgrind",
      [
        "--tool=callgrind",
        "--trace-children=yes",
        `--callgrind-out-file=${out}/cg.%p`,
        SOFFICE_BIN,
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        CSV_ALL_SHEETS,
        "--outdir",
        path.join(out, "csv"),
        file,
      ],
      { encoding: "utf8", timeout: 3_600_000 }
    );
    const written = existsSync(path.join(out, "csv")) ? (await fs.readdir(path.join(out, "csv"))).length : 0;
    if (r.status !== 0 || written === 0) throw new Error(`callgrind of soffice failed on ${file}: ${r.stderr?.slice(-500)}`);
    let total = 0;
    for (const f of (await fs.readdir(out)).filter((n) => n.startsWith("cg."))) {
      const m = /^(?:summary|totals):\s*(\d+)/m.exec(await fs.readFile(path.join(out, f), "utf8"));
      total += m ? Number(m[1]) : 0;
    }
    return total;
  } finally {
    await fs.rm(out, { recursive: true, force: true });
  }
}

/**
 * Recalculation instructions: the file without cached values minus its values twin, both made from one package so
 * that nothing but the formulas differs (a twin from LibreOffice's own output loads other styles and parts, which at
 * 40 units cost more than the whole recalculation). kh's output carries its values; the template, written by
 * exceljs without values, is taken as LibreOffice writes it back (per-cell formulas, its values).
 */
async function recalcInstructions(file: string, dir: string, profile: string, cached: boolean): Promise<number> {
  let source = file;
  if (!cached) {
    convertSeconds(file, path.join(dir, "lo"), profile);
    source = path.join(dir, "lo", path.basename(file));
  }
  const bare = path.join(dir, `bare-${path.basename(file)}`);
  await fs.writeFile(bare, await stripCachedValues(await fs.readFile(source)));
  const twin = path.join(dir, `twin-${path.basename(file)}`);
  await fs.writeFile(twin, await stripFormulas(await fs.readFile(source)));
  return (await instructions(bare, profile)) - (await instructions(twin, profile));
}

export async function run(sizes: number[] = SIZES): Promise<void> {
  if (spawnSync("valgrind", ["--version"]).status !== 0) {
    console.log("valgrind is not installed: skipped (apt-get install valgrind)");
    return;
  }
  await withLibreOffice("lo-instr", async (dir, profile) => {
    for (const n of sizes) {
      const input = await writeInput(dir, n);
      const counts: Record<string, number> = {};
      for (const dense of [false, true])
        counts[dense ? "ours 中国式" : "ours"] = await recalcInstructions(await scoreOurs(input, dir, n, dense), dir, profile, true);
      const template = path.join(dir, `template${n}.xlsx`);
      await clerkTemplate(input.workbook, template, n, false);
      counts["template (COUNTIFS)"] = await recalcInstructions(template, dir, profile, false);
      const base = counts["template (COUNTIFS)"];
      const shown = Object.entries(counts).map(([k, v]) => `${k} ${(v / 1e9).toFixed(2)} G (${(v / base).toFixed(2)}×)`);
      console.log(`${String(n).padStart(5)} units, recalculation instructions: ${shown.join(" · ")}`);
    }
  });
}

if (require.main === module) runAlone(run, SIZES);
