/**
 * The Word bulletin read back: the GB/T 9704 page (A4, margins 37/35/28/26 mm), the fonts of SPEC §4, 第N期, every
 * 龙榜/虎榜 unit as on the frozen sheet, the 附件 table with every unit on a landscape page (header row repeating),
 * the 校验码 in the footer; the year-end 考核结果通报; refusal of a sheet changed after it was written.
 */
import { exportBulletin } from "../../../src/app/bulletin-docx/export-bulletin";
import { generateBulletin, saveScheme } from "../../../src/app/workflow";
import { readBulletinSheet } from "../../../src/core/bulletin-doc/read-bulletin-sheet";
import { MemoryHost } from "../../../src/hosts/memory/memory-host";
import { sheetOfValues } from "../../../src/hosts/memory/memory-workbook";
import { CellValue } from "../../../src/core/sheet-model";
import { WorkflowError } from "../../../src/app/errors";
import { NOW, pensionScheme, values, villageHost, villageScheme } from "../support";
import { attr, docxParts, paragraphs, sections, tableRows } from "./docx-reading";

const twips = (mm: number) => Math.round(mm * 56.6929);

/** The pension sample with its 32 villages in two 片区 (so the bulletin has groups). */
function groupedPension(): MemoryHost {
  const v = values("pension-dispatch.csv").map((r, i) => [...r, i === 0 ? "片区" : i % 2 ? "东片" : "西片"]) as CellValue[][];
  return new MemoryHost({ sheets: [sheetOfValues("参保调度", v)], active: "参保调度" });
}

async function issued(stage = 3) {
  const host = groupedPension();
  const scheme = pensionScheme();
  scheme.data.group = "片区";
  scheme.bulletin = { office: "东城镇目标管理考核办公室" };
  await saveScheme(host, scheme);
  for (let s = 1; s <= stage; s++) await generateBulletin(host, s, { now: `2025-0${s + 3}-10T09:00:00+08:00` });
  return host;
}

