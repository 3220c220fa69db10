/**
 * Reading the start tags and numbers of a worksheet's cells by character codes, where the text is, without a
 * substring or a match array for each (225,000 cells at 5,000 units made 1.5 million of them). Each helper
 * gives what the reader's regular expressions gave (package-reader's history): `\bname\s*=\s*"…"` takes the
 * first attribute whose name is `name` or ends in `:name` (or `-name`, `.name`) and whose value fits.
 */
import { POWERS_OF_TEN } from "../../core/round";

/** [A-Za-z0-9_], the characters of `\w`. */
export function isWordChar(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95;
}

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57;
}

/** XML's white space (the only kind a well-formed tag has between its parts). */
function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

/**
 * Number(text[a, b)) without the substring, where the text is plain decimal (-?digits[.digits], at most 15
 * digits): an integer under 2^53 divided by an exact power of ten is rounded once, so it is exactly the number
 * Number() reads. NaN for anything else (the caller then asks Number()).
 */
export function plainNumber(text: string, a: number, b: number): number {
  let p = a;
  const negative = p < b && text.charCodeAt(p) === 45;
  if (negative) p++;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; p < b; p++) {
    const ch = text.charCodeAt(p);
    if (isDigit(ch)) {
      m = m * 10 + (ch - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (ch === 46 && scale < 0) scale = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = scale > 0 ? m / POWERS_OF_TEN[scale] : m;
  return negative ? -v : v;
}

/** Number() of text[a, b), through plainNumber where it can. */
export function numberAt(text: string, a: number, b: number): number {
  const n = plainNumber(text, a, b);
  return Number.isNaN(n) ? Number(text.slice(a, b)) : n;
}

/** Are text[a, b) all digits (and some)? */
export function allDigits(text: string, a: number, b: number): boolean {
  if (a >= b) return false;
  for (let p = a; p < b; p++) if (!isDigit(text.charCodeAt(p))) return false;
  return true;
}

/** Are text[a, b) all word characters (and some)? */
export function allWord(text: string, a: number, b: number): boolean {
  if (a >= b) return false;
  for (let p = a; p < b; p++) if (!isWordChar(text.charCodeAt(p))) return false;
  return true;
}

/** Is text[a, b) exactly `s`? */
export function textIs(text: string, a: number, b: number, s: string): boolean {
  return b - a === s.length && text.startsWith(s, a);
}

/** Does the attribute name text[a, b) match `\bname` (the name itself, or after a ":", "-" or ".")? */
export function nameIs(text: string, a: number, b: number, name: string): boolean {
  const n = name.length;
  if (b - a < n || !text.startsWith(name, b - n)) return false;
  return b - a === n || !isWordChar(text.charCodeAt(b - n - 1));
}

/**
 * The attributes of a start tag, one after another: `next()` moves to the following one and sets where its name
 * and (unquoted) value are. One object is used for every tag.
 */
export class AttributeWalk {
  private text = "";
  private at = 0;
  private end = 0;
  nameStart = 0;
  nameEnd = 0;
  valueStart = 0;
  valueEnd = 0;

  /** Walk text[from, to), the part of a start tag after its name (without "/>" or ">"). */
  start(text: string, from: number, to: number): this {
    this.text = text;
    this.at = from;
    this.end = to;
    return this;
  }

  /** true: an attribute; false: none left; undefined: the tag is not the plain name="value" kind. */
  next(): boolean | undefined {
    const { text, end } = this;
    let p = this.skipSpace(this.at);
    if (p >= end) return false;
    if (p === this.at) return undefined; // attributes stand after white space
    this.nameStart = p;
    while (p < end) {
      const ch = text.charCodeAt(p);
      if (ch === 61 || isSpace(ch) || ch === 34 || ch === 39 || ch === 60 || ch === 62 || ch === 47) break;
      p++;
    }
    this.nameEnd = p;
    p = this.skipSpace(p);
    if (this.nameEnd === this.nameStart || p >= end || text.charCodeAt(p) !== 61) return undefined;
    p = this.skipSpace(p + 1);
    const quote = text.charCodeAt(p);
    if (p >= end || (quote !== 34 && quote !== 39)) return undefined;
    const close = text.indexOf(quote === 34 ? '"' : "'", p + 1);
    if (close < 0 || close >= end) return undefined;
    this.valueStart = p + 1;
    this.valueEnd = close;
    this.at = close + 1;
    return true;
  }

  private skipSpace(p: number): number {
    while (p < this.end && isSpace(this.text.charCodeAt(p))) p++;
    return p;
  }
}
