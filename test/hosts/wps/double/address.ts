/**
 * A1 addresses for the ET double: "A1", "$B$2:D9", "3:3", "A:C". Rows and columns are 1-based, as in ET.
 */
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function part(p: string): { row?: number; col?: number } {
  const m = /^\$?([A-Z]*)\$?(\d*)$/i.exec(p.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`ET double: bad address part "${p}"`);
  return { col: m[1] ? colNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

export function parseAddress(address: string): Rect {
  const [a, b = a] = address.split(":");
  const p = part(a);
  const q = part(b);
  const rowsGiven = p.row !== undefined;
  const colsGiven = p.col !== undefined;
  const rect = {
    r0: rowsGiven ? p.row! : 1,
    r1: rowsGiven ? (q.row ?? p.row!) : MAX_ROW,
    c0: colsGiven ? p.col! : 1,
    c1: colsGiven ? (q.col ?? p.col!) : MAX_COL,
  };
  if (rect.r0 > rect.r1 || rect.c0 > rect.c1 || rect.r0 < 1 || rect.c0 < 1) throw new Error(`ET double: bad address "${address}"`);
  return rect;
}

export function formatAddress(rect: Rect, absolute = true): string {
  const d = absolute ? "$" : "";
  const one = (r: number, c: number) => `${d}${colLetters(c)}${d}${r}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return one(rect.r0, rect.c0);
  return `${one(rect.r0, rect.c0)}:${one(rect.r1, rect.c1)}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r0 && r <= outer.r1 && c >= outer.c0 && c <= outer.c1;
}
