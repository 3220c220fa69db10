/**
 * Reading the ET object model safely across WPS builds: some builds expose properties (Count, Name, Row, MergeCells)
 * as methods, ranges come back as a scalar for one cell and as rows for more, and colours are BGR integers.
 */
import { Colour } from "../../core/sheet-model";
import { Prop } from "./et";

/** A property's value, whether this build exposes it as a property or as a method. */
export function prop<T>(value: Prop<T>): T {
  return typeof value === "function" ? (value as () => T)() : value;
}

/** "#RRGGBB" → the BGR integer ET's Color properties take (red + green·256 + blue·65536). */
export function bgr(colour: Colour): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (!m) throw new Error(`无法识别的颜色：${colour}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return r + g * 256 + b * 65536;
}

/** A BGR integer → "#RRGGBB" (upper case), for reading colours back. */
export function colourOf(value: number): Colour {
  const hex = (n: number) => n.toString(16).padStart(2, "0").toUpperCase();
  return `#${hex(value & 0xff)}${hex((value >> 8) & 0xff)}${hex((value >> 16) & 0xff)}`;
}

/**
 * A Value2/Formula read as rows: ET returns a scalar for a single cell and rows for a larger range; some builds
 * return a flat array for a single row. Always gives `rows` × `columns`, missing cells as undefined.
 */
export function asRows(raw: unknown, rows: number, columns: number): unknown[][] {
  let grid: unknown[][];
  if (Array.isArray(raw))
    grid =
      raw.length > 0 && Array.isArray(raw[0]) ? (raw as unknown[][]) : rows === 1 ? [raw as unknown[]] : (raw as unknown[]).map((v) => [v]);
  else grid = [[raw]];
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = grid[r] ?? [];
    const row: unknown[] = new Array(columns);
    for (let c = 0; c < columns; c++) row[c] = src[c];
    out.push(row);
  }
  return out;
}
