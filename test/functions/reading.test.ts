/** SPEC §2.1, cell reading, as every KH.* function applies it. */
import { KH, col, errorOf, row } from "../support/kh-calls";

describe("numbers written as text", () => {
  test.each([
    ["full-width digits and point", "９２．５", 92.5],
    ["full-width minus", "－３", -3],
    ["full-width plus", "＋２", 2],
    ["surrounding spaces, ideographic too", "　 92.5 ", 92.5],
    ["thousands separators", "1,234", 1234],
    ["Chinese comma as thousands separator", "1，234", 1234],
    ["thousands with decimals", "12,345.5", 12345.5],
    ["percent", "92%", 0.92],
    ["full-width percent", "９２％", 0.92],
    ["per mille", "15‰", 0.015],
  ])("%s: %s reads as %d", (_what, text, expected) => {
    // ADJUST(x) with no bonus or deduction is x itself.
    expect(KH.adjust(text)).toBeCloseTo(expected, 12);
  });

  test("text numbers work in every numeric argument", () => {
    expect(KH.targetScore("９５", "１００", "２０")).toBeCloseTo(19, 12);
    expect(KH.limitScore("15‰", "14‰", "10")).toBeCloseTo(28 / 3, 12);
    expect(KH.adjust("80", "＋２", "－３")).toBe(79);
    expect(KH.stagePct("40", "100", "2", row("30%", "５０％"))).toBeCloseTo(0.8, 12);
  });

  test.each(["1,23", "12,34,567", "92%%", "九十", "0x10", "1 234"])("%s is not a number → #VALUE! naming it", (text) => {
    const e = errorOf(() => KH.targetScore(text, 100, 20));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain(`无法识别的数值：${text}`);
  });

  test("booleans are not numbers: a scalar boolean is #VALUE!", () => {
    expect(errorOf(() => KH.perfPay(true, 2000)).code).toBe("#VALUE!");
    expect(errorOf(() => KH.targetScore(95, false, 20)).code).toBe("#VALUE!");
  });

  test("booleans are not numbers: inside a range they are skipped, as texts are", () => {
    expect(KH.rankIn(85, col(90, true, 85, "缺考", 70))).toBe(2);
    expect(KH.blend(row(80, true, 90), 70, 0.4)).toBeCloseTo(76, 12);
  });
});

describe("flags", () => {
  const trueFlags = ["是", "有", "√", "✓", "✔", "Y", "YES", "T", "TRUE", "否决", "1", "y", "yes", "True", " 是 ", "ＹＥＳ", "１"];
  const falseFlags = ["否", "无", "×", "✗", "✘", "N", "NO", "F", "FALSE", "0", "-", "—", "/", "no", "false", "ｎｏ", "０"];

  test.each(trueFlags)("%j is a true flag", (flag) => expect(KH.veto(92, flag)).toBe(0));
  test.each(falseFlags)("%j is a false flag", (flag) => expect(KH.veto(92, flag)).toBe(92));
  test.each([
    [true, 0],
    [false, 92],
    [2, 0],
    [-1, 0],
    [0, 92],
  ])("%j as a flag gives %d", (flag, expected) => expect(KH.veto(92, flag)).toBe(expected));
  test("blank flags are false, as null, \"\", whitespace or a blank range", () => {
    for (const blank of [null, "", "  ", col(null, ""), [[]]]) expect(KH.veto(92, blank)).toBe(92);
  });
  test("flag options such as dense read the same way", () => {
    const scores = col(90, 85, 85, 70);
    expect(KH.rankIn(70, scores, 0, "是")).toBe(3);
    expect(KH.rankIn(70, scores, 0, "否")).toBe(4);
    expect(KH.rankIn(70, scores, 0, 1)).toBe(3);
  });
});

