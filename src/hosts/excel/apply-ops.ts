/**
 * Queue a sheet plan's operations on an Office.js worksheet. Nothing here syncs: the caller decides when the queue
 * goes to Excel. Enum values are passed as their strings ("VeryHidden", "Custom", …), which Office.js accepts, so
 * this file needs no `Excel` global at run time (tests run it against a fake object model).
 */
import { PrintSetup, columnLetter } from "../../core/sheet-model";
import { parseArea } from "../render-plan";
import { Area } from "../render-plan";
import { CellInput, FormatProp, SheetOp, rangeAddress } from "./sheet-plan";

/** What the Excel host sends: the plan's operations, with equal formats on separate rectangles joined. */
export type ExcelOp = SheetOp | { kind: "formats"; areas: Area[]; prop: FormatProp; value: string | number | boolean };

/**
 * Excel's limit on a `worksheet.getRanges` address is not documented; 255 characters is the limit of a reference
 * typed in Excel, so a RangeAreas address stays under it.
 */
export const MAX_AREAS_ADDRESS = 250;

/**
 * Join consecutive format operations that set the same property to the same value on separate rectangles (the
 * grey rows of vetoed units, say) into RangeAreas (ExcelApi 1.9): one assignment for many rows. Borders stay one
 * range each, since their inside lines depend on the rectangle.
 */
