/**
 * The Excel host: the core's sheet models rendered, and the clerk's sheets read, through Office.js. It is built on a
 * function that runs one batch — `(cb) => Excel.run(cb)` in the add-in — so tests can hand it a fake object model.
 */
import { MARKER_SHEET, readMarkers } from "../../core/generated-sheets";
import { GeneratedMarker, SheetModel } from "../../core/sheet-model";
import { SheetData, WorkbookHost } from "../host";
import { dataRegion, readBands, usedExtent } from "./read-sheet";
import { ExcelRun, ExcelWriteResult, isInternalSheet, writeSheets } from "./write-sheets";

export interface ExcelHostOptions {
  /**
   * Cut writes and reads into requests of about this many bytes. Excel on the web refuses a request or response
   * over 5 MB; the desktop has no such limit, so the default is one request.
   */
  maxRequestBytes?: number;
  /** `Office.context.requirements.isSetSupported`; optional features (merged areas: ExcelApi 1.13) need it. */
  isSetSupported?: (name: string, version: string) => boolean;
  /**
   * Whether Excel spills array results (dynamic arrays), so kh mode's KH.RANKIN goes in once per column. Default:
   * ExcelApi 1.12, the set of Range.getSpillingToRange — the API of spill ranges, in builds that have them.
   */
  dynamicArrays?: boolean;
}

export class ExcelHost implements WorkbookHost {
  readonly kind = "excel" as const;

  constructor(
    private readonly run: ExcelRun,
    private readonly options: ExcelHostOptions = {}
  ) {}

  /** The clerk's sheets, hidden ones included; 考核助手's internal sheets left out. */
  async sheetNames(): Promise<string[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name).filter((n) => !isInternalSheet(n));
    });
  }

  /**
   * The used range's values and formulas, placed from A1 (read-sheet: the real data region, in bands). Formulas come
   * as Excel shows them (`=KH.RANKIN(…)`; the `_xldudf_` form exists only inside .xlsx files). Merged areas are
   * read where ExcelApi 1.13 is available.
   */
  async readSheet(name: string): Promise<SheetData | undefined> {
    const budget = this.options.maxRequestBytes ?? Infinity;
    const merges = this.options.isSetSupported?.("ExcelApi", "1.13") ?? false;
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      const merged = merges ? ws.getRange().getMergedAreasOrNullObject() : undefined;
      merged?.load("address");
      try {
        await ctx.sync();
      } catch (error) {
        if ((error as { code?: string }).code === "ItemNotFound") return undefined;
        throw error;
      }
      const data: SheetData = { name, values: [], formulas: [] };
      if (merged && !merged.isNullObject) data.merges = areasOf(merged.address);
      if (used.isNullObject) return data;

      const region = await dataRegion(ctx, ws, usedExtent(used), name);
      const [values, formulas] = await readBands(ctx, ws, region, budget);
      const width = region.right + 1;
      for (let r = 0; r < region.top; r++) {
        data.values.push(new Array<null>(width).fill(null));
        data.formulas!.push(new Array<null>(width).fill(null));
      }
      const pad = new Array<null>(region.left).fill(null);
      values.forEach((row, r) => {
        data.values.push([...pad, ...row.map((v) => (v === "" || v === undefined ? null : v))]);
        // `formulas` returns constants too, and a text cell "=…" comes back as its text: a formula is a string
        // starting with "=" that differs from the cell's value.
        data.formulas!.push([
          ...pad,
          ...row.map((v, c) => {
            const f = formulas[r]?.[c];
            return typeof f === "string" && f.startsWith("=") && f !== v ? f : null;
          }),
        ]);
      });
      return data;
    });
  }

  async readMarkers(): Promise<GeneratedMarker[]> {
    const sheet = await this.readSheet(MARKER_SHEET);
    return readMarkers(sheet?.values);
  }

  writeSheets(models: SheetModel[], options: { activate?: string; now?: string } = {}): Promise<ExcelWriteResult> {
    const dynamicArrays = this.options.dynamicArrays ?? this.options.isSetSupported?.("ExcelApi", "1.12") ?? false;
    return writeSheets(this.run, models, options, this.options.maxRequestBytes ?? Infinity, dynamicArrays);
  }

  /** The active sheet and the selected range's address on it (undefined when a chart or shape is selected). */
  async selection(): Promise<{ sheet: string; address: string } | undefined> {
    return this.run(async (ctx) => {
      const range = ctx.workbook.getSelectedRange();
      range.load("address");
      const sheet = ctx.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      try {
        await ctx.sync();
      } catch {
        return undefined;
      }
      return { sheet: sheet.name, address: withoutSheet(range.address) };
    });
  }
}

/** "得分!B3" or "'my sheet'!B3:C4" → "B3", "B3:C4". */
export function withoutSheet(address: string): string {
  const at = address.lastIndexOf("!");
  return at >= 0 ? address.slice(at + 1) : address;
}

/** The areas of a RangeAreas address ("Sheet1!A1:B2, Sheet1!D4:E5"), without sheet names. */
export function areasOf(address: string): string[] {
  const out: string[] = [];
  const re = /!?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)\s*(?:,|$)/gi;
  for (const m of address.matchAll(re)) out.push(m[1].replace(/\$/g, ""));
  return out;
}
