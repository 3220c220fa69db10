/** Rounding as Excel does it, and the 9-decimal equality that ranking and ties use (SPEC §2.1). */

/**
 * Excel's ROUND: half away from zero, on the decimal value a clerk sees (so 1.005 → 1.01 and 80.125 → 80.13,
 * although neither is exact in binary). The value is first cut to 15 significant digits, as Excel does.
 */
export function excelRound(x: number, digits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const sign = x < 0 ? -1 : 1;
  const abs = Number(Math.abs(x).toPrecision(15));
  return sign * unshift(roundShifted(abs, digits), digits);
}

/** 10^0 … 10^22, each exact (from its decimal literal, not from Math.pow). */
export const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Math.round(shiftDecimal(x, digits)) for x ≥ 0, without the string when it cannot matter: the product x·10^digits
 * and the decimal text's value differ by a few units in the last place at most, so unless the product is that close
 * to a half (80.125 → 8012.5 exactly, or 8012.499999…) both round to the same whole number.
 */
function roundShifted(x: number, digits: number): number {
  const power = POWERS_OF_TEN[digits];
  const y = power === undefined ? NaN : x * power;
  if (y < 2 ** 52 && Math.abs(y - Math.floor(y) - 0.5) > y * 2 ** -46) return Math.round(y);
  return Math.round(shiftDecimal(x, digits));
}

/**
 * n·10^−digits for a whole n ≥ 0: a division when n and the power of ten are exact doubles, since IEEE division
 * rounds the exact quotient just as reading the decimal text does (the same number, without building a string).
 */
function unshift(n: number, digits: number): number {
  const power = POWERS_OF_TEN[digits];
  return power !== undefined && n <= Number.MAX_SAFE_INTEGER ? n / power : shiftDecimal(n, -digits);
}

/** x·10^places computed on the decimal text, so no binary error creeps in (1.005 → 100.5, not 100.49999…). */
function shiftDecimal(x: number, places: number): number {
  // String(x) may itself be in exponent form (1e+21, 2.5e-7): add to its exponent rather than append a second one.
  const [mantissa, exponent = "0"] = String(x).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** The value two numbers must share to count as equal for ranking and ties: rounded to 9 decimals. */
export function tieKey(x: number): number {
  // Math.round(x·1e9) is exact enough while x·1e9 < 2^53; beyond that the number has no 9th decimal anyway.
  if (Math.abs(x) < 9e6) return Math.round(x * 1e9) / 1e9;
  return x;
}

export function sameValue(a: number, b: number): boolean {
  return tieKey(a) === tieKey(b);
}
