/**
 * WorkbookHost over a MemoryWorkbook. A write builds the new list of sheets aside and swaps it in at the end, so a
 * failure leaves the workbook as it was.
 */
import { PlannedWrite, checkNotMarker, findMarkerSheet, markerSheet, planWrite, readMarkers } from "../../core/generated-sheets";
import { CellValue, ChartSpec, GeneratedMarker, SheetModel, address } from "../../core/sheet-model";
import { SheetData, WorkbookHost, WriteResult } from "../host";
import { SheetRender, blankMergedTails, renderWrite, spillsOf, usedRows, writtenName } from "../render-plan";
import { MemoryCell, MemorySheet, MemoryWorkbook } from "./memory-workbook";

export class MemoryHost implements WorkbookHost {
  readonly kind = "memory" as const;

  constructor(readonly workbook: MemoryWorkbook = { sheets: [] }) {}

  async sheetNames(): Promise<string[]> {
    return this.workbook.sheets.map((s) => s.name);
  }

  async readSheet(name: string): Promise<SheetData | undefined> {
    const sheet = this.find(name);
    return sheet && readMemorySheet(sheet);
  }

  async readMarkers(): Promise<GeneratedMarker[]> {
    const marker = await this.markerSheet();
    return marker.exists ? readMarkers((await this.readSheet(marker.name))?.values) : [];
  }

  /** Where our markers are kept (never a clerk's sheet of the same name). */
  private async markerSheet(): Promise<{ name: string; exists: boolean }> {
    return findMarkerSheet(await this.sheetNames(), async (name) => (await this.readSheet(name))?.values);
  }

  async writeSheets(models: SheetModel[], options: { activate?: string; now?: string } = {}): Promise<WriteResult> {
    checkNotMarker(models);
    const names = await this.sheetNames();
    const marker = await this.markerSheet();
    const plan = planWrite(models, names, await this.readMarkers(), options.now ?? new Date().toISOString());
    const sheets = [...this.workbook.sheets];
    const writes: PlannedWrite[] = [...plan.writes, { model: markerSheet(plan.markers, marker.name), exists: marker.exists }];
    for (const write of writes) {
      const at = sheets.findIndex((s) => s.name === write.model.name);
      const old = at >= 0 ? sheets[at] : undefined;
      const existingRows = old && write.model.append ? usedRows(readMemorySheet(old).values) : 0;
      const sheet = applyRender(renderWrite(write, existingRows), old);
      if (at >= 0) sheets[at] = sheet;
      else sheets.push(sheet);
    }
    const active = writtenName(plan.writes, models, options.activate);
    this.workbook.sheets = sheets;
    if (active !== undefined) this.workbook.active = active;
    return { written: plan.writes.map((w) => w.model.name) };
  }

  private find(name: string): MemorySheet | undefined {
    return this.workbook.sheets.find((s) => s.name === name);
  }
}

/** Values, formulas and merges of the used range, from A1. */
export function readMemorySheet(sheet: MemorySheet): SheetData {
  let height = 0;
  let width = 0;
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell && (hasValue(cell.value) || cell.formula)) {
        height = Math.max(height, r + 1);
        width = Math.max(width, c + 1);
      }
    })
  );
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < height; r++) {
    const row = sheet.cells[r] ?? [];
    values.push(Array.from({ length: width }, (_, c) => row[c]?.value ?? null));
    formulas.push(Array.from({ length: width }, (_, c) => row[c]?.formula ?? null));
  }
  blankMergedTails(values, formulas, sheet.merges);
  const spills: string[] = [];
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => cell?.spill && spills.push(`${address(r, c)}:${address(r + cell.spill.rows - 1, c)}`))
  );
  return { name: sheet.name, values, formulas, merges: [...sheet.merges], ...(spills.length ? { spills } : {}) };
}

function hasValue(v: CellValue): boolean {
  return v !== null && v !== "";
}

/** The sheet after a render: a new sheet for create and replace, the old one plus rows for append. */
function applyRender(render: SheetRender, old: MemorySheet | undefined): MemorySheet {
  const keep = render.mode === "append" && old ? old : undefined;
  const cells: (MemoryCell | undefined)[][] = keep ? keep.cells.slice(0, render.startRow).map((r) => [...r]) : [];
  while (cells.length < render.startRow) cells.push([]);
  for (const row of render.cells) {
    cells.push(row.map((c) => c && copyCell(c)));
  }
  spill(cells, render);
  return {
    name: render.name,
    cells,
    merges: [...(keep?.merges ?? []), ...render.merges],
    visibility: render.hidden ? "veryHidden" : "visible",
    columnWidths: render.columnWidths.length ? [...render.columnWidths] : keep?.columnWidths,
    conditionalFormats: [...(keep?.conditionalFormats ?? []), ...render.conditionalFormats],
    freeze: render.freeze ?? keep?.freeze,
    print: render.print ?? keep?.print,
    ...chartsOf(keep?.charts ?? render.charts),
  };
}

/** Charts as the sheet keeps them: a copy, and no field at all for none (so sheets without charts look as before). */
function chartsOf(charts: ChartSpec[] | undefined): { charts?: ChartSpec[] } {
  return charts && charts.length ? { charts: charts.map((c) => JSON.parse(JSON.stringify(c)) as ChartSpec) } : {};
}

/**
 * The memory workbook spills (the playground's HyperFormula does, and Excel with dynamic arrays): a spilled formula
 * goes in its anchor, and the cells below keep the results the core computed, marked as spilled.
 */
function spill(cells: (MemoryCell | undefined)[][], render: SheetRender): void {
  for (const s of spillsOf(render.cells)) {
    const rows = cells.slice(render.startRow + s.row, render.startRow + s.last + 1);
    rows.forEach((row, i) => {
      const cell = (row[s.column] ??= { value: null });
      if (i === 0) {
        cell.formula = s.formula;
        cell.spill = { formula: s.formula, rows: rows.length };
      } else {
        delete cell.formula;
        cell.spilled = true;
      }
    });
  }
}

/**
 * A render cell as the sheet keeps it (its own object: the playground sets values in place). The style object is
 * shared, as the render shares it among the cells that look alike: styles are never changed in place (render-plan),
 * and a copy for each of a big sheet's cells was most of this host's memory.
 */
function copyCell(c: MemoryCell): MemoryCell {
  const out: MemoryCell = { value: c.value };
  if (c.formula !== undefined) out.formula = c.formula;
  if (c.style) out.style = c.style;
  return out;
}
