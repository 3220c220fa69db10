/**
 * Zip compression through Node's zlib (native, with a level): what the command line saves with.
 * Node only; the host itself defaults to the web streams codec so that it also runs in a browser.
 */
import * as zlib from "zlib";
import { PieceDeflater, ZipCodec, crc32 } from "./zip-io";

/**
 * One part's deflate stream, run on libuv's thread pool (zlib's stream form), so the sheet's next rows are written
 * while a piece is compressed: at 5,000 units compression was 0.5 s of the main thread, a seventh of `kh score`.
 * One stream for the whole part, not a deflate per piece: each of those set up a zlib state and a stream (0.14 s
 * in all), and started without the text before it. A piece ends with Z_SYNC_FLUSH, on a byte boundary with the
 * stream left open (zlib.net/manual.html, deflate()); the last ends it. The output buffer (chunkSize) is a quarter
 * of a 256 KB piece, more than a sheet's XML deflates to (a tenth): with zlib's 16 KB default, each 16 KB out would
 * wait for the main thread to ask for more. Outputs are views of that buffer, which zlib fills from one to the next
 * before it takes a new one: kept as they are (a piece's outputs are not joined, nor are the part's pieces: see
 * ZipEntry.pieces), they hold no more than they use.
 */
function deflater(level: number): PieceDeflater {
  const stream = zlib.createDeflateRaw({ level, chunkSize: 1 << 16 });
  let out: Uint8Array[] = [];
  const waiting = new Set<(e: Error) => void>();
  let failed: Error | undefined;
  stream.on("data", (b: Buffer) => out.push(b));
  stream.on("error", (e: Error) => {
    failed = e;
    for (const reject of waiting) reject(e);
  });
  return (data, last) =>
    new Promise<Uint8Array[]>((resolve, reject) => {
      if (failed) return reject(failed);
      waiting.add(reject);
      const done = () => {
        waiting.delete(reject);
        // The outputs as they are, not joined: joined, each piece was a copy (3.5 MB in all at 5,000 units).
        resolve(out);
        out = [];
      };
      if (last) return void stream.once("end", done).end(data);
      // write() says false past the stream's 16 KB high-water mark, as it is for every piece: the pieces waiting
      // are bounded by DeflatingEntry (busy), not by the stream.
      stream.write(data);
      stream.flush(zlib.constants.Z_SYNC_FLUSH, done);
    });
}

export const nodeCodec: ZipCodec = {
  deflate: (data, level) => zlib.deflateRawSync(data, { level }),
  inflate: (data) => zlib.inflateRawSync(data),
  // 64 KB pieces: a sheet's text is read as it is inflated (package-reader), never whole.
  inflateChunks: (data) => zlib.createInflateRaw({ chunkSize: 1 << 16 }).end(data),
  // zlib.crc32 is in Node 20.15 and later.
  crc32: (data, previous = 0) => (typeof zlib.crc32 === "function" ? zlib.crc32(data, previous) >>> 0 : crc32(data, previous)),
  deflater,
  // Z_SYNC_FLUSH again: a stream cut short then gives what it holds instead of an error.
  inflateStart: (data, bytes) => zlib.inflateRawSync(data.subarray(0, bytes), { finishFlush: zlib.constants.Z_SYNC_FLUSH }),
};
