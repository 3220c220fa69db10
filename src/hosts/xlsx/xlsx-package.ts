/**
 * Saving generated sheets into an .xlsx package by patching it, not re-serialising it: every zip entry of the
 * workbook is kept as it is (an unchanged entry keeps its compressed bytes, see zip-io), and only these change —
 * - the XML of our generated sheets (new parts, or our old parts replaced; a log sheet's part gets rows appended),
 * - xl/workbook.xml (the <sheet> list, the active tab, print titles), its relationships, [Content_Types].xml,
 * - xl/styles.xml, with our formats appended (see StyleBook),
 * - the tabSelected attribute of another sheet's view when we activate one of ours (one selected tab, as Excel
 *   keeps it: two selected tabs open as a group, where typing edits both sheets),
 * - xl/calcChain.xml is dropped when a sheet that had formulas is replaced (Excel rebuilds it; a stale chain that
 *   names cells without formulas makes Excel repair the file);
 * - a Strict OOXML package is written as Transitional (every part's namespaces and relationship types respelt,
 *   see namespaces.ts), since our parts are Transitional and one package holds one conformance class;
 * - a workbook.xml or styles.xml with SpreadsheetML under a prefix (x:) is written unprefixed.
 * No Node APIs: it runs in the browser too.
 */
import { ChartSpec, sheetRef } from "../../core/sheet-model";
import { CHART_REL, CHART_TYPE, DRAWING_REL, DRAWING_TYPE, chartXml, drawingRels, drawingXml, sheetDrawingRels } from "./chart-xml";
import { SheetRender, parseArea } from "../render-plan";
import { appendedSheetXml, withTabSelected, worksheetParts } from "./sheet-xml";
import { DYNAMIC_ARRAY_METADATA, METADATA_REL, METADATA_TYPE, isOurMetadata } from "./dynamic-arrays";
import { StyleBook } from "./style-book";
import {
  CALC_CHAIN_REL,
  REL_NS,
  Relationship,
  STYLES_REL,
  STYLES_TYPE,
  WORKSHEET_REL,
  WORKSHEET_TYPE,
  newSheetPart,
  nextRelId,
  readRelationships,
  readSheetEntries,
  relPrefix,
  relationshipTag,
  resolveTarget,
  sheetTag,
  withActiveTab,
  withContentTypes,
  withPrintTitles,
  withRelationships,
  withRelPrefix,
  withSheets,
} from "./workbook-parts";
import { DeflatingEntry, NewEntry, ZipCodec, ZipEntry, entryData, readZip, zipPieces } from "./zip-io";
import { isStrict, normalPart, relPrefixes, toTransitional } from "./namespaces";
import { PackageError } from "./package-reader";

/** A generated sheet as it is to be saved. */
export interface GeneratedSheet {
  name: string;
  hidden: boolean;
  /** When false, renders[0] is the sheet from the top (a new or replaced sheet); later renders are appended rows. */
  onBase: boolean;
  /** When onBase, every render is rows appended to the sheet already in the package (a log). */
  renders: SheetRender[];
}

export interface PackagePatch {
  /** Generated sheets; those not in the package are added at the end, in this order. */
  sheets: readonly GeneratedSheet[];
  /** The sheet to make the active (and only selected) tab. */
  active?: string;
  codec: ZipCodec;
  /** Deflate level, 1 (fast) to 9 (small), where the codec takes one. */
  level: number;
}

const OFFICE_DOCUMENT_REL = `${REL_NS}/officeDocument`;
const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

function relsPathOf(path: string): string {
  return `${dirOf(path)}_rels/${path.slice(dirOf(path).length)}.rels`;
}

/** The package's entries by name, edited in place: kept entries stay where they are, new ones go at the end. */
class Parts {
  private readonly entries = new Map<string, ZipEntry | NewEntry>();
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private readonly encoder = new TextEncoder();

