/**
 * A sheet read as its part is inflated, a piece at a time (sheet-stream), reads exactly as its whole text does
 * (parseSheet over normalPart's text): whatever the pieces — cut inside a tag, a cell, a multi-byte character —
 * and on every kind of XML the reader knows. And the part is never inflated whole.
 */
import * as zlib from "zlib";
import { PackageReader, parseSheet } from "../../../src/hosts/xlsx/package-reader";
import { normalPart } from "../../../src/hosts/xlsx/namespaces";
import { nodeCodec } from "../../../src/hosts/xlsx/node-codec";
import { ZipCodec } from "../../../src/hosts/xlsx/zip-io";
import { EXCEL_DATA_SHEET, excelLikeWorkbook } from "./excel-like";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
/** excel-like's shared strings, as read. */
const STRINGS = ["2025年度考核数据", "单位", "党建", "合计", "牛颈村", "西牛村", "大坪社区", "本表由目标办维护 "];

const worksheet = (rows: string, after = "", root = `<worksheet xmlns="${MAIN}">`, end = "</worksheet>") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${root}<dimension ref="A1"/><sheetData>${rows}</sheetData>${after}${end}`;

/** Rows of every kind of cell: shared strings, numbers, rich inline text with a phonetic guide, dates, errors, formulas. */
function rows(n: number): string {
  let out = "";
  for (let r = 1; r <= n; r++) {
    out +=
      `<row r="${r}" spans="1:9"><c r="A${r}" t="s"><v>${r % 8}</v></c><c r="B${r}" s="2"><v>${r * 1.25}</v></c><c r="C${r}"><v>-${r}.5e-3</v></c>` +
      `<c r="D${r}" t="inlineStr"><is><r><t xml:space="preserve">牛颈 ${r} </t></r><r><t>村&amp;&lt;</t></r><rPh sb="0" eb="1"><t>ニウ</t></rPh></is></c>` +
      `<c r="E${r}" t="str"><f>"x"&amp;A${r}</f><v>x_x0041_${r}</v></c><c r="F${r}"><f t="shared" ref="F${r}:F${r + 3}" si="${r >> 2}">B${r}*2</f><v>${r * 2.5}</v></c>` +
      `<c r="G${r}" t="d"><v>2025-11-${(r % 28) + 1}T12:00:00</v></c><c r="H${r}" t="e"><v>#N/A</v></c><c r="I${r}" t="b"><v>${r % 2}</v></c></row>`;
  }
  return out;
}

const SHEETS: Record<string, string> = {
  "every kind of cell, merged": worksheet(rows(60), `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7"/>`),
  "rows and cells without r": worksheet(
    `<row><c t="s"><v>1</v></c><c><v>2</v></c><c/><c><v>3</v></c></row><row spans="1:2"><c><v>4</v></c></row>`
  ),
  "spills and formulas without results": worksheet(
    `<row r="1"><c r="A1" cm="1"><f t="array" ref="A1:A3">SEQUENCE(3)</f><v>1</v></c><c r="B1"><f>A1+1</f></c><c r="C1"><f>Sheet2!A1</f><v/></c></row>` +
      `<row r="2"><c r="A2"><v>2</v></c></row>`
  ),
  "a stray cell far away": worksheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>9</v></c></row>`),
  Strict: worksheet(rows(20), "", `<worksheet xmlns="${STRICT}" conformance="strict">`),
  "SpreadsheetML under x:": worksheet(
    rows(20).replace(/<(\/?)(row|c|v|f|is|r|t|rPh)\b/g, "<$1x:$2"),
    `<x:mergeCells><x:mergeCell ref="A1:C1"/></x:mergeCells>`,
    `<x:worksheet xmlns:x="${MAIN}">`,
    "</x:worksheet>"
  ).replace(/<(\/?)sheetData>/g, "<$1x:sheetData>"),
  "white space and a byte order mark": `\ufeff${worksheet(rows(5))}\r\n  `,
};

/** nodeCodec, but giving a part's bytes in pieces of 1 to `max` bytes (from a fixed seed), and noting whole inflates. */
function inPieces(max: number, wholeSizes: number[] = []): ZipCodec {
  return {
    ...nodeCodec,
    inflate: (data, size) => {
      wholeSizes.push(size);
      return zlib.inflateRawSync(data);
    },
    inflateChunks: async function* (data) {
      const all = zlib.inflateRawSync(data);
      let seed = max;
      for (let at = 0; at < all.length;) {
        seed = (seed * 16807) % 2147483647;
        const n = 1 + (seed % max);
        yield all.subarray(at, at + n);
        at += n;
      }
    },
  };
}

async function readInPieces(xml: string, codec: ZipCodec) {
  const bytes = await excelLikeWorkbook((parts) => parts.set("xl/worksheets/sheet1.xml", xml));
  return (await PackageReader.open(bytes, codec)).readSheet(EXCEL_DATA_SHEET);
}

describe("a sheet read a piece at a time", () => {
  it.each(Object.keys(SHEETS))("%s: as its whole text, in pieces of any size", async (name) => {
    const xml = SHEETS[name];
    const whole = parseSheet(EXCEL_DATA_SHEET, normalPart(xml.replace(/^\ufeff/, "")), STRINGS, false, new Set());
    expect(whole.values.length).toBeGreaterThan(0);
    for (const max of [1, 3, 17, 200, 1 << 16]) expect([max, await readInPieces(xml, inPieces(max))]).toEqual([max, whole]);
  });

  it("the part is never inflated whole", async () => {
    const xml = SHEETS["every kind of cell, merged"];
    const whole: number[] = [];
    await readInPieces(xml, inPieces(1 << 16, whole));
    expect(whole).not.toContain(new TextEncoder().encode(xml).length);
    expect(whole.length).toBeGreaterThan(0); // the other parts are
  });

  it("a SpreadsheetML prefix declared further in: the part is read whole, its cells still read", async () => {
    const xml = worksheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="2" xmlns:y="${MAIN}"><y:c r="A2"><y:v>2</y:v></y:c></row>`);
    const whole: number[] = [];
    const sheet = await readInPieces(xml, inPieces(5, whole));
    expect(sheet?.values).toEqual([[1], [2]]);
    expect(whole).toContain(new TextEncoder().encode(xml).length);
  });

  it("a part cut off inside <sheetData> is reported, however it is cut", async () => {
    const xml = SHEETS["every kind of cell, merged"];
    for (const cut of [xml.indexOf("</sheetData>"), xml.length - 10, 2000])
      await expect(readInPieces(xml.slice(0, cut), inPieces(50))).rejects.toThrow(`工作表「${EXCEL_DATA_SHEET}」的内容不完整`);
  });
});
