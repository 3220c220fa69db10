/**
 * Putting a SheetRender onto an exceljs worksheet: values, formulas with their cached results, styles, merges,
 * widths, frozen panes, conditional formats and print setup. The playground saves its in-memory workbook this way;
 * the .xlsx host itself writes sheet XML into the package (sheet-xml, xlsx-package).
 */
import { Borders, Cell, ConditionalFormattingOptions, CellValue as ExcelCellValue, Fill, Font, Worksheet } from "exceljs";
import { CellValue, Colour, address, columnLetter } from "../../core/sheet-model";
import { CellStyle, RenderCell, SheetRender } from "../render-plan";
import { toFileFormula } from "./xlsx-formulas";

const ERROR_CODES = new Set(["#N/A", "#VALUE!", "#DIV/0!", "#NUM!", "#REF!", "#NAME?", "#NULL!"]);
/** Text that Excel would take for a formula if a clerk re-entered the cell (F2, Enter). */
const FORMULA_LIKE = /^[=+\-@]/;
const A4 = 9;

export function argb(colour: Colour): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new Error(`无法识别的颜色：${colour}（应为 #RRGGBB）`);
  return `FF${colour.slice(1).toUpperCase()}`;
}

/** A formula's cached result as exceljs stores it; an error code text is stored as that error. */
function cachedResult(v: CellValue): ExcelCellValue | undefined {
  if (v === null) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" as never };
  if (typeof v === "string" && ERROR_CODES.has(v)) return { error: v as never };
  return v;
}

/** A constant as exceljs stores it. A string is always a string (a shared string in the file): never a formula. */
function constant(v: CellValue): ExcelCellValue {
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" as never };
  return v;
}

function writeCell(cell: Cell, rc: RenderCell): void {
  if (rc.spill && rc.formula !== undefined) {
    // A spill (the playground's kh 名次) as an array formula over its range; the cells below keep their results.
    const ref = `${cell.address}:${columnLetter(Number(cell.col) - 1)}${Number(cell.row) + rc.spill.rows - 1}`;
    cell.value = { formula: toFileFormula(rc.spill.formula), result: cachedResult(rc.value), shareType: "array", ref } as ExcelCellValue;
  } else if (rc.formula !== undefined) {
    cell.value = { formula: toFileFormula(rc.formula), result: cachedResult(rc.value) } as ExcelCellValue;
  } else {
    cell.value = constant(rc.value);
  }
  const style: CellStyle = { ...rc.style };
  // Text format keeps a formula-like text as text even when a clerk re-enters the cell.
  if (rc.formula === undefined && typeof rc.value === "string" && FORMULA_LIKE.test(rc.value) && !style.numberFormat) {
    style.numberFormat = "@";
  }
  applyStyle(cell, style);
}

const THIN: Partial<Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function applyStyle(cell: Cell, s: CellStyle): void {
  if (s.numberFormat) cell.numFmt = s.numberFormat;
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } } as Fill;
  if (s.bold !== undefined || s.fontColour || s.fontSize) {
    const font: Partial<Font> = {};
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.fontSize) font.size = s.fontSize;
    if (s.fontColour) font.color = { argb: argb(s.fontColour) };
    cell.font = font;
  }
  if (s.horizontal || s.wrap !== undefined) {
    cell.alignment = {
      vertical: "middle",
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.wrap !== undefined ? { wrapText: s.wrap } : {}),
    };
  }
  if (s.border) cell.border = THIN;
}

export function renderToWorksheet(ws: Worksheet, render: SheetRender): void {
  render.cells.forEach((row, i) => {
    row.forEach((rc, c) => {
      if (rc) writeCell(ws.getCell(render.startRow + i + 1, c + 1), rc);
    });
  });
  // exceljs's mergeCells copies the top-left style over the area; the model's own styles for every cell stand.
  const merge = ws as unknown as { mergeCellsWithoutStyle?: (range: string) => void };
  for (const m of render.merges) {
    if (merge.mergeCellsWithoutStyle) merge.mergeCellsWithoutStyle(m);
    else ws.mergeCells(m);
  }
  render.columnWidths.forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  if (render.freeze && (render.freeze.rows > 0 || render.freeze.columns > 0)) {
    const { rows, columns } = render.freeze;
    const tabSelected = (ws.views?.[0] as { tabSelected?: boolean } | undefined)?.tabSelected;
    ws.views = [
      {
        state: "frozen",
        xSplit: columns,
        ySplit: rows,
        topLeftCell: address(rows, columns),
        ...(tabSelected ? { tabSelected } : {}),
      } as Worksheet["views"][number],
    ];
  }
  // Not in exceljs's typings, but the list it writes out.
  const existing = (ws as unknown as { conditionalFormattings: ConditionalFormattingOptions[] }).conditionalFormattings;
  const priority0 = existing.reduce((p, cf) => Math.max(p, ...cf.rules.map((r) => r.priority ?? 0)), 0);
  render.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: priority0 + i + 1,
          formulae: [toFileFormula(cf.formula)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
            ...(cf.fontColour ? { font: { color: { argb: argb(cf.fontColour) } } } : {}),
          },
        },
      ],
    });
  });
  if (render.print) {
    const p = render.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: A4,
      orientation: p.orientation,
      ...(p.titleRows ? { printTitlesRow: p.titleRows } : {}),
      ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    };
    if (p.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
  }
  ws.state = render.hidden ? "veryHidden" : "visible";
}
