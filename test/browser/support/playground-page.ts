/**
 * The playground page in Chromium: served from dist/playground/ over http on 127.0.0.1, opened with the sample
 * workbook loaded, every console error and page error collected (a test ends by asserting there were none), and
 * screenshots saved to test-output/screenshots/.
 */
import * as fs from "fs";
import * as path from "path";
import { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { CellValue } from "../../../src/core/sheet-model";
import { SheetData } from "../../../src/hosts/host";
import { launchChromium } from "./chromium";
import { PLAYGROUND_DIST, ROOT } from "./playground-build";
import { StaticServer, serveFolder } from "./static-server";

export const SCREENSHOTS = path.join(ROOT, "test-output/screenshots");

export interface Session {
  browser: Browser;
  server: StaticServer;
}

export async function startSession(): Promise<Session> {
  const server = await serveFolder(PLAYGROUND_DIST);
  try {
    return { browser: await launchChromium(), server };
  } catch (e) {
    await server.close();
    throw e;
  }
}

export async function endSession(session: Session | undefined): Promise<void> {
  await session?.browser.close();
  await session?.server.close();
}

export interface PlaygroundPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions so far. */
  problems: string[];
}

export async function openPlayground(session: Session, query = ""): Promise<PlaygroundPage> {
  const context = await session.browser.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true, locale: "zh-CN" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.goto(`${session.server.url}index.html${query}`);
  await page.locator(".status").filter({ hasText: "已打开 村级考核.xlsx" }).waitFor();
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** The grid of the active sheet, and one of its cells by address. */
export function grid(page: Page): Locator {
  return page.getByRole("grid");
}

export function cell(page: Page, address: string): Locator {
  return grid(page).locator(`[data-address="${address}"]`);
}

/** The workbook's sheet tabs (the pane has tabs of its own). */
export function sheetTabs(page: Page): Locator {
  return page.getByRole("tablist", { name: "工作表" }).getByRole("tab");
}

export async function showSheet(page: Page, name: string): Promise<void> {
  await sheetTabs(page)
    .and(page.getByRole("tab", { name, exact: true }))
    .click();
  await page.getByRole("grid", { name: `工作表 ${name}` }).waitFor();
}

/** A sheet as the pane's host reads it (values and formulas), from the page's own workbook. */
export async function readSheet(page: Page, name: string): Promise<SheetData | undefined> {
  return page.evaluate(async (sheet) => {
    const pg = (window as unknown as { khPlayground: { host: { readSheet(n: string): Promise<unknown> } } }).khPlayground;
    return (await pg.host.readSheet(sheet)) as never;
  }, name);
}

export async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { khPlayground: { host: { sheetNames(): Promise<string[]> } } }).khPlayground.host.sheetNames()
  );
}

/** Find the row whose cells include `text`, in a sheet's values. */
export function rowWith(values: CellValue[][], text: string): CellValue[] | undefined {
  return values.find((row) => row.some((v) => v === text));
}

/**
 * The pane's element that has focus, once it is a result message (a group in the current tab) containing `text`:
 * "role: text". Waits a little, as focus moves in an effect after the message renders; on time-out it returns what
 * has focus instead, for the assertion to show.
 */
export async function focusedResult(page: Page, text: string | RegExp, timeout = 5000): Promise<string> {
  const describe = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || !el.closest(".pane")) return `(focus outside the pane: ${el?.tagName ?? "none"})`;
      return `${el.getAttribute("role")}: ${el.textContent ?? ""}`;
    });
  const wanted = (s: string) => s.startsWith("group: ") && (typeof text === "string" ? s.includes(text) : text.test(s));
  const until = Date.now() + timeout;
  let now = await describe();
  while (!wanted(now) && Date.now() < until) {
    await page.waitForTimeout(50);
    now = await describe();
  }
  return now;
}
