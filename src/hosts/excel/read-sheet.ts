/**
 * Reading a clerk's sheet through Office.js without loading more than the data. "A range is limited to five million
 * cells for get operations … Range.values returns null instead" (Resource limits and performance optimization for
 * Office Add-ins), and Excel on the web refuses a response over 5 MB. One stray cell at AZ1048576 would make the used
 * range 54 million cells, so:
 *   1. the used range's extent is read (no values);
 *   2. when it holds more than READ_CELLS cells, the real data region is found from the used ranges of a few strips
 *      of it (one request per direction): the first strips that hold anything, up to the first empty one — a stray
 *      cell far below or to the right is left out; a region of more than MAX_REGION_CELLS is refused;
 *   3. the region is read in bands of rows, each under READ_CELLS cells and, with a byte budget, sized from the
 *      UTF-8 bytes the previous band measured; a band Excel answers with null is read again in halves.
 */
import { CellValue } from "../../core/sheet-model";
import { Area } from "../render-plan";
import { utf8Bytes } from "./apply-ops";

/** Cells per read: far under Excel's five million for values and formulas together. */
export const READ_CELLS = 1_000_000;
/** The most a clerk's data region may hold (forty times a 10,000-unit sheet of 50 columns). */
export const MAX_REGION_CELLS = 20_000_000;
/** Strips the used range is cut into to find the data region (one request whatever the sheet's size). */
const STRIPS = 64;
/** Rows of the first band under a byte budget, before any band was measured. */
const FIRST_BAND_ROWS = 200;

interface Extent {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

const cellCount = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);
const areaOf = (e: Extent): Area => ({
  top: e.rowIndex,
  left: e.columnIndex,
  bottom: e.rowIndex + e.rowCount - 1,
  right: e.columnIndex + e.columnCount - 1,
});

/** The used range's extent, read as the first step. */
export function usedExtent(used: Excel.Range): Area {
  return areaOf(used);
}

/**
 * The data region inside a used range too big to read whole: cut into strips along rows (then, if still too big,
 * along columns), the first non-empty strips up to an empty one. Throws a Chinese message if even that is too big.
 */
export async function dataRegion(ctx: Excel.RequestContext, ws: Excel.Worksheet, used: Area, sheet: string): Promise<Area> {
  let region = used;
  for (const across of [false, true]) {
    if (cellCount(region) <= READ_CELLS) return region;
    region = await firstBlock(ctx, ws, region, across);
  }
  if (cellCount(region) <= MAX_REGION_CELLS) return region;
  const rows = region.bottom - region.top + 1;
  const columns = region.right - region.left + 1;
  throw new Error(
    `工作表“${sheet}”的数据区域有 ${rows} 行 × ${columns} 列，超过考核助手能读取的 ${MAX_REGION_CELLS} 个单元格。请删除多余的行列后重试。`
  );
}

/** The bounding box of the first strips (rows, or columns when `across`) that hold anything, up to an empty one. */
async function firstBlock(ctx: Excel.RequestContext, ws: Excel.Worksheet, a: Area, across: boolean): Promise<Area> {
  const length = across ? a.right - a.left + 1 : a.bottom - a.top + 1;
  const size = Math.ceil(length / STRIPS);
  const strips: Excel.Range[] = [];
  for (let start = 0; start < length; start += size) {
    const n = Math.min(size, length - start);
    const strip = across
      ? ws.getRangeByIndexes(a.top, a.left + start, a.bottom - a.top + 1, n)
      : ws.getRangeByIndexes(a.top + start, a.left, n, a.right - a.left + 1);
    const used = strip.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    strips.push(used);
  }
  await ctx.sync();
  let box: Area | undefined;
  for (const used of strips) {
    if (used.isNullObject) {
      if (box) break;
      continue;
    }
    const s = areaOf(used);
    box = box
      ? {
          top: Math.min(box.top, s.top),
          left: Math.min(box.left, s.left),
          bottom: Math.max(box.bottom, s.bottom),
          right: Math.max(box.right, s.right),
        }
      : s;
  }
  return box ?? a;
}

/** Values and formulas of a region, in bands of rows (see the header); `budget` is the response size allowed. */
export async function readBands(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  a: Area,
  budget: number
): Promise<[CellValue[][], unknown[][]]> {
  const values: CellValue[][] = [];
  const formulas: unknown[][] = [];
  const columns = a.right - a.left + 1;
  const cap = Math.max(1, Math.floor(READ_CELLS / columns));
  let band = Number.isFinite(budget) ? Math.min(cap, FIRST_BAND_ROWS) : cap;
  for (let r = a.top; r <= a.bottom;) {
    const rows = Math.min(band, a.bottom - r + 1);
    const part = ws.getRangeByIndexes(r, a.left, rows, columns);
    part.load("values,formulas");
    await ctx.sync();
    if (!part.values || !part.formulas) {
      // Too much for one response (Excel gives null): the same rows again, in halves.
      if (rows === 1) throw new Error(`第 ${r + 1} 行无法读取：Excel 没有返回它的内容。`);
      band = Math.ceil(rows / 2);
      continue;
    }
    values.push(...(part.values as CellValue[][]));
    formulas.push(...part.formulas);
    r += rows;
    if (Number.isFinite(budget)) {
      // The next band from what this one measured: UTF-8 bytes of its values and formulas, a fifth kept spare.
      const perRow = (utf8Bytes(JSON.stringify(part.values)) + utf8Bytes(JSON.stringify(part.formulas))) / rows;
      band = Math.max(1, Math.min(cap, Math.floor((budget * 0.8) / Math.max(1, perRow))));
    }
  }
  return [values, formulas];
}
