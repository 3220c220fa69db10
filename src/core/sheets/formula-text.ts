/** Literals and references as formula text, shared by every generated formula. */

/** A number as a formula literal: no exponent (1E-9 reads differently across engines), negatives in brackets. */
export function numberLiteral(x: number): string {
  let s = String(x);
  if (/e/i.test(s)) s = x.toFixed(20).replace(/\.?0+$/, "");
  return x < 0 ? `(${s})` : s;
}

/** A text as a formula string literal. */
export function textLiteral(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** "E9" → "$E$9"; "A35:B38" → "$A$35:$B$38". */
export function absolute(a1: string): string {
  return a1
    .split(":")
    .map((p) => p.replace(/^\$?([A-Z]+)\$?(\d+)$/i, "$$$1$$$2"))
    .join(":");
}
