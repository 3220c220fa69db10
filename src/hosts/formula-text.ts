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
