/**
 * `kh score` end to end against the floor of the same job (issue 14): the built CLI run as a child process as
 * `npm run kh` runs it (bin/kh.js: the bundle dist-cli/kh.js with its code cache, without NODE_EXTRA_CA_CERTS — see
 * childEnv) on n units × 40 indicators with native formulas (the scheme and data of bench/score-workbook.ts), wall
 * time (median of 5, of 3 at 20,000 units; process start to exit) and peak RSS of the child, beside the floor
 * measured in the same run: the same input read with the project's package reader alone, and the cells and
 * formulas kh wrote (taken from its output beforehand, not timed) written by a minimal writer straight into zlib's
 * deflate stream — no styles, no model (bench/floor/floor-writer.ts). The floor's time is its timed part only (no
 * process start, ~40 ms).
 * Goals: 5,000 units ≤ 1.5× the floor and ≤ 150 MB; 20,000 linear (per-unit cost within 10% of 5,000's), ≤ 400 MB.
 * Run alone: `npx tsx bench/kh-floor.ts [n…]`.
 *
 * Where kh's time went (`node --cpu-prof dist-cli/kh.js score …`, 5,000 units, self time summed per function; the
 * machine shared, so shares matter more than milliseconds). Before issue 14's work — 7.4 s of samples, 770 MB:
 *   garbage collection 1.7 s (23%): the model's 700,000 formula strings (92 million characters, all two-byte for
 *     the Chinese sheet names: 184 MB), built per cell as ropes and flattened by the shared-formula search, and the
 *     render's copy of every cell;
 *   shared-formula search (formulaRuns, RelativeRows.step) 1.7 s (22%): every formula compared with the one above;
 *   applyFormats 0.6 s (8%): render cells copied by spread, then given a style — a slow object shape in V8;
 *   zlib deflate 0.55 s (7%); sheet XML text 0.4 s (cellXml, resultXml, rowsXml, UTF-8 chunks);
 *   scoring (core: score, adjustments, columnStats) 0.5 s; the models (scoresSheets, readingsModel…) 0.4 s;
 *   reading the data sheet (parseSheet) 0.2 s; loading modules 0.4 s (exceljs 0.24 s, docx 0.05 s).
 * After (4.3 s of samples, 477 MB): garbage collection 0.9 s (20%), zlib 0.6 s (14%), the shared-formula search
 * 0.5 s (11%), sheet XML text 0.35 s, the models 0.55 s, scoring 0.3 s, reading 0.2 s, render 0.25 s, modules 0.05 s.
 * What is left between kh and the floor is mostly the formula strings: the core's models hold one per cell (184 MB
 * at 5,000 units, 4× that at 20,000), which is the memory and most of the garbage collection, and the search that
 * finds them to be filled-down columns. Only a model that says "this column is one formula filled down" instead
 * of 5,000 strings (the xlsx, Excel and WPS hosts each write such a column as one formula already) can reach the
 * floor's memory.
 * Then (row-template's FilledCell): a filled-down cell keeps its template and rows, its render (FilledRenderCell)
 * the shift, and formula-runs follows the rows, so only a run's first two formulas are made as text. Side by side
 * (load 3): 5,000 units 3.30 s / 487 MB → 2.68 s / 299 MB; 20,000 units 13.9 s / 1,559 MB → 8.3 s / 824 MB. What
 * is left at 5,000 (2.7 s of samples): garbage collection 0.45 s, almost all scavenges copying the 1.4 million
 * cell objects that live to the end (a FilledCell, 56 bytes, and its render, 48), zlib 0.4 s, then a long tail of
 * 30–80 ms each (reading, scoring, the models, sheet XML). The heap at save is 120 MB, 73 of it those cells: the
 * next step is a model and render that hold a filled-down column as one object, not a cell per row.
 * Then (issue 14, second round): 得分's and 读数's models make a unit's row when asked (core/sheet-rows; `cells` is
 * still the grid, made on first read) and so does a render (hosts/render-rows: a row styled from the formats over
 * it as it is made, rows under the same formats sharing one list of column styles); the .xlsx host writes a sheet
 * in two passes over rows made anew — extent and shared-formula runs (formula-runs' RunFinder, a row at a time),
 * then the XML — so the 1.4 million cell objects are never alive together. Also: text turned into UTF-8 straight
 * into DeflatingEntry's buffer, used again for each megabyte; a unit's 40 scores copies of one object (each was a
 * hash table, 8 MB); the reader's cells found kept in parallel lists; fillMerged shares the rows it does not fill
 * (a second grid of the data, 4 MB); cleanText returns a clean text as it is; only the head of a clerk's sheet is
 * inflated to take its tab's selection off (the data sheet was inflated whole). The heap at the save (after a full
 * collection) 119 → 46 MB. The machine was shared (load 2.5–4, LibreOffice benchmarks on its 2 cores), so the
 * old build (08d083b) and this one were also run in turn, a few times each: 5,000 units 3.4 s / 305–315 MB →
 * 3.2–3.6 s / 191–207 MB (the same time: the garbage collector's saving is spent making each row twice); 20,000
 * units 17.5–17.9 s / 844–860 MB → 13.7 s / 511–516 MB. This bench, 5,000 units: kh 3.8–5.7 s / 198–212 MB against
 * a floor of 1.6–2.2 s / 167–169 MB (2.1–3.1×, as loaded); 20,000: 12.9–14.8 s / 499–510 MB against 6.1–6.4 s /
 * 374–376 MB (2.1–2.3×). Neither goal is met: 1.5× and 150 MB at 5,000, 400 MB at 20,000.
 * Then (issue 14, third round), measured on the quiet machine, 5,000 units, old build (6d08239) and new in turn,
 * five runs each: 2.66 s / 205 MB → 2.12–2.39 s / 186–193 MB; 20,000 units 339 MB (≤ 400: met), 345 µs a unit
 * against 424 at 5,000 (linear: met). What changed:
 *   - a generated sheet's pieces are deflated on zlib's thread pool (one zlib stream a part) while the next rows
 *     are written: the sheet XML pauses after each row and the writer waits only while two pieces are in flight
 *     — 0.5 s of zlib off the main thread (writing the next sheet while one's last pieces finish held 8–10 MB
 *     more for no time measured, and was taken out);
 *   - the data sheet is inflated, decoded and scanned 64 KB at a time (hosts/xlsx/sheet-stream, sheet-cells,
 *     tag-scan: no string or match array per cell), straight into the grid: RSS after reading 129 → 78 MB;
 *   - scoring reads values into one Float64Array an indicator and plans its columns once a run
 *     (core/scoring/step-plan); readDataTable reads a row's numbers once: scoreUnits 403 → 201 ms warm, 117 → 45 MB
 *     allocated;
 *   - formats that give the same fields are merged once (龙虎榜's format per row merged a style per row, with a
 *     JSON key each), 读数's spilled cells made values in one copy of a row, piece buffers shared by the parts;
 *   - --json written a unit at a time (one 7-million-character string before); zod bundled (start-up 40 ms less).
 * Main-thread instructions at 1,000 units (callgrind): 5.17 G → 4.19 G before the reader and scoring merges, and
 * 5.39 G after them although the wall time at 1,000 units fell to 0.87× (not understood; a guess: the reader's
 * character loops stay longer in V8's lower tiers under valgrind), so that count no longer stands for the time. This bench then (load 0.7): 1,000 units kh 1.03 s / 129 MB, floor 0.37 s / 78 MB (2.81×);
 * 5,000: 2.56 s / 196 MB, floor 1.32 s / 156 MB (1.94×); 20,000: 8.25 s / 340 MB, floor 5.24 s / 315 MB (1.58×),
 * 0.80× the per-unit cost at 5,000. The floor's own RSS is over 150 MB: its writer's zlib stream holds a sheet's
 * XML until the event loop turns, after the whole sheet. What is left (CPU profile, 2.9 s of samples): writing 1.2 s — the first pass (extent and
 * shared-formula runs) 0.43 s, the second (XML) 0.66 s, making each row twice 0.2 s of those; garbage collection
 * 0.26 s; scoring 0.32 s and the models 0.11 s; reading 0.22 s; waiting for zlib 0.15 s; loading the bundle
 * 0.1 s; the number check (a third walk of the rows, checkModelNumbers) 0.07 s; --json 0.1 s. Memory: RSS grows
 * from 56 MB (node and the bundle) to ~90 after reading, ~140 at the save and ~185 while writing: the heap then is
 * ~50 MB alive (unit results, the grid, 龙虎榜's and 奖惩兑现's cells, which are not lazy) plus V8's young
 * generation (2 × 16 MB once grown) and zlib's buffers. V8 flags set at start-up: --heap-growing-percent=20 saved
 * 12 MB for 11% more time, the young generation's sizes cannot be changed once the process runs.
 * Then (issue 14, fourth round), the round's start (18b2534) and its end in turn: 1,000 units 1.32 → 1.21 s,
 * 122 → 115 MB (6 runs each); 5,000 units 2.85 → 2.58 s, 185 → 156 MB (6 runs each); 20,000 units 8.84 → 7.44 s,
 * 343 → 294 MB (2 runs each, before the last two changes below, which took it to 288–290 MB). What changed:
 *   - a big sheet's rows are read as the model's own cells, each column's style apart (RenderRows.parts), so
 *     neither pass makes a RenderCell per cell (700,000, twice); runs are followed through the model's FilledCells
 *     and a spill's range is a list of columns, not a copy of every row;
 *   - a long text (a row of a big sheet) is encoded as it is: joined into 64K chunks first, each chunk was as wide
 *     as its widest character (every row has a Chinese name), 1.4–1.9× the time of encoding the rows one by one;
 *   - rows under alike formats are found by number (a key of 龙虎榜's formats' text was most of rowStyles' time);
 *     parseArea reads a plain range without regular expressions;
 *   - the number check reads a lazy model's numbers where its rows are made from (RowSource.numbers);
 *   - memory: zlib's outputs go to the file as they are (ZipEntry.pieces, zipPieces, writev: a copy per piece,
 *     per part and of the whole file were 12 MB at the end of the save); pieces of 256 KB, not 1 MB (3–4 MB);
 *     读数's reading values worked out when asked (two arrays of 5,000 a reading); a data sheet's rows without a
 *     formula share one row of nulls; 龙虎榜's and 奖惩兑现's rows made when asked (6 MB of cells, though the peak
 *     did not measurably fall for 奖惩兑现's 2); --json waits for a pipe to drain (a slow reader queued every
 *     piece: +20 MB).
 * Tried and left out: the sheet XML turned into UTF-8 by a charCodeAt loop straight into the deflate buffer, no
 * string joined (2.30 → 2.99 s: V8 joins and encodes faster than a loop, and the strings' many representations make
 * charCodeAt megamorphic); a V8 code cache for the bundle (~40 ms off `kh --version`, lost in the noise of a whole
 * run); one reused buffer for --json's UTF-8 (no memory saved); the rows split around their Chinese texts so that
 * most of a row encodes as ASCII (no faster).
 * This bench then, twice (load 0.6–1.8): 1,000 units kh 1.19–1.32 s / 111–115 MB against a floor of 0.41–0.45 s /
 * 77 MB (2.9×); 5,000: 2.50–2.80 s / 151–153 MB against 1.33–1.49 s / 137–153 MB (1.88× both times); 20,000:
 * 7.06–10.11 s / 296–314 MB against 5.70–6.04 s / 292–306 MB (1.24–1.67×), 0.70–0.90× the per-unit cost at 5,000.
 * The floor got faster too (1.44 s / 155 MB at 5,000 before): it reads with the same reader (the shared row of
 * nulls) and zips with the same code. Left at 5,000 units (CPU profile, 2.1 s busy): writing 0.88 s (the XML pass
 * 0.54, the first pass — extent and shared-formula runs — 0.28), scoring 0.21, reading 0.19, garbage collection
 * 0.21, --json 0.10, loading the bundle 0.09, the number check 0.06. Peak memory is at the end: V8's young
 * generation at its 2 × 16 MB, an old generation of ~45 MB, and the save's buffers.
 * Then (issue 14, fifth round), the round's start (2360580) and its end in turn, 10 runs each at 5,000 units: 2.50–2.58
 * → 2.24–2.33 s, 155–156 → 140 MB. What changed:
 *   - one pass over a generated sheet's rows: 256 rows made at a time, their shared-formula runs found, then written
 *     (a run is at most a block long); the head (<dimension>) is written last, deflated on its own and put before
 *     the rows (crc32Combine for the CRC). The first pass was 0.28–0.35 s of the profile;
 *   - V8's allocation-site pretenuring off in the kh process: the blocks' cells outlived a young collection often
 *     enough that V8 allocated them in the old generation, garbage no full collection took back (183 → 132–136 MB);
 *   - deflate level 5, not 6 (0.56 s against 0.84 s of zlib for 41 MB of XML, the file 0.6% bigger; the floor
 *     follows kh's level);
 *   - zod imported as a namespace, so esbuild leaves out its locales: the bundle 1.35 → 0.75 MB, start-up 35 ms less;
 *   - a spill's columns made anew only when a spill starts or ends (读数's 89 spills were gone over at every row);
 *     each column's cell format looked up once per list of column styles.
 * This bench then (load 0.9): 1,000 units kh 1.09 s / 105 MB against a floor of 0.37 s / 78 MB (2.93×); 5,000:
 * 2.32 s / 138 MB against 1.35 s / 150 MB (1.72×); 20,000: 7.59 s / 248 MB against 4.99 s / 301 MB (1.52×), 0.82× the
 * per-unit cost at 5,000. Left at 5,000 units (CPU profile, 1.9 s): the rows' XML 0.52 s, main thread idle while
 * zlib catches up 0.18 s (zlib is now the slower side while a big sheet is written), garbage collection 0.18,
 * scoring 0.2, reading 0.24, --json 0.09, the number check 0.08, the models 0.13, loading 0.05.
 * Then (issue 14, sixth round), the fifth round's end (8681a9c, run as the bench ran it then) and this round's (through
 * bin/kh.js) in turn, both without NODE_EXTRA_CA_CERTS: 5,000 units 1.94 → 1.77 s (10 runs each), 138 → 137 MB;
 * 1,000 units 0.95 → 0.83 s; 20,000 units 6.30 → 5.93 s, 251 → 252 MB. What changed:
 *   - the children run without NODE_EXTRA_CA_CERTS, which this machine sets: Node reads the certificates at every
 *     start (`node -e 0` 0.11 s with it, 0.03 s without), before any of kh runs;
 *   - V8's code cache of the bundle (bin/load-bundle.js), made by the build from a run on the sample: 5,000 units
 *     1.90 → 1.85 s (medians of 12, fastest 1.55 → 1.43), 1,000 units 0.82 → 0.77 s. The fifth round's note found
 *     a cache of the top level alone lost in the noise; this one holds every function the sample's run compiled;
 *   - scoring: a unit's numbers start as NaN, a double, so no field changes representation and no unit moves to a
 *     new hidden class as fractions go in (268 → 195 ms, medians of seven runs each); every indicator scored
 *     through one hidden class;
 *   - --json made while the file is saved (the save waits for zlib), printed once it is written: +7 MB outside
 *     the heap at 5,000 units; what --json took after the save (80–100 ms) is now 2 ms, its work done in the
 *     save's waits;
 *   - the .xlsx host checks a generated number as it writes it (planWrite's checkNumbers: false): writeSheets
 *     105 → 60 ms;
 *   - 龙虎榜's body framed by one range format, not one per unit row (its render 24 → 3 ms); 读数's data columns and
 *     their rows' order worked out once per column, not per use; numberColumns a row at a time.
 * Tried and left out: --json text put together by hand (slower than JSON.stringify: 90–135 against 70–80 ms); the number
 * check made a loop without callbacks (no faster: its time is making the values); V8 flags at run time
 * (--always-sparkplug, --interrupt-budget 8–32 K, --maglev, --no-lazy-feedback-allocation, --no-parallel-scavenge:
 * none measurably faster); scoring a plain indicator without its PreparedValue (no faster).
 * This bench then, three times (load 1.3–1.8): 1,000 units kh 0.64–0.71 s / 105–106 MB against a floor of
 * 0.26–0.35 s / 75–76 MB (2.0–2.4×); 5,000: 1.61–1.82 s / 136–137 MB against 1.02–1.09 s / 138–149 MB
 * (1.56–1.66×); 20,000: 4.73–5.57 s / 251–254 MB against 3.58–4.10 s / 301–307 MB (1.24–1.36×), 0.73–0.78× the
 * per-unit cost at 5,000. What is left at 5,000 units is mostly V8 warming up: scoring takes ~230 ms the first
 * time in a process and ~90 ms the second, and the same holds for the models and the table's detection; kh also
 * uses ~3 s of CPU to the floor's ~1.7 (its background compiles and collections share the 2 cores with zlib).
 */
