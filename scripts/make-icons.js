#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png) with nothing but zlib: a red rounded square with three
 * white rising bars (a bar chart: the scores, the ranking). No fonts, so no "考" glyph: bars stay legible at 16 px.
 * Run `node scripts/make-icons.js` after changing the design and commit the PNGs; a test checks they match.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const RED = [200, 16, 46];
const WHITE = [255, 255, 255];
/** Supersampling per axis: edges get 8×8 coverage samples, so small sizes are anti-aliased. */
const SS = 8;

/** Shapes in unit coordinates (0..1, y downwards). */
const CORNER = 0.2;
const BASELINE = 0.8;
const BARS = [
  { x0: 0.17, x1: 0.35, top: 0.56 },
  { x0: 0.41, x1: 0.59, top: 0.4 },
  { x0: 0.65, x1: 0.83, top: 0.2 },
];

function inRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER * CORNER && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function inBar(x, y) {
  return BARS.some((b) => x >= b.x0 && x < b.x1 && y >= b.top && y < BASELINE);
}

/** RGBA pixels of one icon, row-major. */
function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let bar = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (inRoundedSquare(x, y)) {
            square++;
            if (inBar(x, y)) bar++;
          }
        }
      }
      const i = (py * size + px) * 4;
      const w = square === 0 ? 0 : bar / square;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(RED[c] * (1 - w) + WHITE[c] * w);
      rgba[i + 3] = Math.round((255 * square) / (SS * SS));
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), every row with filter 0. Deterministic: same pixels, same bytes. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function iconPng(size) {
  return encodePng(size, size, drawIcon(size));
}

module.exports = { SIZES, drawIcon, encodePng, iconPng, crc32 };

if (require.main === module) {
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, iconPng(size));
    console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}
