/**
 * Writing generated sheets through Office.js in a constant number of requests, whatever the row count:
 *   1. read the sheet names and whether the workbook's structure is protected;
 *   2. read the markers (very hidden `KH_标记`), and for each sheet we may write: its protection and used extent
 *      (a log's row count, a replaced sheet's backup extent) — skipped when there is nothing to read;
 *   3. write everything: one 2-D assignment per sheet block, formats grouped into ranges, then sync;
 *   4. charts, page setup and activation (skipped when there is none).
 * With `maxRequestBytes` (Excel on the web refuses requests over 5 MB) step 3 is cut into requests of that size.
 *
 * Nothing half-written remains when step 3 fails:
 *   - everything Excel would refuse for a reason we can see is checked before step 3 (protected sheets or workbook
 *     structure, names, Excel's size limits, colours, formula text);
 *   - each sheet we replace in place is first copied (`copyFrom`, values + formulas + formats + conditional formats +
 *     merges) into a hidden backup sheet, created as `KH_备份中_n` and renamed `KH_备份_n` once its copy is done;
 *     the backups are deleted at the end of step 3;
 *   - on failure one more batch undoes it: new sheets are deleted, replaced sheets are refilled from complete
 *     backups (a sheet whose backup never completed was never touched; the marker sheet is backed up like the
 *     others), appended log rows are cleared. Column widths, panes and print setup of a replaced sheet are not
 *     restored.
 *   - backups left by a crash (the pane closed mid-write) are deleted by the next write.
 * Step 4 is separate on purpose: a printer setting Excel refuses is reported as a warning, never undoes the sheets.
 * The charts go there too, the old ones of each rewritten sheet deleted first (the sheet is cleared in place, and
 * clearing its cells leaves charts where they float): a chart Excel refuses leaves the written cells, and a failed
 * step 3 leaves the old charts over the restored cells. Which charts a sheet has is read in step 2, so charts
 * cost no request of their own.
 */
import { MARKER_SHEET, PlannedWrite, cleanSheetName, planWrite, readMarkers } from "../../core/generated-sheets";
import { CellValue, SheetModel, columnLetter } from "../../core/sheet-model";
import { WriteResult } from "../host";
import { renderWrite, writtenName } from "../render-plan";
import { addChart, deleteCharts } from "./apply-charts";
import { applyOp, applyPrint, clearSheet, groupFormats, opBytes, splitOp } from "./apply-ops";
import { SheetPlan, planSheet } from "./sheet-plan";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelWriteResult extends WriteResult {
  /** Page setup or activation that Excel refused; the sheets themselves were written. */
  warnings: string[];
}

export const BACKUP_PREFIX = "KH_备份_";
const PENDING_PREFIX = "KH_备份中_";

/** Sheets of 考核助手's own that a clerk never sees listed: the markers and write backups. */
export function isInternalSheet(name: string): boolean {
  return name === MARKER_SHEET || name.startsWith(BACKUP_PREFIX) || name.startsWith(PENDING_PREFIX);
}

interface Probe {
  protection: Excel.WorksheetProtection;
  /** Everything used, formats included: what a backup must hold. */
  used: Excel.Range;
  /** Cells with values: where a log's next row goes. */
  filled: Excel.Range;
  /** The charts on the sheet, deleted when the sheet is rewritten. */
  charts: Excel.ChartCollection;
}

interface Undo {
  created: string[];
  backups: { target: string; backup: string; pending: string; extent: string }[];
  emptied: string[];
  appended: { sheet: string; top: number; bottom: number }[];
}

