/**
 * Grouping cells into rectangles, so a format goes to Excel as a few ranges instead of one range per cell.
 */
import { Area } from "../render-plan";

/**
 * Rectangles covering every cell whose key is defined, one list per key. Each row is cut into runs of equal keys;
 * a run that repeats the run right above it (same key, same columns) extends that rectangle downwards. For the
 * usual sheet — a format per column, a fill per row — this gives one rectangle per column or per row band.
 */
export function groupRects(
  rowCount: number,
  widthOf: (row: number) => number,
  keyAt: (row: number, col: number) => string | undefined
): Map<string, Area[]> {
  const out = new Map<string, Area[]>();
  let open = new Map<string, Area>();
  const keys: (string | undefined)[] = [];
  for (let r = 0; r < rowCount; r++) {
    const next = new Map<string, Area>();
    const width = widthOf(r);
    keys.length = width;
    for (let c = 0; c < width; c++) keys[c] = keyAt(r, c);
    let c = 0;
    while (c < width) {
      const key = keys[c];
      if (key === undefined) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < width && keys[end + 1] === key) end++;
      const runKey = `${key}\u0000${c}\u0000${end}`;
      let area = open.get(runKey);
      if (area) area.bottom = r;
      else {
        area = { top: r, left: c, bottom: r, right: end };
        const list = out.get(key);
        if (list) list.push(area);
        else out.set(key, [area]);
      }
      next.set(runKey, area);
      c = end + 1;
    }
    open = next;
  }
  return out;
}

/** Runs of equal numbers in a list (column widths), as [first, last, value]. */
export function equalRuns(values: readonly (number | undefined)[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  }
  return out;
}
