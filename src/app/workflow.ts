/**
 * What the task pane and the command line do with a workbook, host-agnostic: only a WorkbookHost and the core
 * (no Node, DOM or Office API here). Every action reads what it needs, works everything out, and only then writes,
 * in one batch: when something is wrong it throws a WorkflowError (Chinese lines) and the workbook is unchanged.
 *
 * - `loadScheme(host)`: the scheme on the 考核方案 sheet (undefined when there is none).
 * - `saveScheme(host, scheme)`: write the 考核方案 sheet.
 * - `generateBoard(host, opts)`: 得分 (live formulas), 龙虎榜, 奖惩兑现 (and 考核方案 when a scheme is given);
 *   activates 龙虎榜.
 * - `generateBulletin(host, stage, opts)`: 第N次调度通报 (snapshot) and a 调度记录 entry with LAGSTREAK warnings.
 * - `recordDraw(host, draw)`: a reproducible draw, appended to 抽签记录.
 * - `explainCell(host, sheet, address)`: 得分反查 for a cell of the 得分 sheet.
 * - `scoreResults(host, scheme?)`: every unit's result, nothing written (the year-end Word bulletin).
 */
import { SCHEME_SHEET, schemeSheet, schemeSheetLayout } from "../core/scheme/scheme-sheet";
import type { SchemeSheetLayout } from "../core/scheme/scheme-sheet";
import { readSchemeSheet } from "../core/scheme/read-scheme-sheet";
import { parseScheme, resolveColumns } from "../core/scheme/parse";
import { Scheme } from "../core/scheme/types";
import { DataTable, readDataTable } from "../core/data-table";
import { scoreUnits } from "../core/scoring/score-units";
import { ScoreResult } from "../core/scoring/types";
import { WorkbookData, workbookData } from "../core/scoring/other-sheets";
import { sheetsNeeded } from "../core/scoring/sources";
import { Cell } from "../core/values";
import { UnitResult } from "../core/unit-result";
import { EXCEL_MAX_NUMBER, MARKER_SHEET, planWrite } from "../core/generated-sheets";
import { GeneratedMarker, SheetKind, SheetModel, columnIndex } from "../core/sheet-model";
import { draw } from "../core/draw";
import { textKey } from "../core/values";
import { Explanation, explainScore } from "../core/explain";
import { bulletinSentences } from "../core/bulletin-text";
import { SCORES_FIRST_ROW, SCORES_HEADER_ROW, SCORES_SHEET, scoresSheets } from "../core/sheets/scores-sheet";
import { PAY_SHEET } from "../core/sheets/pay-sheet";
import { biggestMoves, issueNumber, rankChanges } from "../core/rank-change";
import { READINGS_SHEET } from "../core/sheets/readings-sheet";
import { LEADERBOARD_SHEET, leaderboardSheet } from "../core/sheets/leaderboard-sheet";
import { rewardsSheet } from "../core/sheets/rewards-sheet";
import { bulletinSheet, bulletinSheetName } from "../core/sheets/bulletin-sheet";
import { DISPATCH_LOG_SHEET, dispatchLogSheet, readDispatchLog } from "../core/sheets/dispatch-log-sheet";
import { drawLogSheet, DRAW_LOG_SHEET, DRAW_RECORD_CELLS } from "../core/sheets/draw-log-sheet";
import { localIsoTime } from "../core/sheets/common";
import { WorkbookHost } from "../hosts/host";
import { parseArea } from "../hosts/render-plan";
import { WorkflowError, asWorkflow } from "./errors";

export { WorkflowError } from "./errors";
export type { Explanation } from "../core/explain";
export type SchemeLayout = SchemeSheetLayout;
export type Formulas = "native" | "kh" | "values";
export type OnProgress = (step: string, fraction: number) => void;

export interface LoadedScheme {
  scheme: Scheme;
  warnings: string[];
  layout: SchemeLayout;
}

