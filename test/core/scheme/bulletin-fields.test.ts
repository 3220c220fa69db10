/** bulletin.office / .salutation / .closing: in the JSON, on the 考核方案 sheet's 通报设置 block, and their defaults. */
import { parseScheme } from "../../../src/core/scheme/parse";
import { SchemeError } from "../../../src/core/scheme/errors";
import { schemeSheet } from "../../../src/core/scheme/scheme-sheet";
import { readSchemeSheet } from "../../../src/core/scheme/read-scheme-sheet";
import { DEFAULT_BULLETIN, bulletinWords } from "../../../src/core/bulletin-defaults";
import { CellValue } from "../../../src/core/sheet-model";
import { sampleSchemeJson as sampleJson, sampleValues } from "../scoring/sample";

const sampleSchemeJson = () => sampleJson() as Record<string, unknown>;
import { draftFromScheme, schemeFromDraft } from "../../../src/core/scheme-from-roles";
import { detectTable } from "../../../src/core/table-detect";

const values = (raw: Record<string, unknown>) =>
  schemeSheet(parseScheme(raw).scheme).cells.map((r) => r.map((c) => c.value)) as CellValue[][];

describe("the bulletin's wording in the scheme", () => {
  it("keeps only the fields written, and the sheet shows them in 通报设置 and reads them back", () => {
    const raw = { ...sampleSchemeJson(), bulletin: { office: " 东城镇目标办 ", salutation: "", closing: "望各单位再接再厉。" } };
    const { scheme } = parseScheme(raw);
    expect(scheme.bulletin).toEqual({ office: "东城镇目标办", closing: "望各单位再接再厉。" });
    const v = values(raw);
    // Its number follows the blocks before it (十、等次系数, the scheme-v2 blocks…).
    const at = v.findIndex((r) => typeof r[0] === "string" && /^[一二三四五六七八九十]+、通报设置（Word 通报用；空白为默认）$/.test(r[0]));
    expect(at).toBeGreaterThan(0);
    expect(v.slice(at + 2, at + 5).map((r) => r.slice(0, 2))).toEqual([
      ["发文单位", "东城镇目标办"],
      ["通报主送", null],
      ["通报结束语", "望各单位再接再厉。"],
    ]);
    expect(readSchemeSheet(v).scheme).toEqual(scheme);
    // A clerk fills in the salutation on the sheet.
    v[at + 3][1] = "各村（居）委会";
    expect(readSchemeSheet(v).scheme.bulletin?.salutation).toBe("各村（居）委会");
  });

  it("without them the scheme has no bulletin field and the document takes the defaults", () => {
    const { scheme } = parseScheme(sampleSchemeJson());
    expect(scheme.bulletin).toBeUndefined();
    expect(readSchemeSheet(values(sampleSchemeJson())).scheme.bulletin).toBeUndefined();
    expect(bulletinWords(scheme)).toEqual(DEFAULT_BULLETIN);
    expect(bulletinWords({ bulletin: { salutation: "各村" } }).salutation).toBe("各村：");
  });

  it("refuses a field that is not text, naming it", () => {
    expect(() => parseScheme({ ...sampleSchemeJson(), bulletin: { office: 3 } })).toThrow(SchemeError);
    expect(() => parseScheme({ ...sampleSchemeJson(), bulletin: { office: 3 } })).toThrow(/发文单位/);
    expect(() => parseScheme({ ...sampleSchemeJson(), bulletin: { sender: "x" } })).toThrow(SchemeError);
  });
});

describe("the pane's draft", () => {
  it("keeps the bulletin's wording through draftFromScheme → schemeFromDraft", () => {
    const { scheme } = parseScheme({ ...sampleSchemeJson(), bulletin: { office: "东城镇目标办" } });
    const table = detectTable(sampleValues() as CellValue[][])!;
    const { draft } = draftFromScheme(scheme, table);
    expect(schemeFromDraft(draft).scheme.bulletin).toEqual({ office: "东城镇目标办" });
  });
});
