/**
 * A worksheet's XML read as it is inflated, a piece at a time, so that neither its text (6.7 MB at 5,000 units)
 * nor its bytes are ever whole in memory: the text before <sheetData> is kept (it is short), the rows and cells
 * are read as they come (SheetCells) and only a cell cut off at the end of a piece waits for the next, and the
 * text after </sheetData> (where <mergeCells> is) is kept.
 *
 * Each piece is cut after its last ">" and spelt as namespaces.ts's normalPart spells the whole part: none of its
 * patterns (a Strict name, conformance="strict", `<x:`) holds a ">", so none is ever cut in two. What spelling
 * to use is known from the root element; a piece that would change it (a Strict name in a Transitional part, a
 * SpreadsheetML prefix declared further in) makes the reader read the part whole instead (Restart), as it does
 * when a part ends inside <sheetData>. No real file does either; a cut-off file is then reported as before.
 */
import { SheetData } from "../host";
import { MAIN_NS, STRICT_MAIN_NS, isStrict, prefixesOf, transitionalName } from "./namespaces";
import { SheetCells } from "./sheet-cells";
import { attributes, elements, findElement, findStartTag } from "./xml-text";

/** The part cannot be read a piece at a time exactly as whole: read it whole. */
export class Restart extends Error {}

const STRICT_NAME = /http:\/\/purl\.oclc\.org\/ooxml\/[\w./-]+/g;
const CONFORMANCE = /\s+conformance\s*=\s*("strict"|'strict')/;
/** The root element's start tag (the first tag that is not <?…?> or <!…>), as unprefixed finds it. */
const ROOT = /<(?![?!])[^>]*>/;

/** The SpreadsheetML prefixes a piece of a part binds (after Strict names are made Transitional). */
function mainPrefixes(xml: string): string[] {
  return [...prefixesOf(xml, MAIN_NS), ...prefixesOf(xml, STRICT_MAIN_NS)];
}

/** normalPart (toTransitional, then unprefixed) done a piece at a time, as found from the root element. */
class PartSpelling {
  private readonly strict: boolean;
  private readonly prefixes: readonly string[];
  private readonly unprefix: RegExp[];
  private conformanceLeft: boolean;

  constructor(start: string) {
    this.strict = isStrict(start);
    this.conformanceLeft = this.strict;
    this.prefixes = mainPrefixes(this.strict ? start.replace(STRICT_NAME, transitionalName) : start);
    this.unprefix = this.prefixes.map((p) => new RegExp(`<(/?)${p.replace(/[.-]/g, "\\$&")}:`, "g"));
  }

  /** The piece in the part's usual spelling; Restart when the piece shows the spelling is not what was found. */
  apply(piece: string): string {
    if (!this.strict && isStrict(piece)) throw new Restart("a Strict name in a Transitional part");
    let out = this.strict ? piece.replace(STRICT_NAME, transitionalName) : piece;
    if (this.conformanceLeft && CONFORMANCE.test(out)) {
      out = out.replace(CONFORMANCE, "");
      this.conformanceLeft = false;
    }
    if (out.includes("xmlns:") && mainPrefixes(out).some((p) => !this.prefixes.includes(p)))
      throw new Restart("a SpreadsheetML prefix further in");
    for (const pattern of this.unprefix) out = out.replace(pattern, "<$1");
    return out;
  }
}

const SHEET_DATA_END = "</sheetData>";
/** How a worksheet part ends: `</worksheet>`, any prefix, then only white space. */
export const WORKSHEET_END = /<\/(?:\w+:)?worksheet>\s*$/;

export class SheetStream {
  private phase: "head" | "body" | "tail" = "head";
  /** Text not cut into a piece yet (after the last ">"); before the root element is found, all of it. */
  private raw = "";
  private spelling?: PartSpelling;
  /** The text before <sheetData …>; while looking for it, all the text so far. */
  private head = "";
  private headSearch = 0;
  /** Text of <sheetData> not read yet, and from where </sheetData> may be in it. */
  private pending = "";
  private endSearch = 0;
  private tail = "";
  /** The text from the last "<" on: what tells whether the part ends as a worksheet. */
  private last = "";

  /**
   * `spell`: spell the text as normalPart would (a part as read from the package); without it, the text is
   * taken as it is (parseSheet's whole text).
   */
  constructor(
    private readonly cells: SheetCells,
    private readonly spell: boolean
  ) {}

  /** The next piece of the text, cut and spelt; "" until there is one. Give it to `read` (after cut). */
  cut(text: string): string {
    this.raw += text;
    if (this.spell && !this.spelling) {
      if (!ROOT.test(this.raw)) return "";
      this.spelling = new PartSpelling(this.raw.slice(0, this.raw.lastIndexOf(">") + 1));
    }
    const end = this.raw.lastIndexOf(">") + 1;
    if (end === 0) return "";
    const piece = this.raw.slice(0, end);
    this.raw = this.raw.slice(end);
    return this.spelling ? this.spelling.apply(piece) : piece;
  }

  /** What is left at the end, spelt ("" when nothing). */
  rest(): string {
    if (this.spell && !this.spelling) throw new Restart("no root element");
    const piece = this.raw;
    this.raw = "";
    return this.spelling && piece ? this.spelling.apply(piece) : piece;
  }

  read(piece: string): void {
    if (!piece) return;
    const lt = piece.lastIndexOf("<");
    this.last = lt >= 0 ? piece.slice(lt) : this.last + piece;
    if (this.phase === "head") this.readHead(piece);
    else if (this.phase === "body") this.readBody(piece);
    else this.tail += piece;
  }

  /** Does the text end as a worksheet part does (WORKSHEET_END)? */
  complete(): boolean {
    return WORKSHEET_END.test(this.last);
  }

  /**
   * The sheet, once all the text has been read. A part that ends inside <sheetData> has no cells (as findElement
   * finds no <sheetData> without its end); read a piece at a time, it is read whole instead (Restart).
   */
  finish(name: string, whole: boolean): SheetData {
    if (this.phase === "body" && !whole) throw new Restart("no </sheetData>");
    const cells = this.phase === "body" ? new SheetCells([], false, new Set()) : this.cells;
    const mergeList = findElement(this.head, "mergeCells") ?? findElement(this.tail, "mergeCells");
    const merges = mergeList
      ? elements(mergeList.text, "mergeCell")
          .map((t) => attributes(t).get("ref") ?? "")
          .filter(Boolean)
      : [];
    return cells.finish(name, merges);
  }

  private readHead(piece: string): void {
    this.head += piece;
    const start = findStartTag(this.head, "sheetData", this.headSearch);
    if (!start) {
      this.headSearch = Math.max(0, this.head.lastIndexOf("<"));
      return;
    }
    const after = this.head.slice(start.end);
    this.head = this.head.slice(0, start.start);
    if (start.selfClosing) {
      this.phase = "tail";
      this.tail = after;
      return;
    }
    this.phase = "body";
    this.readBody(after);
  }

  private readBody(piece: string): void {
    const text = this.pending + piece;
    const close = text.indexOf(SHEET_DATA_END, this.endSearch);
    if (close >= 0) {
      const end = close + SHEET_DATA_END.length;
      this.cells.scan(text, 0, end, true);
      this.pending = "";
      this.phase = "tail";
      this.tail = text.slice(end);
      return;
    }
    this.pending = text.slice(this.cells.scan(text, 0, text.length, false));
    this.endSearch = Math.max(0, this.pending.length - SHEET_DATA_END.length);
  }
}
