/**
 * The floor `kh score` is measured against (bench/kh-floor.ts): the same job done with nothing but the project's
 * own package reader and a minimal writer. Run as its own processes (bundled by esbuild, as kh is):
 *   node floor.js prep <input.xlsx> <kh's output.xlsx> <cells file>
 *   node floor.js run <input.xlsx> <cells file> <floor output.xlsx>
 * `prep` (not measured) takes the cells kh wrote (every sheet of kh's output that the input does not have) into
 * compact typed arrays — values, and each cell's <f> element as kh stored it (shared formulas too) — saved to a
 * file, so that `run`'s memory is the floor's and not that of parsing kh's output. `run` loads them, then, timed: read the input file and its data sheet with PackageReader (what kh reads), then write those cells as
 * sheet XML a chunk at a time straight into zlib's deflate stream (level 5, kh's: XlsxHost.compressionLevel), no styles, no model, and the zip
 * around them with zip-io (the input's parts copied as they are, kh's small parts — workbook.xml, styles, charts —
 * copied compressed). Prints {"ms", "maxRssMb"} as JSON.
 */
import { promises as fs } from "fs";
import { performance } from "perf_hooks";
import * as zlib from "zlib";
import { columnLetter } from "../../src/core/sheet-model";
import { nodeCodec } from "../../src/hosts/xlsx/node-codec";
import { PackageReader } from "../../src/hosts/xlsx/package-reader";
import { ZipEntry, entryData, readZip, writeZip } from "../../src/hosts/xlsx/zip-io";

/** Cell kinds: how the value is written. */
const NUMBER = 0;
const STR = 1; // a formula's text result, t="str"
const INLINE = 2; // inlineStr
const BOOL = 3;
const ERROR = 4;
const NONE = 5; // no value (a styled blank, or a formula without a result)

/** One sheet's cells, in order, as parallel arrays. */
interface Cells {
  rows: Int32Array;
  columns: Int32Array;
  kinds: Uint8Array;
  numbers: Float64Array;
  /** Index into `texts` (a text value, as escaped XML), or into `formulas` (the <f> element); -1 for none. */
  text: Int32Array;
  formula: Int32Array;
  count: number;
}

class Interned {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(s: string): number {
    let k = this.index.get(s);
    if (k === undefined) {
      k = this.list.length;
      this.list.push(s);
      this.index.set(s, k);
    }
    return k;
  }
}

const texts = new Interned();
const formulas = new Interned();

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** The cells of a sheet's XML (kh's output: one form only, so a few patterns do). */
function cellsOf(xml: string): Cells {
  const cap = (xml.match(/<c /g) ?? []).length;
  const out: Cells = {
    rows: new Int32Array(cap),
    columns: new Int32Array(cap),
    kinds: new Uint8Array(cap),
    numbers: new Float64Array(cap),
    text: new Int32Array(cap).fill(-1),
    formula: new Int32Array(cap).fill(-1),
    count: 0,
  };
  const cell =
    /<c r="([A-Z]+)(\d+)"(?: s="\d+")?(?: t="(\w+)")?(?:\/>|>(<f[^>]*\/>|<f[^>]*>[^<]*<\/f>)?(?:<v>([^<]*)<\/v>|<is>(?:<t[^>]*>([^<]*)<\/t>)?<\/is>)?<\/c>)/g;
  for (let m = cell.exec(xml); m; m = cell.exec(xml)) {
    const k = out.count++;
    out.columns[k] = columnIndex(m[1]);
    out.rows[k] = Number(m[2]);
    const [t, f, v, is] = [m[3], m[4], m[5], m[6]];
    if (f) out.formula[k] = formulas.id(f);
    if (t === "inlineStr") {
      out.kinds[k] = INLINE;
      out.text[k] = texts.id(is ?? "");
    } else if (v === undefined) out.kinds[k] = NONE;
    else if (t === "str") {
      out.kinds[k] = STR;
      out.text[k] = texts.id(v);
    } else if (t === "b") {
      out.kinds[k] = BOOL;
      out.numbers[k] = Number(v);
    } else if (t === "e") {
      out.kinds[k] = ERROR;
      out.text[k] = texts.id(v);
    } else out.numbers[k] = Number(v);
  }
  return out;
}

const letters: string[] = [];
const letter = (c: number) => (letters[c] ??= columnLetter(c));

/** The sheet XML of `cells`, handed to `add` a piece at a time. */
function writeSheet(cells: Cells, add: (s: string) => void): void {
  add(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
  );
  let row = -1;
  let line = "";
  for (let k = 0; k < cells.count; k++) {
    const r = cells.rows[k];
    if (r !== row) {
      if (row >= 0) add(line + "</row>");
      line = `<row r="${r}">`;
      row = r;
    }
    const f = cells.formula[k] >= 0 ? formulas.list[cells.formula[k]] : "";
    const ref = letter(cells.columns[k]) + r;
    switch (cells.kinds[k]) {
      case NUMBER:
        line += `<c r="${ref}">${f}<v>${cells.numbers[k]}</v></c>`;
        break;
      case STR:
        line += `<c r="${ref}" t="str">${f}<v>${texts.list[cells.text[k]]}</v></c>`;
        break;
      case INLINE:
        line += `<c r="${ref}" t="inlineStr"><is><t>${texts.list[cells.text[k]]}</t></is></c>`;
        break;
      case BOOL:
        line += `<c r="${ref}" t="b">${f}<v>${cells.numbers[k]}</v></c>`;
        break;
      case ERROR:
        line += `<c r="${ref}" t="e">${f}<v>${texts.list[cells.text[k]]}</v></c>`;
        break;
      default:
        line += f ? `<c r="${ref}">${f}</c>` : `<c r="${ref}"/>`;
    }
  }
  if (row >= 0) add(line + "</row>");
  add("</sheetData></worksheet>");
}

