/**
 * Accessibility of the task pane (and of the playground around it), in Chromium:
 * - every control has an accessible name, as Chromium's accessibility tree computes it, in the pane's language;
 * - Tab goes through the controls in visual order (top to bottom, left to right), in every tab of the pane, and
 *   through the page region by region (tool bar, workbook, pane); nothing in the 350 px pane spills out sideways;
 * - after an action, success or failure, focus lands on the pane's result message, which names the outcome.
 */
import { CDPSession, Page } from "playwright-core";
import { describeInBrowser } from "./support/chromium";
import {
  PlaygroundPage,
  Session,
  cell,
  endSession,
  focusedResult,
  openPlayground,
  screenshot,
  startSession,
} from "./support/playground-page";

jest.setTimeout(90_000);

const PANE_TABS = ["数据", "方案", "生成", "调度通报", "抽签", "解释"];
const CONTROL_ROLES = new Set([
  "button",
  "textbox",
  "combobox",
  "spinbutton",
  "radio",
  "checkbox",
  "tab",
  "option",
  "link",
  "slider",
  "switch",
  "menuitem",
  "searchbox",
  "listbox",
  "grid",
]);

interface AxNode {
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  backendDOMNodeId?: number;
}

/** Controls of the page as Chromium's accessibility tree has them: role and computed name. */
async function controls(cdp: CDPSession): Promise<{ role: string; name: string }[]> {
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AxNode[] };
  return nodes
    .filter((n) => !n.ignored && n.role && CONTROL_ROLES.has(n.role.value))
    .map((n) => ({ role: n.role!.value, name: (n.name?.value ?? "").trim() }));
}

/** Open every collapsed section of the pane's current tab, so its controls are there to check. */
async function expandAll(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const collapsed = page.locator(".pane [role=tabpanel]").getByRole("button", { expanded: false });
    if ((await collapsed.count()) === 0) return;
    await collapsed.first().click();
  }
}

interface Stop {
  what: string;
  region: "toolbar" | "workbook" | "pane" | "other";
  /** Box in the coordinates of its region's scrolled content, so scrolling while tabbing does not matter. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where focus is now: what it is, its region, and its box. */
async function focusStop(page: Page): Promise<Stop | undefined> {
  return page.evaluate(() => {
    let el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return undefined;
    const label = el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "";
    const what = `${el.tagName.toLowerCase()}[role=${el.getAttribute("role") ?? ""}] "${label.trim().slice(0, 40)}"`;
    const region = el.closest(".toolbar") ? "toolbar" : el.closest(".workbook") ? "workbook" : el.closest(".pane") ? "pane" : "other";
    // A visually hidden file input is shown by its label.
    if (el.classList.contains("visually-hidden") && el.parentElement) el = el.parentElement;
    const scroller = el.closest(".pane") as HTMLElement | null;
    const r = el.getBoundingClientRect();
    const box = scroller?.getBoundingClientRect();
    const top = box ? box.top - scroller!.scrollTop : 0;
    const left = box ? box.left - scroller!.scrollLeft : 0;
    return { what, region, top: r.top - top, bottom: r.bottom - top, left: r.left - left, right: r.right - left } as const;
  });
}

/** Press Tab until focus leaves `region` (or comes back round), collecting the stops. */
async function tabThrough(page: Page, region: Stop["region"], max = 200): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const stop = await focusStop(page);
    if (!stop || stop.region !== region) return stops;
    if (stops.length && stops[0].what === stop.what && stops[0].top === stop.top) return stops;
    stops.push(stop);
  }
  throw new Error(`Tab never left the ${region}`);
}

/** Pairs of consecutive stops that go against reading order: up, or left on the same line. */
function outOfOrder(stops: Stop[]): string[] {
  const bad: string[] = [];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1];
    const b = stops[i];
    const below = b.top >= a.bottom - 2;
    const sameLine = b.top < a.bottom && a.top < b.bottom;
    const toTheRight = b.left >= a.right - 2;
    if (!(below || (sameLine && toTheRight))) bad.push(`${a.what} → ${b.what}`);
  }
  return bad;
}