export async function writeSheets(
  run: ExcelRun,
  models: readonly SheetModel[],
  options: { activate?: string; now?: string },
  budget: number = Infinity,
  dynamicArrays = false
): Promise<ExcelWriteResult> {
  const now = options.now ?? new Date().toISOString();
  for (const m of models) checkName(cleanSheetName(m.name), m.name);

  return run(async (ctx) => {
    const wb = ctx.workbook;

    // Request 1: which sheets exist.
    const sheets = wb.worksheets;
    sheets.load("items/name");
    wb.protection.load("protected");
    await ctx.sync();
    const names = sheets.items.map((s) => s.name);
    const structureProtected = wb.protection.protected;

    // Request 2: markers, and protection and extent of every sheet a model could go to.
    const markerExists = names.includes(MARKER_SHEET);
    const markerRange = markerExists ? sheets.getItem(MARKER_SHEET).getUsedRangeOrNullObject(true) : undefined;
    markerRange?.load("values");
    const probes = new Map<string, Probe>();
    for (const name of names) {
      if (name !== MARKER_SHEET && !models.some((m) => mayBeWrittenTo(name, cleanSheetName(m.name)))) continue;
      const ws = sheets.getItem(name);
      const probe = {
        protection: ws.protection,
        used: ws.getUsedRangeOrNullObject(false),
        filled: ws.getUsedRangeOrNullObject(true),
        charts: ws.charts,
      };
      probe.protection.load("protected");
      probe.charts.load("items/name");
      probe.used.load("rowIndex,columnIndex,rowCount,columnCount");
      probe.filled.load("rowIndex,rowCount");
      probes.set(name, probe);
    }
    if (probes.size > 0) await ctx.sync();

    const oldMarkers = markerRange && !markerRange.isNullObject ? markerRange : undefined;
    const plan = planWrite(models, names, readMarkers(oldMarkers?.values as CellValue[][] | undefined), now);

    // Everything Excel would refuse for a reason we can see, before anything is written.
    if (structureProtected) throw new Error("工作簿的结构受保护，无法新建或删除工作表。请先在“审阅 → 保护工作簿”中撤销保护，再生成。");
    const locked = [...plan.writes.filter((w) => w.exists).map((w) => w.model.name), ...(markerExists ? [MARKER_SHEET] : [])].filter(
      (n) => probes.get(n)?.protection.protected
    );
    if (locked.length > 0) throw new Error(`工作表“${locked.join("”“")}”受保护，无法写入。请先撤销工作表保护，再生成。`);

    const extent = (name: string) => {
      const used = probes.get(name)?.used;
      return used && !used.isNullObject
        ? `A1:${columnLetter(used.columnIndex + used.columnCount - 1)}${used.rowIndex + used.rowCount}`
        : undefined;
    };
    const filledRows = (name: string) => {
      const filled = probes.get(name)?.filled;
      return filled && !filled.isNullObject ? filled.rowIndex + filled.rowCount : 0;
    };
    const markerWrite: PlannedWrite = { model: plan.markerSheet, exists: markerExists };
    const plans: SheetPlan[] = [...plan.writes, markerWrite].map((w) => planSheet(renderWrite(w, filledRows(w.model.name)), dynamicArrays));

    // Request 3: the write, undone as a whole if Excel refuses any part of it.
    const undo: Undo = { created: [], backups: [], emptied: [], appended: [] };
    const leftovers = names.filter((n) => n.startsWith(BACKUP_PREFIX) || n.startsWith(PENDING_PREFIX));
    let pending = 0;
    const flush = async (bytes: number) => {
      if (pending > 0 && pending + bytes > budget) {
        await ctx.sync();
        pending = 0;
      }
      pending += bytes;
    };
    try {
      for (const n of leftovers) sheets.getItem(n).delete();
      plans.forEach((p, i) => {
        if (p.mode !== "replace") return;
        const at = extent(p.name);
        if (!at) return void undo.emptied.push(p.name);
        const b = {
          target: p.name,
          backup: `${BACKUP_PREFIX}${i + 1}`,
          pending: `${PENDING_PREFIX}${i + 1}`,
          extent: at,
        };
        const copy = sheets.add(b.pending);
        copy.visibility = "Hidden";
        copy.getRange(at).copyFrom(sheets.getItem(p.name).getRange(at), "All");
        copy.name = b.backup; // only a completed copy carries the backup's name
        undo.backups.push(b);
      });
      // New sheets first, so formulas that refer to one another find every sheet.
      for (const p of plans) {
        if (p.mode !== "create") continue;
        sheets.add(p.name);
        undo.created.push(p.name);
      }
      for (const p of plans) {
        if (p.mode === "append" && p.rows) undo.appended.push({ sheet: p.name, ...p.rows });
        const ws = sheets.getItem(p.name);
        for (const op of groupFormats(p.ops)) {
          for (const part of Number.isFinite(budget) ? splitOp(op, budget) : [op]) {
            if (Number.isFinite(budget)) await flush(opBytes(part));
            applyOp(ws, part);
          }
        }
      }
      for (const b of undo.backups) sheets.getItem(b.backup).delete();
      await ctx.sync();
    } catch (error) {
      const why = messageOf(error);
      try {
        await rollback(ctx, undo);
      } catch (again) {
        const kept = undo.backups.map((b) => b.backup).join("、");
        throw new Error(
          `写入工作表时出错：${why}；撤销也未能完成（${messageOf(again)}）。${kept ? `原内容保存在隐藏的工作表 ${kept} 中。` : ""}`
        );
      }
      throw new Error(`写入工作表时出错，已撤销本次写入，工作簿保持原样：${why}`);
    }

    // Request 4: charts, page setup and activation; a refusal here leaves the written sheets as they are. Charts
    // come first: a machine without a printer driver refuses page setup every time, and would never get them.
    const warnings: string[] = [];
    const activate = writtenName(plan.writes, models, options.activate);
    const printed = plans.filter((p) => p.print);
    const oldCharts = (p: SheetPlan) => (p.mode === "replace" ? (probes.get(p.name)?.charts.items.length ?? 0) : 0);
    const drawn = plans.filter((p) => p.charts.length > 0 || oldCharts(p) > 0);
    if (drawn.length > 0 || printed.length > 0 || activate) {
      for (const p of drawn) {
        const ws = sheets.getItem(p.name);
        if (oldCharts(p) > 0) deleteCharts(probes.get(p.name)!.charts);
        for (const chart of p.charts) addChart(ws, chart);
      }
      for (const p of printed) applyPrint(sheets.getItem(p.name), p.print!);
      if (activate) sheets.getItem(activate).activate();
      try {
        await ctx.sync();
      } catch (error) {
        const what = [
          ...(drawn.length ? ["图表"] : []),
          ...(printed.length ? ["打印设置"] : []),
          ...(activate ? [`切换到“${activate}”`] : []),
        ];
        warnings.push(`工作表已写好，但${what.join("、")}未全部完成（再生成一次即可补上）：${messageOf(error)}`);
      }
    }
    return { written: plan.writes.map((w) => w.model.name), warnings };
  });
}

