/**
 * The rows of a render made when asked, from the model's rows (sheet-rows): a row's cells are its model cells as
 * rendered (formulas moved, styles merged from the model's RangeFormats), made anew on each call. The .xlsx host
 * writes a sheet a row at a time this way (as `parts`: the model's cells and each column's style, no cell made
 * anew), so at 5,000 units the 700,000 cells of 得分 and 读数 are never all alive at once (kept, they and their
 * model cells were 73 MB of the 120 at the save, and most of the garbage collection).
 * A host that wants the grid reads SheetRender.cells, made once from these rows.
 */
import { CellValue, ModelCell, SheetModel } from "../core/sheet-model";
import { lazyCells, modelHeight, modelRow } from "../core/sheet-rows";
import type { CellStyle, RenderCell, SheetRender } from "./render-plan";

/** One RangeFormat as applied: its rows and columns on the model (open ends resolved), its style's given fields. */
interface Applied {
  top: number;
  bottom: number;
  left: number;
  right: number;
  given: Partial<CellStyle>;
}

/** A row of a render as RenderRows.parts gives it: a cell's style is that of its column. */
export interface RowParts {
  cells: readonly (ModelCell | undefined)[];
  styles: readonly (CellStyle | undefined)[];
}

const NO_STYLES: readonly (CellStyle | undefined)[] = [];

export class RenderRows {
  /** How many rows the render has (the model's below its header, or more where a format reaches further). */
  readonly height: number;
  private readonly applied: Applied[];
  /** The formats over each row, in their order: those of row i are byRow[from[i]] to byRow[from[i + 1] - 1]. */
  private readonly from: Int32Array;
  private readonly byRow: Int32Array;
  /**
   * Each format's given fields as a key, and with its columns: formats that give the same (龙虎榜's one format per
   * row, a few colours among them) style alike, so their styles are merged once, not once a row.
   */
  private readonly givenKeys: string[];
  /**
   * Each format as the first format with its columns and given fields: rows under formats alike (龙虎榜's rows of
   * one colour) share their styles, found by these numbers (a key of the formats' text was most of rowStyles' time).
   */
  private readonly alike: Int32Array;
  /** The style a cell's style becomes under a format's given fields (by givenKeys): cells of one style share it. */
  private readonly next = new Map<CellStyle | undefined, Map<string, CellStyle>>();
  /** Each column's style under a list of formats (rowStyles), by the list's `alike` numbers. */
  private readonly byFormats = new Map<string, (CellStyle | undefined)[]>();
  private lastRow = -1;
  private lastStyles: (CellStyle | undefined)[] = [];
  /** Styles by their fields: a format per row (龙虎榜) gives each row a new merge, and the hosts look styles up by object. */
  private readonly interned = new Map<string, CellStyle>();

