/** Looking inside a saved .xlsx in tests: the XML of a sheet by its name, and the shared strings. */
import JSZip from "jszip";

export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function partText(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`no part ${name}`);
  return f.async("string");
}

/** The XML of the worksheet named `sheet` (through workbook.xml and its relationships). */
export async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const zip = await openZip(bytes);
  const workbook = await partText(zip, "xl/workbook.xml");
  const rels = await partText(zip, "xl/_rels/workbook.xml.rels");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const m = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="(rId\\d+)"`).exec(workbook);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const target = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!target) throw new Error(`no relationship ${m[1]}`);
  return partText(zip, `xl/${target[1].replace(/^\/?xl\//, "")}`);
}

export async function sharedStrings(bytes: Uint8Array): Promise<string[]> {
  const xml = await partText(await openZip(bytes), "xl/sharedStrings.xml");
  return [...xml.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(""));
}

/** The <c> element of a cell, e.g. cellXml(xml, "F2"). */
export function cellXml(xml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`, "s").exec(xml);
  if (!m) throw new Error(`no cell ${ref}`);
  return m[0];
}
