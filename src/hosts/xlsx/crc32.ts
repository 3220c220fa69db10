/**
 * CRC-32 as zip stores it (the reflected polynomial 0xEDB88320), and the CRC of two pieces of content one after
 * the other from the pieces' own CRCs: a sheet's head (<dimension>, known only once its rows are written) is put
 * before the rows after they are deflated, and the entry's CRC is that of the head and rows together. The combine
 * is zlib's crc32_combine (zlib 1.2.12 and later: multmodp and x2nmodp, crc32.c), which Node does not expose.
 */

const POLY = 0xedb88320;
let table: Uint32Array | undefined;

/** CRC-32 of `data` for codecs that have no native one, continuing from `previous` (the CRC of what came before; 0 to start). */
export function crc32(data: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? POLY ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** a(x) × b(x) modulo the CRC's polynomial, both reflected as the CRC is. */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, for k = 0…31. */
let powers: number[] | undefined;

/** x^(n × 2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  if (!powers) {
    powers = [];
    let p = 0x40000000; // x^1
    for (let i = 0; i < 32; i++) {
      powers.push(p);
      p = multModP(p, p);
    }
  }
  let p = 0x80000000; // x^0
  for (; n > 0; n = Math.floor(n / 2), k++) if (n % 2 === 1) p = multModP(powers[k & 31], p);
  return p;
}

/** The CRC of A followed by B, from A's CRC, B's CRC and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}
