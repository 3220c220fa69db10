/**
 * A clerk's whole flow in the task pane, in Chromium, on the sample workbook of the playground:
 * 数据 → 方案 → 生成龙虎榜 → 生成调度通报 (stage 2) → 抽签 → 解释 → a data cell edited, 得分 recalculated.
 * What the sheets must contain is worked out here, in Node, by the core from the same inputs (the scheme the pane
 * saved, the sample's data), so the test checks the page against the rules, not against itself. Each step is
 * photographed into test-output/screenshots/flow-*.png.
 */
import * as path from "path";
import { Page } from "playwright-core";
import { readDataTable } from "../../src/core/data-table";
import { readSchemeSheet } from "../../src/core/scheme/read-scheme-sheet";
import { Scheme } from "../../src/core/scheme/types";
import { scoreUnits } from "../../src/core/scoring/score-units";
import { CellValue, address } from "../../src/core/sheet-model";
import { UnitResult } from "../../src/core/unit-result";
import { draw } from "../../src/functions/functions";
import { openXlsxFile } from "../../src/hosts/xlsx/xlsx-file";
import { describeInBrowser } from "./support/chromium";
import { ROOT } from "./support/playground-build";
import {
  PlaygroundPage,
  Session,
  cell,
  endSession,
  focusedResult,
  openPlayground,
  readSheet,
  screenshot,
  sheetNames,
  showSheet,
  startSession,
} from "./support/playground-page";

jest.setTimeout(90_000);

const SAMPLE = path.join(ROOT, "samples/村级考核.xlsx");
const SEED = "20251122";

/** The pane's result message (a group, focused after the action) once it contains `text`. */
async function resultMessage(pg: PlaygroundPage, text: string): Promise<string> {
  const message = pg.page.locator(".pane [role=tabpanel] [role=group]").filter({ hasText: text });
  await message.first().waitFor();
  return (await message.first().textContent()) ?? "";
}

function columnOf(header: CellValue[], name: string): number {
  const at = header.indexOf(name);
  if (at < 0) throw new Error(`no column ${name} in ${JSON.stringify(header)}`);
  return at;
}

