/**
 * What can be checked of an .xlsx offline, without Excel: every XML part is well formed (fast-xml-parser), every
 * relationship points at a part that is there, [Content_Types].xml gives every part a type, the sheet list is
 * consistent (unique names, ids and relationships), every style index a sheet or a format uses is in range and
 * every list's count is right, every shared formula has its first cell, and one tab is selected. Returns the
 * problems found, as lines (none: []). Reads the zip through JSZip, not the code under test.
 */
import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)="([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}

function tags(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g")) ?? [];
}

function section(xml: string, name: string): string {
  const m = new RegExp(`<${name}(?=[\\s/>])[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  return m ? m[0] : "";
}

function resolve(fromDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out: string[] = [];
  for (const p of (fromDir + target).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export async function ooxmlProblems(bytes: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const text = new Map<string, string>();
  for (const n of names) {
    if (!/\.(xml|rels)$/.test(n)) continue;
    const xml = await zip.file(n)!.async("string");
    text.set(n, xml);
    const valid = XMLValidator.validate(xml);
    if (valid !== true) problems.push(`${n}: not well formed: ${JSON.stringify(valid.err)}`);
  }

  const types = text.get("[Content_Types].xml") ?? "";
  const defaults = new Set(tags(types, "Default").map((t) => attrs(t).Extension?.toLowerCase()));
  const overrides = new Set(tags(types, "Override").map((t) => attrs(t).PartName?.replace(/^\//, "")));
  for (const n of names) {
    if (n === "[Content_Types].xml") continue;
    const ext = n.slice(n.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(n) && !defaults.has(ext)) problems.push(`${n}: no content type`);
  }
  for (const o of overrides) if (!names.includes(o as string)) problems.push(`content type for missing part ${o}`);

  for (const [n, xml] of text) {
    if (!n.endsWith(".rels")) continue;
    const dir = n.replace(/_rels\/[^/]*\.rels$/, "");
    const ids = new Set<string>();
    for (const t of tags(xml, "Relationship")) {
      const a = attrs(t);
      if (ids.has(a.Id)) problems.push(`${n}: relationship id ${a.Id} twice`);
      ids.add(a.Id);
      if (a.TargetMode === "External") continue;
      const target = resolve(dir, a.Target);
      if (!names.includes(target)) problems.push(`${n}: ${a.Id} points at missing ${target}`);
    }
  }

  const workbook = text.get("xl/workbook.xml") ?? "";
  const wbRels = text.get("xl/_rels/workbook.xml.rels") ?? "";
  const relById = new Map(tags(wbRels, "Relationship").map((t) => [attrs(t).Id, attrs(t)]));
  const sheets = tags(section(workbook, "sheets"), "sheet").map(attrs);
  const lower = sheets.map((s) => s.name.toLowerCase());
  if (new Set(lower).size !== lower.length) problems.push(`sheet names not unique: ${lower.join(",")}`);
  if (new Set(sheets.map((s) => s.sheetId)).size !== sheets.length) problems.push("sheetIds not unique");
  if (new Set(sheets.map((s) => s["r:id"])).size !== sheets.length) problems.push("sheet relationships not unique");
  if (!workbook.includes(`xmlns:r="${REL}"`)) problems.push("workbook.xml: no r namespace");
  for (const t of tags(section(workbook, "definedNames"), "definedName")) {
    const id = attrs(t).localSheetId;
    if (id !== undefined && Number(id) >= sheets.length) problems.push(`defined name for sheet ${id} of ${sheets.length}`);
  }
  const view = tags(workbook, "workbookView").map(attrs)[0];
  if (view?.activeTab !== undefined && Number(view.activeTab) >= sheets.length) problems.push(`activeTab ${view.activeTab} out of range`);

  const styles = text.get("xl/styles.xml") ?? "";
  const counted = (list: string, entry: string) => {
    const s = section(styles, list);
    const n = (s.match(new RegExp(`<${entry}(?=[\\s/>])`, "g")) ?? []).length;
    const declared = attrs(/^<[^>]*>/.exec(s)?.[0] ?? "").count;
    if (s && declared !== undefined && Number(declared) !== n) problems.push(`styles.xml: ${list} count ${declared}, has ${n}`);
    return n;
  };
  const fonts = counted("fonts", "font");
  const fills = counted("fills", "fill");
  const borders = counted("borders", "border");
  const xfs = counted("cellXfs", "xf");
  const dxfs = counted("dxfs", "dxf");
  counted("numFmts", "numFmt");
  const formats = new Set(tags(section(styles, "numFmts"), "numFmt").map((t) => Number(attrs(t).numFmtId)));
  for (const t of tags(section(styles, "cellXfs"), "xf")) {
    const a = attrs(t);
    if (Number(a.fontId) >= fonts || Number(a.fillId) >= fills || Number(a.borderId) >= borders)
      problems.push(`styles.xml: xf out of range: ${t}`);
    if (Number(a.numFmtId) >= 164 && !formats.has(Number(a.numFmtId))) problems.push(`styles.xml: undefined numFmt ${a.numFmtId}`);
  }

  let selected = 0;
  for (const s of sheets) {
    const rel = relById.get(s["r:id"]);
    if (!rel) {
      problems.push(`sheet ${s.name}: no relationship ${s["r:id"]}`);
      continue;
    }
    const path = resolve("xl/", rel.Target);
    const xml = text.get(path) ?? "";
    for (const m of xml.matchAll(/<c [^>]*\bs="(\d+)"/g)) if (Number(m[1]) >= xfs) problems.push(`${s.name}: style ${m[1]} of ${xfs}`);
    for (const m of xml.matchAll(/dxfId="(\d+)"/g)) if (Number(m[1]) >= dxfs) problems.push(`${s.name}: dxf ${m[1]} of ${dxfs}`);
    const masters = new Set([...xml.matchAll(/<f t="shared" ref="[^"]+" si="(\d+)"/g)].map((m) => m[1]));
    for (const m of xml.matchAll(/<f t="shared" si="(\d+)"\/>/g))
      if (!masters.has(m[1])) problems.push(`${s.name}: shared formula ${m[1]} has no first cell`);
    if (/<sheetView\b[^>]*tabSelected="(1|true)"/.test(xml)) selected++;
  }
  if (selected > 1) problems.push(`${selected} tabs selected`);
  return problems;
}
