/**
 * The `kh` command line. `main` runs in-process (tests call it with their own writers); `runProcess` is what
 * bin/kh.js and `npm run kh` call. Exit codes: 0 success, 1 bad input or failure, 2 a mistake in the command line.
 */
import { once } from "events";
import * as fs from "fs";
import * as path from "path";
import * as v8 from "v8";
import { UnitResult } from "../core/unit-result";
import { USAGE, UsageError, parseArgs } from "./args";
import { scoreWorkbook } from "./pipeline";
import { leaderboardText } from "./text-table";
import { runMoreCommand } from "./more-commands";
import { batchOf, scoreMany } from "./score-many";

export interface CliIo {
  /** Text for standard output; a promise when the output is behind, to be awaited before more (a pipe's reader). */
  stdout(text: string): void | Promise<void>;
  /** The same for text already UTF-8 (--json, made while the file was saved); without it, decoded for stdout. */
  stdoutBytes?(bytes: Uint8Array): void | Promise<void>;
  stderr(text: string): void;
  /** Progress lines are shown only on a terminal. */
  stderrIsTTY?: boolean;
  cwd?: string;
  now?: () => Date;
}

/**
 * The per-unit JSON of SPEC §5, keys in the documented order (and nothing else), then the §3.1 fields:
 * `disqualified` (单项末位 indicator names, [] when none) and `pay` (only when the scheme has pay).
 */
export function unitJson(r: UnitResult): Record<string, unknown> {
  const json: Record<string, unknown> = {
    name: r.name,
    group: r.group,
    scores: r.scores,
    subtotal: r.subtotal,
    bonus: r.bonus,
    deduction: r.deduction,
    coefficient: r.coefficient,
    total: r.total,
    vetoed: r.vetoed,
    rank: r.rank,
    mark: r.mark,
    grade: r.grade,
    award: r.award,
    reward: r.reward,
    fines: r.fines,
    missing: r.missing,
    disqualified: r.disqualified,
  };
  if (r.pay !== undefined) json.pay = r.pay;
  return json;
}

/**
 * `JSON.stringify(results.map(unitJson), null, 2)` and a newline, written in pieces of about 64K characters: at
 * 5,000 units the whole text was one string of 7 million characters (two bytes each, for the names) and its UTF-8
 * copy, the run's peak memory. A piece is the units that fit in it stringified as one array, whose "[" and "\n]"
 * are cut off (one JSON.stringify a piece, not a unit: 10–15 ms less at 5,000 units). A piece waits for the one
 * before when `write` says to (a pipe read more slowly than kh writes queued every piece: 20 MB more at the peak at
 * 5,000 units).
 */
export async function writeUnitsJson(results: readonly UnitResult[], write: (text: string) => void | Promise<void>): Promise<void> {
  if (results.length === 0) return write("[]\n");
  let per = 8; // units a piece: from the first piece's size on, as many as make about PIECE characters
  for (let i = 0; i < results.length;) {
    const units = results.slice(i, i + per);
    const text = JSON.stringify(units.map(unitJson), null, 2);
    const end = i + units.length === results.length;
    await write(`${i ? "," : "["}${text.slice(1, -2)}${end ? "\n]\n" : ""}`);
    i += units.length;
    per = Math.max(1, Math.floor((PIECE * units.length) / text.length));
  }
}

const PIECE = 1 << 16;

/**
 * writeUnitsJson's pieces as UTF-8, the event loop let run after each: made while the file is saved (PipelineIo's
 * whileSaving), they use the time the save waits for zlib (80–100 ms of --json at 5,000 units) and are printed only
 * once the file is written. 7 MB at 5,000 units, held outside V8's heap until then.
 */
export async function unitsJsonBytes(results: readonly UnitResult[]): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  await writeUnitsJson(results, (text) => {
    pieces.push(Buffer.from(text, "utf8"));
    return new Promise<void>((resolve) => setImmediate(resolve));
  });
  return pieces;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string, code: number) => {
    io.stderr(`错误：${message.replace(/\s*\n\s*/g, " ")}\n`);
    return code;
  };
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message}`, 2);
    throw e;
  }
  if (args.command === "help") {
    io.stdout(USAGE);
    return 0;
  }
  if (args.command === "version") {
    io.stdout(`kh ${version()}\n`);
    return 0;
  }
  try {
    if (args.command !== "score") return await runMoreCommand(args, io);
    const batch = await batchOf(args, io.cwd ?? process.cwd());
    if (batch) return await scoreMany(batch, args, io, (e) => oneLine(e as Error));
    let json: Uint8Array[] = [];
    const result = await scoreWorkbook(args, {
      cwd: io.cwd ?? process.cwd(),
      now: io.now?.() ?? new Date(),
      progress: (m) => {
        if (io.stderrIsTTY) io.stderr(`${m}\n`);
      },
      warn: (m) => io.stderr(`${m}\n`),
      whileSaving: args.json ? async (units) => void (json = await unitsJsonBytes(units)) : undefined,
    });
    const done = `已写入 ${result.output}${result.written.length ? `：${result.written.join("、")}` : ""}`;
    if (args.json) {
      const decoder = new TextDecoder();
      for (const piece of json) await (io.stdoutBytes ? io.stdoutBytes(piece) : io.stdout(decoder.decode(piece)));
      if (io.stderrIsTTY) io.stderr(`${done}\n`);
    } else {
      const board = leaderboardText(result.results, `${result.scheme.name} · 龙虎榜`, result.scheme.precision ?? 2);
      io.stdout(`${done}\n\n${board}\n${result.bulletin ? `\n第${args.stage}次调度通报：\n${result.bulletin}\n` : ""}`);
    }
    return 0;
  } catch (e) {
    const err = e as Error;
    if (process.env.KH_DEBUG) io.stderr(`${err.stack}\n`);
    // A bug, not bad input: say so, so the clerk passes it on rather than hunting for a mistake in the file.
    const internal = e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError;
    return fail(internal ? `内部错误（请把这一行告诉维护人员）：${err.message}` : oneLine(err), 1);
  }
}

/** One line for an error that may list several problems (SchemeError, DataError carry `messages`). */
export function oneLine(err: Error): string {
  const list = (err as { messages?: unknown }).messages;
  const lines = Array.isArray(list) && list.length > 0 ? list.map(String) : err.message.split("\n");
  const shown = lines
    .slice(0, 3)
    .map((l) => l.trim())
    .filter(Boolean);
  return shown.join("；") + (lines.length > 3 ? `（等 ${lines.length} 处问题）` : "");
}

function version(): string {
  // package.json is one folder up from dist-cli (the bundle), two from src/cli (tsx), three from dist/node/cli.
  for (const up of ["..", "../..", "../../.."]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, up, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "kaohe-addin" && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return "unknown";
}

export async function runProcess(): Promise<void> {
  // V8 moves allocations whose objects often outlive a young-generation collection straight into the old one
  // (allocation-site pretenuring). A big sheet's rows live while their block is written, so their cells were
  // moved there, a few megabytes of garbage per collection that no full collection came to take back: at 5,000
  // units 183 MB at the peak, against 132–136 MB without (and no slower). V8 reads the flag at each collection.
  v8.setFlagsFromString("--no-allocation-site-pretenuring");
  // Past the stream's buffer, wait for it to drain (once() rejects on an error, so a closed pipe does not hang).
  const stdout = (t: string | Uint8Array) => (process.stdout.write(t) ? undefined : once(process.stdout, "drain").then(() => undefined));
  process.exitCode = await main(process.argv.slice(2), {
    stdout,
    stdoutBytes: stdout,
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: !!process.stderr.isTTY,
  });
}
