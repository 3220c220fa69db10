/**
 * @jest-environment jsdom
 *
 * What the pane does when something is wrong: a clear message on the tab (focused), and the workbook as it was.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { SheetModel } from "../../src/core/sheet-model";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { WriteResult } from "../../src/hosts/host";
import { SelectableHost, sampleWorkbook } from "./support";
import { renderPane, visibleSheets } from "./flow-helpers";

jest.setTimeout(60_000);

test("a data problem: nothing generated, not even the changed scheme, and the message names it", async () => {
  // Two units with the same name: the data table cannot be read.
  const host = sampleWorkbook({ edit: (v) => (v[3][0] = v[1][0]) });
  const ui = await renderPane(host, "zh-CN");
  await ui.notice(/已识别/, false);
  const before = host.snapshot();
  await ui.tab("生成");
  await ui.user.click(screen.getByRole("button", { name: "生成龙虎榜" }));
  const notice = await ui.notice("未能生成，工作簿未改动");
  expect(notice.textContent).toContain("“村级考核”中单位“牛颈村”重复：第2行和第4行");
  expect(host.snapshot()).toEqual(before);
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect((screen.getByRole("button", { name: "生成龙虎榜" }) as HTMLButtonElement).disabled).toBe(false);
});

test("a scheme with a problem: named by column, on the 方案 tab as it is typed and when generating; nothing written", async () => {
  const host = sampleWorkbook();
  const ui = await renderPane(host, "zh-CN");
  await ui.notice(/已识别/, false);
  await ui.tab("方案");
  const party = await ui.column("C 党建");
  const points = within(party).getByRole("textbox", { name: /^分值/ });
  await ui.fill(points, "二十");
  expect(within(party).getByText("“二十”不是数值")).toBeTruthy();
  await ui.fill(points, "");
  expect(screen.getByText("C列（党建）：分值应为不小于 0 的数值")).toBeTruthy();
  await ui.user.click(screen.getByRole("button", { name: "保存方案" }));
  expect((await ui.notice("方案有误，未保存")).textContent).toContain("C列（党建）：分值应为不小于 0 的数值");
  await ui.tab("生成");
  await ui.user.click(screen.getByRole("button", { name: "生成龙虎榜" }));
  expect((await ui.notice("方案有误，请在“方案”页修改")).textContent).toContain("C列（党建）");
  expect(await visibleSheets(host)).toEqual(["村级考核"]);
});

/** A workbook whose writes wait until the test lets them through: the pane is seen mid-action. */
class SlowHost extends SelectableHost {
  release?: () => void;
  override async writeSheets(models: SheetModel[], options?: { activate?: string; now?: string }): Promise<WriteResult> {
    await new Promise<void>((resolve) => (this.release = resolve));
    return super.writeSheets(models, options);
  }
}

test("a long action shows its progress and step, and every action button waits for it", async () => {
  const host = new SlowHost(sampleWorkbook().workbook);
  host.select("村级考核", "C4");
  const ui = await renderPane(host, "zh-CN");
  await ui.notice(/已识别/, false);
  await ui.tab("生成");
  await ui.user.click(screen.getByRole("button", { name: "生成龙虎榜" }));
  const bar = await screen.findByRole("progressbar", { name: "正在生成……" });
  expect(bar.getAttribute("aria-valuenow")).toBe("0.75");
  expect(screen.getByText("写入工作簿")).toBeTruthy();
  expect((screen.getByRole("button", { name: "生成龙虎榜" }) as HTMLButtonElement).disabled).toBe(true);
  await ui.tab("抽签");
  expect((screen.getByRole("button", { name: "抽签" }) as HTMLButtonElement).disabled).toBe(true);
  await waitFor(() => expect(host.release).toBeDefined());
  host.release!();
  await ui.tab("生成");
  await ui.notice(/已生成/, false);
  expect(screen.queryByRole("progressbar")).toBeNull();
});

test("a draw of more than the list holds, and a seed left empty", async () => {
  const host = sampleWorkbook();
  const ui = await renderPane(host, "zh-CN");
  await ui.notice(/已识别/, false);
  await ui.tab("抽签");
  await ui.fill(screen.getByRole("spinbutton", { name: "抽取个数" }), "20");
  await ui.user.tab();
  await ui.user.click(screen.getByRole("button", { name: "抽签" }));
  await ui.notice("名单中只有 16 项，抽取个数不能超过它。");
  await ui.fill(screen.getByRole("textbox", { name: /^种子/ }), "  ");
  expect((screen.getByRole("button", { name: "抽签" }) as HTMLButtonElement).disabled).toBe(true);
  expect(await visibleSheets(host)).toEqual(["村级考核"]);
});

test("a 考核方案 sheet that does not read: its problems shown, the table detected again", async () => {
  const host = sampleWorkbook();
  host.workbook.sheets.push(sheetOfValues("考核方案", [["考核方案"], ["一、基本设置"], ["项目", "设置"], ["方案名称", "测试"], ["数据表", "村级考核"], ["表头行", "第一行"]]));
  const ui = await renderPane(host, "zh-CN");
  const notice = await ui.notice("“考核方案”工作表有误", false);
  expect(notice.textContent).toMatch(/考核方案!B6/);
  expect(notice.textContent).toContain("已识别“村级考核”");
});

test("a workbook without a table, and a header row that is not one", async () => {
  const empty = new SelectableHost({ sheets: [sheetOfValues("Sheet1", [["说明文字"]])] });
  let ui = await renderPane(empty, "zh-CN");
  expect((await ui.notice("没有找到表格", false)).textContent).toContain("“Sheet1”中没有找到表格");
  await ui.tab("方案");
  expect(screen.getByText("请先在“数据”页识别数据表。")).toBeTruthy();
  ui.unmount();

  const host = sampleWorkbook({ title: "标题" });
  ui = await renderPane(host, "zh-CN");
  await ui.notice(/已识别/, false);
  const row = screen.getByRole("spinbutton", { name: "表头行" });
  await ui.fill(row, "3{Enter}");
  await ui.notice("第 3 行不像表头（需要文字表头，下面是数据），未改动。");
  expect((row as HTMLInputElement).value).toBe("2");
});

test("re-detecting after the clerk selects another table", async () => {
  const host = sampleWorkbook({ extraSheets: [{ name: "站所", values: [["站所名称", "党建"], ["农业站", 18], ["林业站", 17]] }] });
  const ui = await renderPane(host, "zh-CN");
  await ui.notice("已识别“村级考核”", false);
  host.select("站所", "B2");
  await ui.user.click(screen.getByRole("button", { name: "识别表格" }));
  await ui.notice("已识别“站所”：表头在第 1 行，共 2 个单位。");
  expect(screen.getByRole("combobox", { name: "单位列" }).textContent).toBe("A 列 站所名称");
  await ui.tab("调度通报");
  expect(screen.getByText(/无法生成调度通报/)).toBeTruthy();
  expect((screen.getByRole("button", { name: "生成调度通报" }) as HTMLButtonElement).disabled).toBe(true);
});