  constructor(
    zip: readonly ZipEntry[],
    private readonly codec: ZipCodec
  ) {
    for (const e of zip) this.entries.set(e.name, e);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Whether a new part may not take this name: part names are compared without case (OPC). */
  taken(name: string): boolean {
    const lower = name.toLowerCase();
    for (const n of this.entries.keys()) if (n.toLowerCase() === lower) return true;
    return false;
  }

  async bytes(name: string): Promise<Uint8Array | undefined> {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (!("raw" in e)) return e.data;
    try {
      return await entryData(e, this.codec);
    } catch {
      throw new PackageError(`其中的“${name}”解压失败，文件已损坏或不完整`);
    }
  }

  /**
   * The start of a part: with a codec that can, only what its first `compressed` bytes inflate to (a clerk's data
   * sheet is tens of MB, and only its head is looked at); else the whole part.
   */
  async start(name: string, compressed: number): Promise<Uint8Array | undefined> {
    const e = this.entries.get(name);
    if (e && "raw" in e && e.method === 8 && this.codec.inflateStart && e.raw.length > compressed) {
      try {
        return this.codec.inflateStart(e.raw, compressed);
      } catch {
        // A damaged part: the whole read below says so.
      }
    }
    return this.bytes(name);
  }

  async text(name: string): Promise<string | undefined> {
    const data = await this.bytes(name);
    return data && this.decoder.decode(data);
  }

  set(name: string, content: string | Uint8Array): void {
    this.entries.set(name, { name, data: typeof content === "string" ? this.encoder.encode(content) : content });
  }

  /** A part already deflated (DeflatingEntry): written into the zip as it is. */
  setDeflated(entry: ZipEntry): void {
    this.entries.set(entry.name, entry);
  }

  remove(name: string): void {
    this.entries.delete(name);
  }

  all(): (ZipEntry | NewEntry)[] {
    return [...this.entries.values()];
  }

  names(): string[] {
    return [...this.entries.keys()];
  }
}

/** Every XML part of a Strict package respelt as Transitional (parts without Strict names stay as they are). */
async function toTransitionalParts(parts: Parts): Promise<void> {
  for (const name of parts.names()) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const text = await parts.text(name);
    if (text !== undefined && isStrict(text)) parts.set(name, toTransitional(text));
  }
}

