import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { SIZES, crc32, drawIcon, encodePng, iconPng } from "../../scripts/make-icons";

/** Decodes the PNGs make-icons writes (RGBA, 8 bit, filter 0, one IDAT), checking every chunk's CRC. */
function decode(png: Buffer): { width: number; height: number; rgba: Buffer } {
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)));
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

function pixel(img: { width: number; rgba: Buffer }, x: number, y: number): number[] {
  const i = (y * img.width + x) * 4;
  return [...img.rgba.subarray(i, i + 4)];
}

describe("make-icons", () => {
  test("CRC-32 matches the standard check value", () => {
    expect(crc32(Buffer.from("123456789", "ascii"))).toBe(0xcbf43926);
  });

  test("encodePng round-trips pixels", () => {
    const rgba = Buffer.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4]);
    expect(decode(encodePng(2, 2, rgba))).toEqual({ width: 2, height: 2, rgba });
  });

  test.each(SIZES)("the committed assets/icon-%i.png is what the script draws", (size) => {
    const committed = fs.readFileSync(path.join(__dirname, "../../assets", `icon-${size}.png`));
    expect(committed.equals(iconPng(size))).toBe(true);
  });

  test.each(SIZES)("icon %i: transparent corners, red square, white bars", (size) => {
    const img = decode(iconPng(size));
    expect(img.rgba.equals(drawIcon(size))).toBe(true);
    expect(pixel(img, 0, 0)[3]).toBeLessThan(16);
    expect(pixel(img, size - 1, size - 1)[3]).toBeLessThan(16);
    // Left of the first bar, near the top: solid red.
    expect(pixel(img, Math.floor(size * 0.08), Math.floor(size * 0.3))).toEqual([200, 16, 46, 255]);
    // Inside the tallest bar: white.
    expect(pixel(img, Math.floor(size * 0.74), Math.floor(size * 0.6))).toEqual([255, 255, 255, 255]);
  });
});
