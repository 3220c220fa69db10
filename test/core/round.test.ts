/** Excel's ROUND and the 9-decimal tie rule (SPEC §2.1, §3 step 3). */
import { excelRound, sameValue, tieKey } from "../../src/core/round";

describe("excelRound", () => {
  test.each([
    [80.125, 2, 80.13],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [-2.5, 0, -3],
    [-80.125, 2, -80.13],
    [1234.5, -2, 1200],
    [0.1 + 0.2, 15, 0.3],
    [79.99999999999999, 2, 80],
    [0, 2, 0],
  ])("ROUND(%p, %p) = %p", (x, digits, expected) => expect(excelRound(x, digits)).toBe(expected));

  test("numbers whose text is in exponent form round too (1e21, 2.5e-7)", () => {
    expect(excelRound(1e21, 2)).toBe(1e21);
    expect(excelRound(2.5e-7, 7)).toBe(3e-7);
    expect(excelRound(1.5e-7, 2)).toBe(0);
    expect(excelRound(-4.5e-9, 9)).toBe(-5e-9);
  });

  test("non-finite values pass through", () => {
    expect(excelRound(Infinity, 2)).toBe(Infinity);
    expect(excelRound(NaN, 2)).toBeNaN();
  });

  test("halves and values a hair off them round as on the decimal text, at every scale", () => {
    // The text reading, in full: what excelRound's arithmetic shortcuts must agree with.
    const shift = (x: number, places: number) => {
      const [mantissa, exponent = "0"] = String(x).split("e");
      return Number(`${mantissa}e${Number(exponent) + places}`);
    };
    const byText = (x: number, d: number) => Math.sign(x) * shift(Math.round(shift(Number(Math.abs(x).toPrecision(15)), d)), -d);
    const values: number[] = [];
    for (let k = 1; k < 4000; k += 7) {
      for (let scale = 0; scale < 7; scale++) {
        const half = (k + 0.5) / 10 ** scale;
        values.push(half, half * (1 + 1e-15), half * (1 - 1e-15), -half, k / 200 + 0.005, k * 0.0125);
      }
    }
    const differ = values.flatMap((x) => [0, 1, 2, 3, 4, 6].filter((d) => excelRound(x, d) !== byText(x, d)).map((d) => [x, d]));
    expect(values.length).toBeGreaterThan(20000);
    expect(differ).toEqual([]);
  });
});

describe("tieKey / sameValue", () => {
  test("numbers equal to 9 decimals are the same", () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(0.3, 0.3000000001)).toBe(true);
    expect(sameValue(0.3, 0.300000001)).toBe(false);
    expect(tieKey(85)).toBe(85);
  });
  test("large numbers compare as they are", () => {
    expect(sameValue(1e10, 1e10 + 1)).toBe(false);
    expect(sameValue(1e10, 1e10)).toBe(true);
  });
});