/** The sheet our 考核方案 is on: the one a marker names (考核方案(考核助手) beside a clerk's own), else 考核方案. */
async function schemeSheetName(host: WorkbookHost, markers?: GeneratedMarker[]): Promise<string> {
  const names = await host.sheetNames();
  const marked = (markers ?? (await host.readMarkers())).find((m) => m.kind === "scheme" && names.includes(m.sheet));
  return marked?.sheet ?? SCHEME_SHEET;
}

/**
 * The sheet a scheme's data.sheet names: that name, else the one sheet that differs from it only in spaces
 * (leading, trailing, doubled: “ 村级考核”, “村级  考核”) or case, which a clerk cannot tell apart in the tab.
 */
export async function dataSheetName(host: WorkbookHost, wanted: string): Promise<string | undefined> {
  const names = await host.sheetNames();
  if (names.includes(wanted)) return wanted;
  const key = (n: string) => n.replace(/[\s\u3000\u200b\ufeff]+/g, "").toLowerCase();
  const same = names.filter((n) => key(n) === key(wanted));
  return same.length === 1 ? same[0] : undefined;
}

export async function loadScheme(host: WorkbookHost): Promise<LoadedScheme | undefined> {
  const name = await schemeSheetName(host);
  const sheet = await host.readSheet(name);
  if (!sheet) return undefined;
  const read = await asWorkflow(() => readSchemeSheet(sheet.values, name));
  return { scheme: read.scheme, warnings: read.warnings, layout: read.layout };
}

/** A scheme handed in by a caller, validated and in normal form (defaults filled, as the sheet shows them). */
async function normalScheme(scheme: Scheme): Promise<{ scheme: Scheme; warnings: string[] }> {
  return asWorkflow(() => parseScheme(scheme));
}

export async function saveScheme(host: WorkbookHost, scheme: Scheme): Promise<void> {
  const { scheme: normal } = await normalScheme(scheme);
  await host.writeSheets([schemeSheet(normal)], { now: localIsoTime() });
}

interface Context {
  scheme: Scheme;
  warnings: string[];
  layout: SchemeLayout;
  /** The 考核方案 sheet's model, when the caller gave the scheme (it is written too). */
  schemeModel?: SheetModel;
  /** The name of the 考核方案 sheet the formulas read (planned, when it is written now). */
  schemeSheet: string;
  table: DataTable;
  /** The other sheets the scheme reads (多表汇总, the 加减分台账), as read from the host. */
  workbook: WorkbookData;
}

/** The other sheets a scheme reads; a sheet the workbook does not have is left out (scoring names it). */
async function otherSheets(host: WorkbookHost, scheme: Scheme): Promise<WorkbookData> {
  const names = new Set(await host.sheetNames());
  const grids: Record<string, readonly (readonly Cell[])[]> = {};
  for (const name of sheetsNeeded(scheme)) {
    if (!names.has(name)) continue;
    const sheet = await host.readSheet(name);
    if (sheet) grids[name] = sheet.values;
  }
  return workbookData(grids);
}

/** The scheme (given, or from the workbook) and the data table it reads. */
async function context(host: WorkbookHost, given: Scheme | undefined): Promise<Context> {
  let scheme: Scheme;
  let warnings: string[];
  let layout: SchemeLayout;
  let schemeModel: SheetModel | undefined;
  let sheetName: string;
  if (given) {
    ({ scheme, warnings } = await normalScheme(given));
    schemeModel = schemeSheet(scheme);
    layout = schemeSheetLayout(scheme);
    sheetName = layout.sheet;
  } else {
    const loaded = await loadScheme(host);
    if (!loaded) throw new WorkflowError([`找不到考核方案：工作簿中没有“${SCHEME_SHEET}”工作表，请先设置并保存考核方案`]);
    ({ scheme, warnings, layout } = loaded);
    sheetName = layout.sheet;
  }
  const sheet = await dataSheetName(host, scheme.data.sheet);
  const data = sheet === undefined ? undefined : await host.readSheet(sheet);
  if (!data) {
    const names = (await host.sheetNames()).filter((n) => n !== MARKER_SHEET);
    throw new WorkflowError([`工作簿中没有名为“${scheme.data.sheet}”的数据表（考核方案的“数据表”）；现有工作表：${names.join("、")}`]);
  }
  const spec = { ...scheme.data, sheet: data.name };
  const table = await asWorkflow(() => readDataTable(data.values, spec, data));
  if (table.units.length === 0) {
    throw new WorkflowError([
      `“${data.name}”第${table.headerBottom}行（表头行）以下没有单位：请检查考核方案中的表头行和单位列（“${scheme.data.name}”）`,
    ]);
  }
  const used = await asWorkflow(() => resolveColumns(scheme, table));
  const cells = table.cellProblems(used);
  if (cells.length) throw new WorkflowError(cells);
  warnings = [...warnings, ...table.notes];
  return { scheme, warnings, layout, schemeModel, schemeSheet: sheetName, table, workbook: await otherSheets(host, scheme) };
}