describe("blanks arrive as null, \"\" or 0", () => {
  // A required number that is blank reads as 0, so the three ways a host passes a blank cell agree.
  test.each([null, "", 0])("required numbers: blank %j reads as 0", (blank) => {
    expect(KH.targetScore(blank, 100, 20)).toBe(0);
    expect(KH.perfPay(85, blank)).toBe(0);
    expect(KH.adjust(blank, 3, null)).toBe(3);
    expect(KH.veto(blank, "否")).toBe(0);
    expect(KH.blend(row(80, 90), blank, 0.5)).toBeCloseTo(42.5, 12);
    expect(KH.tier(blank, row(0, "合格"))).toBe("合格");
  });

  test.each([null, "", "   ", undefined])("optional arguments: %j takes the default", (blank) => {
    expect(KH.targetScore(130, 100, 20, blank)).toBe(20);
    expect(KH.perfPay(85, 2000, blank, blank)).toBe(1700);
    expect(KH.efficacy(9, 6, 12, blank, blank)).toBeCloseTo(80, 12);
    expect(KH.veto(92, "是", blank)).toBe(0);
    expect(KH.rankIn(70, col(90, 85, 85, 70), blank, blank)).toBe(4);
    expect(KH.stagePct(40, 100, blank)).toBe(0.4);
    expect(KH.adjust(80, row(2, 3), blank, blank, blank)).toBe(85);
    expect(KH.lagStreak(row(30, 31, 32), 32, blank)).toBe(3);
  });

  test("an optional argument given as 0 is the number 0 (a host passing 0 for a blank cannot be told apart)", () => {
    expect(KH.targetScore(130, 100, 20, 0)).toBe(0);
  });

  test.each([null, ""])("blank cells inside ranges (%j) are skipped", (blank) => {
    expect(KH.rankIn(85, col(90, blank, 85, blank, 70))).toBe(2);
    expect(KH.adjust(80, row(2, blank, 3), row(blank, 1))).toBe(84);
    expect(KH.blend(row(80, blank, 90), 70, 0.4)).toBeCloseTo(76, 12);
    expect(KH.lagStreak(row(30, 5, 31, blank, 32, 30), 32, 3)).toBe(3);
    expect(KH.draw(col("甲", blank, "乙"), 2, 1).flat().sort()).toEqual(["乙", "甲"]);
  });

  test("a 0 inside a range is a number and takes part", () => {
    expect(KH.rankIn(0, col(90, 0, 85))).toBe(3);
    expect(KH.blend(row(80, 0, 90), 70, 0.4)).toBeCloseTo(0.4 * (170 / 3) + 42, 12);
  });

  test.each([null, "", " "])('a blank score for RANKIN / RANKBONUS / AWARD gives "" (scalar %j, as a lifted entry)', (blank) => {
    expect(KH.rankIn(blank, col(90, 85))).toBe("");
    expect(KH.rankIn(col(blank, 85), col(90, 85))).toEqual(col("", 2));
    expect(KH.rankBonus(blank, col(90, 85), row(1, 100))).toBe("");
    expect(KH.award(blank, col(90, 85), row("优秀", 1, 0))).toBe("");
  });

  test("votes are positional: a blank vote counts 0 votes rather than shifting the categories", () => {
    expect(KH.voteScore(row(8, 2, null))).toBeCloseTo(92, 12);
    expect(KH.voteScore(row(8, 2, ""))).toBeCloseTo(92, 12);
  });
});

describe("scalars and ranges", () => {
  test("a single value may come as a 1×1 range (as Excel passes it to a range parameter)", () => {
    expect(KH.veto([[92]], [["是"]], [[59]])).toBe(59);
    expect(KH.rankIn([[85]], col(90, 85))).toEqual([[2]]);
    expect(KH.tier([[85]], row(80, "良好"))).toBe("良好");
  });

  test("a range where a single value is expected → #VALUE! naming the argument", () => {
    const e = errorOf(() => KH.targetScore(col(1, 2), 100, 20));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("实际值应为单个值，而不是区域");
  });

  test("flags may be a value or a range", () => {
    expect(KH.veto(92, [["否", "无"], ["×", null]])).toBe(92);
    expect(KH.veto(92, [["否", "无"], ["×", "√"]])).toBe(0);
  });
});
