/**
 * The package parts that list sheets, edited in place as strings: xl/workbook.xml (the <sheet> list, the active
 * tab, print titles), its relationships, and [Content_Types].xml. Every element we do not own is left as it was.
 */
import { attributes, elements, findElement, insertBefore, setAttribute, xmlEscape } from "./xml-text";
import { relPrefixes } from "./namespaces";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const WORKSHEET_REL = `${REL_NS}/worksheet`;
export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const STYLES_REL = `${REL_NS}/styles`;
export const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
export const CALC_CHAIN_REL = `${REL_NS}/calcChain`;

/** Elements of <workbook> that follow <sheets>, and that follow <definedNames> (the schema's order). */
const AFTER_SHEETS = [
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
const AFTER_DEFINED_NAMES = AFTER_SHEETS.slice(3);
/** Defined names that belong to one sheet's layout, replaced with the sheet. */
const SHEET_LAYOUT_NAMES = new Set(["_xlnm.Print_Titles", "_xlnm.Print_Area", "_xlnm._FilterDatabase"]);

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** The <sheet …/> element as written (unchanged unless the sheet is ours). */
  tag: string;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  tag: string;
}

/** The part a relationship points at, as a zip path, from the folder of the part that holds it ("xl/"). */
export function resolveTarget(fromDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (fromDir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export function readRelationships(xml: string): Relationship[] {
  return elements(xml, "Relationship").map((tag) => {
    const a = attributes(tag);
    return {
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: a.get("TargetMode") === "External",
      tag,
    };
  });
}

/** The prefix workbook.xml binds to the relationships namespace (r, almost always). */
export function relPrefix(workbookXml: string): string | undefined {
  const root = findElement(workbookXml, "workbook");
  const m =
    root &&
    new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*"${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(
      workbookXml.slice(root.start, workbookXml.indexOf(">", root.start))
    );
  return m?.[1];
}

/**
 * The <sheet> entries; a sheet's relationship id is its `P:id` for any prefix P bound to the relationships
 * namespace, wherever that is declared (the root, <sheets>, the <sheet> itself).
 */
export function readSheetEntries(workbookXml: string, prefix: string): SheetEntry[] {
  const sheets = findElement(workbookXml, "sheets");
  if (!sheets) return [];
  const prefixes = [prefix, ...relPrefixes(workbookXml).filter((p) => p !== prefix)];
  return elements(sheets.text, "sheet").map((tag) => {
    const a = attributes(tag);
    const rId = prefixes.map((p) => a.get(`${p}:id`)).find((v) => v !== undefined) ?? "";
    return { name: a.get("name") ?? "", sheetId: Number(a.get("sheetId")) || 0, rId, tag };
  });
}

/**
 * A clerk's <sheet> tag with its relationship id under `prefix` (the root's): a prefix declared on <sheets> or on
 * the tag itself is valid XML, but readers that look only at the root's (exceljs) lose the sheet.
 */
export function withRelPrefix(tag: string, prefix: string, bound: readonly string[]): string {
  if (new RegExp(`\\s${prefix}:id\\s*=`).test(tag)) return tag;
  let out = tag;
  for (const p of bound) {
    const name = p.replace(/[.-]/g, "\\$&");
    out = out
      .replace(new RegExp(`\\s+xmlns:${name}\\s*=\\s*("[^"]*"|'[^']*')`), "")
      .replace(new RegExp(`\\s${name}:id(\\s*=)`), ` ${prefix}:id$1`);
  }
  return out;
}

/** A <sheet> element of ours: its name, id, relationship, and very hidden or visible. */
export function sheetTag(prefix: string, name: string, sheetId: number, rId: string, hidden: boolean): string {
  return `<sheet name="${xmlEscape(name)}" sheetId="${sheetId}"${hidden ? ` state="veryHidden"` : ""} ${prefix}:id="${rId}"/>`;
}

/** workbook.xml with its <sheets> list replaced by `tags` (made, with the r namespace, when there was none). */
export function withSheets(workbookXml: string, tags: readonly string[], prefix: string, hadPrefix: boolean): string {
  let xml = workbookXml;
  if (!hadPrefix) {
    const root = findElement(xml, "workbook");
    if (root) {
      const end = xml.indexOf(">", root.start);
      xml = xml.slice(0, end) + ` xmlns:${prefix}="${REL_NS}"` + xml.slice(end);
    }
  }
  const sheets = findElement(xml, "sheets");
  // The start tag is kept: it may declare the prefix the clerk's <sheet> entries use.
  const open = sheets ? /^<sheets\b[^>]*?(?=\/?>)/.exec(sheets.text)?.[0] : undefined;
  const list = `${open ?? "<sheets"}>${tags.join("")}</sheets>`;
  if (sheets) return xml.slice(0, sheets.start) + list + xml.slice(sheets.end);
  return insertBefore(xml, list, AFTER_SHEETS, "workbook");
}

/** workbook.xml with the sheet at `index` the active tab (and the first tab shown no later than it). */
export function withActiveTab(workbookXml: string, index: number): string {
  const views = findElement(workbookXml, "bookViews");
  if (!views)
    return insertBefore(
      workbookXml,
      `<bookViews><workbookView activeTab="${index}"/></bookViews>`,
      ["sheets", ...AFTER_SHEETS],
      "workbook"
    );
  const view = /<workbookView(?=[\s/>])(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/.exec(views.text);
  if (!view) {
    const inner = `<workbookView activeTab="${index}"/>`;
    const text = views.text.endsWith("/>")
      ? `<bookViews>${inner}</bookViews>`
      : views.text.replace(/<\/bookViews>$/, `${inner}</bookViews>`);
    return workbookXml.slice(0, views.start) + text + workbookXml.slice(views.end);
  }
  let tag = setAttribute(view[0], "activeTab", String(index));
  const first = Number(attributes(tag).get("firstSheet") ?? 0);
  if (first > index) tag = setAttribute(tag, "firstSheet", String(index));
  const text = views.text.slice(0, view.index) + tag + views.text.slice(view.index + view[0].length);
  return workbookXml.slice(0, views.start) + text + workbookXml.slice(views.end);
}

/**
 * workbook.xml with the print titles of the sheets at `replaced` positions dropped (with their print area and
 * filter range, which belonged to the old content) and `titles` added: sheet position → "'name'!$1:$3".
 */
export function withPrintTitles(workbookXml: string, replaced: ReadonlySet<number>, titles: ReadonlyMap<number, string>): string {
  const names = findElement(workbookXml, "definedNames");
  const kept = (names ? elements(names.text, "definedName") : []).filter((tag) => {
    const a = attributes(tag);
    return !(SHEET_LAYOUT_NAMES.has(a.get("name") ?? "") && replaced.has(Number(a.get("localSheetId"))));
  });
  const added = [...titles].map(
    ([at, ref]) => `<definedName name="_xlnm.Print_Titles" localSheetId="${at}">${xmlEscape(ref)}</definedName>`
  );
  const all = [...kept, ...added];
  if (!names && all.length === 0) return workbookXml;
  const list = all.length ? `<definedNames>${all.join("")}</definedNames>` : "";
  if (names) return workbookXml.slice(0, names.start) + list + workbookXml.slice(names.end);
  return insertBefore(workbookXml, list, AFTER_DEFINED_NAMES, "workbook");
}

/** A relationships part with `add` appended and the relationships of ids in `drop` removed. */
export function withRelationships(relsXml: string, add: readonly string[], drop: ReadonlySet<string> = new Set()): string {
  let xml = relsXml;
  for (const rel of readRelationships(xml)) if (drop.has(rel.id)) xml = xml.replace(rel.tag, "");
  if (add.length === 0) return xml;
  const close = xml.lastIndexOf("</Relationships>");
  if (close < 0) return xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${add.join("")}</Relationships>`);
  return xml.slice(0, close) + add.join("") + xml.slice(close);
}

export function relationshipTag(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${xmlEscape(target)}"/>`;
}

/** [Content_Types].xml with overrides added for `add` (part → type) and removed for `drop` (zip paths). */
export function withContentTypes(xml: string, add: ReadonlyMap<string, string>, drop: ReadonlySet<string> = new Set()): string {
  let out = xml;
  for (const tag of elements(xml, "Override")) {
    const part = (attributes(tag).get("PartName") ?? "").replace(/^\//, "");
    if (drop.has(part) || add.has(part)) out = out.replace(tag, "");
  }
  const overrides = [...add].map(([part, type]) => `<Override PartName="/${xmlEscape(part)}" ContentType="${type}"/>`).join("");
  const close = out.lastIndexOf("</Types>");
  return out.slice(0, close) + overrides + out.slice(close);
}

/** The part name a new worksheet gets: sheetN.xml with the first N no part has. */
export function newSheetPart(dir: string, taken: (path: string) => boolean): string {
  for (let n = 1; ; n++) {
    const path = `${dir}worksheets/sheet${n}.xml`;
    if (!taken(path)) return path;
  }
}

/** The next relationship id "rIdN" not in use. */
export function nextRelId(ids: Iterable<string>): () => string {
  const used = new Set(ids);
  let n = 1;
  return () => {
    while (used.has(`rId${n}`)) n++;
    used.add(`rId${n}`);
    return `rId${n}`;
  };
}
