/**
 * The zip container of an .xlsx, read and written directly. Reading lists the entries from the central directory
 * and hands out each one's compressed bytes as a view of the file (nothing is copied or inflated until asked);
 * writing copies an unchanged entry's compressed bytes and CRC as they were, and deflates only new content.
 * Compression goes through a ZipCodec: the web streams one here (browsers and Node alike), or Node's zlib
 * (xlsx-file), which is faster and takes a level. No ZIP64: a workbook part over 4 GB is not a township's.
 * A big part (a generated sheet's XML) can be deflated as it is made (DeflatingEntry), where the codec can deflate
 * it a piece at a time, so it never exists whole in memory.
 */

import { crc32, crc32Combine } from "./crc32";

export { crc32 };

export interface ZipCodec {
  /** Raw deflate (no zlib header) at `level` 1–9, where the codec supports levels. */
  deflate(data: Uint8Array, level: number): Promise<Uint8Array> | Uint8Array;
  /** Raw inflate; `size` is the uncompressed size the zip records. */
  inflate(data: Uint8Array, size: number): Promise<Uint8Array> | Uint8Array;
  /** Raw inflate a piece at a time, so that a big part's content is never whole in memory (entryChunks). */
  inflateChunks?(data: Uint8Array): AsyncIterable<Uint8Array>;
  /** CRC-32 of `data`, continuing from `previous` (the CRC of what came before it; 0 to start). */
  crc32(data: Uint8Array, previous?: number): number;
  /**
   * A raw deflate stream for one long content given a piece at a time: each piece's bytes come back flushed to a
   * byte boundary (zlib's sync flush), the last piece's with the stream ended, so the pieces' bytes one after
   * another are the content's deflate stream. A codec without it deflates such content whole (DeflatingEntry). A
   * promise: the piece is deflated on another thread while the caller goes on, and `data` must stay as it is until
   * it settles.
   */
  deflater?(level: number): PieceDeflater;
  /** What the first `bytes` bytes of a raw deflate stream inflate to: the start of a part, without the rest. */
  inflateStart?(data: Uint8Array, bytes: number): Uint8Array;
}

/** See ZipCodec.deflater. A piece's deflated bytes come as arrays, one after another (zlib's outputs as they are). */
export type PieceDeflater = (data: Uint8Array, last: boolean) => readonly Uint8Array[] | Promise<readonly Uint8Array[]>;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  /** The entry's compressed bytes, a view of the file. */
  raw: Uint8Array;
  /**
   * The compressed bytes as they were made, in pieces one after another (DeflatingEntry's): `raw` is them joined,
   * made only when asked for. zipPieces hands the pieces on as they are (joined first, they were 3.6 MB more of the
   * save's memory at 5,000 units, at its peak).
   */
  pieces?: readonly Uint8Array[];
}

/** Content to add or replace, by name. */
export interface NewEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800;
const DATA_DESCRIPTOR = 0x0008;

export class ZipFormatError extends Error {}

/** The entries of a zip, in the order of its central directory. Throws ZipFormatError on anything else. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError("不是 zip 文件（找不到目录）");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError("不支持 ZIP64 格式");
  const names = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipFormatError("zip 目录已损坏");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    if (compressed === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new ZipFormatError("不支持 ZIP64 格式");
    if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL) throw new ZipFormatError("zip 条目已损坏");
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    if (start + compressed > bytes.length) throw new ZipFormatError("zip 条目不完整");
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method,
      flags,
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size,
      raw: bytes.subarray(start, start + compressed),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed content of an entry. */
export async function entryData(entry: ZipEntry, codec: ZipCodec): Promise<Uint8Array> {
  if (entry.method === 0) return entry.raw;
  if (entry.method !== 8) throw new ZipFormatError(`不支持的压缩方式（${entry.method}）：${entry.name}`);
  return codec.inflate(entry.raw, entry.size);
}

/** How much of a stored (not deflated) entry entryChunks gives at a time. */
const STORED_CHUNK = 1 << 16;

