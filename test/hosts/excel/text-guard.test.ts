import { needsTextFormat } from "../../../src/hosts/excel/text-guard";

describe("needsTextFormat: texts Excel would not keep as typed", () => {
  it.each([
    "=1+1",
    '=HYPERLINK("http://x")',
    "+5",
    "-3分",
    "@SUM(A1)",
    "＝1+1",
    "－３",
    "92%",
    "5‰",
    "TRUE",
    "false",
    "#N/A",
    "2025-11-22",
    "1-2",
    "0012",
    "(5)",
    "¥100",
    ".5",
    "'abc",
    "  =x",
  ])("%s needs the Text format", (text) => expect(needsTextFormat(text)).toBe(true));

  it.each(["龙榜", "第1村", "否决", "优秀", "行政村", "", "   ", "abc", "合格（60分）", "A1"])(
    "%s is kept as typed",
    (text) => expect(needsTextFormat(text)).toBe(false)
  );
});
