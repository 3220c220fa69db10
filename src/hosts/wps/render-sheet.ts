/**
 * Carrying out one sheet's plan through ET. The plan is the Excel host's (src/hosts/excel/sheet-plan, built from the
 * shared src/hosts/render-plan), so a workbook written in WPS has the same cells, formulas, formats and text guards as
 * one written in Excel: each filled-down formula column as one R1C1 formula on its column range (FormulaR1C1), the
 * other cells as a few Value2 (or Formula) arrays, formats as a few rectangles per property, merges,
 * conditional formats, column widths (ET takes characters, as the model gives them), panes.
 */
import { columnLetter } from "../../core/sheet-model";
import { FormatProp, SheetOp, SheetPlan, rangeAddress } from "../excel/sheet-plan";
import { SheetRender } from "../render-plan";
import { EtApplication, EtRange, EtWorksheet, XL } from "./et";
import { bgr, prop } from "./et-access";

/**
 * ET's R1C1 formula property (et-jsapi-declare lib.et.d.ts Range: FormulaR1C1), which takes one
 * formula for a whole range as Excel's Range.FormulaR1C1 does; declared here so et.ts stays as its typings say.
 */
type R1C1Range = EtRange & { FormulaR1C1: unknown };
/** ET's dynamic-array formula property (et-jsapi-declare lib.et.d.ts Range: Formula2, with HasSpill, SpillingToRange). */
type SpillRange = EtRange & { Formula2: Et.Range["Formula2"] };

const ALIGN: Record<string, number> = { left: XL.left, center: XL.center, right: XL.right };
const EDGES = [XL.edgeLeft, XL.edgeTop, XL.edgeBottom, XL.edgeRight, XL.insideVertical, XL.insideHorizontal];

function applyFormat(range: EtRange, what: FormatProp, value: string | number | boolean): void {
  switch (what) {
    case "fill":
      range.Interior.Color = bgr(String(value));
      return;
    case "fontColour":
      range.Font.Color = bgr(String(value));
      return;
    case "bold":
      range.Font.Bold = Boolean(value);
      return;
    case "fontSize":
      range.Font.Size = Number(value);
      return;
    case "horizontal":
      range.HorizontalAlignment = ALIGN[String(value)] ?? XL.left;
      return;
    case "wrap":
      range.WrapText = Boolean(value);
      return;
    case "border":
      for (const edge of EDGES) {
        const b = range.Borders.Item(edge);
        b.LineStyle = XL.continuous;
        b.Weight = XL.thin;
      }
      return;
  }
}

function runOp(app: EtApplication, sheet: EtWorksheet, op: SheetOp, render: SheetRender): void {
  switch (op.kind) {
    case "clear":
      clearSheet(app, sheet);
      return;
    case "numberFormat":
      sheet.Range(rangeAddress(op.area)).NumberFormat = op.format;
      return;
    case "cells": {
      const range = sheet.Range(rangeAddress(op.area));
      // Formula with a 2-D array is what real machines are known to take; Formula2 is not needed: native mode
      // writes no dynamic arrays (docs/host-facts.md, WPS 表格).
      if (!op.formulas) range.Value2 = op.grid;
      else range.Formula = op.grid;
      return;
    }
    case "columnFormula": {
      // One formula for the column range. FormulaR1C1, never Formula2R1C1: as for Formula above, only the plain
      // property is known on real machines, and native mode writes no dynamic arrays (docs/host-facts.md, WPS 表格).
      (sheet.Range(rangeAddress(op.area)) as R1C1Range).FormulaR1C1 = op.r1c1;
      return;
    }
    case "spill":
      // Only with WpsHost's dynamicArrays (off by default: whether a build spills is assumed, docs/host-facts.md).
      (sheet.Range(rangeAddress({ ...op.area, bottom: op.area.top })) as SpillRange).Formula2 = op.formula;
      return;
    case "format":
      applyFormat(sheet.Range(rangeAddress(op.area)), op.prop, op.value);
      return;
    case "merge":
      sheet.Range(rangeAddress(op.area)).Merge();
      return;
    case "conditional":
      addConditionalFormat(sheet, rangeAddress(op.area), op.formula, op.fill, op.fontColour);
      return;
    case "width":
      // The plan gives points (Office.js); ET's ColumnWidth is in characters, which is what the model holds.
      sheet.Range(`${columnLetter(op.from)}:${columnLetter(op.to)}`).ColumnWidth = render.columnWidths[op.from];
      return;
    case "freeze":
      freeze(app, sheet, op.rows, op.columns);
      return;
    case "hide":
      sheet.Visible = XL.sheetVeryHidden;
      return;
  }
}

