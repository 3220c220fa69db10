/** `kh init` on the samples yields schemes `kh score` accepts; `kh score` over a folder or several files. */
import { promises as fs } from "fs";
import * as path from "path";
import { openXlsxFile } from "../../src/hosts/xlsx/xlsx-file";
import { parseScheme } from "../../src/core/scheme/parse";
import { SAMPLES, WORKBOOK, kh, listing, scratch } from "./cli-support";

let dir: string;
beforeEach(async () => {
  dir = await scratch();
  await fs.copyFile(path.join(SAMPLES, "参保调度.xlsx"), path.join(dir, "参保调度.xlsx"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("kh init", () => {
  it.each([
    [WORKBOOK, "村级考核", 2, 16],
    ["参保调度.xlsx", "参保调度", 1, 32],
  ])("guesses a scheme from %s that kh score accepts", async (file, sheet, headerRow, units) => {
    const printed = await kh(dir, ["init", file]);
    expect(printed.code).toBe(0);
    const scheme = JSON.parse(printed.stdout);
    expect(scheme.data).toMatchObject({ sheet, headerRow });
    expect(() => parseScheme(scheme)).not.toThrow();
    expect(scheme.indicators.length).toBeGreaterThan(0);

    const init = await kh(dir, ["init", file, "-o", "方案.json"]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`在“${sheet}”找到数据表：表头在第 ${headerRow} 行，共 ${units} 个单位`);
    expect(JSON.parse(await fs.readFile(path.join(dir, "方案.json"), "utf8"))).toEqual(scheme);
    const score = await kh(dir, ["score", file, "--scheme", "方案.json", "-o", "结果.xlsx", "--json"]);
    expect(score.code).toBe(0);
    expect(JSON.parse(score.stdout)).toHaveLength(units);
  });

  it("with --write adds 考核方案 to a copy, which kh score then reads by itself; the input is unchanged", async () => {
    const before = await fs.readFile(path.join(dir, WORKBOOK));
    const run = await kh(dir, ["init", WORKBOOK, "--write"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("已写入 村级考核-考核方案.xlsx：考核方案");
    expect(await fs.readFile(path.join(dir, WORKBOOK))).toEqual(before);
    const { host } = await openXlsxFile(path.join(dir, "村级考核-考核方案.xlsx"));
    expect(await host.sheetNames()).toContain("考核方案");
    const score = await kh(dir, ["score", "村级考核-考核方案.xlsx", "--json"]);
    expect(score.code).toBe(0);
    expect(JSON.parse(score.stdout)).toHaveLength(16);
  });

  it("reads the sheet named by --sheet, and refuses one that is not there, naming the sheets there are", async () => {
    expect(await kh(dir, ["init", WORKBOOK, "--sheet", "没有"])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^错误：工作簿中没有名为“没有”的工作表；现有工作表：村级考核/),
    });
    const named = await kh(dir, ["init", WORKBOOK, "--sheet", "村级考核"]);
    expect(JSON.parse(named.stdout).data.sheet).toBe("村级考核");
  });
});

describe("kh score over several workbooks", () => {
  it("scores each file of a folder, one line each; a bad file fails alone, and the exit code says so", async () => {
    const folder = path.join(dir, "各镇");
    await fs.mkdir(folder);
    await kh(dir, ["init", WORKBOOK, "--write", "-o", "各镇/甲镇.xlsx"]);
    await kh(dir, ["init", "参保调度.xlsx", "--write", "-o", "各镇/乙镇.xlsx"]);
    await fs.writeFile(path.join(folder, "丙镇.xlsx"), "不是工作簿");
    const run = await kh(dir, ["score", "各镇"]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines).toEqual([
      "各镇/丙镇.xlsx：错误：各镇/丙镇.xlsx 不是 .xlsx 工作簿文件",
      expect.stringMatching(/^各镇\/甲镇\.xlsx：已写入 各镇\/甲镇-考核结果\.xlsx（16 个单位，第一名：.+）$/),
      expect.stringMatching(/^各镇\/乙镇\.xlsx：已写入 各镇\/乙镇-考核结果\.xlsx（32 个单位/),
      "共 3 个工作簿：2 个已评分，1 个失败",
    ]);
    // A second run leaves our own outputs alone (they are not inputs).
    const again = await kh(dir, ["score", "各镇"]);
    expect(again.stdout.trimEnd().split("\n").pop()).toBe("共 3 个工作簿：2 个已评分，1 个失败");
    expect(await listing(folder)).toEqual(["丙镇.xlsx", "乙镇-考核结果.xlsx", "乙镇.xlsx", "甲镇-考核结果.xlsx", "甲镇.xlsx"].sort());
  });

  it("takes several files, and refuses -o with them", async () => {
    await kh(dir, ["init", WORKBOOK, "--write", "-o", "甲.xlsx"]);
    const run = await kh(dir, ["score", "甲.xlsx", "甲.xlsx", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual(["甲.xlsx", "甲.xlsx"]);
    expect(await kh(dir, ["score", "甲.xlsx", WORKBOOK, "-o", "x.xlsx"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("不能用 -o"),
    });
  });
});