describeInBrowser("accessibility of the task pane", () => {
  let session: Session | undefined;
  let pg: PlaygroundPage;
  let cdp: CDPSession;

  beforeAll(async () => {
    session = await startSession();
    pg = await openPlayground(session);
    cdp = await pg.context.newCDPSession(pg.page);
  });
  afterAll(async () => {
    await pg?.context.close();
    await endSession(session);
  });

  const pane = () => pg.page.locator(".pane");
  const paneTab = (name: string) => pane().getByRole("tab", { name, exact: true });

  test("every control of the page and of each pane tab has a name, in Chinese in the Chinese pane", async () => {
    const unnamed: string[] = [];
    const english: string[] = [];
    for (const tab of PANE_TABS) {
      await paneTab(tab).click();
      await expandAll(pg.page);
      for (const c of await controls(cdp)) {
        if (!c.name) unnamed.push(`${tab}: ${c.role}`);
        // Latin-only names in a Chinese pane (a library's default "Increment value"); "A" or "KH" style codes are fine.
        else if (/^[A-Za-z][A-Za-z ]+$/.test(c.name) && !/^[A-Z]{1,3}$/.test(c.name)) english.push(`${tab}: ${c.role} "${c.name}"`);
      }
    }
    expect(unnamed).toEqual([]);
    expect([...new Set(english)]).toEqual([]);
    // The playground's own controls, by the names a screen reader reads.
    const page = pg.page;
    for (const [role, name] of [
      ["button", "下载工作簿"],
      ["textbox", /^编辑栏/],
      ["grid", /^工作表 /],
    ] as const) {
      expect(await page.getByRole(role, { name }).count()).toBeGreaterThan(0);
    }
    expect(await page.getByLabel("打开 .xlsx 文件…").count()).toBe(1);
    expect(await page.getByRole("tablist", { name: "工作表" }).getByRole("tab", { name: "村级考核" }).count()).toBe(1);
  });

  test("Tab goes through the page region by region, and through each pane tab in visual order", async () => {
    const page = pg.page;
    await paneTab("数据").click();
    // From the top of the page: the tool bar left to right, then the workbook, then the pane.
    await page.getByLabel("打开 .xlsx 文件…").focus();
    const toolbar = [(await focusStop(page))!, ...(await tabThrough(page, "toolbar"))];
    expect(toolbar.map((s) => s.what)).toEqual([
      expect.stringContaining("打开 .xlsx 文件"),
      expect.stringContaining("示例：村级考核.xlsx"),
      expect.stringContaining("示例：参保调度.xlsx"),
      expect.stringContaining("示例：二版考核.xlsx"),
      expect.stringContaining("下载工作簿"),
    ]);
    expect(outOfOrder(toolbar)).toEqual([]);
    const workbook = [(await focusStop(page))!, ...(await tabThrough(page, "workbook"))];
    expect(workbook.map((s) => s.region)).toEqual(["workbook", "workbook", "workbook"]);
    expect(workbook.map((s) => s.what)).toEqual([
      expect.stringContaining("编辑栏"),
      expect.stringMatching(/role=grid/),
      expect.stringMatching(/role=tab\]/),
    ]);
    expect(await focusStop(page)).toMatchObject({ region: "pane", what: expect.stringContaining("数据") });

    for (const tab of PANE_TABS) {
      await paneTab(tab).click();
      if (tab === "方案") await expandAll(page);
      await paneTab(tab).focus();
      const stops = [(await focusStop(page))!, ...(await tabThrough(page, "pane"))];
      expect({ tab, stops: stops.length > 2 }).toEqual({ tab, stops: true });
      expect({ tab, outOfOrder: outOfOrder(stops) }).toEqual({ tab, outOfOrder: [] });
      // Nothing spills out sideways at the pane's 350 px (WCAG reflow): no horizontal scrolling.
      const overflow = await pane().evaluate((el) => el.scrollWidth - el.clientWidth);
      expect({ tab, overflow }).toEqual({ tab, overflow: 0 });
      // Every stop can be seen: no focus on something of no size.
      expect({ tab, invisible: stops.filter((s) => s.bottom - s.top < 4 || s.right - s.left < 4).map((s) => s.what) }).toEqual({
        tab,
        invisible: [],
      });
    }
  });

  test("after an action, focus is on the result message: on success and on failure", async () => {
    const page = pg.page;
    // Success: recognise the table.
    await cell(page, "B4").click();
    await paneTab("数据").click();
    await pane().getByRole("button", { name: "识别表格" }).click();
    await pane().locator("[role=tabpanel] [role=group]").filter({ hasText: "已识别" }).waitFor();
    expect(await focusedResult(page, "已识别“村级考核”")).toMatch(/^group: .*已识别“村级考核”/);

    // Failure: draw more names than the list has (16). The message says why, and has focus.
    await paneTab("抽签").click();
    const count = pane().getByRole("spinbutton", { name: "抽取个数" });
    await count.fill("99");
    await count.press("Tab");
    await pane().getByRole("button", { name: "抽签", exact: true }).click();
    const failure = pane().locator("[role=tabpanel] [role=group]").filter({ hasText: "抽取个数不能超过" });
    await failure.first().waitFor();
    expect(await focusedResult(page, "抽取个数不能超过")).toMatch(/^group: .*名单中只有 16 项，抽取个数不能超过它/);
    await screenshot(page, "a11y-01-draw-error-focused");

    // Failure: explain a cell that is not on 得分.
    await cell(page, "C3").click();
    await paneTab("解释").click();
    await pane().getByRole("button", { name: "解释所选单元格" }).click();
    expect(await focusedResult(page, "得分")).toMatch(/^group: .*得分/);
    expect(pg.problems).toEqual([]);
  });
});