/** The uncompressed content of an entry a piece at a time: whole where the codec cannot inflate in pieces. */
export async function* entryChunks(entry: ZipEntry, codec: ZipCodec): AsyncIterable<Uint8Array> {
  if (entry.method === 0) {
    for (let at = 0; at < entry.raw.length; at += STORED_CHUNK) yield entry.raw.subarray(at, at + STORED_CHUNK);
  } else if (entry.method === 8 && codec.inflateChunks) yield* codec.inflateChunks(entry.raw);
  else yield await entryData(entry, codec);
}

/** MS-DOS time and date of now, as a zip stores them. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * How much of a part DeflatingEntry deflates at once: big enough that the pieces cost nothing in compression (at
 * 5,000 units the file is 0.05% bigger than with 1 MB pieces), small enough that the pieces in flight hold little
 * (with 1 MB pieces the save's peak was 3–4 MB higher, measured; no slower).
 */
const PIECE = 1 << 18;

export function concatenated(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** How many characters of text DeflatingEntry joins before turning them into UTF-8 (one encodeInto for many). */
const TEXT_CHUNK = 1 << 16;

/** How long a text DeflatingEntry encodes as it is, not joined with others first. */
const LONG_TEXT = 1 << 10;

/** A piece's buffer: the piece, and room for the UTF-8 of one chunk of text (a UTF-16 unit is at most 3 bytes). */
const BUFFER = PIECE + 3 * TEXT_CHUNK;

/** How many pieces DeflatingEntry lets be deflated at once on other threads before its writer waits (`busy`). */
const IN_FLIGHT = 2;

/**
 * A new part written a piece at a time and deflated as it comes (256 KB at a time, with the codec's
 * deflater; whole at the end with a codec that has none): a generated sheet's XML, tens of MB, is never held
 * whole, only its compressed bytes. Text is turned into UTF-8 straight into one buffer, used again for each piece
 * (at 5,000 units, a new array per 64K characters was 45 MB of garbage outside the heap, and half of the peak
 * memory of the save). With a codec that deflates on another thread (Node's zlib thread pool), a piece is
 * deflated while the next one is written — the writer checks `busy` between rows and waits for `settled()`, so at
 * most IN_FLIGHT pieces wait, each in a buffer of its own. `entry()` ends it; the entry is written into the zip as
 * it is (writeZip).
 */
export class DeflatingEntry {
  private static readonly encoder = new TextEncoder();
  /**
   * Buffers of pieces deflated, to write the next ones into — this part's or the next part's: new ones for each
   * part were 20 MB outside the heap at 5,000 units, left for V8's next collection. IN_FLIGHT + 1 at most.
   */
  private static readonly spare: Uint8Array[] = [];

  private static reuse(buffer: Uint8Array): void {
    if (buffer.length === BUFFER && DeflatingEntry.spare.length <= IN_FLIGHT) DeflatingEntry.spare.push(buffer);
  }

  /** The bytes not deflated yet, `used` of them: a piece, and room for the UTF-8 of one chunk of text. */
  private buffer: Uint8Array = DeflatingEntry.spare.pop() ?? new Uint8Array(BUFFER);
  private used = 0;
  private texts: string[] = [];
  private textLength = 0;
  /** The codec's deflate stream for this part, if it has one. */
  private readonly deflate: PieceDeflater | undefined;
  /** The pieces deflated or being deflated (with a deflater), or kept to deflate at the end (without). */
  private readonly done: (readonly Uint8Array[] | Promise<readonly Uint8Array[]>)[] = [];
  /** The pieces still being deflated on another thread, oldest first. */
  private readonly pending: Promise<void>[] = [];
  private crc = 0;
  private size = 0;
  /** The part's first text, given last (`head`). */
  private first: string | undefined;

  constructor(
    private readonly name: string,
    private readonly codec: ZipCodec,
    private readonly level: number
  ) {
    this.deflate = codec.deflater?.(level);
  }

  /** Too many pieces are being deflated: the writer should wait for `settled()` before it goes on. */
  get busy(): boolean {
    return this.pending.length >= IN_FLIGHT;
  }

  /** Resolves when the oldest piece being deflated is done. */
  async settled(): Promise<void> {
    await this.pending[0];
  }

  /**
   * Text of the part, added in order with `write`'s bytes. Short texts are joined before they are encoded (one
   * encodeInto for many); a long one (a row of a big sheet) is encoded as it is: joined, a chunk of rows is one
   * string as wide as its widest character, and a sheet's rows each have a Chinese name (measured: 1.4–1.9× the
   * time of encoding each row, which is flattened and encoded at once).
   */
  text = (s: string): void => {
    if (s.length >= LONG_TEXT) {
      this.encodeTexts();
      return this.encode(s);
    }
    this.texts.push(s);
    this.textLength += s.length;
    if (this.textLength >= TEXT_CHUNK) this.encodeTexts();
  };

  /** Bytes of the part (copied: the caller may use them again). */
  write = (bytes: Uint8Array): void => {
    this.encodeTexts();
    for (let at = 0; at < bytes.length;) {
      const n = Math.min(this.buffer.length - this.used, bytes.length - at);
      this.buffer.set(bytes.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used >= PIECE) this.pieceDone(false);
    }
  };

  private encodeTexts(): void {
    if (this.texts.length === 0) return;
    const s = this.texts.join("");
    this.texts = [];
    this.textLength = 0;
    this.encode(s);
  }

  private encode(s: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8.
    if (this.used + 3 * s.length > this.buffer.length) this.pieceDone(false);
    if (3 * s.length > this.buffer.length) return this.write(DeflatingEntry.encoder.encode(s));
    this.used += DeflatingEntry.encoder.encodeInto(s, this.buffer.subarray(this.used)).written;
    if (this.used >= PIECE) this.pieceDone(false);
  }

  private pieceDone(last: boolean): void {
    if (this.used === 0 && !last) return;
    const data = this.buffer.subarray(0, this.used);
    this.crc = this.codec.crc32(data, this.crc);
    this.size += data.length;
    this.used = 0;
    if (!this.deflate) {
      this.done.push([data.slice()]);
      return;
    }
    const deflated = this.deflate(data, last);
    this.done.push(deflated);
    if (!(deflated instanceof Promise)) return;
    // The buffer is the other thread's until the piece is done: the next piece gets another, and this one is used
    // again once done (a new one each time is a piece of garbage outside the heap, left until V8 next
    // collects). A failure is entry()'s to report (it awaits every piece); here it only ends the wait.
    const buffer = this.buffer;
    const off = () => {
      this.pending.splice(this.pending.indexOf(settled), 1);
      DeflatingEntry.reuse(buffer);
    };
    const settled = deflated.then(off, off);
    this.pending.push(settled);
    this.buffer = DeflatingEntry.spare.pop() ?? new Uint8Array(BUFFER);
  }

  /**
   * The text that comes first in the part, given once the rest is written: a sheet's <dimension>, before its rows,
   * is known only once they are (so each row is made once, not once to measure and again to write).
   */
  head = (s: string): void => {
    this.first = s;
  };

  async entry(): Promise<ZipEntry> {
    this.encodeTexts();
    this.pieceDone(!!this.deflate);
    const first = this.first ? DeflatingEntry.encoder.encode(this.first) : undefined;
    // After the last piece: its bytes are in the size and CRC, and the head's go before them.
    const crc = first ? crc32Combine(this.codec.crc32(first), this.crc, this.size) : this.crc;
    const entry = { name: this.name, method: 8, flags: 0, ...dosNow(), crc, size: this.size + (first?.length ?? 0) };
    if (!this.deflate) {
      this.reuseBuffer();
      const rest = (this.done as Uint8Array[][]).flat();
      return { ...entry, raw: await this.codec.deflate(concatenated(first ? [first, ...rest] : rest), this.level) };
    }
    const pieces = [...(first ? await this.flushedAlone(first) : []), ...(await Promise.all(this.done)).flat()];
    this.reuseBuffer();
    let raw: Uint8Array | undefined;
    return {
      ...entry,
      pieces,
      get raw() {
        return (raw ??= concatenated(pieces));
      },
    };
  }

  /**
   * `data` deflated on its own, ending flushed to a byte boundary, not as the last block: put before the rest's
   * deflate stream, the two are one stream (as pigz joins the streams it deflates in parallel), since none of the
   * rest's back-references reaches before the rest's own start.
   */
  private async flushedAlone(data: Uint8Array): Promise<readonly Uint8Array[]> {
    const deflate = this.codec.deflater!(this.level);
    const out = await deflate(data, false);
    // Ends that stream, so its state is freed; what ending gives (an empty last block) is not used.
    await deflate(new Uint8Array(0), true);
    return out;
  }

  private reuseBuffer(): void {
    DeflatingEntry.reuse(this.buffer);
    this.buffer = new Uint8Array(0);
  }
}

/** A zip of `entries`: kept ones as they were (compressed bytes and CRC), new ones deflated at `level`. */
export async function writeZip(entries: readonly (ZipEntry | NewEntry)[], codec: ZipCodec, level: number): Promise<Uint8Array> {
  return concatenated(await zipPieces(entries, codec, level));
}

/**
 * writeZip's bytes in pieces, one after another: the headers and each entry's compressed bytes as they are, not
 * copied into one array (a file is written from the pieces: at 5,000 units the copy was 4.7 MB at kh's peak).
 */
export async function zipPieces(entries: readonly (ZipEntry | NewEntry)[], codec: ZipCodec, level: number): Promise<Uint8Array[]> {
  const now = dosNow();
  const encoder = new TextEncoder();
  const items: { name: Uint8Array; entry: ZipEntry }[] = [];
  for (const e of entries) {
    if ("raw" in e) {
      items.push({ name: encoder.encode(e.name), entry: e });
      continue;
    }
    const raw = await codec.deflate(e.data, level);
    const entry: ZipEntry = { name: e.name, method: 8, flags: 0, ...now, crc: codec.crc32(e.data), size: e.data.length, raw };
    items.push({ name: encoder.encode(e.name), entry });
  }
  const rawLength = (e: ZipEntry) => (e.pieces ? e.pieces.reduce((n, p) => n + p.length, 0) : e.raw.length);
  // The headers and the directory, in one array; the entries' bytes between them.
  let total = 22;
  for (const { name } of items) total += 30 + name.length + 46 + name.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const pieces: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  let offset = 0;
  const header = (signature: number, name: Uint8Array, e: ZipEntry, central: boolean, offset: number) => {
    const flags = (e.flags & ~DATA_DESCRIPTOR) | UTF8_NAMES;
    view.setUint32(at, signature, true);
    let p = at + 4;
    if (central) {
      view.setUint16(p, 20, true);
      p += 2;
    }
    view.setUint16(p, 20, true);
    view.setUint16(p + 2, flags, true);
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, e.time, true);
    view.setUint16(p + 8, e.date, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, rawLength(e), true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, name.length, true);
    view.setUint16(p + 24, 0, true); // no extra fields
    p += 26;
    if (central) {
      // comment length, disk, internal and external attributes: 0; then the local header's offset
      view.setUint32(p + 10, offset, true);
      p += 14;
    }
    out.set(name, p);
    at = p + name.length;
  };
  for (const { name, entry } of items) {
    offsets.push(offset);
    const start = at;
    header(LOCAL, name, entry, false, 0);
    pieces.push(out.subarray(start, at));
    offset += at - start;
    for (const piece of entry.pieces ?? [entry.raw]) {
      pieces.push(piece);
      offset += piece.length;
    }
  }
  const directory = at;
  items.forEach(({ name, entry }, i) => header(CENTRAL, name, entry, true, offsets[i]));
  view.setUint32(at, END, true);
  view.setUint16(at + 8, items.length, true);
  view.setUint16(at + 10, items.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, offset, true);
  pieces.push(out.subarray(directory));
  return pieces;
}

async function throughStream(data: Uint8Array, stream: { readable: ReadableStream; writable: WritableStream }): Promise<Uint8Array> {
  const out = await new Response(
    new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream as unknown as TransformStream<Uint8Array, Uint8Array>)
  ).arrayBuffer();
  return new Uint8Array(out);
}

/** The chunks a stream gives, as they come. */
async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    await reader.cancel().catch(() => undefined); // stopped early: the rest is not wanted
  }
}

/** Compression Streams ("deflate-raw"): browsers and Node 18+. Its level is the platform's default. */
export const webCodec: ZipCodec = {
  deflate: (data) => throughStream(data, new CompressionStream("deflate-raw")),
  inflate: (data) => throughStream(data, new DecompressionStream("deflate-raw")),
  inflateChunks: (data) =>
    streamChunks(
      new Blob([data as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream("deflate-raw") as unknown as TransformStream<Uint8Array, Uint8Array>)
    ),
  crc32,
};
