/**
 * @jest-environment jsdom
 *
 * The 调度通报 tab's 核验: every frozen record 完好 on a fresh workbook, and the changed bulletin named after a cell
 * of it was edited.
 */
import { TextDecoder, TextEncoder } from "util";
import { screen } from "@testing-library/react";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { CellValue } from "../../src/core/sheet-model";
import { generateBulletin, saveScheme } from "../../src/app/workflow";
import { sampleValues } from "../core/scoring/sample";
import { pensionScheme } from "../app/support";
import { SelectableHost } from "./support";
import { renderPane } from "./flow-helpers";

jest.setTimeout(60_000);

// jsdom lacks TextEncoder, which the docx package uses (every browser and WPS's Chromium has it).
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? TextEncoder, TextDecoder: globalThis.TextDecoder ?? TextDecoder });

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

/** The pane on the 调度通报 tab with `option` chosen as the stage, and 导出 Word 通报 clicked. */
async function exportStage(option: string) {
  const ui = await renderPane(await pensionWithBulletin(), "zh-CN");
  await ui.tab("调度通报");
  await ui.choose(screen.getByRole("combobox", { name: "调度阶段" }), option);
  await ui.user.click(screen.getByRole("button", { name: "导出 Word 通报" }));
  return ui;
}

test("导出 Word 通报: where the pane cannot download, the bulletin text to copy; with downloads, a .docx", async () => {
  // jsdom has no URL.createObjectURL: the pane cannot download here, as in Excel on Mac.
  const ui = await exportStage("第 2 次（应完成 50%）");
  const notice = await ui.notice("此处不能保存文件，请复制下方的通报文字：");
  expect(notice.textContent).toContain("此环境不能下载文件");
  const text = (screen.getByRole("textbox", { name: "通报文字（可复制）" }) as HTMLTextAreaElement).value;
  expect(text.split("\n")[0]).toBe("第2期");
  expect(text).toMatch(/校验码：[0-9a-f]{16}$/);

  const blobs: Blob[] = [];
  const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: () => void };
  url.createObjectURL = (b: Blob) => (blobs.push(b), "blob:kh/1");
  url.revokeObjectURL = () => undefined;
  // jsdom cannot navigate: the download link's default action is stopped (a browser would save the file).
  const stop = (e: Event) => (e.target as HTMLElement).tagName === "A" && e.preventDefault();
  document.addEventListener("click", stop, true);
  try {
    await ui.user.click(screen.getByRole("button", { name: "导出 Word 通报" }));
    const done = await ui.notice("已下载 Word 通报“第2期调度通报.docx”。");
    expect(done.textContent).toMatch(/校验码：[0-9a-f]{16}/);
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blobs[0]);
    });
    expect(blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip package
  } finally {
    document.removeEventListener("click", stop, true);
    delete url.createObjectURL;
    delete url.revokeObjectURL;
  }
});

test("导出 Word 通报 of a dispatch not yet issued says to generate it first", async () => {
  const ui = await exportStage("第 3 次（应完成 70%）");
  const notice = await ui.notice("未能导出 Word 通报");
  expect(notice.textContent).toContain("工作簿中还没有“第3次调度通报”：请先生成第3次调度通报，再导出 Word 通报");
});
