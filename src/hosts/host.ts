/**
 * The one small interface every host implements: Excel (Office.js), WPS (ET API), .xlsx files (exceljs) and the
 * in-memory workbook of the playground. The core builds sheet models; a host reads sheets and renders models.
 */
import type { CellNote } from "../core/data-table";
import { CellValue, GeneratedMarker, SheetModel } from "../core/sheet-model";

export type HostKind = "excel" | "wps" | "xlsx" | "memory";

/** A sheet as read: the values (and formulas, where there is one) of its used range, from A1. */
export interface SheetData {
  name: string;
  /** Rows from row 1, columns from column A (cells above and left of the used range are null). */
  values: CellValue[][];
  /** Formulas with their leading "=", null where the cell holds a constant; same shape as values. */
  formulas?: (string | null)[][];
  /** Merged areas, e.g. "A1:H1". */
  merges?: string[];
  /**
   * What the reader noticed about cells, by A1 address (the .xlsx reader, which sees number formats and cached
   * results): "date" for a number shown as a date, "uncached" for a formula saved without its result.
   */
  notes?: Record<string, CellNote>;
  /**
   * The spill ranges of dynamic-array formulas (the .xlsx reader: `<f t="array" ref>` on a cell with `cm`), e.g.
   * "X3:X18": the formula is in its first cell, the other cells hold its results as values.
   */
  spills?: string[];
}

export interface WriteResult {
  /** The names the models were written under (a clerk's own sheet of the same name is never replaced). */
  written: string[];
  /** What the host could not finish after the cells were in (charts, page setup, activation): told to the clerk. */
  warnings?: string[];
}

export interface WorkbookHost {
  readonly kind: HostKind;
  sheetNames(): Promise<string[]>;
  readSheet(name: string): Promise<SheetData | undefined>;
  /** The markers of the sheets 考核助手 generated (see core/generated-sheets). */
  readMarkers(): Promise<GeneratedMarker[]>;
  /**
   * Write generated sheets in one batch: replace the ones marked as ours, create the rest, never touch a clerk's
   * sheet, update the markers, and activate `activate` if given. Nothing is left half-written on failure.
   */
  writeSheets(models: SheetModel[], options?: { activate?: string; now?: string }): Promise<WriteResult>;
  /** The selected cell, where the host has a selection. */
  selection?(): Promise<{ sheet: string; address: string } | undefined>;
}
