/**
 * Small operations on formula text that every host needs: walking only the code of a formula (never the inside of
 * a "string literal" or a 'quoted sheet name'), and moving relative row references as Excel moves a copied formula.
 */

/** A run of formula text: code, a "string literal", or a 'quoted sheet name' (quotes included). */
interface Segment {
  text: string;
  code: boolean;
}

/** Split a formula into code and quoted runs, so rewrites never touch text inside quotes. */
function segments(formula: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let start = 0;
  while (i < formula.length) {
    const q = formula[i];
    if (q !== '"' && q !== "'") {
      i++;
      continue;
    }
    if (i > start) out.push({ text: formula.slice(start, i), code: true });
    let j = i + 1;
    for (;;) {
      if (j >= formula.length) break;
      if (formula[j] === q) {
        if (formula[j + 1] === q)
          j += 2; // a doubled quote is an escaped quote
        else break;
      } else j++;
    }
    out.push({ text: formula.slice(i, j + 1), code: false });
    i = j + 1;
    start = i;
  }
  if (start < formula.length) out.push({ text: formula.slice(start), code: true });
  return out;
}

/** Apply `rewrite` to the code runs of a formula only. */
export function rewriteCode(formula: string, rewrite: (code: string) => string): string {
  return segments(formula)
    .map((s) => (s.code ? rewrite(s.text) : s.text))
    .join("");
}

// A1 reference: optional $, 1-3 letters, optional $, row digits; not part of a longer name, a number or a call.
const CELL_REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/g;
// Whole-row reference such as 3:5 or $3:$3.
const ROW_RANGE = /(?<![A-Za-z0-9_.$:])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![A-Za-z0-9_.(:])/g;

/**
 * The formula as if copied `by` rows down: relative row references move, $-anchored ones stay (Excel's rule for a
 * copied formula). Used when log rows are appended below the rows already in a sheet.
 */
export function shiftFormulaRows(formula: string, by: number): string {
  if (by === 0) return formula;
  const move = (anchor: string, row: string) => (anchor ? `${anchor}${row}` : String(Number(row) + by));
  return rewriteCode(formula, (code) =>
    code
      .replace(ROW_RANGE, (_m, a1: string, r1: string, a2: string, r2: string) => `${move(a1, r1)}:${move(a2, r2)}`)
      .replace(CELL_REF, (_m, ac: string, col: string, ar: string, row: string) => `${ac}${col}${ar ? ar + row : move("", row)}`)
  );
}

// Whole-column reference such as C:E or $B:$B.
const COLUMN_RANGE = /(?<![A-Za-z0-9_.$:])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(:!])/g;

const letters = (col: string) => {
  let n = 0;
  for (const ch of col.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};
const columnName = (n: number) => {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
/** One R1C1 part: "R5" absolute, "R[-2]" relative, "R" for the same row. */
const part = (axis: "R" | "C", anchored: boolean, at: number, here: number) =>
  anchored ? `${axis}${at}` : at === here ? axis : `${axis}[${at - here}]`;

/** Alternatives of one regular expression, so that nothing a replacement writes is matched again. */
const either = (...res: RegExp[]) => new RegExp(res.map((re) => `(?:${re.source})`).join("|"), "g");
const A1_REF = either(ROW_RANGE, COLUMN_RANGE, CELL_REF);

/**
 * A formula in R1C1 notation for the cell at 0-based `row`, `column`: the form Office.js `formulasR1C1` and ET's
 * `FormulaR1C1` take, which is the same text for every cell of a filled-down column. Cell, whole-row and
 * whole-column references are rewritten; string literals and quoted sheet names are left alone.
 */
export function toR1C1(formula: string, row: number, column: number): string {
  const r0 = row + 1;
  const c0 = column + 1;
  return rewriteCode(formula, (code) =>
    code.replace(A1_REF, (...m: (string | undefined)[]) => {
      const [, ra1, r1, ra2, r2, ka1, k1, ka2, k2, ac, col, ar, r] = m;
      if (r1 !== undefined) return `${part("R", !!ra1, Number(r1), r0)}:${part("R", !!ra2, Number(r2), r0)}`;
      if (k1 !== undefined) return `${part("C", !!ka1, letters(k1), c0)}:${part("C", !!ka2, letters(k2!), c0)}`;
      return `${part("R", !!ar, Number(r), r0)}${part("C", !!ac, letters(col!), c0)}`;
    })
  );
}

const R1C1_PART = String.raw`(?:\[(-?\d+)\]|(\d+))?`;
const R1C1_CELL = new RegExp(String.raw`(?<![A-Za-z0-9_.$])R${R1C1_PART}C${R1C1_PART}(?![A-Za-z0-9_.(\[!])`);
const R1C1_ROWS = new RegExp(String.raw`(?<![A-Za-z0-9_.$])R${R1C1_PART}:R${R1C1_PART}(?![A-Za-z0-9_.(\[!:])`);
const R1C1_COLUMNS = new RegExp(String.raw`(?<![A-Za-z0-9_.$:])C${R1C1_PART}:C${R1C1_PART}(?![A-Za-z0-9_.(\[!:])`);
/** Ranges first: "R2C3:R5C3" is two cells, "R2:R5" rows, "C3:C5" columns. */
const R1C1_REF = either(R1C1_ROWS, R1C1_COLUMNS, R1C1_CELL);

/** An R1C1 part back in A1: [offset] from `here`, a plain number absolute ($), neither the same row or column. */
const back = (rel: string | undefined, abs: string | undefined, here: number, name: (n: number) => string) =>
  abs !== undefined ? `$${name(Number(abs))}` : name(here + Number(rel ?? 0));

/** One R1C1 reference (the groups of an R1C1_REF match) in A1, for the cell at 1-based `r0`, `c0`. */
function refToA1(m: readonly (string | undefined)[], r0: number, c0: number): string {
  const [whole, r1, a1, r2, a2, c1, b1, c2, b2, rr, ra, cr, ca] = m;
  const rowName = (n: number) => String(n);
  if (whole!.startsWith("R") && whole!.includes(":") && !/C/.test(whole!))
    return `${back(r1, a1, r0, rowName)}:${back(r2, a2, r0, rowName)}`;
  if (whole!.startsWith("C")) return `${back(c1, b1, c0, columnName)}:${back(c2, b2, c0, columnName)}`;
  return `${back(cr, ca, c0, columnName)}${back(rr, ra, r0, rowName)}`;
}

/**
 * An R1C1 formula parsed once, giving its A1 form for any cell: what a whole column of one R1C1 formula shows,
 * cell by cell, without scanning the formula again for each (the test doubles fill 10,000-row columns with it).
 */
export function r1c1Template(formula: string): (row: number, column: number) => string {
  const pieces: (string | readonly (string | undefined)[])[] = [];
  for (const seg of segments(formula)) {
    if (!seg.code) {
      pieces.push(seg.text);
      continue;
    }
    let last = 0;
    for (const m of seg.text.matchAll(R1C1_REF)) {
      pieces.push(seg.text.slice(last, m.index), [...m]);
      last = m.index + m[0].length;
    }
    pieces.push(seg.text.slice(last));
  }
  return (row, column) => {
    let out = "";
    for (const p of pieces) out += typeof p === "string" ? p : refToA1(p, row + 1, column + 1);
    return out;
  };
}

/** The A1 formula an R1C1 formula stands for in the cell at 0-based `row`, `column` (what Excel shows there). */
export function fromR1C1(formula: string, row: number, column: number): string {
  return r1c1Template(formula)(row, column);
}
