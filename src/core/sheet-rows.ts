/**
 * A model whose body rows are made when asked, not kept. 得分 and 读数 have a row per unit: at 5,000 units that is
 * 700,000 cells, which kept as objects were most of kh's memory (73 MB of 120 at the save) and of its garbage
 * collection. A host that writes rows one at a time (the .xlsx host) reads them with modelRow, so each row's cells
 * die young; `cells` is still the whole grid for everything else — made once, on first read, and from then on the
 * grid the model is (changes to it are seen by modelRow too).
 */
import { ModelCell, SheetModel } from "./sheet-model";

export interface RowSource {
  /** Rows above the body (title, headers). */
  head: readonly ModelCell[][];
  /** How many body rows there are. */
  count: number;
  /** Body row i's cells, made anew on each call (the same cells each time). */
  row(i: number): ModelCell[];
  /** Rows below the body. */
  tail?: readonly ModelCell[][];
  /**
   * Every number of the body's cells, with its body row and column (in any order), read from where the rows are
   * made from, without making them: a check of the numbers (checkModelNumbers) would otherwise make every row
   * once more (at 5,000 units, 700,000 cells for nothing but their values).
   */
  numbers?(visit: (value: number, i: number, column: number) => void): void;
}

/** The models whose `cells` have not been read yet, with their rows' source. */
const sources = new WeakMap<SheetModel, RowSource>();

/**
 * A model of `fields` whose cells are `rows`. A copy by spread ({ ...model }) reads `cells` and so holds the grid:
 * only withName keeps a model lazy.
 */
export function lazyModel(fields: Omit<SheetModel, "cells">, rows: RowSource): SheetModel {
  const model: SheetModel = lazyCells(
    { ...fields } as SheetModel,
    () => [...rows.head, ...Array.from({ length: rows.count }, (_, i) => rows.row(i)), ...(rows.tail ?? [])],
    () => sources.delete(model)
  );
  sources.set(model, rows);
  return model;
}

/**
 * `cells` on `target` as the grid `make` builds on first read (or the one assigned), after which `forget` drops the
 * target's row source: the lazy property of both the models here and the hosts' renders (render-rows.ts).
 */
export function lazyCells<T extends { cells: unknown }>(target: T, make: () => T["cells"], forget: () => void): T {
  let grid: T["cells"] | undefined;
  Object.defineProperty(target, "cells", {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!grid) {
        grid = make();
        forget();
      }
      return grid;
    },
    set: (cells: T["cells"]) => {
      grid = cells;
      forget();
    },
  });
  return target;
}

/** The model under another name (planWrite), still lazy when it was. */
export function withName(model: SheetModel, name: string): SheetModel {
  const rows = sources.get(model);
  if (!rows) return { ...model, name };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(model)) if (key !== "cells") fields[key] = (model as unknown as Record<string, unknown>)[key];
  return lazyModel({ ...(fields as Omit<SheetModel, "cells">), name }, rows);
}

/** How many rows a model has. */
export function modelHeight(model: SheetModel): number {
  const rows = sources.get(model);
  return rows ? rows.head.length + rows.count + (rows.tail?.length ?? 0) : model.cells.length;
}

/** Row r of a model (0-based): made now for a lazy model's body, else the row it holds. */
export function modelRow(model: SheetModel, r: number): ModelCell[] {
  const rows = sources.get(model);
  if (!rows) return model.cells[r];
  if (r < rows.head.length) return rows.head[r];
  const i = r - rows.head.length;
  return i < rows.count ? rows.row(i) : (rows.tail?.[i - rows.count] ?? []);
}

/** Every number in a model's cells, with its row and column: a lazy model's body's from its source when it can. */
export function forEachNumber(model: SheetModel, visit: (value: number, r: number, column: number) => void): void {
  const inRow = (row: readonly ModelCell[], r: number) =>
    row.forEach((cell, c) => typeof cell?.value === "number" && visit(cell.value, r, c));
  const rows = sources.get(model);
  if (!rows?.numbers) return forEachRow(model, inRow);
  rows.head.forEach((row, k) => inRow(row, k));
  rows.numbers((value, i, c) => visit(value, rows.head.length + i, c));
  rows.tail?.forEach((row, k) => inRow(row, rows.head.length + rows.count + k));
}

/** Each row of a model in order, a lazy one's made one at a time. */
export function forEachRow(model: SheetModel, visit: (row: ModelCell[], r: number) => void): void {
  const height = modelHeight(model);
  for (let r = 0; r < height; r++) visit(modelRow(model, r), r);
}
