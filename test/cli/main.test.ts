import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { MARKER_SHEET } from "../../src/core/generated-sheets";
import { schemeSheet } from "../../src/core/scheme/scheme-sheet";
import { excelRound } from "../../src/core/round";
import { openXlsxFile, saveXlsxFile } from "../../src/hosts/xlsx/xlsx-file";
import { SAMPLES, SCHEME, WORKBOOK, kh, listing, scratch, writeScheme } from "./cli-support";

let dir: string;
beforeEach(async () => {
  dir = await scratch();
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const JSON_KEYS = [
  "name",
  "group",
  "scores",
  "subtotal",
  "bonus",
  "deduction",
  "coefficient",
  "total",
  "vetoed",
  "rank",
  "mark",
  "grade",
  "award",
  "reward",
  "fines",
  "missing",
  "disqualified",
];

describe("kh score: results", () => {
  it("prints the per-unit JSON of SPEC §5 and nothing else on stdout", async () => {
    const run = await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME, "-o", "out.xlsx", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const units = JSON.parse(run.stdout) as Record<string, any>[];
    // The sample has a title row above the header (headerRow 2) and 16 villages.
    expect(units.map((u) => u.name)).toEqual([
      "牛颈村",
      "西牛村",
      "麻竹村",
      "黄塘村",
      "石门村",
      "新联村",
      "大坪社区",
      "上坑村",
      "下围村",
      "高岗村",
      "长岭村",
      "白沙村",
      "水口村",
      "龙湾社区",
      "凤岗村",
      "东坑村",
    ]);
    for (const u of units) {
      expect(Object.keys(u)).toEqual(JSON_KEYS);
      expect(Object.keys(u.scores)).toEqual(["党建工作", "常规工作", "参保率", "出生率", "招商引资", "群众满意", "财税", "信访"]);
      expect(u.total).toBe(excelRound((u.subtotal + u.bonus - u.deduction) * u.coefficient, 2));
      expect(Array.isArray(u.missing)).toBe(true);
    }
    // 黄塘村 has 计生否决 = 是, 下围村 安全事故 = √: vetoed, and ranked after every other 行政村.
    const vetoed = units.filter((u) => u.vetoed).map((u) => [u.name, u.mark]);
    expect(vetoed).toEqual([
      ["黄塘村", "否决"],
      ["下围村", "否决"],
    ]);
    const villages = units.filter((u) => u.group === "行政村");
    const lastCompeting = Math.max(...villages.filter((u) => !u.vetoed).map((u) => u.rank));
    expect(villages.filter((u) => u.vetoed).every((u) => u.rank > lastCompeting)).toBe(true);
    expect(
      units
        .filter((u) => u.group === "社区")
        .map((u) => u.rank)
        .sort()
    ).toEqual([1, 2]);
  });

  it("without --json, says what it wrote and prints the 龙虎榜 per group", async () => {
    const run = await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("已写入 村级考核-考核结果.xlsx：考核方案、得分、龙虎榜、奖惩兑现");
    expect(run.stdout).toContain("2025年度村级目标管理考核 · 龙虎榜");
    expect(run.stdout).toContain("【行政村】");
    expect(run.stdout).toContain("【社区】");
    expect(lines.find((l) => l.includes("黄塘村"))).toMatch(/否决/);
  });

  it("writes the output beside the input by default, leaving the input as it was", async () => {
    const before = await fs.readFile(path.join(dir, WORKBOOK));
    const run = await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME]);
    expect(run.code).toBe(0);
    expect(await listing(dir)).toEqual([SCHEME, "村级考核-考核结果.xlsx", WORKBOOK].sort());
    expect(Buffer.compare(await fs.readFile(path.join(dir, WORKBOOK)), before)).toBe(0);
    const { host } = await openXlsxFile(path.join(dir, "村级考核-考核结果.xlsx"));
    expect(await host.sheetNames()).toEqual(["村级考核", "考核方案", "得分", "龙虎榜", "奖惩兑现", "读数", MARKER_SHEET]);
    const original = await (await openXlsxFile(path.join(dir, WORKBOOK))).host.readSheet("村级考核");
    expect(await host.readSheet("村级考核")).toEqual(original);
  });

  it("reads the scheme from the workbook's 考核方案 sheet when no --scheme is given", async () => {
    const { host } = await openXlsxFile(path.join(dir, WORKBOOK));
    const scheme = JSON.parse(await fs.readFile(path.join(dir, SCHEME), "utf8"));
    await host.writeSheets([schemeSheet(scheme)]);
    await saveXlsxFile(host, path.join(dir, "带方案.xlsx"));
    const run = await kh(dir, ["score", "带方案.xlsx", "--json"]);
    expect(run.code).toBe(0);
    const withSheet = JSON.parse(run.stdout);
    const withJson = JSON.parse((await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME, "--json"])).stdout);
    expect(withSheet).toEqual(withJson);
  });

  it("warns (and still scores) when the points do not sum to 100", async () => {
    const scheme = await writeScheme(dir, "95分.json", (s) => (s.indicators[0].points = 15));
    const run = await kh(dir, ["score", WORKBOOK, "--scheme", scheme, "-o", "结果.xlsx", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^注意：.*合计为 95，不是 100/m);
    expect(JSON.parse(run.stdout)).toHaveLength(16);
    expect(await listing(dir)).toContain("结果.xlsx");
  });

  it("warns on stderr about blank inputs (scored 0), and still scores", async () => {
    const { host } = await openXlsxFile(path.join(dir, WORKBOOK));
    const ws = host.workbook.getWorksheet("村级考核");
    ws!.getCell("E3").value = null; // 牛颈村's 参保率
    await saveXlsxFile(host, path.join(dir, "缺数.xlsx"));
    const run = await kh(dir, ["score", "缺数.xlsx", "--scheme", SCHEME, "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr.trimEnd().split("\n")).toEqual(["注意：以下单位缺少数据，按 0 分计：牛颈村（参保率）"]);
    const units = JSON.parse(run.stdout);
    expect(units[0].missing).toEqual(["参保率"]);
    expect(units[0].scores["参保率"]).toBe(0);
  });

  it("refuses unreadable data (never a silent 0), naming the cells, and writes nothing", async () => {
    const { host } = await openXlsxFile(path.join(dir, WORKBOOK));
    const ws = host.workbook.getWorksheet("村级考核");
    ws!.getCell("H4").value = "很好"; // 西牛村's 民调等级: not a grade
    ws!.getCell("C5").value = "缺考"; // 麻竹村's 党建
    await saveXlsxFile(host, path.join(dir, "坏数.xlsx"));
    const before = await listing(dir);
    const run = await kh(dir, ["score", "坏数.xlsx", "--scheme", SCHEME, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "错误：村级考核!H4：等次“很好”不在“群众满意”的等次系数中（优、良、中、差）；村级考核!C5：无法识别的数值“缺考”\n"
    );
    expect(await listing(dir)).toEqual(before);
  });

  it("keeps the clerk's other parts (a chart here) in the output as they were, with no warning", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, WORKBOOK)));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    await fs.writeFile(path.join(dir, "有图表.xlsx"), await zip.generateAsync({ type: "uint8array" }));
    const run = await kh(dir, ["score", "有图表.xlsx", "--scheme", SCHEME, "-o", "结果.xlsx", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = await JSZip.loadAsync(await fs.readFile(path.join(dir, "结果.xlsx")));
    expect(await out.file("xl/charts/chart1.xml")!.async("string")).toBe("<c:chartSpace/>");
  });

  it("shows progress on a terminal only, on stderr", async () => {
    const run = await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME, "--json"], { tty: true });
    expect(run.stderr.split("\n").filter(Boolean)).toEqual([
      `读取 ${WORKBOOK}…`,
      "评分：2025年度村级目标管理考核…",
      "生成工作表…",
      "保存 村级考核-考核结果.xlsx…",
      "已写入 村级考核-考核结果.xlsx：考核方案、得分、龙虎榜、奖惩兑现",
    ]);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
  });

  it("writes the output atomically: a failed run leaves an existing output untouched and no temporary file", async () => {
    await fs.writeFile(path.join(dir, "out.xlsx"), "上次的结果");
    const scheme = await writeScheme(dir, "错列.json", (s) => (s.indicators[1].column = "常规工作得分"));
    const run = await kh(dir, ["score", WORKBOOK, "--scheme", scheme, "-o", "out.xlsx"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("错误：方案第2个指标（常规工作）：数据列“常规工作得分”在“村级考核”中不存在\n");
    expect(await fs.readFile(path.join(dir, "out.xlsx"), "utf8")).toBe("上次的结果");
    expect(await listing(dir)).toEqual([SCHEME, WORKBOOK, "out.xlsx", "错列.json"].sort());

    const ok = await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME, "-o", "out.xlsx"]);
    expect(ok.code).toBe(0);
    expect(await listing(dir)).toEqual([SCHEME, WORKBOOK, "out.xlsx", "错列.json"].sort());
    expect(await (await openXlsxFile(path.join(dir, "out.xlsx"))).host.sheetNames()).toContain("得分");
  });
});