async function score(ctx: Context, stage?: number): Promise<ScoreResult> {
  const result = await asWorkflow(() =>
    scoreUnits(ctx.scheme, ctx.table, stage === undefined ? { workbook: ctx.workbook } : { stage, workbook: ctx.workbook })
  );
  if (result.problems.length) throw new WorkflowError(result.problems);
  const overflow = overflowing(ctx.table, result.units);
  if (overflow.length) throw new WorkflowError(overflow);
  return result;
}

/** Units whose subtotal or total no cell can hold (a coefficient of 1e308): one line each, naming the row. */
function overflowing(table: DataTable, units: readonly UnitResult[]): string[] {
  return units.flatMap((u, i) => {
    const bad = [u.subtotal, u.total].find((v) => !(Math.abs(v) <= EXCEL_MAX_NUMBER));
    if (bad === undefined) return [];
    const row = table.units[i].row;
    return [`${table.sheet}!${row}:${row}：单位“${u.name}”的总分（${bad}）超出 Excel 能表示的范围，请检查这一行的系数、加分等数据是否过大`];
  });
}

/** The names the models will be written under (as the host's planWrite will decide them). */
async function plannedNames(host: WorkbookHost, models: { name: string; kind: SheetKind }[], now: string): Promise<string[]> {
  const plan = planWrite(
    models.map((m) => ({ ...m, cells: [] })),
    await host.sheetNames(),
    await host.readMarkers(),
    now
  );
  return plan.writes.map((w) => w.model.name);
}

/** Units with blank inputs (scored 0): one line each. */
function missingLines(units: readonly UnitResult[]): string[] {
  return units.filter((u) => u.missing.length).map((u) => `${u.name}：${u.missing.join("、")}无数据，按 0 分计`);
}

export interface BoardOptions {
  formulas?: Formulas;
  /** A scheme to use (and write to 考核方案) instead of the workbook's own. */
  scheme?: Scheme;
  /** ISO time of the generation (default now, local). */
  now?: string;
  onProgress?: OnProgress;
}

export interface BoardResult {
  written: string[];
  units: UnitResult[];
  /** Things to look at that did not stop the run (points not summing to 100…). */
  warnings: string[];
  /** Data the clerk should fill in: units with blank inputs, scored 0. */
  problems: string[];
}

