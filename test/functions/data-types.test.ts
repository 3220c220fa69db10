/**
 * Data-typed cells. functions.json carries `allowCustomDataForDataTypeAny` (custom-functions-metadata writes it), so
 * Excel hands a formatted number, an entity or a Stocks/Geography value to a KH function as an Excel.CellValue object
 * instead of its plain value. Each is read as the value a formula would see (its basicValue; an entity's shown text),
 * never as "[object Object]". Shapes as in the office-js typings (FormattedNumberCellValue, EntityCellValue …).
 */
import { plainCell } from "../../src/core/values";
import { KH, col, errorOf, plain } from "../support/kh-calls";

const formatted = (n: number) => ({ type: "FormattedNumber", basicValue: n, numberFormat: "0.0" });
const double = (n: number) => ({ type: "Double", basicValue: n, basicType: "Double" });
const entity = (text: string) => ({ type: "Entity", text, basicValue: "#VALUE!", basicType: "Error", properties: {} });
const linked = (text: string) => ({ type: "LinkedEntity", text, basicValue: text, id: { serviceId: 268, culture: "zh-CN" } });

test("the plain value of each kind of data-typed cell", () => {
  expect(plainCell(formatted(92.5))).toBe(92.5);
  expect(plainCell({ type: "Boolean", basicValue: true })).toBe(true);
  expect(plainCell(entity("城关镇"))).toBe("城关镇");
  expect(plainCell(linked("北京市"))).toBe("北京市");
  expect(plainCell({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" })).toBe("#N/A");
  expect(plainCell("92%")).toBe("92%");
  expect(plainCell(null)).toBe(null);
});

test("scalar arguments: a formatted number scores as its number", () => {
  expect(KH.targetScore(formatted(95), double(100), 20)).toBe(19);
  expect(KH.veto(formatted(88), [[{ type: "Boolean", basicValue: false }]])).toBe(88);
});

test("range arguments: formatted scores rank, an entity's name shows as its text", () => {
  const scores = col(formatted(90), double(85), 70);
  expect(plain(KH.rankIn(formatted(85), scores))).toBe(2);
  expect(plain(KH.rankIn(col(formatted(90), entity("缺考")), scores))).toEqual([
    [1],
    [{ code: "#VALUE!", message: "无法识别的数值：缺考（分数）" }],
  ]);
  const board = plain(KH.leaderboard(col(entity("城关镇"), linked("河西乡"), "东关村"), scores, 1, 1)) as unknown[][];
  expect(JSON.stringify(board)).toContain("城关镇");
  expect(JSON.stringify(board)).not.toContain("[object Object]");
});

test("an entity where a number is needed is #VALUE! naming its text, not [object Object]", () => {
  expect(errorOf(() => KH.targetScore(entity("城关镇"), 100, 20))).toEqual({
    code: "#VALUE!",
    message: "无法识别的数值：城关镇（实际值）",
  });
});