import { spawnSync } from "child_process";
import { existsSync, promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { writeInput } from "./score-workbook";
import { loadLine, runAlone } from "./common";

const SIZES = [1000, 5000, 20000];
/** Runs of each, in turn: five where a run takes a few seconds (the machine's speed drifts), three at 20,000. */
const runsFor = (n: number) => (n <= 5000 ? 5 : 3);
const ROOT = path.join(__dirname, "..");
/** kh as `npm run kh` and an installed `kh` start it: bin/kh.js, which runs the bundle with its code cache. */
const KH = path.join(ROOT, "bin", "kh.js");
const USAGE = path.join(__dirname, "floor", "report-usage.js");

interface Figures {
  ms: number;
  maxRssMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The children's environment: this one's without NODE_EXTRA_CA_CERTS. Node reads that file of certificates at every
 * start, before any of kh runs — on this machine (whose own setup sets it) `node -e 0` takes 0.11 s with it and
 * 0.03 s without — and kh makes no TLS connection. A clerk's computer does not set it, and it is not kh's time.
 */
function childEnv(usageFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KH_BENCH_USAGE: usageFile };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** One child process: its wall time (measured here) and peak RSS (reported by the preload). */
function child(args: string[], usageFile: string): Figures & { stdout: string } {
  const start = performance.now();
  const run = spawnSync(process.execPath, ["-r", USAGE, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: childEnv(usageFile),
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  return { ms, maxRssMb: Number(readFileSync(usageFile, "utf8")) / 1024, stdout: run.stdout };
}

/** The CLI and the floor writer as bundles (kh's own build; the floor bundled the same way). */
function build(dir: string): string {
  const cli = require(path.join(ROOT, "scripts", "build-cli.js")) as { build(): void; stale(): boolean; OUT: string };
  if (cli.stale() || !existsSync(`${cli.OUT}.cache`)) cli.build();
  const esbuild = require("esbuild") as typeof import("esbuild");
  const floor = path.join(dir, "floor.js");
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, "floor", "floor-writer.ts")],
    outfile: floor,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    logLevel: "warning",
  });
  return floor;
}

