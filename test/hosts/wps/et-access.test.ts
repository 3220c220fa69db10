import { asRows, bgr, colourOf, prop } from "../../../src/hosts/wps/et-access";

describe("ET access helpers", () => {
  test("colours are BGR integers", () => {
    expect(bgr("#FF0000")).toBe(255);
    expect(bgr("#00FF00")).toBe(65280);
    expect(bgr("#0000FF")).toBe(16711680);
    expect(bgr("#FFC7CE")).toBe(0xce * 65536 + 0xc7 * 256 + 0xff);
    expect(colourOf(bgr("#12AB9F"))).toBe("#12AB9F");
    expect(() => bgr("red")).toThrow("无法识别的颜色：red");
  });

  test("a property read works whether the build exposes it as a property or a method", () => {
    expect(prop(3)).toBe(3);
    expect(prop(() => 3)).toBe(3);
    expect(prop<string>(() => "得分")).toBe("得分");
  });

  test("Value2 comes back as rows of the requested size", () => {
    expect(asRows(5, 1, 1)).toEqual([[5]]);
    expect(asRows(undefined, 1, 2)).toEqual([[undefined, undefined]]);
    expect(asRows([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(asRows([1, 2], 2, 1)).toEqual([[1], [2]]);
    expect(asRows([[1], [2, 3]], 2, 2)).toEqual([
      [1, undefined],
      [2, 3],
    ]);
  });
});
