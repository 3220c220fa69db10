/**
 * Zip compression through Node's zlib (native, synchronous, with a level): what the command line saves with.
 * Node only; the host itself defaults to the web streams codec so that it also runs in a browser.
 */
import * as zlib from "zlib";
import { ZipCodec, crc32 } from "./zip-io";

export const nodeCodec: ZipCodec = {
  deflate: (data, level) => zlib.deflateRawSync(data, { level }),
  inflate: (data) => zlib.inflateRawSync(data),
  // 64 KB pieces: a sheet's text is read as it is inflated (package-reader), never whole.
  inflateChunks: (data) => zlib.createInflateRaw({ chunkSize: 1 << 16 }).end(data),
  // zlib.crc32 is in Node 20.15 and later.
  crc32: (data, previous = 0) => (typeof zlib.crc32 === "function" ? zlib.crc32(data, previous) >>> 0 : crc32(data, previous)),
  // Z_SYNC_FLUSH ends a piece on a byte boundary with the stream left open (zlib.net/manual.html, deflate()); only
  // the last piece ends it (Z_FINISH, the default).
  deflatePiece: (data, level, last) => zlib.deflateRawSync(data, { level, ...(last ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }) }),
  // Z_SYNC_FLUSH again: a stream cut short then gives what it holds instead of an error.
  inflateStart: (data, bytes) => zlib.inflateRawSync(data.subarray(0, bytes), { finishFlush: zlib.constants.Z_SYNC_FLUSH }),
};
