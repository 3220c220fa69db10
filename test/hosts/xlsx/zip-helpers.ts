/**
 * Looking inside a saved .xlsx in tests, through JSZip (not the code under test): the XML of a sheet by its name,
 * any part's text, and each entry's raw bytes as stored (compressed data, CRC, method), read from the zip's
 * central directory by hand.
 */
import JSZip from "jszip";

export async function openZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function partText(zip: JSZip, name: string): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`no part ${name}`);
  return f.async("string");
}

/** The zip path of the worksheet named `sheet` (through workbook.xml and its relationships). */
export async function sheetPath(bytes: Uint8Array, sheet: string): Promise<string> {
  const zip = await openZip(bytes);
  const workbook = await partText(zip, "xl/workbook.xml");
  const rels = await partText(zip, "xl/_rels/workbook.xml.rels");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/'/g, "&apos;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[()]/g, "\\$&");
  const tag = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*/>`).exec(workbook)?.[0];
  const id = tag && /r:id="(rId\d+)"/.exec(tag)?.[1];
  if (!id) throw new Error(`no sheet ${sheet}`);
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  if (!target) throw new Error(`no relationship ${id}`);
  return `xl/${target[1].replace(/^\/?xl\//, "")}`;
}

/** The XML of the worksheet named `sheet`. */
export async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  return partText(await openZip(bytes), await sheetPath(bytes, sheet));
}

/** The <c> element of a cell, e.g. cellXml(xml, "F2"). */
export function cellXml(xml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`, "s").exec(xml);
  if (!m) throw new Error(`no cell ${ref}`);
  return m[0];
}

export interface RawEntry {
  method: number;
  crc: number;
  size: number;
  /** The compressed bytes exactly as stored. */
  data: Uint8Array;
}

/** Every entry of a zip as stored, by name. */
export function rawEntries(bytes: Uint8Array): Map<string, RawEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a zip");
  const out = new Map<string, RawEntry>();
  let at = view.getUint32(end + 16, true);
  for (let k = view.getUint16(end + 10, true); k > 0; k--) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const compressed = view.getUint32(at + 20, true);
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, {
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 24, true),
      data: bytes.slice(start, start + compressed),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
