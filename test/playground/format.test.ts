/** How the playground's grid shows values. */
import { formatValue, isErrorValue } from "../../src/playground/ui/format";

test("numbers by the common number formats, and as Excel's General otherwise", () => {
  expect(formatValue(83.1118466899)).toBe("83.11184669");
  expect(formatValue(83.1118466899, "0.00")).toBe("83.11");
  expect(formatValue(0.805, "0.0%")).toBe("80.5%");
  expect(formatValue(0.5, "0%")).toBe("50%");
  expect(formatValue(10895, "#,##0")).toBe("10,895");
  expect(formatValue(1234.5, "#,##0.00")).toBe("1,234.50");
  expect(formatValue(0.1 + 0.2)).toBe("0.3");
  expect(formatValue(1.5e12)).toBe("1.5E+12");
  expect(formatValue(-2.5e-12)).toBe("-2.5E-12");
  expect(formatValue(42, "@")).toBe("42");
});

test("text, booleans and blanks", () => {
  expect(formatValue("=1+1")).toBe("=1+1");
  expect(formatValue(true)).toBe("TRUE");
  expect(formatValue(null, "0.00")).toBe("");
  expect(isErrorValue("#DIV/0!")).toBe(true);
  expect(isErrorValue("#N/A")).toBe(true);
  expect(isErrorValue("#标签")).toBe(false);
});