/**
 * Write one planned sheet. Page setup comes last and may fail on its own (ET, like Excel, needs a printer driver
 * for PageSetup, and a 信创 desktop may have none): the sheet is written all the same, and the reason returned.
 */
export function renderSheet(app: EtApplication, sheet: EtWorksheet, plan: SheetPlan, render: SheetRender): string | undefined {
  for (const op of plan.ops) runOp(app, sheet, op, render);
  if (!plan.print) return undefined;
  try {
    const ps = sheet.PageSetup;
    const print = plan.print;
    ps.PaperSize = XL.paperA4;
    ps.Orientation = print.orientation === "landscape" ? XL.landscape : XL.portrait;
    if (print.titleRows) ps.PrintTitleRows = print.titleRows.replace(/\$?(\d+)/g, "$$$1");
    if (print.fitToWidth) {
      // FitToPages only counts when Zoom is off.
      ps.Zoom = false;
      ps.FitToPagesWide = 1;
      ps.FitToPagesTall = false;
    }
    if (print.footer) ps.CenterFooter = print.footer;
    return undefined;
  } catch (e) {
    return `工作表“${plan.name}”的打印设置未能写入（${e instanceof Error ? e.message : String(e)}），可在“页面设置”中手动设置。`;
  }
}

/**
 * ET, like Excel, reads the relative references of a conditional-format formula from the active cell, so the
 * range's top-left cell is selected first: the model writes the formula for that cell.
 */
function addConditionalFormat(sheet: EtWorksheet, address: string, formula: string, fill: string, fontColour?: string): void {
  const range = sheet.Range(address);
  sheet.Activate();
  range.Item(1, 1).Select();
  const fc = range.FormatConditions.Add(XL.expression, undefined, formula);
  fc.Interior.Color = bgr(fill);
  if (fontColour) fc.Font.Color = bgr(fontColour);
}

function freeze(app: EtApplication, sheet: EtWorksheet, rows: number, columns: number): void {
  sheet.Activate();
  const win = app.ActiveWindow;
  win.FreezePanes = false;
  win.ScrollRow = 1;
  win.ScrollColumn = 1;
  win.SplitRow = rows;
  win.SplitColumn = columns;
  win.FreezePanes = true;
}

/**
 * Clear a generated sheet for a rewrite: contents, formats, merges, conditional formats, column widths and (for a
 * visible sheet, which can be activated) frozen panes.
 */
export function clearSheet(app: EtApplication, sheet: EtWorksheet): void {
  const cells = sheet.Cells;
  if (prop(cells.FormatConditions.Count) > 0) cells.FormatConditions.Delete();
  cells.Clear();
  sheet.Columns.ColumnWidth = sheet.StandardWidth;
  if (!isVisible(sheet)) return;
  sheet.Activate();
  app.ActiveWindow.FreezePanes = false;
}

/** xlSheetVisible is -1; a build may report it as true. Hidden (0) and very hidden (2) sheets cannot be activated. */
export function isVisible(sheet: EtWorksheet): boolean {
  const v: unknown = sheet.Visible;
  return v === XL.sheetVisible || v === true;
}