export function groupFormats(ops: readonly SheetOp[]): ExcelOp[] {
  const out: ExcelOp[] = [];
  let length = 0;
  for (const op of ops) {
    const last = out[out.length - 1];
    if (op.kind !== "format" || op.prop === "border") {
      out.push(op);
      continue;
    }
    const text = rangeAddress(op.area).length;
    if (
      last &&
      (last.kind === "format" || last.kind === "formats") &&
      last.prop === op.prop &&
      last.value === op.value &&
      length + 1 + text <= MAX_AREAS_ADDRESS
    ) {
      const areas = last.kind === "format" ? [last.area] : last.areas;
      out[out.length - 1] = {
        kind: "formats",
        areas: [...areas, op.area],
        prop: op.prop,
        value: op.value,
      };
      length += 1 + text;
    } else {
      out.push(op);
      length = text;
    }
  }
  return out;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

export function applyOp(ws: Excel.Worksheet, op: ExcelOp): void {
  switch (op.kind) {
    case "clear":
      clearSheet(ws);
      ws.getRange().format.useStandardWidth = true;
      if (op.panes) ws.freezePanes.unfreeze();
      return;
    case "numberFormat":
      // One value for the whole rectangle: Office.js applies a single value to every cell of the range ("Update all
      // cells in a range", Excel JavaScript API performance optimization), so the format travels once.
      single(ws.getRange(rangeAddress(op.area))).numberFormat = op.format;
      return;
    case "cells": {
      const range = ws.getRange(rangeAddress(op.area));
      // One assignment for the whole block; `formulas` takes formulas and constants mixed in one 2-D array.
      if (op.formulas) range.formulas = op.grid as CellInput[][];
      else range.values = op.grid as CellInput[][];
      return;
    }
    case "columnFormula":
      // One R1C1 formula, the same text for every cell of the column range, set as a single value.
      single(ws.getRange(rangeAddress(op.area))).formulasR1C1 = op.r1c1;
      return;
    case "spill":
      // The anchor alone; Excel spills the array the formula answers into the empty cells below (Microsoft Learn,
      // "Handle dynamic arrays and spilling using the Excel JavaScript API": `formulas` on one cell, then it spills).
      ws.getRange(rangeAddress({ ...op.area, bottom: op.area.top })).formulas = [[op.formula]];
      return;
    case "format":
      applyFormat(ws.getRange(rangeAddress(op.area)).format, op.prop, op.value, op.area.bottom > op.area.top, op.area.right > op.area.left);
      return;
    case "formats":
      applyFormat(ws.getRanges(op.areas.map(rangeAddress).join(",")).format, op.prop, op.value, false, false);
      return;
    case "merge":
      ws.getRange(rangeAddress(op.area)).merge(false);
      return;
    case "conditional": {
      const cf = ws.getRange(rangeAddress(op.area)).conditionalFormats.add("Custom");
      cf.custom.rule.formula = op.formula;
      cf.custom.format.fill.color = op.fill;
      if (op.fontColour) cf.custom.format.font.color = op.fontColour;
      return;
    }
    case "width":
      ws.getRange(`${columnLetter(op.from)}:${columnLetter(op.to)}`).format.columnWidth = op.points;
      return;
    case "freeze":
      if (op.rows > 0 && op.columns > 0) ws.freezePanes.freezeAt(`A1:${columnLetter(op.columns - 1)}${op.rows}`);
      else if (op.rows > 0) ws.freezePanes.freezeRows(op.rows);
      else ws.freezePanes.freezeColumns(op.columns);
      return;
    case "hide":
      ws.visibility = "VeryHidden";
      return;
  }
}

/** Contents, formats, conditional formats and merged areas of the whole sheet. */
export function clearSheet(ws: Excel.Worksheet): void {
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  all.unmerge();
  all.clear("All");
}

function applyFormat(
  f: Excel.RangeFormat,
  prop: FormatProp,
  value: string | number | boolean,
  manyRows: boolean,
  manyColumns: boolean
): void {
  switch (prop) {
    case "fill":
      f.fill.color = String(value);
      return;
    case "fontColour":
      f.font.color = String(value);
      return;
    case "bold":
      f.font.bold = true;
      return;
    case "fontSize":
      f.font.size = Number(value);
      return;
    case "horizontal":
      f.horizontalAlignment = value === "center" ? "Center" : value === "right" ? "Right" : "Left";
      return;
    case "wrap":
      f.wrapText = true;
      return;
    case "border":
      // Inside borders only where the range has inside lines (a single row has no inside horizontal).
      for (const edge of [
        ...EDGES,
        ...(manyRows ? ["InsideHorizontal" as const] : []),
        ...(manyColumns ? ["InsideVertical" as const] : []),
      ]) {
        f.borders.getItem(edge).style = "Continuous";
      }
      return;
  }
}

/** A4, orientation, title rows, fit to one page wide, footer (ExcelApi 1.9 pageLayout). */
export function applyPrint(ws: Excel.Worksheet, setup: PrintSetup): void {
  const page = ws.pageLayout;
  page.paperSize = "A4";
  page.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  if (setup.titleRows) {
    const a = parseArea(setup.titleRows);
    page.setPrintTitleRows(`$${a.top + 1}:$${(a.bottom === Infinity ? a.top : a.bottom) + 1}`);
  }
  // One page wide, as many pages tall as needed (0 = automatic, as "Fit All Columns on One Page" sets it).
  if (setup.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (setup.footer) page.headersFooters.defaultForAllPages.centerFooter = setup.footer;
}

/**
 * A range whose cell properties take one value for all its cells. The typings declare `any[][]` only, but Office.js
 * takes a single value for the whole range (Excel JavaScript API performance optimization, "Update all cells in a
 * range": "set the corresponding property on the range object to the desired (single) value").
 */
function single(range: Excel.Range): { numberFormat: string; formulasR1C1: string } {
  return range as unknown as { numberFormat: string; formulasR1C1: string };
}

/** UTF-8 bytes of a text (what goes over the wire; a Chinese character is 3 bytes), without Node's Buffer. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4; // a surrogate pair is one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * What one queued Office.js action costs in a request besides its value: the action itself and the object path
 * of the range it acts on (an Office.js request is JSON: {"Id","ActionType","Name","ObjectPathId","ArgumentInfo"}
 * per action, {"Id","ObjectPathType","Name","ParentObjectPathId","ArgumentInfo"} per path), about 200 bytes;
 * rounded up so the estimate stays above what is sent.
 */
export const ACTION_BYTES = 256;

const json = (v: unknown) => utf8Bytes(JSON.stringify(v));

/** The UTF-8 size of an operation in a request, for cutting a write into requests under Excel on the web's limit. */
export function opBytes(op: ExcelOp): number {
  switch (op.kind) {
    case "cells":
      return json(op.grid) + ACTION_BYTES;
    case "columnFormula":
      return json(op.r1c1) + ACTION_BYTES;
    case "spill":
      return json(op.formula) + ACTION_BYTES;
    case "numberFormat":
      return json(op.format) + ACTION_BYTES;
    case "conditional":
      // add, then the rule's formula, the fill and the font colour.
      return json(op.formula) + 4 * ACTION_BYTES;
    case "formats":
      return json(op.areas.map(rangeAddress).join(",")) + ACTION_BYTES;
    case "format":
      return op.prop === "border" ? 6 * ACTION_BYTES : ACTION_BYTES;
    case "clear":
      return 5 * ACTION_BYTES;
    default:
      return ACTION_BYTES;
  }
}

/** An operation too big for one request, cut into bands of rows that each fit. */
export function splitOp(op: ExcelOp, budget: number): ExcelOp[] {
  if (op.kind !== "cells" || !Number.isFinite(budget)) return [op];
  const bytes = opBytes(op);
  const rows = op.area.bottom - op.area.top + 1;
  if (bytes <= budget || rows <= 1) return [op];
  const band = Math.max(1, Math.floor((rows * budget) / bytes));
  const out: ExcelOp[] = [];
  for (let r = 0; r < rows; r += band) {
    const area = {
      ...op.area,
      top: op.area.top + r,
      bottom: Math.min(op.area.bottom, op.area.top + r + band - 1),
    };
    out.push({ ...op, area, grid: op.grid.slice(r, r + band) });
  }
  return out;
}
