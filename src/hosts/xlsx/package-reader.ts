/**
 * Reading sheets straight from the .xlsx package, without building an exceljs model of the whole workbook (which
 * takes seconds and hundreds of MB for a data sheet of thousands of rows): the sheet list from workbook.xml, the
 * shared strings, and a sheet's cells from its XML, parsed with a few regular expressions over the text. What it
 * gives is what xlsx-read gives through exceljs, the way Office.js reports `values` and `formulas`:
 * - numbers, text and booleans as they are; rich text as its plain text (phonetic guides left out);
 * - dates as their serial number (a number with a date format is that number already; an ISO date cell, t="d",
 *   is turned into one, in the workbook's 1900 or 1904 system); error values as their code text ("#N/A");
 * - a formula cell's value is its cached result and its formula (with "=") is in `formulas`, KH.* and _xlfn.
 *   mapped back (see xlsx-formulas), a shared formula moved from its first cell (slide-formula);
 * - only the top-left cell of a merged area holds its value;
 * - Strict OOXML, SpreadsheetML under a prefix (x:) and a relationships prefix declared on a child element are
 *   read as the usual spelling (namespaces.ts), so the tag patterns below see one form;
 * - `notes` marks a number cell whose format shows a date ("date") and a formula saved without its result that
 *   is not simple enough to work out here ("uncached"; a simple one gets its value, formula-eval);
 * - the cells read are those of the data region: a stray value far from the rest (a careless Ctrl+End leaves
 *   one at XFD1048576) is not allowed to stretch the grid (CellGrid).
 * Errors are PackageErrors in Chinese: the zip, a part that does not inflate, a part that is not complete.
 */
import { CellValue, columnIndex } from "../../core/sheet-model";
import { SheetData } from "../host";
import { blankMergedTails } from "../render-plan";
import { CellGrid } from "./cell-grid";
import { slideFormula } from "./slide-formula";
import { fromFileFormula } from "./xlsx-formulas";
import { attributes, cellTextUnescape, elements, findElement, xmlDecode } from "./xml-text";
import { REL_NS, STYLES_REL, WORKSHEET_REL, readRelationships, readSheetEntries, relPrefix, resolveTarget } from "./workbook-parts";
import { normalPart } from "./namespaces";
import { dateStyles } from "./date-formats";
import type { CellNote } from "../../core/data-table";
import { ZipCodec, ZipEntry, entryData, readZip } from "./zip-io";

const OFFICE_DOCUMENT_REL = `${REL_NS}/officeDocument`;
const SHARED_STRINGS_REL = `${REL_NS}/sharedStrings`;
const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = 25569;
const OFFSET_1904 = 1462;

/** A problem with the package itself (not a zip, no workbook part, a part that is not XML). */
export class PackageError extends Error {}

