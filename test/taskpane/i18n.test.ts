import { STRINGS, pickLang } from "../../src/taskpane/i18n";

describe("pickLang", () => {
  test("Chinese Office (any zh variant) and unknown language give Chinese", () => {
    for (const tag of ["zh-CN", "zh-cn", "zh-TW", "zh-Hans-CN", "zh", "", undefined, null]) expect(pickLang(tag)).toBe("zh");
  });
  test("any other display language gives English", () => {
    for (const tag of ["en-US", "en-GB", "de-DE", "ja-JP"]) expect(pickLang(tag)).toBe("en");
  });
});

describe("STRINGS", () => {
  test("both tables fill the same keys, and the title is 考核助手 in both", () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.zh).sort());
    for (const lang of ["zh", "en"] as const) {
      for (const value of Object.values(STRINGS[lang])) expect(value.trim()).not.toBe("");
      expect(STRINGS[lang].title).toBe("考核助手");
    }
    expect(STRINGS.zh.intro).toMatch(/[\u4e00-\u9fff]/);
    expect(STRINGS.en.intro).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
