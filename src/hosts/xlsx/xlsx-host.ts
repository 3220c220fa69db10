/**
 * WorkbookHost over an exceljs Workbook: the .xlsx files of the command line. No file system here (see xlsx-file
 * for that), so it also runs in a browser.
 *
 * A sheet of ours is replaced in place: the old worksheet object is dropped and a fresh one takes its name and its
 * position in the tab order (exceljs orders sheets by `orderNo`), so no cell, style, merge or conditional format of
 * the previous run survives. A log sheet (append) keeps its worksheet and gets rows below its used range. Every
 * render is worked out and checked before the workbook is touched, so a bad model leaves the workbook unchanged.
 */
import { Workbook, Worksheet } from "exceljs";
import { MARKER_SHEET, PlannedWrite, planWrite, readMarkers } from "../../core/generated-sheets";
import { GeneratedMarker, SheetModel } from "../../core/sheet-model";
import { SheetData, WorkbookHost, WriteResult } from "../host";
import { Area, SheetRender, parseArea, renderWrite, usedRows, writtenName } from "../render-plan";
import { readWorksheet } from "./xlsx-read";
import { argb, renderToWorksheet } from "./xlsx-render";

export class XlsxHost implements WorkbookHost {
  readonly kind = "xlsx" as const;

  constructor(readonly workbook: Workbook = new Workbook()) {}

  /** Load an .xlsx file's bytes. exceljs throws on anything that is not a valid workbook. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const wb = new Workbook();
    // exceljs's type asks for a Node Buffer, but it hands the bytes to JSZip, which takes any of these.
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    return new XlsxHost(wb);
  }

  async toBuffer(): Promise<Uint8Array> {
    const out = await this.workbook.xlsx.writeBuffer();
    return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
  }

  private get date1904(): boolean {
    return !!this.workbook.properties?.date1904;
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  async readSheet(name: string): Promise<SheetData | undefined> {
    const ws = this.workbook.getWorksheet(name);
    return ws && readWorksheet(ws, this.date1904);
  }

  async readMarkers(): Promise<GeneratedMarker[]> {
    return readMarkers((await this.readSheet(MARKER_SHEET))?.values);
  }

  async writeSheets(models: SheetModel[], options: { activate?: string; now?: string } = {}): Promise<WriteResult> {
    if (models.some((m) => m.name === MARKER_SHEET)) throw new Error(`不能写入保留的工作表名：${MARKER_SHEET}`);
    const names = await this.sheetNames();
    const plan = planWrite(models, names, await this.readMarkers(), options.now ?? new Date().toISOString());
    const writes: PlannedWrite[] = [...plan.writes, { model: plan.markerSheet, exists: names.includes(MARKER_SHEET) }];
    const renders = writes.map((write) => {
      const ws = write.exists ? this.workbook.getWorksheet(write.model.name) : undefined;
      const existingRows = ws && write.model.append ? usedRows(readWorksheet(ws, this.date1904).values) : 0;
      const render = renderWrite(write, existingRows);
      checkRender(render);
      return render;
    });
    for (const render of renders) renderToWorksheet(this.target(render), render);
    const active = writtenName(plan.writes, models, options.activate);
    if (active !== undefined) this.activate(active);
    return { written: plan.writes.map((w) => w.model.name) };
  }

  /** The worksheet a render goes to: the same one for append, a fresh one in the old one's place for replace. */
  private target(render: SheetRender): Worksheet {
    const old = this.workbook.getWorksheet(render.name);
    if (render.mode === "append" && old) return old;
    if (!old) return this.workbook.addWorksheet(render.name);
    const orderNo = (old as unknown as { orderNo: number }).orderNo;
    this.workbook.removeWorksheet(old.id);
    const fresh = this.workbook.addWorksheet(render.name);
    (fresh as unknown as { orderNo: number }).orderNo = orderNo;
    return fresh;
  }

  /** Make `name` the active sheet, the only selected tab (several selected tabs would be a group edit in Excel). */
  private activate(name: string): void {
    const sheets = this.workbook.worksheets;
    const at = sheets.findIndex((ws) => ws.name === name);
    if (at < 0 || sheets[at].state !== "visible") return;
    for (const ws of sheets) {
      const [first, ...rest] = ws.views?.length ? ws.views : [{}];
      const selected = !!(first as { tabSelected?: boolean }).tabSelected;
      // Only the selection changes, and only on the sheets where it has to.
      if (selected !== (ws.name === name)) ws.views = [{ ...first, tabSelected: !selected }, ...rest] as Worksheet["views"];
    }
    const view = this.workbook.views?.[0] ?? { x: 0, y: 0, width: 12000, height: 8000, visibility: "visible" };
    this.workbook.views = [{ ...view, activeTab: at, firstSheet: Math.min(view.firstSheet ?? 0, at) }];
  }
}

/** What exceljs would only reject half-way through a write: bad colours and overlapping merges. */
function checkRender(render: SheetRender): void {
  for (const row of render.cells) {
    for (const c of row) {
      if (c?.style?.fill) argb(c.style.fill);
      if (c?.style?.fontColour) argb(c.style.fontColour);
    }
  }
  for (const cf of render.conditionalFormats) {
    argb(cf.fill);
    if (cf.fontColour) argb(cf.fontColour);
  }
  const areas: Area[] = render.merges.map(parseArea);
  areas.forEach((a, i) => {
    const clash = areas.slice(i + 1).find((b) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom);
    if (clash) throw new Error(`工作表「${render.name}」的合并区域重叠：${render.merges[i]}`);
  });
}
