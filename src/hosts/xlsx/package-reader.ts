/**
 * Reading sheets straight from the .xlsx package, without building an exceljs model of the whole workbook (which
 * takes seconds and hundreds of MB for a data sheet of thousands of rows): the sheet list from workbook.xml, the
 * shared strings, and a sheet's cells from its XML, read as it is inflated (sheet-stream, sheet-cells). What it
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
import { SheetData } from "../host";
import { attributes, elements, findElement } from "./xml-text";
import { REL_NS, STYLES_REL, WORKSHEET_REL, readRelationships, readSheetEntries, relPrefix, resolveTarget } from "./workbook-parts";
import { normalPart } from "./namespaces";
import { dateStyles } from "./date-formats";
import { ZipCodec, ZipEntry, entryChunks, entryData, readZip } from "./zip-io";
import { SheetCells, itemText } from "./sheet-cells";
import { Restart, SheetStream, WORKSHEET_END } from "./sheet-stream";

const OFFICE_DOCUMENT_REL = `${REL_NS}/officeDocument`;
const SHARED_STRINGS_REL = `${REL_NS}/sharedStrings`;
/** A cell that takes a shared string: the part needs the shared strings (read only then). */
const SHARED_STRING_CELL = /\st\s*=\s*["']s["']/;

/** A problem with the package itself (not a zip, no workbook part, a part that is not XML). */
export class PackageError extends Error {}

/** A part's text, in the one spelling the reader expects (Transitional, unprefixed); undefined when absent. */
async function partText(entries: ReadonlyMap<string, ZipEntry>, codec: ZipCodec, path: string): Promise<string | undefined> {
  const e = entries.get(path);
  if (!e) return undefined;
  let data: Uint8Array;
  try {
    data = await entryData(e, codec);
  } catch {
    throw inflateError(path);
  }
  return normalPart(new TextDecoder("utf-8").decode(data));
}

function inflateError(path: string): PackageError {
  return new PackageError(`其中的“${path}”解压失败，文件已损坏或不完整`);
}

function incomplete(sheet: string): PackageError {
  return new PackageError(`工作表「${sheet}」的内容不完整，文件可能已损坏`);
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
    const entry = this.entries.get(part.path);
    if (entry) {
      try {
        return await this.streamSheet(name, entry);
      } catch (e) {
        if (!(e instanceof Restart)) throw e;
      }
    }
    const xml = (await this.text(part.path)) ?? "";
    if (!WORKSHEET_END.test(xml)) throw incomplete(name);
    return parseSheet(name, xml, SHARED_STRING_CELL.test(xml) ? await this.strings() : [], this.date1904, this.dateStyles);
  }

  /**
   * A sheet read as its part is inflated (sheet-stream): the 6.7 MB of text of a data sheet of 5,000 units is
   * never whole, nor its bytes. The shared strings are read when a piece first has a cell that takes one.
   */
  private async streamSheet(name: string, entry: ZipEntry): Promise<SheetData> {
    const cells = new SheetCells(undefined, this.date1904, this.dateStyles);
    const stream = new SheetStream(cells, true);
    const decoder = new TextDecoder("utf-8");
    let strings = false;
    const read = async (piece: string) => {
      if (!strings && SHARED_STRING_CELL.test(piece)) {
        cells.useStrings(await this.strings());
        strings = true;
        if (cells.missedStrings) throw new Restart('a shared-string cell before the first t="s"');
      }
      stream.read(piece);
    };
    const chunks = entryChunks(entry, this.codec)[Symbol.asyncIterator]();
    try {
      for (let chunk = await inflated(chunks, entry); chunk; chunk = await inflated(chunks, entry)) {
        await read(stream.cut(decoder.decode(chunk, { stream: true })));
      }
    } finally {
      await chunks.return?.();
    }
    await read(stream.cut(decoder.decode()));
    await read(stream.rest());
    if (!stream.complete()) throw incomplete(name);
    return stream.finish(name, false);
  }
}

/** The next piece of an entry's content (undefined at the end); a PackageError when it does not inflate. */
async function inflated(chunks: AsyncIterator<Uint8Array>, entry: ZipEntry): Promise<Uint8Array | undefined> {
  try {
    const r = await chunks.next();
    return r.done ? undefined : r.value;
  } catch {
    throw inflateError(entry.name);
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
  const stream = new SheetStream(new SheetCells(strings, date1904, dates), false);
  stream.read(stream.cut(xml));
  stream.read(stream.rest());
  return stream.finish(name, true);
}