/** The package `base` with `patch` applied, as new .xlsx bytes. */
export async function patchPackage(base: Uint8Array, patch: PackagePatch): Promise<Uint8Array[]> {
  const parts = new Parts(readZip(base), patch.codec);
  const rootRels = readRelationships(toTransitional((await parts.text("_rels/.rels")) ?? ""));
  const workbookPath = resolveTarget("", rootRels.find((r) => r.type === OFFICE_DOCUMENT_REL)?.target ?? "xl/workbook.xml");
  const dir = dirOf(workbookPath);
  const relsPath = relsPathOf(workbookPath);
  if (isStrict((await parts.text(workbookPath)) ?? "")) await toTransitionalParts(parts);
  let workbook = normalPart((await parts.text(workbookPath)) ?? "");
  let rels = (await parts.text(relsPath)) ?? EMPTY_RELS;
  let types = (await parts.text("[Content_Types].xml")) ?? "";
  const relations = readRelationships(rels);
  const target = (rel: Relationship) => resolveTarget(dir, rel.target);

  const found = relPrefix(workbook);
  const prefix = found ?? "r";
  const entries = readSheetEntries(workbook, prefix);
  const bound = relPrefixes(workbook).filter((p) => p !== prefix);
  const tags = entries.map((e) => withRelPrefix(e.tag, prefix, bound));
  const partOf = new Map(relations.filter((r) => !r.external).map((r) => [r.id, target(r)]));
  const newId = nextRelId(relations.map((r) => r.id));
  let nextSheetId = Math.max(0, ...entries.map((e) => e.sheetId)) + 1;

  const stylesRel = relations.find((r) => r.type === STYLES_REL);
  const stylesPath = stylesRel ? target(stylesRel) : `${dir}styles.xml`;
  const stylesXml = stylesRel ? await parts.text(stylesPath) : undefined;
  const styles = new StyleBook(stylesXml === undefined ? undefined : normalPart(stylesXml));

  const addRels: string[] = [];
  const addTypes = new Map<string, string>();
  const dropTypes = new Set<string>();
  const dropRels = new Set<string>();
  const replaced = new Set<number>();
  const titles = new Map<number, string>();
  const ours = new Set<string>();
  let rewroteExisting = false;
  // Spilled formulas need cm="1" to mean XLDAPR (dynamic-arrays.ts): so only when the file has no metadata part yet
  // or has ours; a clerk's file with its own metadata (rich values, its own arrays) gets per-cell formulas.
  const metadataRel = relations.find((r) => r.type === METADATA_REL && !r.external);
  const metadataXml = metadataRel ? await parts.text(target(metadataRel)) : undefined;
  const dynamicArrays = metadataRel ? metadataXml !== undefined && isOurMetadata(metadataXml) : true;
  let spilled = false;

  for (const sheet of patch.sheets) {
    ours.add(sheet.name);
    const selected = patch.active === sheet.name;
    let at = entries.findIndex((e) => e.name === sheet.name);
    let path: string;
    if (at >= 0) {
      const entry = entries[at];
      path = partOf.get(entry.rId) ?? "";
      if (!path || !parts.has(path)) throw new Error(`工作表「${sheet.name}」在文件中找不到对应的部件`);
      tags[at] = sheetTag(prefix, sheet.name, entry.sheetId, entry.rId, sheet.hidden);
      rewroteExisting = true;
    } else {
      const rId = newId();
      path = newSheetPart(dir, (p) => parts.taken(p));
      at = tags.length;
      tags.push(sheetTag(prefix, sheet.name, nextSheetId++, rId, sheet.hidden));
      entries.push({ name: sheet.name, sheetId: 0, rId, tag: "" });
      partOf.set(rId, path);
      addRels.push(relationshipTag(rId, WORKSHEET_REL, path.slice(dir.length)));
      addTypes.set(path, WORKSHEET_TYPE);
    }
    if (sheet.onBase) {
      parts.set(path, withTabSelected(appendedSheetXml((await parts.text(path)) ?? "", sheet.renders, styles), selected));
    } else {
      // The old part's own relationships (drawings, comments, printer settings) belonged to the old content, and
      // so did our charts: removed with their parts, so a refresh leaves one set of charts, not another beside it.
      for (const gone of await dropSheetCharts(parts, path)) dropTypes.add(gone);
      parts.remove(relsPathOf(path));
      const charts = sheet.renders[0]?.charts ?? [];
      if (charts.length) {
        for (const [part, type] of addSheetCharts(parts, path, sheet.name, charts)) {
          addTypes.set(part, type);
          dropTypes.delete(part);
        }
      }
      // Deflated as it is made: the XML of a big sheet is never whole in memory.
      const part = new DeflatingEntry(path, patch.codec, patch.level);
      const xml = worksheetParts(sheet.renders, styles, selected, charts.length ? "rId1" : undefined, part, dynamicArrays);
      let step = xml.next();
      // Between rows: wait while the pieces written are still being compressed (on another thread, with zlib).
      for (; !step.done; step = xml.next()) if (part.busy) await part.settled();
      const wroteSpill = step.value;
      parts.setDeflated(await part.entry());
      spilled ||= wroteSpill;
      replaced.add(at);
      const rows = sheet.renders.map((r) => r.print?.titleRows).find((t) => t !== undefined);
      if (rows) titles.set(at, `${sheetRef(sheet.name)}!${absoluteRows(rows)}`);
    }
  }

  if (patch.active !== undefined) {
    const at = entries.findIndex((e) => e.name === patch.active);
    if (at >= 0) {
      workbook = withActiveTab(workbook, at);
      // One selected tab: the others' views lose tabSelected (only that attribute of their XML changes).
      for (const entry of entries) {
        const path = partOf.get(entry.rId);
        if (ours.has(entry.name) || !path) continue;
        // The head (before <sheetData>) says whether the tab is selected: the whole part is read only if it is.
        const head = await parts.start(path, HEAD_BYTES);
        if (head && indexOfBytes(head, SHEET_DATA) >= 0 && !deselected(head)) continue;
        const data = await parts.bytes(path);
        const unselected = data && deselected(data);
        if (unselected) parts.set(path, unselected);
      }
    }
  }

  if (rewroteExisting) {
    const chain = relations.find((r) => r.type === CALC_CHAIN_REL);
    if (chain) {
      parts.remove(target(chain));
      dropRels.add(chain.id);
      dropTypes.add(target(chain));
    }
  }

  workbook = withSheets(workbook, tags, prefix, found !== undefined);
  workbook = withPrintTitles(workbook, replaced, titles);
  parts.set(workbookPath, workbook);
  if (styles.changed || !stylesRel) {
    parts.set(stylesPath, styles.patched());
    if (!stylesRel) {
      addRels.push(relationshipTag(newId(), STYLES_REL, stylesPath.slice(dir.length)));
      addTypes.set(stylesPath, STYLES_TYPE);
    }
  }
  if (spilled && !metadataRel) {
    const path = parts.taken(`${dir}metadata.xml`) ? freePart(parts, dir, "metadata") : `${dir}metadata.xml`;
    parts.set(path, DYNAMIC_ARRAY_METADATA);
    addRels.push(relationshipTag(newId(), METADATA_REL, path.slice(dir.length)));
    addTypes.set(path, METADATA_TYPE);
  }
  rels = withRelationships(rels, addRels, dropRels);
  parts.set(relsPath, rels);
  types = asWorkbookType(withContentTypes(types, addTypes, dropTypes));
  parts.set("[Content_Types].xml", types);

  return zipPieces(parts.all(), patch.codec, patch.level);
}

/**
 * A template's content types (.xltx, .xltm) made a workbook's: the copy is a workbook (.xlsx, .xlsm), and Excel
 * refuses a file whose extension and workbook content type disagree.
 */
function asWorkbookType(types: string): string {
  return types
    .replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    )
    .replace("application/vnd.ms-excel.template.macroEnabled.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
}

