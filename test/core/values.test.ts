/** SPEC §2.1 cell reading at the core level. */
import fc from "fast-check";
import {
  cellsOf,
  cleanText,
  isBlank,
  numbersOf,
  parseNumberText,
  readFlag,
  readNumber,
  strictNumbersOf,
  tableRows,
  textKey,
  toHalfWidth,
} from "../../src/core/values";

test("blanks", () => {
  for (const v of [null, undefined, "", "  ", "\u3000"]) expect(isBlank(v)).toBe(true);
  for (const v of [0, "0", false, "-"]) expect(isBlank(v)).toBe(false);
});

test("cleanText gives what every replacement in turn gives, for texts that need some and texts that need none", () => {
  const full = (s: string) =>
    toHalfWidth(s)
      .replace(/\u00a0/g, " ")
      .replace(/[\u200b\ufeff]/g, "")
      .replace(/\u2212/g, "-")
      .replace(/ {2,}/g, " ")
      .replace(/^ | $/g, "");
  const ch = fc.constantFrom("甲", "a", "1", " ", "\u3000", "\u00a0", "\u200b", "\ufeff", "\u2212", "Ａ", "～", "\t", "\n", "-");
  fc.assert(
    fc.property(fc.array(ch, { maxLength: 8 }), (chars) => expect(cleanText(chars.join(""))).toBe(full(chars.join("")))),
    { numRuns: 2000 }
  );
  expect(cleanText("单位12")).toBe("单位12");
});

test("full-width folding", () => {
  expect(toHalfWidth("ＡＢＣ１２３．％　")).toBe("ABC123.% ");
});

test.each([
  ["92.5", 92.5],
  ["９２．５", 92.5],
  ["－３", -3],
  ["＋２", 2],
  ["−3", -3],
  ["1,234", 1234],
  ["1，234", 1234],
  ["-1,234,567.25", -1234567.25],
  ["92%", 0.92],
  ["９２ ％", 0.92],
  ["15‰", 0.015],
  ["1e3", 1000],
  [".5", 0.5],
])("%j reads as %p", (text, n) => expect(parseNumberText(text)).toBeCloseTo(n, 12));

test.each(["", "abc", "1,23", "1.2.3", "%", "12,3456", "Infinity", "NaN", "0x1A"])("%j is not a number", (text) => {
  expect(parseNumberText(text)).toBeUndefined();
});

test("readNumber: null for blanks, undefined for booleans and non-finite numbers", () => {
  expect(readNumber(null)).toBeNull();
  expect(readNumber(" ")).toBeNull();
  expect(readNumber(true)).toBeUndefined();
  expect(readNumber(NaN)).toBeUndefined();
  expect(readNumber(0)).toBe(0);
});

test("flags", () => {
  expect(["是", "√", "yes", "ＴＲＵＥ", "否决", 1, 2, true].map((v) => readFlag(v))).toEqual(Array(8).fill(true));
  expect(["否", "×", "no", "", null, "—", "/", 0, false].map((v) => readFlag(v))).toEqual(Array(9).fill(false));
  expect(["也许", "2", NaN].map((v) => readFlag(v))).toEqual([undefined, undefined, undefined]);
});

test("ranges: cells row by row, numbers skipping blanks and texts, or strictly", () => {
  const grid = [
    [1, "2", null],
    ["x", true, "3%"],
  ];
  expect(cellsOf(grid)).toEqual([1, "2", null, "x", true, "3%"]);
  expect(cellsOf(5)).toEqual([5]);
  expect(numbersOf(grid)).toEqual([1, 2, 0.03]);
  expect(() => strictNumbersOf(grid, "加分")).toThrow("加分中有无法识别的数值：x");
  expect(strictNumbersOf([[1, null, "２"]], "加分")).toEqual([1, 2]);
});

test("textKey folds and trims; numbers by value", () => {
  expect(textKey(" 行政村　")).toBe("行政村");
  expect(textKey("Ａ")).toBe("A");
  expect(textKey(1)).toBe(textKey("1"));
  expect(textKey(null)).toBe("");
});

test("tableRows wants a range of enough columns", () => {
  expect(tableRows([[1, 2]], 2, "表")).toEqual([[1, 2]]);
  expect(() => tableRows(5, 2, "表")).toThrow("表应为至少2列的区域");
  expect(() => tableRows([[1]], 2, "表")).toThrow("表应为至少2列的区域");
});
