/** The pieces of DRAW (SPEC §2.4) against published values. */
import { draw, fnv1a32, mulberry32, seedText, utf8Bytes } from "../../src/core/draw";

test("FNV-1a 32-bit matches the published test vectors", () => {
  expect(fnv1a32("")).toBe(0x811c9dc5);
  expect(fnv1a32("a")).toBe(0xe40c292c);
  expect(fnv1a32("foobar")).toBe(0xbf9cf968);
});

test("UTF-8 bytes as TextEncoder gives them, Chinese and beyond the BMP included", () => {
  for (const text of ["20251122", "甲村", "抽签 2025", "𠀀😀", "é"]) {
    expect(utf8Bytes(text)).toEqual(Array.from(new TextEncoder().encode(text)));
  }
});

test("mulberry32 gives numbers in [0, 1), the same sequence for the same seed", () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  for (let i = 0; i < 1000; i++) {
    const x = a();
    expect(x).toBe(b());
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
  }
});

test("a number seed is its shortest decimal text", () => {
  expect(seedText(20251122)).toBe("20251122");
  expect(seedText(0.1)).toBe("0.1");
  expect(seedText("甲")).toBe("甲");
});

test("draw takes n distinct items and rejects n beyond the list", () => {
  const items = ["a", "b", "c", "d"];
  expect(new Set(draw(items, 4, "s"))).toEqual(new Set(items));
  expect(() => draw(items, 5, "s")).toThrow("抽取个数 5 超过了名单中的 4 项");
  expect(items).toEqual(["a", "b", "c", "d"]);
});