/** The plain text of a string item (<si>, <is>): its <t>s, in runs or not, without phonetic guides (<rPh>). */
function itemText(xml: string): string {
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

/** A part's text, in the one spelling the reader expects (Transitional, unprefixed); undefined when absent. */
async function partText(entries: ReadonlyMap<string, ZipEntry>, codec: ZipCodec, path: string): Promise<string | undefined> {
  const e = entries.get(path);
  if (!e) return undefined;
  let data: Uint8Array;
  try {
    data = await entryData(e, codec);
  } catch {
    throw new PackageError(`其中的“${path}”解压失败，文件已损坏或不完整`);
  }
  return normalPart(new TextDecoder("utf-8").decode(data));
}

interface SheetPart {
  name: string;
  path: string;
}

/** The content type [Content_Types].xml gives a part ("" when none). */
function workbookContentType(types: string, part: string): string {
  for (const tag of elements(types, "Override")) {
    const a = attributes(tag);
    if ((a.get("PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()) return a.get("ContentType") ?? "";
  }
  return "";
}

export class PackageReader {
  private sharedStrings?: string[];
  /** The workbook part is macro-enabled (an .xlsm's content type): a copy must be saved as .xlsm to open. */
  macroEnabled = false;

  private constructor(
    private readonly entries: Map<string, ZipEntry>,
    private readonly codec: ZipCodec,
    readonly sheets: readonly SheetPart[],
    readonly date1904: boolean,
    private readonly sharedStringsPath: string | undefined,
    private readonly dateStyles: ReadonlySet<number> = new Set()
  ) {}

  static async open(bytes: Uint8Array, codec: ZipCodec): Promise<PackageReader> {
    let zip: ZipEntry[];
    try {
      zip = readZip(bytes);
    } catch (e) {
      throw new PackageError((e as Error).message);
    }
    const entries = new Map(zip.map((e) => [e.name, e]));
    const text = (path: string) => partText(entries, codec, path);
    const rootRels = readRelationships((await text("_rels/.rels")) ?? "");
    const workbookPath = resolveTarget("", rootRels.find((r) => r.type === OFFICE_DOCUMENT_REL)?.target ?? "xl/workbook.xml");
    const workbook = await text(workbookPath);
    if (workbook === undefined) throw new PackageError("其中没有 Excel 工作簿");
    if (!/<\/(?:\w+:)?workbook>\s*$/.test(workbook)) throw new PackageError("workbook.xml 不完整");
    const dir = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    const relsPath = `${dir}_rels/${workbookPath.slice(dir.length)}.rels`;
    const rels = readRelationships((await text(relsPath)) ?? "");
    const byId = new Map(rels.map((r) => [r.id, r]));
    const prefix = relPrefix(workbook) ?? "r";
    const sheets: SheetPart[] = [];
    for (const entry of readSheetEntries(workbook, prefix)) {
      const rel = byId.get(entry.rId);
      if (!rel || rel.type !== WORKSHEET_REL || rel.external) continue; // chart sheets and the like hold no cells
      sheets.push({ name: entry.name, path: resolveTarget(dir, rel.target) });
    }
    const pr = findElement(workbook, "workbookPr");
    const date1904 = ["1", "true"].includes(pr ? (attributes(pr.text).get("date1904") ?? "") : "");
    const strings = rels.find((r) => r.type === SHARED_STRINGS_REL);
    const styles = rels.find((r) => r.type === STYLES_REL);
    const dates = dateStyles(styles ? await text(resolveTarget(dir, styles.target)) : undefined);
    const reader = new PackageReader(entries, codec, sheets, date1904, strings && resolveTarget(dir, strings.target), dates);
    reader.macroEnabled = workbookContentType((await text("[Content_Types].xml")) ?? "", workbookPath).includes("macroEnabled");
    return reader;
  }

  private async text(path: string): Promise<string | undefined> {
    return partText(this.entries, this.codec, path);
  }

  private async strings(): Promise<string[]> {
    if (!this.sharedStrings) {
      const xml = this.sharedStringsPath ? await this.text(this.sharedStringsPath) : undefined;
      this.sharedStrings = xml ? elements(xml, "si").map(itemText) : [];
    }
    return this.sharedStrings;
  }

  async readSheet(name: string): Promise<SheetData | undefined> {
    const part = this.sheets.find((s) => s.name === name);
    if (!part) return undefined;
    const xml = (await this.text(part.path)) ?? "";
    if (!/<\/(?:\w+:)?worksheet>\s*$/.test(xml)) throw new PackageError(`工作表「${name}」的内容不完整，文件可能已损坏`);
    return parseSheet(name, xml, /\st\s*=\s*["']s["']/.test(xml) ? await this.strings() : [], this.date1904, this.dateStyles);
  }
}

/** The cells of a worksheet's XML as SheetData. */
export function parseSheet(
  name: string,
  xml: string,
  strings: readonly string[],
  date1904: boolean,
  dates: ReadonlySet<number> = new Set()
): SheetData {
  const grid = new CellGrid();
  /** Shared formulas by si: the first cell's formula as stored, and where it is. */
  const shared = new Map<string, { text: string; r: number; c: number }>();
  const data = findElement(xml, "sheetData");
  const body = data ? data.text : "";
  const token = /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let row = -1;
  let column = -1;
  const spills: string[] = [];
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (m[1] !== undefined) {
      const r = /\br\s*=\s*["'](\d+)["']/.exec(m[1]);
      row = r ? Number(r[1]) - 1 : row + 1;
      column = -1;
      continue;
    }
    const attrs = m[2];
    const ref = /\br\s*=\s*["']\$?([A-Za-z]+)\$?(\d+)["']/.exec(attrs);
    if (ref) {
      row = Number(ref[2]) - 1;
      column = columnIndex(ref[1]);
    } else column++;
    const inner = m[3];
    if (!inner) continue;
    const type = /\bt\s*=\s*["'](\w+)["']/.exec(attrs)?.[1] ?? "n";
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(inner);
    let formula: string | null = null;
    if (f) {
      const fa = f[1];
      const stored = f[2] === undefined ? "" : xmlDecode(f[2]);
      const si = /\bsi\s*=\s*["'](\d+)["']/.exec(fa)?.[1];
      if (/\bt\s*=\s*["']shared["']/.test(fa) && si !== undefined) {
        const master = shared.get(si);
        if (stored) shared.set(si, { text: stored, r: row, c: column });
        const text = stored || (master ? slideFormula(master.text, row - master.r, column - master.c) : "");
        formula = text ? fromFileFormula(text) : null;
      } else if (stored) formula = fromFileFormula(stored);
      // A dynamic array (dynamic-arrays.ts): an array formula whose cell has cell metadata.
      const ref = /\bref\s*=\s*["']([A-Za-z$0-9:]+)["']/.exec(fa)?.[1];
      if (ref && /\bt\s*=\s*["']array["']/.test(fa) && /\bcm\s*=/.test(attrs)) spills.push(ref.replace(/\$/g, ""));
    }
    const value = cellValue(type, inner, strings, date1904);
    let note: CellNote | undefined;
    // No <v>…</v> (absent, or an empty <v/>): the file holds no result for the formula.
    if (formula !== null && type !== "inlineStr" && !/<v(?:\s[^>]*)?>[\s\S]*?<\/v>/.test(inner)) note = "uncached";
    else if (typeof value === "number" && (type === "n" || type === "d")) {
      const s = /\bs\s*=\s*["'](\d+)["']/.exec(attrs)?.[1];
      if (type === "d" || (s !== undefined && dates.has(Number(s)))) note = "date";
    }
    grid.add(row, column, value, formula, note);
  }
  const { values, formulas, notes } = grid.grids();
  const mergeList = findElement(xml, "mergeCells");
  const merges = mergeList
    ? elements(mergeList.text, "mergeCell")
        .map((t) => attributes(t).get("ref") ?? "")
        .filter(Boolean)
    : [];
  blankMergedTails(values, formulas, merges);
  return { name, values, formulas, merges, ...(notes ? { notes } : {}), ...(spills.length ? { spills } : {}) };
}

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
  switch (type) {
    case "s":
      return strings[Number(text)] ?? null;
    case "str":
      return cellTextUnescape(xmlDecode(text));
    case "b":
      return Number(text) !== 0;
    case "e":
      return xmlDecode(text);
    case "d":
      return isoSerial(xmlDecode(text), date1904);
    default: {
      if (text === "") return null;
      const n = Number(text);
      return Number.isNaN(n) ? xmlDecode(text) : n;
    }
  }
}