interface Row {
  n: number;
  kh: Figures;
  floor: Figures;
}

export async function run(sizes: number[] = SIZES): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-floor-"));
  console.log(`${loadLine()}; median of ${sizes.map((n) => `${runsFor(n)} at ${n}`).join(", ")}`);
  if (process.env.NODE_EXTRA_CA_CERTS) console.log("NODE_EXTRA_CA_CERTS is set here: the children run without it (see childEnv)");
  try {
    const floorJs = build(dir);
    const usage = path.join(dir, "usage");
    const rows: Row[] = [];
    for (const n of sizes) {
      const input = await writeInput(dir, n);
      const out = path.join(dir, `结果${n}.xlsx`);
      const cells = path.join(dir, `cells${n}.bin`);
      const kh: Figures[] = [];
      const floor: Figures[] = [];
      for (let k = 0; k < runsFor(n); k++) {
        // kh and the floor in turn, so a burst of load on the shared machine falls on both.
        kh.push(child([KH, "score", input.workbook, "--scheme", input.scheme, "-o", out, "--json"], usage));
        if (k === 0) child([floorJs, "prep", input.workbook, out, cells], usage);
        const f = child([floorJs, "run", input.workbook, cells, path.join(dir, `floor${n}.xlsx`)], usage);
        floor.push(JSON.parse(f.stdout) as Figures);
      }
      const row: Row = {
        n,
        kh: { ms: median(kh.map((x) => x.ms)), maxRssMb: median(kh.map((x) => x.maxRssMb)) },
        floor: { ms: median(floor.map((x) => x.ms)), maxRssMb: median(floor.map((x) => x.maxRssMb)) },
      };
      rows.push(row);
      console.log(
        `${String(n).padStart(6)} units × 40: kh ${(row.kh.ms / 1000).toFixed(2).padStart(6)} s ${row.kh.maxRssMb.toFixed(0).padStart(5)} MB   ` +
          `floor ${(row.floor.ms / 1000).toFixed(2).padStart(6)} s ${row.floor.maxRssMb.toFixed(0).padStart(5)} MB   ` +
          `wall/floor ${(row.kh.ms / row.floor.ms).toFixed(2)}×  RSS/floor ${(row.kh.maxRssMb / row.floor.maxRssMb).toFixed(2)}×  ` +
          `${((row.kh.ms / n) * 1000).toFixed(0)} µs/unit`
      );
    }
    verdict(rows);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function verdict(rows: Row[]): void {
  const at = (n: number) => rows.find((r) => r.n === n);
  const five = at(5000);
  const twenty = at(20000);
  if (five) {
    const ratio = five.kh.ms / five.floor.ms;
    const ok = ratio <= 1.5 && five.kh.maxRssMb <= 150;
    console.log(
      `5,000 units: ${ratio.toFixed(2)}× the floor (goal ≤ 1.5×), ${five.kh.maxRssMb.toFixed(0)} MB (goal ≤ 150): ${ok ? "met" : "NOT met"}`
    );
  }
  if (five && twenty) {
    const slope = twenty.kh.ms / 20000 / (five.kh.ms / 5000);
    const ok = slope <= 1.1 && twenty.kh.maxRssMb <= 400;
    console.log(
      `20,000 units: per-unit cost ${slope.toFixed(2)}× that at 5,000 (goal ≤ 1.10), ${twenty.kh.maxRssMb.toFixed(0)} MB (goal ≤ 400): ${ok ? "met" : "NOT met"}`
    );
  }
}

if (require.main === module) runAlone(run, SIZES);