/** Whether a relationships part other than `except` names `part`. */
async function referencedElsewhere(parts: Parts, part: string, except: string): Promise<boolean> {
  for (const name of parts.names().filter((n) => n.endsWith(".rels") && n !== except)) {
    const base = dirOf(name.replace(/_rels\/[^/]+\.rels$/, ""));
    const rels = readRelationships((await parts.text(name)) ?? "");
    if (rels.some((r) => !r.external && resolveTarget(base, r.target) === part)) return true;
  }
  return false;
}

/**
 * The charts of a sheet part being replaced: its drawing parts and their charts, removed (a drawing some other
 * part still names is left alone); their names returned.
 */
async function dropSheetCharts(parts: Parts, sheetPath: string): Promise<string[]> {
  const gone: string[] = [];
  const own = relsPathOf(sheetPath);
  const sheetRels = readRelationships((await parts.text(own)) ?? "");
  for (const d of sheetRels.filter((r) => r.type === DRAWING_REL && !r.external)) {
    const drawing = resolveTarget(dirOf(sheetPath), d.target);
    if (!parts.has(drawing) || (await referencedElsewhere(parts, drawing, own))) continue;
    const drawingRels = readRelationships((await parts.text(relsPathOf(drawing))) ?? "");
    for (const c of drawingRels.filter((r) => r.type === CHART_REL && !r.external)) {
      const chart = resolveTarget(dirOf(drawing), c.target);
      parts.remove(chart);
      parts.remove(relsPathOf(chart));
      gone.push(chart);
    }
    parts.remove(drawing);
    parts.remove(relsPathOf(drawing));
    gone.push(drawing);
  }
  return gone;
}

/** The first free name `${dir}${stem}N.xml`. */
function freePart(parts: Parts, dir: string, stem: string): string {
  for (let n = 1; ; n++) if (!parts.taken(`${dir}${stem}${n}.xml`)) return `${dir}${stem}${n}.xml`;
}

/** A drawing part with one chart part per spec, related from the sheet (rId1); returns the new parts and types. */
function addSheetCharts(parts: Parts, sheetPath: string, sheet: string, charts: readonly ChartSpec[]): [string, string][] {
  const xl = dirOf(dirOf(sheetPath).replace(/\/$/, "")); // xl/worksheets/ → xl/
  const drawing = freePart(parts, `${xl}drawings/`, "drawing");
  parts.set(drawing, "");
  const chartParts = charts.map((spec) => {
    const part = freePart(parts, `${xl}charts/`, "chart");
    parts.set(part, chartXml(spec, sheet));
    return part;
  });
  parts.set(drawing, drawingXml(charts.map((spec, i) => ({ spec, relId: `rId${i + 1}` }))));
  parts.set(relsPathOf(drawing), drawingRels(chartParts.map((p) => `../charts/${p.slice(p.lastIndexOf("/") + 1)}`)));
  parts.set(relsPathOf(sheetPath), sheetDrawingRels(`../drawings/${drawing.slice(drawing.lastIndexOf("/") + 1)}`));
  return [[drawing, DRAWING_TYPE], ...chartParts.map((p): [string, string] => [p, CHART_TYPE])];
}

const SHEET_DATA = new TextEncoder().encode("<sheetData");
/** Compressed bytes read for a sheet's head (its views, columns): 16 KB holds tens of KB of XML. */
const HEAD_BYTES = 1 << 14;

/** Where `pattern` first is in `data`, or -1. */
function indexOfBytes(data: Uint8Array, pattern: Uint8Array): number {
  const first = pattern[0];
  for (let i = data.indexOf(first); i >= 0 && i <= data.length - pattern.length; i = data.indexOf(first, i + 1)) {
    let k = 1;
    while (k < pattern.length && data[i + k] === pattern[k]) k++;
    if (k === pattern.length) return i;
  }
  return -1;
}

/**
 * A sheet's XML with its tab no longer selected, or undefined when it was not. Only the part before the cells
 * (where the sheet views are) is decoded: a clerk's data sheet can be tens of MB.
 */
function deselected(data: Uint8Array): Uint8Array | undefined {
  const cells = indexOfBytes(data, SHEET_DATA);
  const headEnd = cells < 0 ? data.length : cells;
  const head = new TextDecoder("utf-8", { ignoreBOM: true }).decode(data.subarray(0, headEnd));
  const after = withTabSelected(head, false);
  if (after === head) return undefined;
  const edited = new TextEncoder().encode(after);
  const out = new Uint8Array(edited.length + data.length - headEnd);
  out.set(edited, 0);
  out.set(data.subarray(headEnd), edited.length);
  return out;
}

/** "1:3" → "$1:$3" (print titles are absolute rows). */
function absoluteRows(rows: string): string {
  const a = parseArea(rows);
  return `$${a.top + 1}:$${a.bottom + 1}`;
}