/** A sheet deflated as it is made: 64 KB of XML at a time into one zlib stream, the CRC kept as it goes. */
async function deflatedSheet(name: string, cells: Cells): Promise<ZipEntry> {
  const deflate = zlib.createDeflateRaw({ level: 5 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  let pending: string[] = [];
  let length = 0;
  let size = 0;
  let crc = 0;
  const flush = () => {
    const bytes = Buffer.from(pending.join(""), "utf8");
    pending = [];
    length = 0;
    size += bytes.length;
    crc = zlib.crc32(bytes, crc);
    deflate.write(bytes);
  };
  writeSheet(cells, (s) => {
    pending.push(s);
    length += s.length;
    if (length >= 1 << 16) flush();
  });
  flush();
  deflate.end();
  await done;
  const raw = Buffer.concat(out);
  return { name, method: 8, flags: 0, time: 0, date: 0x21, crc: crc >>> 0, size, raw };
}

const ARRAYS = ["rows", "columns", "kinds", "numbers", "text", "formula"] as const;

/** kh's cells (see the note above), and its small parts, into one file: a JSON head, then the arrays' bytes. */
async function prep(input: string, khOutput: string, file: string): Promise<void> {
  const inputNames = new Set(readZip(await fs.readFile(input)).map((e) => e.name));
  const khEntries = readZip(await fs.readFile(khOutput));
  const sheets: { name: string; count: number }[] = [];
  const small: { name: string; method: number; crc: number; size: number; raw: string }[] = [];
  const blobs: Buffer[] = [];
  for (const e of khEntries) {
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) && !inputNames.has(e.name)) {
      const cells = cellsOf(new TextDecoder().decode(await entryData(e, nodeCodec)));
      sheets.push({ name: e.name, count: cells.count });
      for (const a of ARRAYS) blobs.push(Buffer.from(cells[a].buffer, 0, cells.count * cells[a].BYTES_PER_ELEMENT));
    } else if (!inputNames.has(e.name) || /^xl\/(workbook\.xml|styles\.xml|_rels\/)|^\[Content_Types\]\.xml$/.test(e.name)) {
      small.push({ name: e.name, method: e.method, crc: e.crc, size: e.size, raw: Buffer.from(e.raw).toString("base64") });
    }
  }
  const head = Buffer.from(JSON.stringify({ sheets, small, texts: texts.list, formulas: formulas.list }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  await fs.writeFile(file, Buffer.concat([length, head, ...blobs]));
}

async function load(file: string): Promise<{ sheets: { name: string; cells: Cells }[]; small: ZipEntry[] }> {
  const bytes = await fs.readFile(file);
  const headLength = bytes.readUInt32LE(0);
  const head = JSON.parse(bytes.subarray(4, 4 + headLength).toString()) as {
    sheets: { name: string; count: number }[];
    small: { name: string; method: number; crc: number; size: number; raw: string }[];
    texts: string[];
    formulas: string[];
  };
  head.texts.forEach((t) => texts.id(t));
  head.formulas.forEach((f) => formulas.id(f));
  let at = 4 + headLength;
  const take = <T>(make: (b: ArrayBuffer) => T, count: number, size: number): T => {
    const copy = bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * size);
    at += count * size;
    return make(copy);
  };
  const sheets = head.sheets.map(({ name, count }) => ({
    name,
    cells: {
      rows: take((b) => new Int32Array(b), count, 4),
      columns: take((b) => new Int32Array(b), count, 4),
      kinds: take((b) => new Uint8Array(b), count, 1),
      numbers: take((b) => new Float64Array(b), count, 8),
      text: take((b) => new Int32Array(b), count, 4),
      formula: take((b) => new Int32Array(b), count, 4),
      count,
    },
  }));
  const small = head.small.map((e): ZipEntry => ({
    name: e.name,
    method: e.method,
    flags: 0,
    time: 0,
    date: 0x21,
    crc: e.crc,
    size: e.size,
    raw: Buffer.from(e.raw, "base64"),
  }));
  return { sheets, small };
}

async function run(input: string, file: string, floorOutput: string): Promise<void> {
  const { sheets, small } = await load(file);
  const start = performance.now();
  const bytes = await fs.readFile(input);
  const reader = await PackageReader.open(bytes, nodeCodec);
  const data = await reader.readSheet(reader.sheets[0].name);
  if (!data || data.values.length < 2) throw new Error("floor: the data sheet did not read");
  const entries: ZipEntry[] = readZip(bytes).filter((e) => !small.some((s) => s.name === e.name));
  for (const g of sheets) entries.push(await deflatedSheet(g.name, g.cells));
  entries.push(...small);
  await fs.writeFile(floorOutput, await writeZip(entries, nodeCodec, 6));
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

const [mode, ...files] = process.argv.slice(2);
(mode === "prep" ? prep(files[0], files[1], files[2]) : run(files[0], files[1], files[2])).catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
