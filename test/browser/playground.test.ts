/**
 * The playground shell in Chromium: the sample opened in the grid, formulas recalculated in the page (KH.* too),
 * text kept as text, any .xlsx opened from the file picker, a long sheet scrolled with only the rows in view in
 * the page, and the workbook downloaded as a real .xlsx.
 */
import * as fs from "fs";
import * as path from "path";
import { Workbook } from "exceljs";
import { openXlsxFile } from "../../src/hosts/xlsx/xlsx-file";
import { describeInBrowser } from "./support/chromium";
import { ROOT } from "./support/playground-build";
import {
  PlaygroundPage,
  Session,
  cell,
  endSession,
  grid,
  openPlayground,
  readSheet,
  screenshot,
  sheetTabs,
  showSheet,
  startSession,
} from "./support/playground-page";

jest.setTimeout(60_000);

const TMP = path.join(ROOT, "test-output/browser-files");

async function typeInto(pg: PlaygroundPage, address: string, text: string): Promise<void> {
  await cell(pg.page, address).click();
  await pg.page.keyboard.type(text);
  await pg.page.keyboard.press("Enter");
}

/** The cell's text once the page has recalculated (a loaded machine may take a moment after a key press). */
async function shows(page: import("playwright-core").Page, at: string, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen: string | null = null;
  while (Date.now() < deadline) {
    seen = await cell(page, at).textContent();
    if (seen === text) return;
    await page.waitForTimeout(100);
  }
  expect(seen).toBe(text);
}