  constructor(
    private readonly model: SheetModel,
    /** Model rows left out at the top (an appended log's header). */
    private readonly skip: number,
    private readonly render: (c: ModelCell) => RenderCell,
    formats: readonly { range: { top: number; left: number; bottom: number; right: number }; given: Partial<CellStyle> }[],
    /** Whether `render` leaves a cell's formula, value and spill as they are (the model's rows are not moved). */
    private readonly asIs = false
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
    }));
    this.givenKeys = this.applied.map((f) => JSON.stringify(f.given));
    const firsts = new Map<string, number>();
    this.alike = Int32Array.from(this.applied, (f, k) => {
      const key = `${f.left}:${f.right}:${this.givenKeys[k]}`;
      if (!firsts.has(key)) firsts.set(key, k);
      return firsts.get(key)!;
    });
    let height = Math.max(0, rows - skip);
    for (const f of this.applied) if (f.top <= f.bottom) height = Math.max(height, f.bottom - skip + 1);
    this.height = height;
    // A sheet may have a format per row (龙虎榜's thousands): each row looks only at its own.
    this.from = new Int32Array(height + 1);
    for (const f of this.applied) for (let m = f.top; m <= f.bottom; m++) this.from[m - skip + 1]++;
    for (let i = 0; i < height; i++) this.from[i + 1] += this.from[i];
    this.byRow = new Int32Array(this.from[height]);
    const filled = this.from.slice(0, height);
    this.applied.forEach((f, k) => {
      for (let m = f.top; m <= f.bottom; m++) this.byRow[filled[m - skip]++] = k;
    });
  }

  /** The model's row under render row i, if the model has one there (a format may reach below its rows). */
  private source(i: number): ModelCell[] | undefined {
    const m = this.skip + i;
    return m < modelHeight(this.model) ? modelRow(this.model, m) : undefined;
  }

  /**
   * Row i of the render as its cells and, apart, the style of each column (a list that rows under the same formats
   * share: not to be changed): the model's own cells where the render leaves them as they are, else rendered (their
   * styles left out). The .xlsx host writes a big sheet from these, making no RenderCell for a cell
   * (700,000 at 5,000 units).
   */
  parts(i: number): RowParts {
    const source = this.source(i);
    const cells = !source ? [] : this.asIs ? source : source.map(this.render);
    return { cells, styles: this.from[i] === this.from[i + 1] ? NO_STYLES : this.rowStyles(i) };
  }

  /** Row i of the render (model row skip + i): its cells, undefined where the model has none and no format. */
  row(i: number): (RenderCell | undefined)[] {
    const source = this.source(i);
    const row: (RenderCell | undefined)[] = source ? source.map(this.render) : [];
    if (this.from[i] === this.from[i + 1]) return row;
    const styles = this.rowStyles(i);
    for (let c = 0; c < styles.length; c++) {
      const style = styles[c];
      if (style) (row[c] ??= { value: null as CellValue }).style = style;
    }
    return row;
  }

  /**
   * The style of each column of row i: its formats merged in order (a rendered cell has no style of its own). Rows
   * under the same formats share them: 得分's 5,000 unit rows are styled once.
   */
  private rowStyles(i: number): (CellStyle | undefined)[] {
    // Mostly the formats of the row asked for before (the rows come in order): no key made then.
    const last = this.lastRow;
    if (last >= 0 && this.sameFormats(last, i)) return this.lastStyles;
    let key = "";
    for (let j = this.from[i]; j < this.from[i + 1]; j++) key += `${this.alike[this.byRow[j]]},`;
    let styles = this.byFormats.get(key);
    if (!styles) this.byFormats.set(key, (styles = this.mergedStyles(i)));
    this.lastRow = i;
    this.lastStyles = styles;
    return styles;
  }

  private sameFormats(a: number, b: number): boolean {
    const n = this.from[a + 1] - this.from[a];
    if (n !== this.from[b + 1] - this.from[b]) return false;
    for (let j = 0; j < n; j++) if (this.alike[this.byRow[this.from[a] + j]] !== this.alike[this.byRow[this.from[b] + j]]) return false;
    return true;
  }

  private mergedStyles(i: number): (CellStyle | undefined)[] {
    const styles: (CellStyle | undefined)[] = [];
    for (let j = this.from[i]; j < this.from[i + 1]; j++) {
      const k = this.byRow[j];
      const f = this.applied[k];
      for (let c = f.left; c <= f.right; c++) styles[c] = this.styled(styles[c], k);
    }
    return styles;
  }

  /** A style under format k. */
  private styled(style: CellStyle | undefined, k: number): CellStyle {
    let under = this.next.get(style);
    if (!under) this.next.set(style, (under = new Map()));
    const givenKey = this.givenKeys[k];
    let next = under.get(givenKey);
    if (!next) {
      const given = this.applied[k].given;
      const made = style ? { ...style, ...given } : { ...given };
      const key = JSON.stringify(made);
      next = this.interned.get(key);
      if (!next) this.interned.set(key, (next = made));
      under.set(givenKey, next);
    }
    return next;
  }

  /**
   * The fields each format that styles a cell gives: a cell's style is made of these, so a check of their colours
   * covers every cell's (checkRender) without making a row.
   */
  givenStyles(): Partial<CellStyle>[] {
    return this.applied.filter((f) => f.top <= f.bottom && f.left <= f.right).map((f) => f.given);
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
  const render: SheetRender = lazyCells(
    { ...fields } as SheetRender,
    () => Array.from({ length: rows.height }, (_, i) => rows.row(i)),
    () => sources.delete(render)
  );
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

/** The styles a render's cells are made of: for a lazy one its formats' fields (see givenStyles), else each cell's. */
export function renderStyles(render: SheetRender): Partial<CellStyle>[] {
  const rows = sources.get(render);
  if (rows) return rows.givenStyles();
  const out = new Set<CellStyle>();
  for (const row of render.cells) for (const c of row) if (c?.style) out.add(c.style);
  return [...out];
}
