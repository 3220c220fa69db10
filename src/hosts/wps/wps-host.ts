/**
 * The WPS 表格 host: reads sheets and renders the core's sheet models through the ET object model of a WPS JS
 * add-in. Generated sheets are replaced in place (so formulas elsewhere that point at them keep working), a
 * clerk's own sheet is never touched (core/generated-sheets planWrite), and the markers live in the very hidden
 * sheet KH_标记 because WPS's PluginStorage is not saved with the workbook.
 */
import { MARKER_SHEET, planWrite, PlannedWrite, readMarkers } from "../../core/generated-sheets";
import { GeneratedMarker, SheetModel, columnLetter } from "../../core/sheet-model";
import { SheetPlan, planSheet } from "../excel/sheet-plan";
import { TEXT_FORMAT, needsTextFormat } from "../excel/text-guard";
import { HostKind, SheetData, WorkbookHost, WriteResult } from "../host";
import { SheetRender, renderWrite, usedRows, writtenName } from "../render-plan";
import { EtApplication, EtWorkbook, EtWorksheet } from "./et";
import { prop } from "./et-access";
import { readSheetData, usedBlock } from "./read-sheet";
import { drawCharts } from "./render-charts";
import { isVisible, renderSheet } from "./render-sheet";

/** What is needed to undo one sheet's write if a later one fails. */
type Undo = () => void;

export class WpsHost implements WorkbookHost {
  readonly kind: HostKind = "wps";

  /**
   * `dynamicArrays`: the build spills array results, so kh mode's KH.RANKIN is written once per column through
   * Range.Formula2. Off by default: Kingsoft's typings declare Formula2 and spill ranges, but which builds spill a
   * custom function's array is not documented (docs/host-facts.md, WPS 表格).
   */
  constructor(
    private readonly app: EtApplication,
    private readonly options: { dynamicArrays?: boolean } = {}
  ) {}

  private workbook(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new Error("没有打开的工作簿：请先在 WPS 表格中打开或新建一个工作簿。");
    return wb;
  }

  private sheets(): EtWorksheet[] {
    const all = this.workbook().Sheets;
    const out: EtWorksheet[] = [];
    for (let i = 1, n = prop(all.Count); i <= n; i++) out.push(all.Item(i));
    return out;
  }

  private find(name: string): EtWorksheet | undefined {
    const sheets = this.sheets();
    return sheets.find((s) => prop(s.Name) === name) ?? sheets.find((s) => prop(s.Name).toLowerCase() === name.toLowerCase());
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets()
      .map((s) => prop(s.Name))
      .filter((n) => n !== MARKER_SHEET);
  }

  async readSheet(name: string): Promise<SheetData | undefined> {
    const sheet = this.find(name);
    return sheet ? readSheetData(sheet) : undefined;
  }

  async readMarkers(): Promise<GeneratedMarker[]> {
    const sheet = this.find(MARKER_SHEET);
    return sheet ? readMarkers(readSheetData(sheet).values) : [];
  }

  async selection(): Promise<{ sheet: string; address: string } | undefined> {
    try {
      const sel = this.app.Selection;
      if (!sel || typeof sel.Address !== "function") return undefined;
      return { sheet: prop(this.app.ActiveSheet.Name), address: sel.Address(false, false) };
    } catch {
      return undefined; // a shape or chart is selected
    }
  }