describeInBrowser("the playground", () => {
  let session: Session | undefined;
  let pg: PlaygroundPage;

  beforeAll(async () => {
    session = await startSession();
    fs.mkdirSync(TMP, { recursive: true });
  });
  afterAll(() => endSession(session));
  beforeEach(async () => {
    pg = await openPlayground(session!);
  });
  afterEach(async () => {
    await pg.context.close();
  });

  test("opens the sample workbook: its sheet tab, its data in the grid, the pane beside it", async () => {
    const { page } = pg;
    await expectTab(pg, "村级考核");
    expect(await cell(page, "A2").textContent()).toBe("村名");
    expect(await cell(page, "A3").textContent()).toBe("牛颈村");
    expect(await cell(page, "E3").textContent()).toBe("80.5%");
    // The pane is on the right, about 350 px wide, beside the workbook.
    const pane = await page.locator(".pane").boundingBox();
    const workbook = await page.getByRole("region", { name: /^工作簿/ }).boundingBox();
    expect(pane && workbook).toBeTruthy();
    expect(Math.round(pane!.width)).toBeGreaterThanOrEqual(345);
    expect(Math.round(pane!.width)).toBeLessThanOrEqual(355);
    expect(pane!.x).toBeGreaterThanOrEqual(workbook!.x + workbook!.width - 1);
    await screenshot(page, "playground-01-sample");
    expect(pg.problems).toEqual([]);
  });

  test("the formula bar shows a selected cell's formula; KH.* formulas evaluate and follow their inputs", async () => {
    const { page } = pg;
    await typeInto(pg, "U3", "=KH.RANKIN(C3,C$3:C$18)");
    await typeInto(pg, "V3", "=SUM(C3:D3)");
    await shows(page, "U3", "2");
    await shows(page, "V3", "35.8");
    await cell(page, "U3").click();
    await expect(page.getByRole("textbox", { name: /^编辑栏/ }).inputValue()).resolves.toBe("=KH.RANKIN(C3,C$3:C$18)");
    expect(await page.locator(".name-box").inputValue()).toBe("U3");

    // 牛颈村's 党建 from 19.6 to 10: its rank among the 16 falls from 2nd to 16th, the sum follows.
    await cell(page, "C3").dblclick();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("10");
    await page.keyboard.press("Enter");
    await shows(page, "U3", "16");
    await shows(page, "V3", "26.2");
    // The new value is in the workbook the pane reads, formula results included.
    const data = await readSheet(page, "村级考核");
    expect(data!.values[2][2]).toBe(10);
    expect(data!.values[2][20]).toBe(16);
    expect(data!.formulas![2][20]).toBe("=KH.RANKIN(C3,C$3:C$18)");

    // Typed through the formula bar too; an error shows its code.
    await cell(page, "W3").click();
    const bar = page.getByRole("textbox", { name: /^编辑栏/ });
    await bar.fill("=KH.STAGEPCT(1,0)");
    await bar.press("Enter");
    await shows(page, "W3", "#DIV/0!");
    await screenshot(page, "playground-02-formulas");
    expect(pg.problems).toEqual([]);
  });

  test("text stays text: full-width digits typed into a cell are read by KH.* as numbers, not by the grid", async () => {
    const { page } = pg;
    // Non-ASCII text arrives as text input (as from an input method), not as key presses: type it in the editor.
    await cell(page, "U4").dblclick();
    await page.keyboard.type("９２．５");
    await page.keyboard.press("Enter");
    await typeInto(pg, "V4", "=KH.TARGETSCORE(U4,100,20)");
    await typeInto(pg, "W4", "=ISTEXT(U4)");
    expect(await cell(page, "U4").textContent()).toBe("９２．５");
    expect(await cell(page, "V4").textContent()).toBe("18.5");
    expect(await cell(page, "W4").textContent()).toBe("TRUE");
    expect(pg.problems).toEqual([]);
  });

  test("opens any .xlsx from the file picker; a long sheet keeps only the rows in view in the page", async () => {
    const { page } = pg;
    const file = path.join(TMP, "六百行.xlsx");
    const wb = new Workbook();
    const ws = wb.addWorksheet("长表");
    ws.addRow(["单位", "得分", "名次"]);
    for (let i = 1; i <= 600; i++) ws.addRow([`第${i}村`, 1000 - i, { formula: `RANK(B${i + 1},B$2:B$601)` }]);
    ws.addRow(["=1+1 是文字", null, null]);
    wb.addWorksheet("第二页").addRow(["另一张表"]);
    await wb.xlsx.writeFile(file);

    await page.locator('input[type="file"]').setInputFiles(file);
    await page.locator(".status").filter({ hasText: "已打开 六百行.xlsx" }).waitFor();
    await expectTab(pg, "长表");
    expect(await sheetTabs(page).allTextContents()).toEqual(["长表", "第二页"]);
    // RANK, which HyperFormula lacks, is computed by the playground's own RANK.
    expect(await cell(page, "C2").textContent()).toBe("1");
    expect(await grid(page).locator("tbody tr[role=row]").count()).toBeLessThan(80);

    // The keyboard keeps the selected cell in view.
    await cell(page, "A2").click();
    for (let i = 0; i < 45; i++) await page.keyboard.press("ArrowDown");
    await expect(cell(page, "A47").isVisible()).resolves.toBe(true);
    expect(await page.locator(".name-box").inputValue()).toBe("A47");
    // Scrolled to the bottom: the last rows are drawn, the first ones are gone.
    await grid(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await cell(page, "A601").waitFor();
    expect(await cell(page, "A601").textContent()).toBe("第600村");
    expect(await cell(page, "C601").textContent()).toBe("600");
    expect(await cell(page, "A602").textContent()).toBe("=1+1 是文字");
    expect(await cell(page, "A2").count()).toBe(0);
    expect(await grid(page).locator("tbody tr[role=row]").count()).toBeLessThan(80);
    await screenshot(page, "playground-03-long-sheet");

    await showSheet(page, "第二页");
    expect(await cell(page, "A1").textContent()).toBe("另一张表");
    expect(pg.problems).toEqual([]);
  });

  test("a file that is not a workbook is refused in Chinese, and the open workbook stays", async () => {
    const { page } = pg;
    const file = path.join(TMP, "不是工作簿.xlsx");
    fs.writeFileSync(file, "这不是 Excel 文件");
    await page.locator('input[type="file"]').setInputFiles(file);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("不是 .xlsx 工作簿文件");
    await expectTab(pg, "村级考核");
    expect(await cell(page, "A3").textContent()).toBe("牛颈村");
  });

  test("downloads the workbook as an .xlsx that keeps the edits and the formulas", async () => {
    const { page } = pg;
    await typeInto(pg, "U3", "=KH.VETO(C3,K3)");
    await cell(page, "C3").click();
    await page.keyboard.type("18");
    await page.keyboard.press("Enter");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载工作簿" }).click()]);
    expect(download.suggestedFilename()).toBe("村级考核-考核结果.xlsx");
    const file = path.join(TMP, download.suggestedFilename());
    await download.saveAs(file);
    const { host } = await openXlsxFile(file);
    expect(await host.sheetNames()).toEqual(["村级考核"]);
    const data = await host.readSheet("村级考核");
    expect(data!.values[2][2]).toBe(18);
    expect(data!.values[2][20]).toBe(18);
    expect(data!.formulas![2][20]).toBe("=KH.VETO(C3,K3)");
    expect(data!.merges).toEqual(["A1:T1"]);
    expect(data!.values[1].slice(0, 3)).toEqual(["村名", "类别", "党建"]);
    await expect(page.locator(".status").textContent()).resolves.toContain("已下载 村级考核-考核结果.xlsx");
    expect(pg.problems).toEqual([]);
  });
});

async function expectTab(pg: PlaygroundPage, name: string): Promise<void> {
  const tab = sheetTabs(pg.page).and(pg.page.getByRole("tab", { name, exact: true }));
  await tab.waitFor();
  expect(await tab.getAttribute("aria-selected")).toBe("true");
}