/** One more batch that puts the workbook back as it was before request 3 (see the header comment). */
async function rollback(ctx: Excel.RequestContext, undo: Undo): Promise<void> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const present = new Set(sheets.items.map((s) => s.name));
  for (const name of undo.created) {
    if (!present.has(name)) continue;
    const ws = sheets.getItem(name);
    if (name === MARKER_SHEET) ws.visibility = "Visible";
    ws.delete();
  }
  for (const b of undo.backups) {
    if (present.has(b.backup)) {
      const target = sheets.getItem(b.target);
      clearSheet(target);
      target.getRange(b.extent).copyFrom(sheets.getItem(b.backup).getRange(b.extent), "All");
      sheets.getItem(b.backup).delete();
    } else if (present.has(b.pending)) {
      sheets.getItem(b.pending).delete();
    }
  }
  for (const name of undo.emptied) if (present.has(name)) clearSheet(sheets.getItem(name));
  for (const a of undo.appended)
    if (present.has(a.sheet))
      sheets
        .getItem(a.sheet)
        .getRange(`${a.top + 1}:${a.bottom + 1}`)
        .clear("All");
  await ctx.sync();
}

/** A sheet a model named `base` could be written to: the name itself, or planWrite's "名称(考核助手n)". */
function mayBeWrittenTo(sheet: string, base: string): boolean {
  const s = sheet.toLowerCase();
  const b = base.toLowerCase();
  if (s === b) return true;
  const m = /^(.*)\(考核助手\d*\)$/.exec(s);
  return !!m && b.startsWith(m[1]);
}

/** Names Excel refuses even after cleanSheetName. */
function checkName(name: string, original: string): void {
  if (name.trim() === "") throw new Error(`工作表名称不能为空（模型“${original}”），未写入任何内容。`);
  if (name.startsWith("'") || name.endsWith("'")) throw new Error(`工作表名称“${name}”不能以单引号开头或结尾，未写入任何内容。`);
  if (name.toLowerCase() === "history") throw new Error(`“${name}”是 Excel 保留的工作表名称，未写入任何内容。`);
  if (isInternalSheet(name)) throw new Error(`“${name}”是考核助手内部使用的工作表名称，未写入任何内容。`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