  async writeSheets(
    models: SheetModel[],
    options: { activate?: string; now?: string } = {}
  ): Promise<WriteResult & { warnings: string[] }> {
    const wb = this.workbook();
    const plan = planWrite(models, await this.sheetNames(), await this.readMarkers(), options.now ?? new Date().toISOString());
    const markerWrite: PlannedWrite = { model: plan.markerSheet, exists: this.find(MARKER_SHEET) !== undefined };
    // Every sheet is planned (and checked) before the first one is touched: a model ET would reject writes nothing.
    const steps = [...plan.writes, markerWrite].map((write) => {
      const sheet = write.exists ? this.find(write.model.name) : undefined;
      const existingRows = sheet && write.model.append ? usedRows(readSheetData(sheet).values) : 0;
      const render = renderWrite(write, existingRows);
      return { sheet, render, plan: planSheet(render, this.options.dynamicArrays ?? false) };
    });

    const undo: Undo[] = [];
    const warnings: string[] = [];
    const screen = this.app.ScreenUpdating;
    const alerts = this.app.DisplayAlerts;
    this.app.ScreenUpdating = false;
    // Deleting a sheet on rollback would otherwise ask the clerk to confirm.
    this.app.DisplayAlerts = false;
    try {
      const written: { sheet: EtWorksheet; plan: SheetPlan }[] = [];
      for (const step of steps) {
        const { sheet, warning } = this.writeOne(wb, step, undo);
        if (warning) warnings.push(warning);
        written.push({ sheet, plan: step.plan });
      }
      // Charts once every sheet's cells are in: a chart ET refuses is a warning, never undoes the written cells
      // (as page setup; the Excel host does the same).
      for (const { sheet, plan } of written) {
        if (plan.charts.length === 0 && plan.mode !== "replace") continue;
        try {
          drawCharts(sheet, plan.charts, plan.mode === "replace");
        } catch (e) {
          warnings.push(
            `工作表“${plan.name}”已写好，但图表未能全部画出（${e instanceof Error ? e.message : String(e)}），再生成一次即可补上。`
          );
        }
      }
      const name = writtenName(plan.writes, models, options.activate);
      const target = name === undefined ? undefined : this.find(name);
      if (target && isVisible(target)) target.Activate();
    } catch (e) {
      for (const step of undo.reverse()) {
        try {
          step();
        } catch {
          // keep undoing the rest
        }
      }
      const reason = e instanceof Error ? e.message : String(e);
      throw new Error(`写入工作表时出错，本次写入已撤销：${reason}`);
    } finally {
      this.app.DisplayAlerts = alerts;
      this.app.ScreenUpdating = screen;
    }
    return { written: plan.writes.map((w) => w.model.name), warnings };
  }

  private writeOne(
    wb: EtWorkbook,
    step: { sheet?: EtWorksheet; render: SheetRender; plan: SheetPlan },
    undo: Undo[]
  ): { sheet: EtWorksheet; warning?: string } {
    const { render, plan } = step;
    let sheet = step.sheet;
    if (sheet && render.mode === "append") {
      const target = sheet;
      const rows = plan.rows;
      if (rows) undo.push(() => target.Range(`${rows.top + 1}:${rows.bottom + 1}`).Clear());
    } else if (sheet) {
      undo.push(this.backup(sheet));
    } else {
      const all = wb.Sheets;
      sheet = all.Add(undefined, all.Item(prop(all.Count)));
      const created = sheet;
      undo.push(() => created.Delete());
      sheet.Name = render.name;
    }
    return { sheet, warning: renderSheet(this.app, sheet, plan, render) };
  }

  /** Keep a replaced sheet's used range (formulas and constants) so a failed batch can put it back. */
  private backup(sheet: EtWorksheet): Undo {
    const { used, top, left, formulas, values } = usedBlock(sheet);
    const content = values.map((row, r) =>
      row.map((v, c) => {
        const f = formulas[r][c];
        if (typeof f === "string" && f.startsWith("=")) return f;
        return v ?? null;
      })
    );
    return () => {
      sheet.Cells.Clear();
      // Text that would not stay text when typed back gets the Text format first, as on the first write.
      content.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = formulas[r][c];
          const isFormula = typeof f === "string" && f.startsWith("=");
          if (!isFormula && typeof v === "string" && needsTextFormat(v))
            sheet.Range(`${columnLetter(left - 1 + c)}${top + r}`).NumberFormat = TEXT_FORMAT;
        })
      );
      sheet.Range(used.Address(false, false)).Formula = content;
    };
  }
}

/** The ET Application of the WPS add-in this page runs in, if any (`window.Application`, or `wps`). */
export function wpsApplication(
  scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>
): EtApplication | undefined {
  const app = (scope.Application ?? scope.wps) as EtApplication | undefined;
  // ET objects are native-backed: test for presence only, not for their members.
  return app && (typeof app === "object" || typeof app === "function") ? app : undefined;
}