describe("kh score: bad input → exit 1, one Chinese line on stderr, nothing written", () => {
  async function expectFailure(argv: string[], message: string | RegExp): Promise<void> {
    const before = await listing(dir);
    const run = await kh(dir, argv);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.endsWith("\n")).toBe(true);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^错误：/);
    expect(run.stderr).toMatch(message);
    expect(await listing(dir)).toEqual(before);
  }

  it("a missing workbook", () => expectFailure(["score", "没有这个.xlsx", "--scheme", SCHEME], "错误：找不到文件：没有这个.xlsx"));

  it("a file that is not an xlsx", async () => {
    await fs.copyFile(path.join(SAMPLES, "village-assessment.csv"), path.join(dir, "数据.xlsx"));
    await expectFailure(["score", "数据.xlsx", "--scheme", SCHEME], "错误：数据.xlsx 不是 .xlsx 工作簿文件");
  });

  it("no such data sheet (naming the sheets there are)", async () => {
    const scheme = await writeScheme(dir, "错表.json", (s) => (s.data.sheet = "村级考核表"));
    await expectFailure(
      ["score", WORKBOOK, "--scheme", scheme],
      "错误：工作簿中没有名为「村级考核表」的工作表（方案 data.sheet）；现有工作表：村级考核"
    );
  });

  it("no such column", async () => {
    const scheme = await writeScheme(dir, "错列.json", (s) => (s.indicators[2].column = "参保率(%)"));
    await expectFailure(["score", WORKBOOK, "--scheme", scheme], /参保率\(%\)/);
  });

  it("the header on another row than the scheme says is found as the pane finds it, with a note", async () => {
    const scheme = await writeScheme(dir, "错行.json", (s) => (s.data.headerRow = 1));
    const run = await kh(dir, ["score", WORKBOOK, "--scheme", scheme, "-o", "错行结果.xlsx"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/注意：“村级考核”的表头在第\d+行（方案中的表头行是第1行）/);
  });

  it("duplicate unit names, naming the name and both rows", async () => {
    const { host } = await openXlsxFile(path.join(dir, WORKBOOK));
    host.workbook.getWorksheet("村级考核")!.getCell("A4").value = "牛颈村"; // row 4 was 西牛村; 牛颈村 is on row 3
    await saveXlsxFile(host, path.join(dir, "重名.xlsx"));
    await expectFailure(["score", "重名.xlsx", "--scheme", SCHEME], /^错误：.*牛颈村.*第3行.*第4行/);
  });

  it("a method's missing parameter, naming the indicator and the field", async () => {
    const scheme = await writeScheme(dir, "缺目标值.json", (s) => delete s.indicators[2].target);
    await expectFailure(["score", WORKBOOK, "--scheme", scheme], /^错误：方案第3个指标（参保率）：缺少“目标值”（target）/);
  });

  it("a missing scheme file", () => expectFailure(["score", WORKBOOK, "--scheme", "方案.json"], "错误：找不到方案文件：方案.json"));

  it("a scheme file that is not JSON, naming the line", async () => {
    const text = (await fs.readFile(path.join(dir, SCHEME), "utf8")).replace('"headerRow": 2,', '"headerRow": 2');
    await fs.writeFile(path.join(dir, "坏.json"), text);
    await expectFailure(
      ["score", WORKBOOK, "--scheme", "坏.json"],
      /^错误：方案文件 坏\.json 不是有效的 JSON：第 6 行第 \d+ 列附近格式有误/
    );
  });

  it("a scheme file saved in GBK", async () => {
    await fs.writeFile(path.join(dir, "gbk.json"), Buffer.from([0x7b, 0x22, 0xb4, 0xe5, 0x22, 0x7d])); // {"村"} in GBK
    await expectFailure(["score", WORKBOOK, "--scheme", "gbk.json"], "不是 UTF-8 编码");
  });

  it("a scheme that does not validate", async () => {
    const scheme = await writeScheme(dir, "缺分值.json", (s) => delete s.indicators[0].points);
    await expectFailure(["score", WORKBOOK, "--scheme", scheme], /党建工作/);
  });

  it("no scheme at all", () =>
    expectFailure(["score", WORKBOOK], "错误：找不到考核方案：工作簿中没有「考核方案」工作表，请用 --scheme 指定方案 JSON 文件"));

  it("a stage the scheme does not have", () =>
    expectFailure(["score", WORKBOOK, "--scheme", SCHEME, "--stage", "6"], "错误：--stage 6 超出范围：方案共有 5 个阶段（1 到 5）"));
});

describe("kh usage", () => {
  it("prints the Chinese usage for --help", async () => {
    const run = await kh(dir, ["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("kh score <工作簿.xlsx> [选项]");
    expect(run.stdout).toContain("--formulas");
  });

  it("exits 2 with one line for a command-line mistake", async () => {
    const run = await kh(dir, ["score", WORKBOOK, "--formulas", "excel"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("错误：--formulas 应为 native、kh 或 values 之一，而不是：excel\n");
  });
});