describeInBrowser("the clerk's flow in the task pane (playground)", () => {
  let session: Session | undefined;
  let pg: PlaygroundPage;
  let sampleValues: CellValue[][];

  beforeAll(async () => {
    session = await startSession();
    const { host } = await openXlsxFile(SAMPLE);
    sampleValues = (await host.readSheet("村级考核"))!.values;
    pg = await openPlayground(session);
  });
  afterAll(async () => {
    await pg?.context.close();
    await endSession(session);
  });

  /** The results the core computes for the sample under the scheme now on the page's 考核方案 sheet. */
  async function expectedResults(values: CellValue[][] = sampleValues): Promise<{ scheme: Scheme; units: UnitResult[] }> {
    const sheet = await readSheet(pg.page, "考核方案");
    const { scheme } = readSchemeSheet(sheet!.values, "考核方案");
    return { scheme, units: scoreUnits(scheme, readDataTable(values, scheme.data)).units };
  }

  const pane = () => pg.page.locator(".pane");
  const paneTab = (name: string) => pane().getByRole("tab", { name, exact: true });

  test("数据: the table is recognised from the selected cell", async () => {
    await cell(pg.page, "C5").click();
    await pane().getByRole("button", { name: "识别表格" }).click();
    const message = await resultMessage(pg, "已识别");
    expect(message).toContain("已识别“村级考核”：表头在第 2 行，共 16 个单位");
    expect(await focusedResult(pg.page, "已识别“村级考核”")).toMatch(/^group: .*已识别“村级考核”/);
    expect(await pane().getByRole("combobox", { name: "单位列" }).textContent()).toContain("村名");
    await screenshot(pg.page, "flow-01-data");
  });

  test("方案: the scheme drafted from the columns is saved as the 考核方案 sheet", async () => {
    await paneTab("方案").click();
    expect(await pane().getByRole("textbox", { name: "方案名称" }).inputValue()).toBe("2025年度村级目标管理考核");
    await pane().getByRole("button", { name: "保存方案" }).click();
    await resultMessage(pg, "方案已保存");
    expect(await focusedResult(pg.page, "方案已保存")).toMatch(/^group: 方案已保存到“考核方案”工作表/);
    expect(await sheetNames(pg.page)).toEqual(expect.arrayContaining(["村级考核", "考核方案"]));
    const { scheme } = await expectedResults();
    expect(scheme.data).toMatchObject({ sheet: "村级考核", headerRow: 2, name: "村名", group: "类别" });
    expect(scheme.indicators.map((i) => i.column)).toEqual(expect.arrayContaining(["党建", "参保率", "民调等级"]));
    await screenshot(pg.page, "flow-02-scheme");
  });

  test("生成龙虎榜: 得分, 龙虎榜 and 奖惩兑现 are written, 龙虎榜 shown, its first unit the core's first", async () => {
    await paneTab("生成").click();
    await pane().getByRole("button", { name: "生成龙虎榜" }).click();
    await resultMessage(pg, "已生成");
    expect(await focusedResult(pg.page, "已生成")).toMatch(/^group: 已生成：“得分”、“龙虎榜”、“奖惩兑现”/);
    expect(await sheetNames(pg.page)).toEqual(expect.arrayContaining(["得分", "龙虎榜", "奖惩兑现"]));
    // The pane activated 龙虎榜, and the grid shows it.
    await pg.page.getByRole("grid", { name: "工作表 龙虎榜" }).waitFor();

    const { units } = await expectedResults();
    const village = units.filter((u) => u.group === "行政村" && !u.vetoed).sort((a, b) => b.total - a.total);
    const first = village[0];
    const board = (await readSheet(pg.page, "龙虎榜"))!.values;
    const header = board.findIndex((row) => row[0] === "名次" && row[1] === "单位");
    expect(header).toBeGreaterThanOrEqual(0);
    // Under the header: the group's title row, then its first unit.
    const firstRow = board.findIndex((row, i) => i > header && row[1] === first.name);
    expect(board[firstRow].slice(0, 5)).toEqual([1, first.name, "行政村", first.total, "龙榜"]);
    expect(board.slice(header + 1, firstRow).every((row) => typeof row[0] !== "number")).toBe(true);
    // The grid shows that row as the sheet has it, 总分 to the scheme's precision.
    expect(await cell(pg.page, address(firstRow, 1)).textContent()).toBe(first.name);
    expect(await cell(pg.page, address(firstRow, 3)).textContent()).toBe(first.total.toFixed(2));
    expect(await cell(pg.page, address(firstRow, 4)).textContent()).toBe("龙榜");

    // Every live formula of 得分 evaluates in the page (HyperFormula with KH.*) to what the core wrote.
    expect(
      await pg.page.evaluate(
        () => (window as unknown as { khPlayground: { live: { mismatches: unknown[] } } }).khPlayground.live.mismatches
      )
    ).toEqual([]);
    await screenshot(pg.page, "flow-03-board");
  });

  test("生成调度通报 (stage 2): a frozen bulletin with its paragraph, and a 调度记录 entry", async () => {
    await paneTab("调度通报").click();
    await pane().getByRole("combobox", { name: "调度阶段" }).click();
    await pg.page.getByRole("option", { name: /^第 2 次/ }).click();
    await pane().getByRole("button", { name: "生成调度通报" }).click();
    await resultMessage(pg, "已生成“第2次调度通报”");
    expect(await focusedResult(pg.page, "第2次调度通报")).toMatch(/^group: 已生成“第2次调度通报”，并记入“调度记录”/);
    expect(await sheetNames(pg.page)).toEqual(expect.arrayContaining(["第2次调度通报", "调度记录"]));

    const header = sampleValues[1];
    const sum = (name: string) => sampleValues.slice(2).reduce((s, row) => s + (row[columnOf(header, name)] as number), 0);
    const done = sum("已参保户数");
    const task = sum("任务户数");
    const bulletin = (await readSheet(pg.page, "第2次调度通报"))!;
    const opening = `截至第2次调度，全镇累计完成 ${done.toLocaleString("en-US")}，占任务数 ${task.toLocaleString("en-US")} 的 ${Math.round((done / task) * 100)}%，应达 50%`;
    const paragraphRow = bulletin.values.findIndex((row) => typeof row[0] === "string" && row[0].startsWith("截至第2次调度"));
    expect(paragraphRow).toBeGreaterThan(0);
    expect(bulletin.values[paragraphRow][0]).toContain(opening);
    // A snapshot: values only.
    expect(bulletin.formulas!.flat().filter(Boolean)).toEqual([]);
    // The pane shows the same paragraph.
    const shown = await pane().getByRole("region", { name: "通报内容" }).textContent();
    expect(shown).toContain(opening);
    expect(await cell(pg.page, address(paragraphRow, 0)).textContent()).toBe(bulletin.values[paragraphRow][0]);
    await screenshot(pg.page, "flow-04-bulletin");
  });

  test("抽签: the draw is logged in 抽签记录 and re-checks with KH.DRAW in a cell", async () => {
    await paneTab("抽签").click();
    await pane().getByRole("textbox", { name: "种子" }).fill(SEED);
    await pane().getByRole("button", { name: "抽签", exact: true }).click();
    await resultMessage(pg, "已抽出");
    expect(await focusedResult(pg.page, "已抽出")).toMatch(/^group: 已抽出 3 个，记录在“抽签记录”/);

    const names = sampleValues.slice(2).map((row) => row[0]);
    const expected = (
      draw(
        names.map((n) => [n]),
        3,
        SEED
      ) as string[][]
    ).map((r) => r[0]);
    const log = (await readSheet(pg.page, "抽签记录"))!.values;
    expect(log[0]).toEqual(expect.arrayContaining(["种子", "抽取个数", "抽取结果"]));
    const entry = log[log.length - 1];
    const at = (name: string) => entry[columnOf(log[0], name)];
    expect(at("种子")).toBe(SEED);
    expect(at("抽取个数")).toBe(3);
    expect(at("抽取结果")).toBe(expected.join("、"));
    expect(await pane().getByRole("list", { name: "抽签" }).getByRole("listitem").allTextContents()).toEqual(expected);

    // Anyone can re-check it: KH.DRAW over the same list, typed into a cell, spills the same three names.
    await showSheet(pg.page, "村级考核");
    await cell(pg.page, "V3").dblclick();
    await pg.page.keyboard.type(`=KH.DRAW(A3:A18,3,"${SEED}")`);
    await pg.page.keyboard.press("Enter");
    expect([
      await cell(pg.page, "V3").textContent(),
      await cell(pg.page, "V4").textContent(),
      await cell(pg.page, "V5").textContent(),
    ]).toEqual(expected);
    await screenshot(pg.page, "flow-05-draw");
    await cell(pg.page, "V3").click();
    await pg.page.keyboard.press("Delete");
    expect(await cell(pg.page, "V4").textContent()).toBe("");
  });

  test("解释: a 总分 cell of 得分 selected in the grid is explained step by step", async () => {
    const { units } = await expectedResults();
    const unit = units[0];
    await showSheet(pg.page, "得分");
    const scores = (await readSheet(pg.page, "得分"))!;
    const header = scores.values.findIndex((row) => row[0] === "单位");
    const row = scores.values.findIndex((r) => r[0] === unit.name);
    const col = columnOf(scores.values[header], "总分");
    await cell(pg.page, address(row, col)).click();
    await paneTab("解释").click();
    await pane().getByRole("button", { name: "解释所选单元格" }).click();
    const message = await resultMessage(pg, "是怎样算出来的");
    expect(message).toContain(`得分!${address(row, col)}`);
    expect(await focusedResult(pg.page, "是怎样算出来的")).toMatch(/^group: 得分!\w+\d+ 是怎样算出来的/);
    const steps = pane().getByRole("region", { name: "计算过程" });
    expect(await steps.textContent()).toContain(unit.name);
    expect(await steps.getByRole("definition").allTextContents()).toContain(unit.total.toFixed(2));
    expect(await steps.textContent()).toContain(scores.formulas![row][col]!);
    await screenshot(pg.page, "flow-06-explain");
  });

  test("a data cell edited in the grid changes 得分 at once", async () => {
    const { units } = await expectedResults();
    const unit = units[0];
    const header = sampleValues[1];
    const dataRow = sampleValues.findIndex((r) => r[0] === unit.name);
    const dataCol = columnOf(header, "党建");
    const newValue = Number(((sampleValues[dataRow][dataCol] as number) - 10).toFixed(6));
    const edited = sampleValues.map((r, i) => (i === dataRow ? r.map((v, c) => (c === dataCol ? newValue : v)) : r));
    const after = (await expectedResults(edited)).units.find((u) => u.name === unit.name)!;
    expect(after.total).not.toBe(unit.total);

    await showSheet(pg.page, "村级考核");
    await cell(pg.page, address(dataRow, dataCol)).dblclick();
    await pg.page.keyboard.press("Control+A");
    await pg.page.keyboard.type(String(newValue));
    await pg.page.keyboard.press("Enter");
    expect(await cell(pg.page, address(dataRow, dataCol)).textContent()).toBe(String(newValue));

    await showSheet(pg.page, "得分");
    const scores = (await readSheet(pg.page, "得分"))!;
    const header2 = scores.values.findIndex((r) => r[0] === "单位");
    const row = scores.values.findIndex((r) => r[0] === unit.name);
    const total = columnOf(scores.values[header2], "总分");
    const rank = columnOf(scores.values[header2], "名次");
    expect(scores.values[row][total]).toBe(after.total);
    expect(scores.values[row][rank]).toBe(after.rank);
    expect(await cell(pg.page, address(row, total)).textContent()).toBe(after.total.toFixed(2));
    await screenshot(pg.page, "flow-07-live-edit");
    expect(pg.problems).toEqual([]);
  });
});
