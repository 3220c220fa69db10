import * as fs from "fs";
import * as path from "path";
import { MessageKey, STRINGS, pickLang, translator } from "../../src/taskpane/i18n";
import { ROLES } from "../../src/core/scheme-from-roles";
import { METHODS } from "../../src/core/scheme/labels";
import { TABS } from "../../src/taskpane/state";

const CJK = /[\u4e00-\u9fff]/;
/** Names of sheets and the product that stay Chinese in the English pane (they are the workbook's own names). */
const KEPT = /考核助手|考核方案|得分|龙虎榜|奖惩兑现|调度记录|抽签记录|报酬|龙榜|虎榜/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("pickLang", () => {
  test("Chinese Office (any zh variant) and unknown language give Chinese", () => {
    for (const tag of ["zh-CN", "zh-cn", "zh-TW", "zh-Hans-CN", "zh", "", undefined, null]) expect(pickLang(tag)).toBe("zh");
  });
  test("any other display language gives English", () => {
    for (const tag of ["en-US", "en-GB", "de-DE", "ja-JP"]) expect(pickLang(tag)).toBe("en");
  });
});

describe("STRINGS", () => {
  const keys = Object.keys(STRINGS.zh).sort();

  test("both tables have the same keys, every text filled", () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(keys);
    for (const lang of ["zh", "en"] as const) {
      for (const key of keys) expect(`${lang}.${key}=${STRINGS[lang][key as MessageKey].trim()}`).not.toMatch(/=$/);
    }
  });

  test("the same placeholders in both languages", () => {
    const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys as MessageKey[]) expect([key, vars(STRINGS.en[key])]).toEqual([key, vars(STRINGS.zh[key])]);
  });

  test("Chinese is Chinese; English has no Chinese but the workbook's sheet names", () => {
    for (const key of keys as MessageKey[]) {
      if (!["columnOption", "unitRange", "totalPoints", "firstPlace", "drawRecheck", "rowLabel", "explainTitle"].includes(key)) {
        expect([key, CJK.test(STRINGS.zh[key])]).toEqual([key, true]);
      }
      expect([key, STRINGS.en[key].replace(KEPT, "")]).toEqual([key, expect.not.stringMatching(CJK)]);
    }
    expect(STRINGS.zh.title).toBe("考核助手");
    expect(STRINGS.en.title).toBe("考核助手");
  });

  test("the three action buttons are named exactly 生成龙虎榜, 生成调度通报, 抽签 in Chinese", () => {
    expect([STRINGS.zh.generate, STRINGS.zh.bulletin, STRINGS.zh.draw]).toEqual(["生成龙虎榜", "生成调度通报", "抽签"]);
  });

  test("keys built from roles, methods, tabs and formula options all exist", () => {
    const built = [...ROLES.map((r) => `role_${r}`), ...METHODS.map((m) => `method_${m}`), ...TABS.map((t) => `tab_${t}`), ...["native", "kh", "values"].map((f) => `formulas_${f}`)];
    for (const key of built) expect([key, keys.includes(key)]).toEqual([key, true]);
  });

  test("every key the pane's source names is in the tables", () => {
    const dir = path.join(__dirname, "../../src/taskpane");
    const used = new Set<string>();
    for (const file of sourceFiles(dir)) {
      const text = fs.readFileSync(file, "utf8");
      // t("key"…), label: "key", and the label argument of the pane's run(action, "key", tab, "key", …).
      for (const m of text.matchAll(/\bt\(\s*"(\w+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/\brun\(\s*"\w+",\s*"(\w+)",\s*"\w+",\s*"(\w+)"/g)) {
        used.add(m[1]);
        used.add(m[2]);
      }
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !keys.includes(k))).toEqual([]);
  });
});

describe("translator", () => {
  test("fills placeholders and leaves unknown ones", () => {
    expect(translator("zh")("drawTooMany", { m: 16 })).toBe("名单中只有 16 项，抽取个数不能超过它。");
    expect(translator("en")("detected", { sheet: "村级考核", row: 2 })).toBe("Found the table on “村级考核”: header on row 2, {count} units.");
  });

  test("an unknown key fails loudly outside production", () => {
    expect(() => translator("en")("noSuchKey" as MessageKey)).toThrow("缺少界面文字：en.noSuchKey");
  });
});
