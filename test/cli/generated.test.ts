/** What `kh score` writes into the .xlsx: the generated sheets through the file and back, as Excel would read them. */
import { promises as fs } from "fs";
import * as path from "path";
import { openXlsxFile } from "../../src/hosts/xlsx/xlsx-file";
import { MARKER_SHEET } from "../../src/core/generated-sheets";
import { ModelCell, SheetModel } from "../../src/core/sheet-model";
import { parseArea } from "../../src/hosts/render-plan";
import { parseScheme } from "../../src/core/scheme/parse";
import { readDataTable } from "../../src/core/data-table";
import { scoreUnits } from "../../src/core/scoring/score-units";
import { FormulaWorkbook, mismatches } from "../core/sheets/hf-workbook";
import { expectedScores } from "../core/sheets/expected-scores";
import { SAMPLES, SCHEME, WORKBOOK, kh, scratch } from "./cli-support";

let dir: string;
beforeEach(async () => {
  dir = await scratch();
  await fs.copyFile(path.join(SAMPLES, "参保调度.xlsx"), path.join(dir, "参保调度.xlsx"));
  await fs.copyFile(path.join(SAMPLES, "参保调度.scheme.json"), path.join(dir, "参保调度.scheme.json"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * A sheet as read from the file, as a model (formulas with their cached values) for the formula engine; a spilled
 * formula (kh mode's 名次) goes back on its anchor as a spill over the range the file gives.
 */
async function asModel(file: string, name: string): Promise<SheetModel> {
  const data = (await (await openXlsxFile(path.join(dir, file))).host.readSheet(name))!;
  const cells: ModelCell[][] = data.values.map((row, r) =>
    row.map((value, c) => (data.formulas?.[r]?.[c] ? { value, formula: data.formulas[r][c] as string } : { value }))
  );
  for (const ref of data.spills ?? []) {
    const a = parseArea(ref);
    const anchor = cells[a.top][a.left];
    anchor.spill = { formula: anchor.formula as string, rows: a.bottom - a.top + 1 };
  }
  return { name, kind: "scores", cells };
}

describe("kh score writes live 得分 formulas that still compute the core's values after a trip through the file", () => {
  it.each(["native", "kh"])("--formulas %s", async (mode) => {
    const run = await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME, "-o", "out.xlsx", "--formulas", mode]);
    expect(run.code).toBe(0);
    const { host } = await openXlsxFile(path.join(dir, "out.xlsx"));
    const data = (await host.readSheet("村级考核"))!;
    const scheme = await asModel("out.xlsx", "考核方案");
    const scores = await asModel("out.xlsx", "得分");
    const readings = await asModel("out.xlsx", "读数");
    const formulas = scores.cells.flat().filter((c) => "formula" in c);
    // kh: 名次 is one spilled formula, the 15 cells below it hold its results.
    expect(formulas.length).toBe(16 * 17 - (mode === "kh" ? 15 : 0));
    expect(formulas.some((c) => /KH\./.test((c as { formula: string }).formula))).toBe(mode === "kh");
    // The expected values are the core's, from the data as read back from the output.
    const parsed = parseScheme(JSON.parse(await fs.readFile(path.join(dir, SCHEME), "utf8"))).scheme;
    const expected = expectedScores(parsed, scoreUnits(parsed, readDataTable(data.values, parsed.data)).units);
    const wb = new FormulaWorkbook({ 村级考核: data.values }, [scheme, scores, readings]);
    expect(mismatches(wb, scores, expected)).toEqual([]);
  });

  it("--formulas values writes numbers only", async () => {
    expect((await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME, "-o", "out.xlsx", "--formulas", "values"])).code).toBe(0);
    const scores = await asModel("out.xlsx", "得分");
    expect(scores.cells.flat().filter((c) => "formula" in c)).toEqual([]);
    expect(scores.cells[2][0].value).toBe("牛颈村");
  });
});

describe("kh score run again on its own output", () => {
  it("reads the 考核方案 it wrote and refreshes the generated sheets in place", async () => {
    expect((await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME, "-o", "out.xlsx", "--json"])).code).toBe(0);
    const first = JSON.parse((await kh(dir, ["score", WORKBOOK, "--scheme", SCHEME, "-o", "out.xlsx", "--json"])).stdout);
    const again = await kh(dir, ["score", "out.xlsx", "-o", "out2.xlsx", "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(first);
    const names = async (f: string) => (await openXlsxFile(path.join(dir, f))).host.sheetNames();
    expect(await names("out2.xlsx")).toEqual(await names("out.xlsx"));
    expect(await names("out2.xlsx")).toEqual(["村级考核", "考核方案", "得分", "龙虎榜", "奖惩兑现", "读数", MARKER_SHEET]);
  });
});

describe("kh score --stage", () => {
  it("writes the bulletin and the dispatch log, and appends to the log on the next dispatch", async () => {
    const one = await kh(dir, ["score", "参保调度.xlsx", "--scheme", "参保调度.scheme.json", "-o", "第2次.xlsx", "--stage", "2"]);
    expect(one.code).toBe(0);
    expect(one.stdout.split("\n")[0]).toBe("已写入 第2次.xlsx：考核方案、得分、龙虎榜、奖惩兑现、第2次调度通报、调度记录");
    expect(one.stdout).toMatch(/第2次调度通报：\n截至第2次调度，全镇累计完成 .+，应达 50%/);
    const two = await kh(dir, ["score", "第2次.xlsx", "-o", "第3次.xlsx", "--stage", "3"]);
    expect(two.code).toBe(0);
    const { host } = await openXlsxFile(path.join(dir, "第3次.xlsx"));
    const names = await host.sheetNames();
    expect(names).toEqual(expect.arrayContaining(["第2次调度通报", "第3次调度通报", "调度记录"]));
    const log = (await host.readSheet("调度记录"))!.values;
    expect(log).toHaveLength(1 + 2 * 32);
    expect(log.slice(1).map((r) => r[0])).toEqual([...Array(32).fill(2), ...Array(32).fill(3)]);
    const bulletin = (await host.readSheet("第3次调度通报"))!;
    expect(bulletin.formulas?.flat().filter(Boolean)).toEqual([]);
    expect(String(bulletin.values[2][0])).toMatch(/^截至第3次调度/);
  });
});