export async function generateBoard(host: WorkbookHost, opts: BoardOptions = {}): Promise<BoardResult> {
  const progress = opts.onProgress ?? (() => undefined);
  const now = opts.now ?? localIsoTime();
  progress("读取考核方案和数据", 0);
  const ctx = await context(host, opts.scheme);
  progress("计分", 0.25);
  const result = await score(ctx);
  progress("生成工作表", 0.5);
  const planned = [
    ...(ctx.schemeModel ? [{ name: ctx.schemeModel.name, kind: "scheme" as const }] : []),
    { name: SCORES_SHEET, kind: "scores" as const },
    { name: READINGS_SHEET, kind: "readings" as const },
    ...(ctx.scheme.pay ? [{ name: PAY_SHEET, kind: "pay" as const }] : []),
  ];
  const names = await plannedNames(host, planned, now);
  const [schemeSheetName, scoresName, readingsName, payName] = ctx.schemeModel ? names : [ctx.schemeSheet, ...names];
  const { scheme, table } = ctx;
  const models: SheetModel[] = [];
  if (ctx.schemeModel) models.push(ctx.schemeModel);
  const { scores, readings, pay } = scoresSheets({
    scheme,
    table,
    result,
    layout: ctx.layout,
    schemeSheet: schemeSheetName,
    name: scoresName,
    readingsSheet: readingsName,
    paySheet: payName,
    formulas: opts.formulas ?? "native",
    workbook: ctx.workbook,
  });
  models.push(
    scores,
    leaderboardSheet({ scheme, units: result.units, now }),
    rewardsSheet({ scheme, units: result.units, details: result.details, now }),
    ...(pay ? [pay] : []),
    ...(readings ? [readings] : [])
  );
  progress("写入工作簿", 0.75);
  const { written, warnings: unfinished = [] } = await host.writeSheets(models, { activate: LEADERBOARD_SHEET, now });
  progress("完成", 1);
  // 读数 is very hidden: the clerk is told of the sheets they can open.
  const shown = written.filter((name) => name !== readings?.name);
  return { written: shown, units: result.units, warnings: [...ctx.warnings, ...unfinished], problems: missingLines(result.units) };
}

export interface BulletinOptions {
  scheme?: Scheme;
  now?: string;
  onProgress?: OnProgress;
}

export interface BulletinResult {
  /** The name the bulletin was written under. */
  sheet: string;
  /** The bulletin paragraph. */
  text: string;
  warnings: string[];
  /** Every sheet written: the bulletin, the 调度记录 (and 考核方案 when a scheme was given). */
  written: string[];
}

export async function generateBulletin(host: WorkbookHost, stage: number, opts: BulletinOptions = {}): Promise<BulletinResult> {
  const progress = opts.onProgress ?? (() => undefined);
  const now = opts.now ?? localIsoTime();
  progress("读取考核方案和数据", 0);
  const ctx = await context(host, opts.scheme);
  if (!ctx.scheme.progress) throw new WorkflowError(["考核方案没有设置分阶段调度（完成数列、任务数列），不能生成调度通报"]);
  progress("计算进度", 0.25);
  const result = await score(ctx, stage);
  const stageProgress = result.progress;
  if (!stageProgress) throw new WorkflowError(["考核方案没有设置分阶段调度（完成数列、任务数列），不能生成调度通报"]);
  progress("生成通报", 0.5);
  const bulletinName = await freeBulletinName(host, stage);
  const [, logName] = await plannedNames(
    host,
    [
      { name: bulletinName, kind: "bulletin" },
      { name: DISPATCH_LOG_SHEET, kind: "dispatchLog" },
    ],
    now
  );
  const markers = await host.readMarkers();
  const ours = markers.some((m) => m.sheet === logName && m.kind === "dispatchLog");
  const previous = ours ? readDispatchLog((await host.readSheet(logName))?.values) : [];
  const bottom = ctx.scheme.leaderboard?.bottom ?? 3;
  const top = ctx.scheme.leaderboard?.top ?? 3;
  const log = dispatchLogSheet({ progress: stageProgress, now, previous, bottom, top });
  // 上次名次 / 升降 and 第N期 from the dispatches already logged (SPEC §3.1 “Rank change”).
  const moves = rankChanges(stageProgress.units, previous, stage);
  const issue = issueNumber(previous, stage);
  const sentences = bulletinSentences({ progress: stageProgress, bottom, streaks: log.streaks, moves: biggestMoves(moves) });
  const models = [
    bulletinSheet({ scheme: ctx.scheme, progress: stageProgress, now, sentences, name: bulletinName, moves, issue }),
    log.model,
  ];
  if (ctx.schemeModel) models.unshift(ctx.schemeModel);
  progress("写入工作簿", 0.75);
  const { written, warnings: unfinished = [] } = await host.writeSheets(models, { activate: bulletinName, now });
  progress("完成", 1);
  return {
    sheet: written[ctx.schemeModel ? 1 : 0],
    text: sentences.join(""),
    warnings: [...ctx.warnings, ...missingLines(result.units), ...unfinished],
    written,
  };
}

