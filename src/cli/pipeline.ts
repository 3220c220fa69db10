/**
 * `kh score`, step by step: read the workbook → find the scheme (a JSON file, or the 考核方案 sheet) → score →
 * build the generated sheets → write them into the workbook → save it atomically under the output name.
 * Nothing is written unless every step before the save succeeded.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { MARKER_SHEET } from "../core/generated-sheets";
import { Scheme } from "../core/scheme/types";
import { UnitResult } from "../core/unit-result";
import { SheetData } from "../hosts/host";
import { valuesOnly } from "../hosts/render-plan";
import { openXlsxFile, saveXlsxFile } from "../hosts/xlsx/xlsx-file";
import { ScoreArgs } from "./args";
import { SCHEME_SHEET, SchemeRead, ScoringEngine } from "./engine";

export interface PipelineIo {
  /** Folder that relative paths are resolved against. */
  cwd: string;
  now: Date;
  /** A step is starting (shown only on a terminal). */
  progress(message: string): void;
  /** Something the clerk should know that does not stop the run. */
  warn(message: string): void;
}

export interface PipelineResult {
  /** The file written, as given or defaulted (relative to cwd when the input was). */
  output: string;
  scheme: Scheme;
  results: UnitResult[];
  /** The names the generated sheets were written under. */
  written: string[];
}

const DEFAULT_STAGES = 5;

/** Default output: "<input name>-考核结果.xlsx" beside the input. The input itself is never the default. */
export function defaultOutput(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-考核结果.xlsx`);
}

export async function scoreWorkbook(args: ScoreArgs, engine: ScoringEngine, io: PipelineIo): Promise<PipelineResult> {
  const input = path.resolve(io.cwd, args.workbook);
  const output = args.output ?? defaultOutput(args.workbook);
  const outputPath = path.resolve(io.cwd, output);

  io.progress(`读取 ${args.workbook}…`);
  const { host, unkept } = await openXlsxFile(input, args.workbook);
  if (unkept.length > 0) {
    if (outputPath === input) {
      throw new Error(`原文件中的${unkept.join("、")}无法保留，不能直接覆盖原文件：请用 -o 另存为新文件`);
    }
    io.warn(`注意：输出文件不含原文件中的${unkept.join("、")}（原文件未改动）`);
  }

  const fromSheet = args.scheme === undefined;
  const schemeSheet = fromSheet ? await host.readSheet(SCHEME_SHEET) : undefined;
  let read: SchemeRead;
  if (args.scheme !== undefined) {
    read = engine.schemeFromJson(await readJsonFile(path.resolve(io.cwd, args.scheme), args.scheme));
  } else if (schemeSheet) {
    read = engine.schemeFromSheet(schemeSheet);
  } else {
    throw new Error(`找不到考核方案：工作簿中没有「${SCHEME_SHEET}」工作表，请用 --scheme 指定方案 JSON 文件`);
  }
  const scheme = read.scheme;
  for (const w of read.warnings ?? []) io.warn(`注意：${w}`);
  checkStage(scheme, args.stage);

  const data = await host.readSheet(scheme.data.sheet);
  if (!data) {
    const names = (await host.sheetNames()).filter((n) => n !== MARKER_SHEET);
    throw new Error(`工作簿中没有名为「${scheme.data.sheet}」的工作表（方案 data.sheet）；现有工作表：${names.join("、")}`);
  }

  io.progress(`评分：${scheme.name}…`);
  const score = engine.score(scheme, data, { stage: args.stage });
  for (const p of score.problems) io.warn(`注意：${p}`);
  const missing = missingSummary(score.units);
  if (missing) io.warn(missing);

  io.progress("生成工作表…");
  let models = engine.buildSheets({
    scheme,
    data,
    schemeSheet: fromSheet ? { data: schemeSheet as SheetData, layout: read.layout } : undefined,
    score,
    formulas: args.formulas === "kh" ? "kh" : "native",
    stage: args.stage,
    now: io.now,
  });
  if (args.formulas === "values") models = models.map(valuesOnly);
  const leaderboard = models.find((m) => m.kind === "leaderboard");
  const { written } = await host.writeSheets(models, { activate: leaderboard?.name, now: io.now.toISOString() });

  io.progress(`保存 ${output}…`);
  await saveXlsxFile(host, outputPath, output);
  return { output, scheme, results: score.units, written };
}

function checkStage(scheme: Scheme, stage: number | undefined): void {
  if (stage === undefined) return;
  if (!scheme.progress) throw new Error("方案中没有分阶段进度（progress），不能使用 --stage");
  const n = scheme.progress.stages?.length ?? DEFAULT_STAGES;
  if (stage > n) throw new Error(`--stage ${stage} 超出范围：方案共有 ${n} 个阶段（1 到 ${n}）`);
}

/** One line naming the units with blank inputs (scored 0), or "" when there are none. */
export function missingSummary(results: readonly UnitResult[]): string {
  const units = results.filter((r) => r.missing.length > 0);
  if (units.length === 0) return "";
  const shown = units.slice(0, 5).map((r) => `${r.name}（${r.missing.join("、")}）`);
  const more = units.length > 5 ? `等 ${units.length} 个单位` : "";
  return `注意：以下单位缺少数据，按 0 分计：${shown.join("、")}${more}`;
}

/** A scheme file's JSON, with a clear line for a missing file, a wrong encoding, or a syntax error (line, column). */
export async function readJsonFile(file: string, shown: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`找不到方案文件：${shown}`);
    throw new Error(`无法读取方案文件 ${shown}：${(e as Error).message.replace(/\s+/g, " ")}`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`方案文件 ${shown} 不是 UTF-8 编码：请用记事本“另存为”并选择 UTF-8 编码`);
  }
  text = text.replace(/^\uFEFF/, ""); // Notepad's byte-order mark
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`方案文件 ${shown} 不是有效的 JSON：${jsonErrorPlace(text, (e as Error).message)}`);
  }
}

function jsonErrorPlace(text: string, message: string): string {
  if (text.trim() === "") return "文件是空的";
  if (/end of JSON input/i.test(message)) return "文件不完整（结尾缺少括号或引号）";
  const m = /position (\d+)/.exec(message);
  if (!m) return "格式有误（如缺少逗号、引号或括号）";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `第 ${line} 行第 ${column} 列附近格式有误（如缺少逗号、引号或括号）`;
}
