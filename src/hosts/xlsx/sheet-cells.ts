/**
 * The cells of a worksheet's <sheetData>, read from its XML a piece at a time (package-reader's rules, which its
 * header lists): `scan` reads the rows and cells of a stretch of text and says how far it got, so that a cell cut
 * off at the end of a piece is read with the next one. A cell's tag and its `<v>` are read by character codes
 * where they are plain (tag-scan), and with the regular expressions of old where they are not (formulas, inline
 * strings, a tag that is not name="value" pairs), so both read alike.
 */
import { CellValue, columnIndex } from "../../core/sheet-model";
import type { CellNote } from "../../core/data-table";
import { SheetData } from "../host";
import { blankMergedTails } from "../render-plan";
import { CellGrid } from "./cell-grid";
import { slideFormula } from "./slide-formula";
import { fromFileFormula } from "./xlsx-formulas";
import { cellTextUnescape, xmlDecode } from "./xml-text";
import { AttributeWalk, allDigits, allWord, isWordChar, nameIs, numberAt, textIs } from "./tag-scan";

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = 25569;
const OFFSET_1904 = 1462;

/** The plain text of a string item (<si>, <is>): its <t>s, in runs or not, without phonetic guides (<rPh>). */
export function itemText(xml: string): string {
  const body = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += m[1];
  return cellTextUnescape(xmlDecode(out));
}

/** An ISO date cell's serial number. */
function isoSerial(text: string, date1904: boolean): CellValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
  if (Number.isNaN(ms)) return text;
  return Math.round((ms / MS_PER_DAY + EPOCH_1900 - (date1904 ? OFFSET_1904 : 0)) * 1e9) / 1e9;
}

/** The value of a `<v>`'s text by the cell's type (t), other than a shared string's or a number's. */
function textValue(type: string, text: string, date1904: boolean): CellValue {
  switch (type) {
    case "str":
      return cellTextUnescape(xmlDecode(text));
    case "b":
      return Number(text) !== 0;
    case "e":
      return xmlDecode(text);
    default:
      return isoSerial(xmlDecode(text), date1904);
  }
}

/** What rowTag and cell give when the element's end is not in the text yet. */
const OPEN = -1;
const GT = 62;
const SLASH = 47;
const DOLLAR = 36;

/** A cell's start tag as read: its place (when it has r=), type, style and whether it has cell metadata (cm). */
interface CellTag {
  row: number;
  column: number;
  hasRef: boolean;
  type: string;
  style: number;
  hasCm: boolean;
}

export class SheetCells {
  private readonly grid = new CellGrid();
  /** Shared formulas by si: the first cell's formula as stored, and where it is. */
  private readonly shared = new Map<string, { text: string; r: number; c: number }>();
  private readonly spills: string[] = [];
  private readonly walk = new AttributeWalk();
  private readonly tag: CellTag = { row: 0, column: 0, hasRef: false, type: "n", style: -1, hasCm: false };
  private row = -1;
  private column = -1;
  private vEnd = 0;
  /** A shared-string cell was read before the strings were given (useStrings). */
  missedStrings = false;

  constructor(
    private strings: readonly string[] | undefined,
    private readonly date1904: boolean,
    private readonly dates: ReadonlySet<number>
  ) {}

  useStrings(strings: readonly string[]): void {
    this.strings = strings;
  }

  /**
   * Read the rows and cells in text[from, to). `final`: nothing follows, so a tag or cell left open is passed
   * over (as a regular expression over the whole text does); otherwise reading stops at it. Returns where it
   * stopped: what is left is to be given again, with what follows.
   */
  scan(text: string, from: number, to: number, final: boolean): number {
    let p = from;
    for (;;) {
      const lt = text.indexOf("<", p);
      if (lt < 0 || lt >= to) return to;
      if (!final && lt + 5 > to) return lt; // too little to tell what it is
      const ch = text.charCodeAt(lt + 1);
      let next = lt + 1;
      if (ch === 114 && text.startsWith("row", lt + 1) && !isWordChar(text.charCodeAt(lt + 4))) next = this.rowTag(text, lt, to);
      else if (ch === 99 && !isWordChar(text.charCodeAt(lt + 2))) next = this.cell(text, lt, to);
      if (next !== OPEN) p = next;
      else if (final) p = lt + 1;
      else return lt;
    }
  }

  /** The sheet read, with its merged areas. */
  finish(name: string, merges: string[]): SheetData {
    const { values, formulas, notes } = this.grid.grids();
    blankMergedTails(values, formulas, merges);
    const spills = this.spills;
    return { name, values, formulas, merges, ...(notes ? { notes } : {}), ...(spills.length ? { spills } : {}) };
  }

