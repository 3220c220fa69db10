/**
 * @jest-environment jsdom
 *
 * The 调度通报 tab's 核验: every frozen record 完好 on a fresh workbook, and the changed bulletin named after a cell
 * of it was edited.
 */
import { screen } from "@testing-library/react";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { CellValue } from "../../src/core/sheet-model";
import { generateBulletin, saveScheme } from "../../src/app/workflow";
import { sampleValues } from "../core/scoring/sample";
import { pensionScheme } from "../app/support";
import { SelectableHost } from "./support";
import { renderPane } from "./flow-helpers";

jest.setTimeout(60_000);

async function pensionWithBulletin(): Promise<SelectableHost> {
  const host = new SelectableHost({ sheets: [sheetOfValues("参保调度", sampleValues("pension-dispatch.csv") as CellValue[][])] });
  await saveScheme(host, pensionScheme());
  await generateBulletin(host, 2, { now: "2025-11-22T10:30:00+08:00" });
  host.select("参保调度", "A2");
  return host;
}

test("核验 finds the bulletin 完好, then names it once a cell of it was changed", async () => {
  const host = await pensionWithBulletin();
  const ui = await renderPane(host, "zh-CN");
  await ui.tab("调度通报");
  await ui.user.click(screen.getByRole("button", { name: "核验" }));
  const ok = await ui.notice("全部 1 份记录完好。");
  expect(ok.textContent).toMatch(/第2次调度通报：完好（[0-9a-f]{16}）/);

  host.workbook.sheets.find((s) => s.name === "第2次调度通报")!.cells[6][3] = { value: 99999 };
  await ui.user.click(screen.getByRole("button", { name: "核验" }));
  const bad = await ui.notice("1 份记录中有 1 份已被改动：");
  expect(bad.textContent).toMatch(/第2次调度通报：已被改动/);
});

test("in English the button and the summary are translated; the record lines stay as the core words them", async () => {
  const host = await pensionWithBulletin();
  const ui = await renderPane(host, "en-US");
  await ui.tab("Bulletin");
  await ui.user.click(screen.getByRole("button", { name: "Verify" }));
  const ok = await ui.notice("All 1 records are as written.");
  expect(ok.textContent).toContain("第2次调度通报：完好");
});
