/**
 * Which sheets 考核助手 generated, and where a new generated sheet goes. The markers live in the workbook itself,
 * in a very hidden sheet, so they travel with the file and read the same in Excel, WPS and .xlsx files
 * (WPS's PluginStorage is not saved with the workbook; custom properties are not in Excel 2016's API).
 * A clerk's own sheet is never replaced: a generated sheet whose name is taken by a clerk's sheet is written
 * under "名称(考核助手)" instead.
 */
import { GeneratedMarker, SheetKind, SheetModel, address } from "./sheet-model";
import { Cell } from "./values";
import { forEachNumber, withName } from "./sheet-rows";

export const MARKER_SHEET = "KH_标记";
const MARKER_HEADER = ["工作表", "类型", "生成时间"];
const KINDS: readonly SheetKind[] = ["scheme", "scores", "readings", "leaderboard", "rewards", "bulletin", "dispatchLog", "drawLog", "pay"];

/** Excel's limit on sheet names, and the characters it forbids. */
export const MAX_SHEET_NAME = 31;
export function cleanSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, "_").slice(0, MAX_SHEET_NAME);
}

/** Is a name the same sheet name as another, as Excel compares them (case-insensitively)? */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The header our marker sheet starts with: how ours is told from a clerk's sheet of the same name. */
export function isMarkerSheet(values: readonly (readonly Cell[])[] | undefined): boolean {
  const head = values?.[0] ?? [];
  return MARKER_HEADER.every((h, i) => head[i] === h);
}

const MARKER_NAMES = [MARKER_SHEET, ...Array.from({ length: 8 }, (_, i) => `${MARKER_SHEET}${i + 2}`)];

/**
 * Where our markers are, or go: the first of KH_标记, KH_标记2, … that is ours (its header says so), else the
 * first whose name no sheet takes in any case. A clerk's own sheet named KH_标记 (or kh_标记) is never taken.
 */
export async function findMarkerSheet(
  names: readonly string[],
  read: (name: string) => Promise<readonly (readonly Cell[])[] | undefined>
): Promise<{ name: string; exists: boolean }> {
  for (const candidate of MARKER_NAMES) {
    if (names.includes(candidate) && isMarkerSheet(await read(candidate))) return { name: candidate, exists: true };
  }
  const free = MARKER_NAMES.find((n) => !names.some((taken) => sameSheetName(taken, n)));
  if (!free) throw new Error(`工作簿中已有名为 ${MARKER_NAMES.join("、")} 的工作表，考核助手无法保存生成记录`);
  return { name: free, exists: false };
}

/** A model may not take the marker sheet's names. */
export function checkNotMarker(models: readonly SheetModel[]): void {
  const bad = models.find((m) => MARKER_NAMES.some((n) => sameSheetName(n, m.name)));
  if (bad) throw new Error(`不能写入保留的工作表名：${bad.name}`);
}

export function readMarkers(values: readonly (readonly Cell[])[] | undefined): GeneratedMarker[] {
  if (!values) return [];
  const out: GeneratedMarker[] = [];
  for (const row of values.slice(1)) {
    const [sheet, kind, at] = row;
    if (typeof sheet === "string" && sheet && KINDS.includes(kind as SheetKind)) {
      out.push({ sheet, kind: kind as SheetKind, generatedAt: typeof at === "string" ? at : "" });
    }
  }
  return out;
}

export function markerSheet(markers: readonly GeneratedMarker[], name = MARKER_SHEET): SheetModel {
  return {
    name,
    kind: "markers",
    hidden: true,
    cells: [MARKER_HEADER, ...markers.map((m) => [m.sheet, m.kind, m.generatedAt])].map((r) => r.map((value) => ({ value }))),
  };
}

/** The largest number Excel shows or takes in a cell (its specifications and limits: 9.99999999999999E+307). */
export const EXCEL_MAX_NUMBER = 9.99999999999999e307;

/** A number a generated sheet would hold that Excel cannot show, named by its sheet and cell. */
export class SheetNumberError extends Error {
  constructor(sheet: string, row: number, column: number, value: number) {
    super(
      `工作表“${sheet}”的 ${address(row, column)} 不是有效的数值（${String(value)}）：超出 Excel 能表示的范围，请检查方案中的系数、加分等数据是否过大`
    );
    this.name = "SheetNumberError";
  }
}

/** Whether Excel can show a number in a cell (not NaN, not ±Infinity, not beyond EXCEL_MAX_NUMBER). */
export const showable = (v: number): boolean => Math.abs(v) <= EXCEL_MAX_NUMBER;

/**
 * Every number a model would write must be one Excel can show: an overflowing total (a coefficient of 1e308) or a
 * NaN is refused, naming the sheet and the cell (0-based row and column of the model), before anything is written.
 */
export function checkModelNumbers(models: readonly SheetModel[]): void {
  for (const m of models) {
    forEachNumber(m, (v, r, c) => {
      if (!showable(v)) throw new SheetNumberError(m.name, r, c, v);
    });
  }
}

export interface PlannedWrite {
  /** The model, under the name it will be written to. */
  model: SheetModel;
  /** The sheet exists and is ours: replace it (or append to it, for a log). */
  exists: boolean;
}

export interface WritePlan {
  writes: PlannedWrite[];
  /** The markers after the write, including the marker sheet's own model. */
  markers: GeneratedMarker[];
  markerSheet: SheetModel;
}

export interface PlanOptions {
  /**
   * false: the host refuses a number Excel cannot show itself, as it writes the cell, and nothing it writes is
   * kept unless all of it was (the .xlsx host: the file is renamed into place only after the whole save). The
   * check here goes over every number once more before anything is written: at 5,000 units a million cells,
   * 60 ms of kh score, for the writer to go over them again.
   */
  checkNumbers?: boolean;
}

/**
 * Decide where each model goes. A sheet is ours when a marker names it; a name taken by any other sheet is the
 * clerk's, and the model moves to the first free "名称(考核助手)", "名称(考核助手2)", …
 */
export function planWrite(
  models: readonly SheetModel[],
  existing: readonly string[],
  markers: readonly GeneratedMarker[],
  now: string,
  options: PlanOptions = {}
): WritePlan {
  if (options.checkNumbers !== false) checkModelNumbers(models);
  const ours = new Set(markers.filter((m) => existing.includes(m.sheet)).map((m) => m.sheet));
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const kept = markers.filter((m) => ours.has(m.sheet));
  const writes: PlannedWrite[] = [];
  for (const model of models) {
    let name = cleanSheetName(model.name);
    for (let k = 1; taken.has(name.toLowerCase()) && !ours.has(name); k++) {
      const suffix = `(考核助手${k === 1 ? "" : k})`;
      name = cleanSheetName(model.name).slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    const exists = ours.has(name);
    writes.push({ model: withName(model, name), exists });
    taken.add(name.toLowerCase());
    ours.add(name);
    const marker = { sheet: name, kind: model.kind, generatedAt: now };
    const at = kept.findIndex((m) => m.sheet === name);
    if (at >= 0) kept[at] = marker;
    else kept.push(marker);
  }
  return { writes, markers: kept, markerSheet: markerSheet(kept) };
}
