/**
 * The rows of a render made when asked, from the model's rows (sheet-rows): a row's cells are its model cells as
 * rendered (formulas moved, styles merged from the model's RangeFormats), made anew on each call. The .xlsx host
 * writes a sheet a row at a time this way, so at 5,000 units the 700,000 cells of 得分 and 读数 are never all alive
 * at once (kept, they and their model cells were 73 MB of the 120 at the save, and most of the garbage collection).
 * A host that wants the grid reads SheetRender.cells, made once from these rows.
 */
import { CellValue, ModelCell, RangeFormat, SheetModel } from "../core/sheet-model";
import { modelHeight, modelRow } from "../core/sheet-rows";
import type { CellStyle, RenderCell, SheetRender } from "./render-plan";

/** One RangeFormat as applied: its rows and columns on the model (open ends resolved), its style's given fields. */
interface Applied {
  top: number;
  bottom: number;
  left: number;
  right: number;
  given: Partial<CellStyle>;
  /** The style a cell's style becomes under this format: cells of one style share the next one. */
  next: Map<CellStyle | undefined, CellStyle>;
}

export class RenderRows {
  /** How many rows the render has (the model's below its header, or more where a format reaches further). */
  readonly height: number;
  private readonly applied: Applied[];

  constructor(
    private readonly model: SheetModel,
    /** Model rows left out at the top (an appended log's header). */
    private readonly skip: number,
    private readonly render: (c: ModelCell) => RenderCell,
    formats: readonly { range: { top: number; left: number; bottom: number; right: number }; given: Partial<CellStyle> }[]
  ) {
    const rows = modelHeight(model);
    // Whole rows and columns stop at the model's extent (its rows, and the wider of its cells and column widths).
    let width: number | undefined;
    const widthOf = () => (width ??= modelWidth(model, skip));
    this.applied = formats.map(({ range: a, given }) => ({
      top: Math.max(a.top, skip),
      bottom: a.bottom === Infinity ? rows - 1 : a.bottom,
      left: a.left,
      right: a.right === Infinity ? widthOf() - 1 : a.right,
      given,
      next: new Map(),
    }));
    let height = Math.max(0, rows - skip);
    for (const f of this.applied) if (f.top <= f.bottom) height = Math.max(height, f.bottom - skip + 1);
    this.height = height;
  }

  /** Row i of the render (model row skip + i): its cells, undefined where the model has none and no format. */
  row(i: number): (RenderCell | undefined)[] {
    const m = this.skip + i;
    const source = m < modelHeight(this.model) ? modelRow(this.model, m) : undefined;
    const row: (RenderCell | undefined)[] = source ? source.map(this.render) : [];
    for (const f of this.applied) {
      if (m < f.top || m > f.bottom) continue;
      for (let c = f.left; c <= f.right; c++) {
        const cell = (row[c] ??= { value: null as CellValue });
        let next = f.next.get(cell.style);
        if (!next) {
          next = cell.style ? { ...cell.style, ...f.given } : { ...f.given };
          f.next.set(cell.style, next);
        }
        cell.style = next;
      }
    }
    return row;
  }

  /**
   * Every style a cell of the render gets. Rows between the same format edges are styled alike, so one row of each
   * stretch is looked at, not every row.
   */
  styles(): Set<CellStyle> {
    const edges = new Set<number>([0]);
    for (const f of this.applied) edges.add(f.top - this.skip).add(f.bottom - this.skip + 1);
    const out = new Set<CellStyle>();
    for (const i of edges) {
      if (i < 0 || i >= this.height) continue;
      for (const cell of this.row(i)) if (cell?.style) out.add(cell.style);
    }
    return out;
  }
}

/** The widest of a model's rows below `skip`, or of its column widths. */
function modelWidth(model: SheetModel, skip: number): number {
  let width = model.columnWidths?.length ?? 0;
  const rows = modelHeight(model);
  for (let r = skip; r < rows; r++) width = Math.max(width, modelRow(model, r).length);
  return width;
}

/** The renders whose cells have not been read yet, with their rows. */
const sources = new WeakMap<SheetRender, RenderRows>();

/** A render of `fields` whose cells are `rows`: `cells` is made from them on first read (and is the grid from then). */
export function lazyRender(fields: Omit<SheetRender, "cells">, rows: RenderRows): SheetRender {
  let grid: (RenderCell | undefined)[][] | undefined;
  const render = { ...fields } as SheetRender;
  Object.defineProperty(render, "cells", {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!grid) {
        grid = Array.from({ length: rows.height }, (_, i) => rows.row(i));
        sources.delete(render);
      }
      return grid;
    },
    set: (cells: (RenderCell | undefined)[][]) => {
      grid = cells;
      sources.delete(render);
    },
  });
  sources.set(render, rows);
  return render;
}

/** The lazy rows of a render whose cells have not been read. */
export function rowsOf(render: SheetRender): RenderRows | undefined {
  return sources.get(render);
}

/** How many rows a render has. */
export function renderHeight(render: SheetRender): number {
  return sources.get(render)?.height ?? render.cells.length;
}

/** Row i of a render: made now for a lazy one, else the row it holds. */
export function renderRow(render: SheetRender, i: number): (RenderCell | undefined)[] {
  const rows = sources.get(render);
  return rows ? rows.row(i) : render.cells[i];
}

/** Every style a cell of a render has (a lazy render's found without making every row). */
export function renderStyles(render: SheetRender): Set<CellStyle> {
  const rows = sources.get(render);
  if (rows) return rows.styles();
  const out = new Set<CellStyle>();
  for (const row of render.cells) for (const c of row) if (c?.style) out.add(c.style);
  return out;
}