/**
 * A bulletin already issued is a signed record and is never rewritten: issuing the same dispatch again writes
 * 第N次调度通报（第2版）, （第3版）… beside it.
 */
async function freeBulletinName(host: WorkbookHost, stage: number): Promise<string> {
  const issued = new Set((await host.readMarkers()).filter((m) => m.kind === "bulletin").map((m) => m.sheet));
  const names = new Set(await host.sheetNames());
  const base = bulletinSheetName(stage);
  let name = base;
  for (let k = 2; issued.has(name) && names.has(name); k++) name = `${base}（第${k}版）`;
  return name;
}

export interface DrawRequest {
  items: string[];
  n: number;
  seed: string;
  /** Where the list came from (e.g. “村级考核!A2:A17”). */
  list?: string;
  now?: string;
}

export async function recordDraw(host: WorkbookHost, req: DrawRequest): Promise<{ result: string[]; sheet: string; code: string }> {
  // Items as KH.DRAW reads them (blank entries dropped, the rest untrimmed), so the logged draw re-checks exactly.
  const items = req.items.map((s) => String(s)).filter((s) => s.trim() !== "");
  if (!String(req.seed ?? "").trim()) throw new WorkflowError(["抽签种子不能为空（可用日期时间等，如 20251122）"]);
  const result = await asWorkflow(() => draw(items, req.n, req.seed));
  const now = req.now ?? localIsoTime();
  const log = drawLogSheet({ items, n: req.n, seed: req.seed, result, list: req.list, now });
  const { written } = await host.writeSheets([log], { now });
  // The row's 校验码, for the clerk to read out or post with the result (SPEC §4 有据可查).
  return { result, sheet: written[0] ?? DRAW_LOG_SHEET, code: String(log.cells[1][DRAW_RECORD_CELLS].value) };
}

/** The scheme (given, or the workbook's) and every unit's result, writing nothing: for the year-end bulletin. */
export async function scoreResults(
  host: WorkbookHost,
  given?: Scheme
): Promise<{ scheme: Scheme; units: UnitResult[]; warnings: string[] }> {
  const ctx = await context(host, given);
  const result = await score(ctx);
  return { scheme: ctx.scheme, units: result.units, warnings: [...ctx.warnings, ...missingLines(result.units)] };
}

/** "E7", "$E$7", "得分!E7" → 1-based row and 0-based column. */
function parseCell(address: string): { row: number; col: number } | undefined {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnIndex(m[1].toUpperCase()) };
}

export async function explainCell(host: WorkbookHost, sheet: string, address: string): Promise<Explanation | undefined> {
  const at = parseCell(address);
  if (!at || at.row < SCORES_FIRST_ROW) return undefined;
  const markers = await host.readMarkers();
  if (!markers.some((m) => m.sheet === sheet && m.kind === "scores")) return undefined;
  const data = await host.readSheet(sheet);
  if (!data) return undefined;
  const header = textKey(data.values[SCORES_HEADER_ROW - 1]?.[at.col] ?? null);
  const name = textKey(data.values[at.row - 1]?.[0] ?? null);
  if (!header || !name) return undefined;
  const ctx = await context(host, undefined);
  const result = await asWorkflow(() => scoreUnits(ctx.scheme, ctx.table, { workbook: ctx.workbook }));
  const index = ctx.table.units.findIndex((u) => textKey(u.name) === name);
  if (index < 0) return undefined;
  // A cell of a spill range (kh mode's 名次) shows the result of its anchor's formula.
  const row = at.row - 1;
  const spill = data.spills?.map(parseArea).find((a) => a.left === at.col && a.top < row && row <= a.bottom);
  const formula = data.formulas?.[spill ? spill.top : row]?.[at.col] ?? undefined;
  return explainScore(
    { scheme: ctx.scheme, table: ctx.table, result, layout: ctx.layout, schemeSheet: ctx.schemeSheet, workbook: ctx.workbook },
    index,
    header,
    formula
  );
}