describe("the dispatch bulletin as a .docx", () => {
  let host: MemoryHost;
  let parts: Awaited<ReturnType<typeof docxParts>>;
  let out: Awaited<ReturnType<typeof exportBulletin>>;
  beforeAll(async () => {
    host = await issued(3);
    out = await exportBulletin(host, { stage: 3 });
    parts = await docxParts(out.bytes);
  });

  it("is on GB/T 9704 A4 pages: the body portrait, the 附件 landscape, both with margins 37/35/28/26 mm", () => {
    const [main, annex] = sections(parts.document);
    expect(sections(parts.document)).toHaveLength(2);
    expect([attr(main.sectPr, "w:pgSz", "w:w"), attr(main.sectPr, "w:pgSz", "w:h")]).toEqual([String(twips(210)), String(twips(297))]);
    expect(attr(annex.sectPr, "w:pgSz", "w:orient")).toBe("landscape");
    expect([attr(annex.sectPr, "w:pgSz", "w:w"), attr(annex.sectPr, "w:pgSz", "w:h")]).toEqual([String(twips(297)), String(twips(210))]);
    for (const s of [main, annex]) {
      expect(["w:top", "w:bottom", "w:left", "w:right"].map((m) => Number(attr(s.sectPr, "w:pgMar", m)))).toEqual(
        [37, 35, 28, 26].map(twips)
      );
    }
  });

  it("names the fonts of SPEC §4 at their sizes, with their fallbacks in the font table, and a 28-point line", () => {
    const runFont = (name: string, size: number) =>
      new RegExp(`<w:rFonts[^>]*w:eastAsia="${name}"[^>]*/>(?:(?!</w:rPr>)[\\s\\S])*<w:sz w:val="${size}"/>`).test(parts.document);
    expect(runFont("方正小标宋简体", 44)).toBe(true); // 二号
    expect(runFont("仿宋_GB2312", 32)).toBe(true); // 三号
    expect(runFont("黑体", 32)).toBe(true);
    expect(runFont("楷体_GB2312", 32)).toBe(true);
    expect(parts.document).toMatch(/<w:spacing w:line="560" w:lineRule="exact"\/>/);
    for (const [font, alt] of [
      ["方正小标宋简体", "宋体"],
      ["仿宋_GB2312", "仿宋"],
      ["楷体_GB2312", "楷体"],
    ]) {
      expect(parts.fontTable).toContain(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`);
    }
  });

  it("has 第N期, the office and date, the title, the salutation, the three parts, the closing, sender and date", () => {
    const texts = paragraphs(sections(parts.document)[0].body).filter(Boolean);
    expect(texts[0]).toBe("第3期");
    expect(texts[1]).toBe("东城镇目标管理考核办公室\t2025年6月10日");
    expect(texts[2]).toBe("关于2025年城乡居民养老保险参保调度第3次调度情况的通报");
    expect(texts[3]).toBe("各村（社区）、镇直各单位：");
    expect(texts).toEqual(
      expect.arrayContaining(["一、总体进展", "二、排名情况", "（一）东片", "（二）西片", "三、奖惩", "附件：第3次调度排名情况表"])
    );
    expect(texts.findIndex((t) => t.startsWith("截至第3次调度"))).toBe(texts.indexOf("一、总体进展") + 1);
    expect(texts.slice(-2)).toEqual(["东城镇目标管理考核办公室", "2025年6月10日"]);
    expect(texts).toContain("请各单位对照通报，查找差距，采取有力措施，确保按时保质完成全年目标任务。");
  });

  it("lists per group exactly the 龙榜 and 虎榜 units of the 第3次调度通报 sheet, with their completion", async () => {
    const frozen = readBulletinSheet((await host.readSheet("第3次调度通报"))!.values)!;
    const [name, group, mark, rate] = ["单位", "分组", "标记", "完成率"].map((h) => frozen.header.indexOf(h));
    const texts = paragraphs(sections(parts.document)[0].body);
    for (const g of ["东片", "西片"]) {
      const after = texts.slice(texts.findIndex((t) => t.endsWith(g)));
      for (const board of ["龙榜", "虎榜"]) {
        const line = after.find((t) => t.startsWith(`${board}：`))!;
        const expected = frozen.rows
          .filter((r) => r[group] === g && r[mark] === board)
          .map((r) => `${r[name]}（${Number(((r[rate] as number) * 100).toFixed(1))}%）`);
        expect(expected.length).toBeGreaterThan(0);
        expect(line).toBe(`${board}：${expected.join("、")}。`);
      }
    }
    // 连续后三名 from the 调度记录 at this dispatch.
    expect(texts.some((t) => /（连续[23]次）/.test(t) || t === "本次调度没有连续两次及以上处于后三名的单位。")).toBe(true);
  });

  it("has the full ranking table as 附件 in the landscape section, every unit, the header row repeating", async () => {
    const annex = sections(parts.document)[1].body;
    expect(paragraphs(annex).slice(0, 2)).toEqual(["附件", "第3次调度排名情况表"]);
    const rows = tableRows(annex);
    expect(rows[0]).toEqual({
      // 上次名次 and 升降 from the dispatch log (SPEC §3.1 “Rank change”), as the frozen sheet has them.
      cells: ["名次", "单位", "分组", "完成数", "任务数", "完成率", "应达", "还差", "达标", "标记", "上次名次", "升降"],
      header: true,
    });
    expect(rows.slice(1).every((r) => !r.header)).toBe(true);
    const frozen = readBulletinSheet((await host.readSheet("第3次调度通报"))!.values)!;
    expect(rows.slice(1).map((r) => r.cells[1])).toEqual(frozen.rows.map((r) => r[1]));
    expect(rows).toHaveLength(33);
    expect(sections(parts.document)[0].body).not.toContain("<w:tbl>");
  });

  it("prints the sheet's 校验码 in every footer, beside the page number", async () => {
    const frozen = readBulletinSheet((await host.readSheet("第3次调度通报"))!.values)!;
    expect(frozen.intact).toBe(true);
    expect(out.document.code).toBe(frozen.code);
    expect(parts.footers.length).toBeGreaterThanOrEqual(2);
    for (const f of parts.footers) {
      expect(paragraphs(f)).toContain(`校验码：${frozen.code}`);
      expect(f).toMatch(/PAGE/);
    }
    expect(out.fileName).toBe("第3期调度通报.docx");
    expect(out.text).toContain(`校验码：${frozen.code}`);
  });
});

describe("which sheet, and when not", () => {
  it("takes the latest 版 of a re-issued dispatch", async () => {
    const host = await issued(1);
    await generateBulletin(host, 1, { now: "2025-05-01T09:00:00+08:00" });
    const out = await exportBulletin(host, { stage: 1 });
    expect(out.sheet).toBe("第1次调度通报（第2版）");
    expect(out.document.date).toBe("2025年5月1日");
  });

  it("refuses a dispatch not yet issued (in the pane) and a bulletin changed after it was written", async () => {
    const host = await issued(1);
    await expect(exportBulletin(host, { stage: 2 })).rejects.toThrow(
      "工作簿中还没有“第2次调度通报”：请先生成第2次调度通报，再导出 Word 通报"
    );
    host.workbook.sheets.find((s) => s.name === "第1次调度通报")!.cells[8][3] = { value: 1 };
    const err = await exportBulletin(host, { stage: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowError);
    expect(err.message).toMatch(/^“第1次调度通报”在生成后被改动过（校验码不符）/);
  });
});

describe("the year-end 考核结果通报", () => {
  it("has 等次, 分组名次 and 奖惩兑现, and the results of every unit as 附件", async () => {
    const host = villageHost();
    await saveScheme(host, villageScheme());
    const out = await exportBulletin(host, { now: NOW });
    const parts = await docxParts(out.bytes);
    const [main, annex] = sections(parts.document);
    const texts = paragraphs(main.body).filter(Boolean);
    expect(texts[0]).toBe("2025年");
    expect(texts).toEqual(expect.arrayContaining(["一、总体情况", "二、考核结果", "三、奖惩兑现"]));
    expect(texts.find((t) => t.includes("共有 16 个单位参加考核，分行政村、社区 2 组排名"))).toMatch(/评定等次：/);
    const rows = tableRows(annex.body);
    expect(rows[0].cells).toEqual(["名次", "单位", "分组", "总分", "等次", "奖项", "奖励（元）", "罚款（元）", "标记"]);
    expect(rows).toHaveLength(17);
    expect(attr(annex.sectPr, "w:pgSz", "w:orient")).toBe("landscape");
    expect(out.fileName).toBe("考核结果通报.docx");
  });
});
