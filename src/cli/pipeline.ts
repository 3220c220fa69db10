/**
 * `kh score`, step by step: read the workbook → find the scheme (a JSON file, or the 考核方案 sheet) → run the same
 * workflow as the task pane (src/app/workflow) on the .xlsx host: 得分, 龙虎榜, 奖惩兑现 (and 考核方案 from a JSON
 * scheme), with --stage N also 第N次调度通报 and a 调度记录 entry → save the workbook atomically under the output name.
 * Nothing is written unless every step before the save succeeded (the workflow writes into the workbook in memory
 * only after it has worked everything out, and the file is saved only at the end).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { MARKER_SHEET } from "../core/generated-sheets";
import { parseScheme } from "../core/scheme/parse";
import { SCHEME_SHEET } from "../core/scheme/scheme-sheet";
import { Scheme } from "../core/scheme/types";
import { localIsoTime } from "../core/sheets/common";
import { UnitResult } from "../core/unit-result";
import { dataSheetName, generateBoard, generateBulletin, loadScheme } from "../app/workflow";
import { WorkbookFileError, openXlsxFile, saveXlsxFile } from "../hosts/xlsx/xlsx-file";
import { PackageError } from "../hosts/xlsx/package-reader";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { checkOutputKind, checkOutputPath, outputExtension } from "./output-path";
import { ScoreArgs } from "./args";

export interface PipelineIo {
  /** Folder that relative paths are resolved against. */
  cwd: string;
  now: Date;
  /** A step is starting (shown only on a terminal). */
  progress(message: string): void;
  /** Something the clerk should know that does not stop the run. */
  warn(message: string): void;
  /**
   * Work on the results done alongside the save, in the time the save waits for zlib (the file is written whatever
   * it does); scoreWorkbook settles once both have, and fails if either does.
   */
  whileSaving?(results: readonly UnitResult[]): Promise<void>;
}

export interface PipelineResult {
  /** The file written, as given or defaulted (relative to cwd when the input was). */
  output: string;
  scheme: Scheme;
  results: UnitResult[];
  /** The names the generated sheets were written under. */
  written: string[];
  /** The bulletin paragraph, with --stage. */
  bulletin?: string;
}

const DEFAULT_STAGES = 5;

/**
 * Default output: "<input name>-考核结果.xlsx" beside the input (.xlsm for a macro-enabled workbook, whose macros
 * the copy keeps). The input itself is never the default.
 */
export function defaultOutput(input: string, macroEnabled = false): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-考核结果${outputExtension(macroEnabled)}`);
}

export async function scoreWorkbook(args: ScoreArgs, io: PipelineIo): Promise<PipelineResult> {
  const input = path.resolve(io.cwd, args.workbook);
  const now = localIsoTime(io.now);

  io.progress(`读取 ${args.workbook}…`);
  // Without the exceljs model: reading and writing go straight to the package (most of the time and memory), and
  // every part of the clerk's file — charts, pivot tables, images, macros — is copied into the output as it was.
  const { host } = await openXlsxFile(input, args.workbook, { model: false });
  const output = args.output ?? defaultOutput(args.workbook, host.macroEnabled);
  const outputPath = path.resolve(io.cwd, output);
  // Where the result may go is settled before any work, so a refusal writes nothing.
  await checkOutputPath({
    input,
    output: outputPath,
    shown: output,
    protect: args.scheme === undefined ? [] : [{ file: path.resolve(io.cwd, args.scheme), what: `方案文件 ${args.scheme}` }],
  });
  checkOutputKind(outputPath, output, host.macroEnabled, args.workbook);
  try {
    return await scoreOpened(host, args, io, { output, outputPath, now });
  } catch (e) {
    // A part that turns out damaged only when read (a sheet that does not inflate): name the file.
    if (e instanceof PackageError) throw new WorkbookFileError(`无法读取工作簿 ${args.workbook}：${e.message}`);
    throw e;
  }
}

async function scoreOpened(
  host: XlsxHost,
  args: ScoreArgs,
  io: PipelineIo,
  at: { output: string; outputPath: string; now: string }
): Promise<PipelineResult> {
  const { output, outputPath, now } = at;

  // A JSON scheme is handed to the workflow (which writes it as 考核方案); else the workbook's own is used.
  let given: Scheme | undefined;
  let scheme: Scheme;
  if (args.scheme !== undefined) {
    given = parseScheme(await readJsonFile(path.resolve(io.cwd, args.scheme), args.scheme)).scheme;
    scheme = given;
  } else {
    const loaded = await loadScheme(host);
    if (!loaded) throw new Error(`找不到考核方案：工作簿中没有「${SCHEME_SHEET}」工作表，请用 --scheme 指定方案 JSON 文件`);
    scheme = loaded.scheme;
  }
  checkStage(scheme, args.stage);
  if ((await dataSheetName(host, scheme.data.sheet)) === undefined) {
    const names = (await host.sheetNames()).filter((n) => n !== MARKER_SHEET);
    throw new Error(`工作簿中没有名为「${scheme.data.sheet}」的工作表（方案 data.sheet）；现有工作表：${names.join("、")}`);
  }

  io.progress(`评分：${scheme.name}…`);
  const board = await generateBoard(host, {
    scheme: given,
    formulas: args.formulas,
    now,
    onProgress: (step) => {
      if (step === "生成工作表") io.progress("生成工作表…");
    },
  });
  for (const w of board.warnings) io.warn(`注意：${w}`);
  const missing = missingSummary(board.units);
  if (missing) io.warn(missing);
  const written = [...board.written];
  let bulletin: string | undefined;
  if (args.stage !== undefined) {
    io.progress(`第${args.stage}次调度通报…`);
    // The scheme is on the 考核方案 sheet by now (the workbook's own, or the JSON one just written).
    const b = await generateBulletin(host, args.stage, { now });
    written.push(...b.written.filter((n) => !written.includes(n)));
    bulletin = b.text;
  }

  io.progress(`保存 ${output}…`);
  await Promise.all([saveXlsxFile(host, outputPath, output), io.whileSaving?.(board.units)]);
  return { output, scheme, results: board.units, written, bulletin };
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
    if (code === "EISDIR") throw new Error(`方案文件 ${shown} 是文件夹，不是方案 JSON 文件`);
    if (code === "EACCES" || code === "EPERM") throw new Error(`没有权限读取方案文件：${shown}`);
    throw new Error(`无法读取方案文件 ${shown}（${code ?? "未知错误"}）`);
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