  /** A `<row …>` at lt: where reading goes on, or OPEN when its end is not in text[…, to). */
  private rowTag(text: string, lt: number, to: number): number {
    const gt = text.indexOf(">", lt);
    if (gt < 0 || gt >= to) return OPEN;
    const end = text.charCodeAt(gt - 1) === SLASH ? gt - 1 : gt;
    const r = this.rowNumber(text, lt + 4, end);
    this.row = r === undefined ? this.row + 1 : r - 1;
    this.column = -1;
    return gt + 1;
  }

  /** The row's r= (`\br\s*=\s*["'](\d+)["']`). */
  private rowNumber(text: string, from: number, to: number): number | undefined {
    const w = this.walk.start(text, from, to);
    let more = w.next();
    for (; more; more = w.next()) {
      if (nameIs(text, w.nameStart, w.nameEnd, "r") && allDigits(text, w.valueStart, w.valueEnd))
        return numberAt(text, w.valueStart, w.valueEnd);
    }
    if (more === false) return undefined;
    const m = /\br\s*=\s*["'](\d+)["']/.exec(text.slice(from, to));
    return m ? Number(m[1]) : undefined;
  }

  /** A `<c …/>` or `<c …>…</c>` at lt: where reading goes on, or OPEN when its end is not in text[…, to). */
  private cell(text: string, lt: number, to: number): number {
    const gt = text.indexOf(">", lt);
    if (gt < 0 || gt >= to) return OPEN;
    const closed = text.charCodeAt(gt - 1) === SLASH;
    let close = -1;
    if (!closed) {
      close = text.indexOf("</c>", gt + 1);
      if (close < 0 || close + 4 > to) return OPEN;
    }
    const tag = this.cellTag(text, lt + 2, closed ? gt - 1 : gt);
    if (tag.hasRef) {
      this.row = tag.row;
      this.column = tag.column;
    } else this.column++;
    if (!closed && close > gt + 1) this.content(text, gt + 1, close, tag);
    return closed ? gt + 1 : close + 4;
  }

  /** The cell's content, text[from, to) (between its tags), into the grid. */
  private content(text: string, from: number, to: number, tag: CellTag): void {
    const { row, column } = this;
    const { type } = tag;
    const plain = type !== "inlineStr" && !hasFormula(text, from, to);
    const inner = plain ? "" : text.slice(from, to);
    const formula = plain ? null : this.formula(inner, tag);
    const value = plain ? this.plainValue(text, from, to, type) : cellValue(type, inner, this.strings ?? [], this.date1904);
    if (type === "s" && !this.strings) this.missedStrings = true;
    let note: CellNote | undefined;
    // No <v>…</v> (absent, or an empty <v/>): the file holds no result for the formula.
    if (formula !== null && type !== "inlineStr" && !/<v(?:\s[^>]*)?>[\s\S]*?<\/v>/.test(inner)) note = "uncached";
    else if (typeof value === "number" && (type === "n" || type === "d")) {
      if (type === "d" || (tag.style >= 0 && this.dates.has(tag.style))) note = "date";
    }
    this.grid.add(row, column, value, formula, note);
  }

  /** The value of a cell without a formula or inline string, from its first `<v>…</v>` (`/<v>([^<]*)<\/v>/`). */
  private plainValue(text: string, from: number, to: number, type: string): CellValue {
    const a = this.vText(text, from, to);
    if (a < 0) return null;
    const b = this.vEnd;
    if (type === "s") return this.strings?.[numberAt(text, a, b)] ?? null;
    if (type !== "str" && type !== "b" && type !== "e" && type !== "d") {
      if (a === b) return null;
      const n = numberAt(text, a, b);
      return Number.isNaN(n) ? xmlDecode(text.slice(a, b)) : n;
    }
    return textValue(type, text.slice(a, b), this.date1904);
  }

  /** Where the text of the first `<v>…</v>` holding no "<" in text[from, to) starts (its end in vEnd); -1 when none. */
  private vText(text: string, from: number, to: number): number {
    for (let p = text.indexOf("<", from); p >= 0 && p < to; p = text.indexOf("<", p + 1)) {
      if (text.charCodeAt(p + 1) !== 118 || text.charCodeAt(p + 2) !== GT) continue;
      const q = text.indexOf("<", p + 3);
      if (q >= 0 && q < to && text.startsWith("</v>", q)) {
        this.vEnd = q;
        return p + 3;
      }
    }
    return -1;
  }

  /** The cell's formula (moved from the first cell of a shared one), noting a spill; null when none. */
  private formula(inner: string, tag: CellTag): string | null {
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
    if (!f) return null;
    const { row, column } = this;
    let formula: string | null = null;
    const fa = f[1];
    const stored = f[2] === undefined ? "" : xmlDecode(f[2]);
    const si = /\bsi\s*=\s*["'](\d+)["']/.exec(fa)?.[1];
    if (/\bt\s*=\s*["']shared["']/.test(fa) && si !== undefined) {
      const master = this.shared.get(si);
      if (stored) this.shared.set(si, { text: stored, r: row, c: column });
      const text = stored || (master ? slideFormula(master.text, row - master.r, column - master.c) : "");
      formula = text ? fromFileFormula(text) : null;
    } else if (stored) formula = fromFileFormula(stored);
    // A dynamic array (dynamic-arrays.ts): an array formula whose cell has cell metadata.
    const ref = /\bref\s*=\s*["']([A-Za-z$0-9:]+)["']/.exec(fa)?.[1];
    if (ref && /\bt\s*=\s*["']array["']/.test(fa) && tag.hasCm) this.spills.push(ref.replace(/\$/g, ""));
    return formula;
  }

  /** The attributes of a cell's start tag, text[from, to) after "<c". */
  private cellTag(text: string, from: number, to: number): CellTag {
    const tag = this.tag;
    tag.hasRef = false;
    tag.type = "";
    tag.style = -1;
    tag.hasCm = false;
    const w = this.walk.start(text, from, to);
    let more = w.next();
    for (; more; more = w.next()) {
      const { nameStart: ns, nameEnd: ne, valueStart: vs, valueEnd: ve } = w;
      if (!tag.hasRef && nameIs(text, ns, ne, "r")) this.cellRef(text, vs, ve, tag);
      else if (!tag.type && nameIs(text, ns, ne, "t") && allWord(text, vs, ve)) tag.type = typeName(text, vs, ve);
      else if (tag.style < 0 && nameIs(text, ns, ne, "s") && allDigits(text, vs, ve)) tag.style = numberAt(text, vs, ve);
      else if (nameIs(text, ns, ne, "cm")) tag.hasCm = true;
    }
    if (more === undefined) return regexCellTag(text.slice(from, to), tag);
    tag.type ||= "n";
    return tag;
  }

  /** r="$A$1" (`\$?([A-Za-z]+)\$?(\d+)`): sets the tag's row and column when it fits. */
  private cellRef(text: string, a: number, b: number, tag: CellTag): void {
    let p = a;
    if (p < b && text.charCodeAt(p) === DOLLAR) p++;
    let column = 0;
    const letters = p;
    for (let ch = text.charCodeAt(p); p < b && ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)); ch = text.charCodeAt(++p)) {
      column = column * 26 + ((ch >= 97 ? ch - 32 : ch) - 64);
    }
    if (p === letters) return;
    if (p < b && text.charCodeAt(p) === DOLLAR) p++;
    if (!allDigits(text, p, b)) return;
    tag.hasRef = true;
    tag.row = numberAt(text, p, b) - 1;
    tag.column = column - 1;
  }
}

/** The types a cell's t= names, as shared strings (one string each, not a substring per cell). */
const TYPES = ["n", "s", "str", "b", "e", "d", "inlineStr"];

function typeName(text: string, a: number, b: number): string {
  for (const t of TYPES) if (textIs(text, a, b, t)) return t;
  return text.slice(a, b);
}

/** A cell tag read with the regular expressions of old: one that is not plain name="value" pairs. */
function regexCellTag(attrs: string, tag: CellTag): CellTag {
  const ref = /\br\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)["']/.exec(attrs);
  tag.hasRef = !!ref;
  if (ref) {
    tag.row = Number(ref[2]) - 1;
    tag.column = columnIndex(ref[1]);
  }
  tag.type = /\bt\s*=\s*["'](\w+)["']/.exec(attrs)?.[1] ?? "n";
  const s = /\bs\s*=\s*["'](\d+)["']/.exec(attrs)?.[1];
  tag.style = s === undefined ? -1 : Number(s);
  tag.hasCm = /\bcm\s*=/.test(attrs);
  return tag;
}

/** Is there a `<f` in text[from, to)? */
function hasFormula(text: string, from: number, to: number): boolean {
  for (let p = text.indexOf("<", from); p >= 0 && p < to; p = text.indexOf("<", p + 1)) if (text.charCodeAt(p + 1) === 102) return true;
  return false;
}

/** A cell's value from its content as text, with the regular expressions of old (inline strings, formulas). */
function cellValue(type: string, inner: string, strings: readonly string[], date1904: boolean): CellValue {
  if (type === "inlineStr") {
    // An empty inline string is a blank cell (as exceljs reads it too).
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    const text = is ? itemText(is[1]) : "";
    return text === "" ? null : text;
  }
  const v = /<v>([^<]*)<\/v>/.exec(inner);
  if (!v) return null;
  const text = v[1];
  if (type === "s") return strings[Number(text)] ?? null;
  if (type === "str" || type === "b" || type === "e" || type === "d") return textValue(type, text, date1904);
  if (text === "") return null;
  const n = Number(text);
  return Number.isNaN(n) ? xmlDecode(text) : n;
}
