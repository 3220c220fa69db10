/**
 * Which sheets 考核助手 generated, and where a new generated sheet goes. The markers live in the workbook itself,
 * in a very hidden sheet, so they travel with the file and read the same in Excel, WPS and .xlsx files
 * (WPS's PluginStorage is not saved with the workbook; custom properties are not in Excel 2016's API).
 * A clerk's own sheet is never replaced: a generated sheet whose name is taken by a clerk's sheet is written
 * under "名称(考核助手)" instead.
 */
import { GeneratedMarker, SheetKind, SheetModel } from "./sheet-model";
import { Cell } from "./values";

export const MARKER_SHEET = "KH_标记";
const MARKER_HEADER = ["工作表", "类型", "生成时间"];
const KINDS: readonly SheetKind[] = ["scheme", "scores", "readings", "leaderboard", "rewards", "bulletin", "dispatchLog", "drawLog", "pay"];

/** Excel's limit on sheet names, and the characters it forbids. */
export const MAX_SHEET_NAME = 31;
export function cleanSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, "_").slice(0, MAX_SHEET_NAME);
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

export function markerSheet(markers: readonly GeneratedMarker[]): SheetModel {
  return {
    name: MARKER_SHEET,
    kind: "markers",
    hidden: true,
    cells: [MARKER_HEADER, ...markers.map((m) => [m.sheet, m.kind, m.generatedAt])].map((r) => r.map((value) => ({ value }))),
  };
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

/**
 * Decide where each model goes. A sheet is ours when a marker names it; a name taken by any other sheet is the
 * clerk's, and the model moves to the first free "名称(考核助手)", "名称(考核助手2)", …
 */
export function planWrite(
  models: readonly SheetModel[],
  existing: readonly string[],
  markers: readonly GeneratedMarker[],
  now: string
): WritePlan {
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
    writes.push({ model: { ...model, name }, exists });
    taken.add(name.toLowerCase());
    ours.add(name);
    const marker = { sheet: name, kind: model.kind, generatedAt: now };
    const at = kept.findIndex((m) => m.sheet === name);
    if (at >= 0) kept[at] = marker;
    else kept.push(marker);
  }
  return { writes, markers: kept, markerSheet: markerSheet(kept) };
}
