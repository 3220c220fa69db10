/**
 * @jest-environment jsdom
 *
 * The pane on the real hosts — Excel (over the Office.js fake of the Excel host's tests) and WPS (over the ET
 * double) — and how the entry picks its host and language, or refuses an Excel that lacks a requirement set.
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import { WpsHost } from "../../src/hosts/wps/wps-host";
import { EtApplication } from "../../src/hosts/wps/et";
import { boot } from "../../src/taskpane/boot";
import { Blocked } from "../../src/taskpane/Blocked";
import { App } from "../../src/taskpane/App";
import { FakeExcel } from "../hosts/excel/fake-excel";
import { workbook } from "../hosts/wps/double/fixtures";
import { sampleValues } from "../core/scoring/sample";
import { renderPane } from "./flow-helpers";

jest.setTimeout(60_000);

const sample = () => sampleValues() as (string | number | null)[][];

async function detectAndGenerate(host: ExcelHost | WpsHost): Promise<void> {
  const ui = await renderPane(host, "zh-CN");
  await ui.notice("已识别“村级考核”：表头在第 1 行，共 16 个单位。", false);
  await ui.tab("生成");
  await ui.user.click(screen.getByRole("button", { name: "生成龙虎榜" }));
  await ui.notice("已生成：“考核方案”、“得分”、“龙虎榜”、“奖惩兑现”。");
  ui.unmount();
}

test("Excel: the table around the selection, and the sheets written through Office.js", async () => {
  const excel = new FakeExcel();
  const data = excel.workbook.addSheet("村级考核", sample());
  excel.workbook.selection = { sheet: data, area: { top: 3, left: 2, bottom: 3, right: 2 } };
  await detectAndGenerate(new ExcelHost(excel.run));
  expect(excel.workbook.names()).toEqual(expect.arrayContaining(["村级考核", "考核方案", "得分", "龙虎榜", "奖惩兑现"]));
  expect(excel.workbook.active?.name).toBe("龙虎榜");
});

test("WPS: the same through the ET object model", async () => {
  const app = workbook({ 村级考核: sample() });
  await detectAndGenerate(new WpsHost(app as unknown as EtApplication));
  expect(app.workbook.sheets.map((s) => s.Name)).toEqual(expect.arrayContaining(["村级考核", "考核方案", "得分", "龙虎榜", "奖惩兑现"]));
  expect(app.ActiveSheet.Name).toBe("龙虎榜");
});

describe("boot: the host and language the entry renders with", () => {
  const g = globalThis as unknown as Record<string, unknown>;
  afterEach(() => {
    delete g.Office;
    delete g.Application;
  });

  function office(displayLanguage: string, supported: (name: string, version: string) => boolean) {
    g.Office = {
      context: { host: "Excel", displayLanguage, platform: "PC", requirements: { isSetSupported: supported } },
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline" },
    };
  }

  test("Excel with every requirement set: the Excel host, in Office's display language", () => {
    office("en-US", () => true);
    const b = boot();
    expect(b.ok && [b.host.kind, b.locale, b.notes]).toEqual(["excel", "en-US", []]);
  });

  test("Excel without an optional set: runs, with a note", () => {
    office("zh-CN", (name, version) => !(name === "ExcelApi" && version === "1.13"));
    const b = boot();
    expect(b.ok && b.notes).toEqual([expect.stringContaining("ExcelApi 1.13")]);
  });

  test("Excel without a required set: a clear message instead of the pane, in the display language", () => {
    office("en-US", (name) => name !== "SharedRuntime");
    const b = boot();
    if (b.ok) throw new Error("expected a refusal");
    render(<Blocked lang="en" messages={b.messages} />);
    expect(screen.getByRole("alert").textContent).toContain("This version of Excel cannot run KaoHe");
    expect(screen.getByRole("alert").textContent).toContain("SharedRuntime 1.1");
  });

  test("WPS: the WPS host, always in Chinese; a plain browser: an empty in-memory workbook", () => {
    g.Application = workbook({ 村级考核: sample() });
    const wps = boot();
    expect(wps.ok && [wps.host.kind, wps.locale]).toEqual(["wps", "zh-CN"]);
    delete g.Application;
    const plain = boot();
    expect(plain.ok && plain.host.kind).toBe("memory");
  });

  test("the WPS page's entry renders <App lang> without a host: the pane finds the WPS workbook itself", async () => {
    g.Application = workbook({ 村级考核: sample() });
    render(<App lang="zh" />);
    expect((await screen.findAllByText(/已识别“村级考核”/)).length).toBeGreaterThan(0);
  });
});
