/**
 * Zip compression through Node's zlib (native, synchronous, with a level): what the command line saves with.
 * Node only; the host itself defaults to the web streams codec so that it also runs in a browser.
 */
import * as zlib from "zlib";
import { ZipCodec, crc32 } from "./zip-io";

export const nodeCodec: ZipCodec = {
  deflate: (data, level) => zlib.deflateRawSync(data, { level }),
  inflate: (data) => zlib.inflateRawSync(data),
  // zlib.crc32 is in Node 20.15 and later.
  crc32: (data) => (typeof zlib.crc32 === "function" ? zlib.crc32(data) >>> 0 : crc32(data)),
};
