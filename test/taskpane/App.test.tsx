/**
 * @jest-environment jsdom
 *
 * The task pane's whole flow on the in-memory host loaded with the sample (a merged title row above the header):
 * detect → adjust roles → save the scheme → 生成龙虎榜 (and again: a refresh) → 生成调度通报 → 抽签 → 解释.
 */
import { screen, within } from "@testing-library/react";
import { draw } from "../../src/core/draw";
import { readDataTable } from "../../src/core/data-table";
import { readSchemeSheet } from "../../src/core/scheme/read-scheme-sheet";
import { scoreUnits } from "../../src/core/scoring/score-units";
import { MARKER_SHEET } from "../../src/core/generated-sheets";
import { CellValue } from "../../src/core/sheet-model";
import { sampleWorkbook } from "./support";
import { cells, renderPane, visibleSheets } from "./flow-helpers";

jest.setTimeout(120_000);

const TITLE = "2025年度村级目标管理考核数据";
const GENERATED = ["得分", "龙虎榜", "奖惩兑现", MARKER_SHEET];

/** The unit expected first in a group, scored by the core from the saved 考核方案 and the data (not by the pane). */
async function expectedLeader(host: ReturnType<typeof sampleWorkbook>, group: string): Promise<{ name: string; total: number }> {
  const { scheme } = readSchemeSheet(await cells(host, "考核方案") as CellValue[][]);
  const table = readDataTable(await cells(host, "村级考核") as CellValue[][], scheme.data);
  const units = scoreUnits(scheme, table, {}).units.filter((u) => u.group === group && !u.vetoed);
  const best = [...units].sort((a, b) => b.total - a.total)[0];
  return { name: best.name, total: best.total };
}

describe("the pane in Chinese (zh-CN)", () => {
  test("detect → adjust roles → save → 生成龙虎榜 twice → 生成调度通报 → 抽签 → 解释", async () => {
    const host = sampleWorkbook({ title: TITLE });
    const ui = await renderPane(host, "zh-CN");

    // 数据: found below the merged title, with the unit and group columns.
    await ui.notice("已识别“村级考核”：表头在第 2 行，共 16 个单位。", false);
    expect((screen.getByRole("spinbutton", { name: "表头行" }) as HTMLInputElement).value).toBe("2");
    expect(screen.getByRole("combobox", { name: "单位列" }).textContent).toBe("A 列 村名");
    expect(screen.getByRole("combobox", { name: "分组列（行政村/社区/站所）" }).textContent).toBe("B 列 类别");
    expect(screen.getByText("16 个（第 3–18 行）")).toBeTruthy();

    // 方案: guesses from the headers, the total against 100; adjust 出生率‰ to a reverse indicator, drop 税收.
    await ui.tab("方案");
    expect((screen.getByRole("textbox", { name: "方案名称" }) as HTMLInputElement).value).toBe("2025年度村级目标管理考核");
    expect(screen.getByTestId("total-points").textContent).toBe("分值合计 94 / 100");
    expect(screen.getByRole("button", { name: /^K 计生否决/ }).textContent).toContain("否决");
    expect(screen.getByRole("button", { name: /^O 规模系数/ }).textContent).toContain("系数");
    const birth = await ui.column("F 出生率‰");
    await ui.choose(within(birth).getByRole("combobox", { name: "计分方法" }), "逆向指标");
    await ui.fill(within(birth).getByRole("textbox", { name: "限值" }), "14");
    await ui.fill(within(birth).getByRole("textbox", { name: "步长" }), "1");
    await ui.fill(within(birth).getByRole("textbox", { name: "每步扣分" }), "2");
    const tax = await ui.column("I 税收(万元)");
    await ui.choose(within(tax).getByRole("combobox", { name: "I 税收(万元) 的用途" }), "忽略");
    expect(screen.getByTestId("total-points").textContent).toBe("分值合计 84 / 100");
    const party = await ui.column("C 党建");
    await ui.fill(within(party).getByRole("textbox", { name: /^分值/ }), "30");
    expect(screen.getByTestId("total-points").textContent).toBe("分值合计 94 / 100");
    const fine = await ui.column("Q 缺签次数");
    await ui.fill(within(fine).getByRole("textbox", { name: "每次罚款金额（元）" }), "100");
    expect(screen.getByText("方案已修改，尚未保存（生成时会先保存）。")).toBeTruthy();

    await ui.user.click(screen.getByRole("button", { name: "保存方案" }));
    await ui.notice("方案已保存到“考核方案”工作表。");
    expect(await visibleSheets(host)).toEqual(["村级考核", "考核方案"]);
    const saved = readSchemeSheet(await cells(host, "考核方案") as CellValue[][]).scheme;
    expect(saved.indicators.find((i) => i.column === "出生率‰")).toEqual({ name: "出生率‰", column: "出生率‰", method: "limit", points: 10, limit: 14, step: 1, deduct: 2 });
    expect(saved.indicators.some((i) => i.column === "税收(万元)")).toBe(false);
    expect(saved.data).toEqual({ sheet: "村级考核", headerRow: 2, name: "村名", group: "类别" });
    expect(saved.fines?.[0]).toEqual({ column: "缺签次数", amount: 100 });
    expect(screen.queryByText(/尚未保存/)).toBeNull();

    // 生成: one button, the three sheets, 龙虎榜 active, the first unit right.
    await ui.tab("生成");
    await ui.user.click(screen.getByRole("button", { name: "生成龙虎榜" }));
    await ui.notice("已生成：“得分”、“龙虎榜”、“奖惩兑现”。");
    expect(await visibleSheets(host)).toEqual(["村级考核", "考核方案", "得分", "龙虎榜", "奖惩兑现"]);
    expect(host.workbook.active).toBe("龙虎榜");
    const leader = await expectedLeader(host, "行政村");
    const board = await cells(host, "龙虎榜");
    expect(board[3][0]).toMatch(/^行政村/);
    expect(board[4].slice(0, 4)).toEqual([1, leader.name, "行政村", leader.total]);
    expect(screen.getByRole("list", { name: "各组第一名" }).textContent).toContain(`行政村第一名：${leader.name}（${leader.total} 分）`);
    // 得分 holds live formulas that read the data sheet.
    const scores = (await host.readSheet("得分"))!;
    expect(scores.formulas!.flat().some((f) => f !== null && f.includes("村级考核"))).toBe(true);

    // A second click refreshes: the same sheets, nothing else in the workbook changed.
    const before = host.snapshot(GENERATED);
    const sheetsBefore = await host.sheetNames();
    await ui.user.click(screen.getByRole("button", { name: "生成龙虎榜" }));
    const second = await ui.notice("已生成：“得分”、“龙虎榜”、“奖惩兑现”。");
    expect(second).toBe(document.activeElement);
    expect(await host.sheetNames()).toEqual(sheetsBefore);
    expect(host.snapshot(GENERATED)).toEqual(before);
    expect((await cells(host, "龙虎榜"))[4][1]).toBe(leader.name);

    // 调度通报: stage 2, a frozen sheet with the paragraph, logged in 调度记录.
    await ui.tab("调度通报");
    await ui.choose(screen.getByRole("combobox", { name: "调度阶段" }), "第 2 次（应完成 50%）");
    await ui.user.click(screen.getByRole("button", { name: "生成调度通报" }));
    await ui.notice("已生成“第2次调度通报”，并记入“调度记录”。");
    expect(await visibleSheets(host)).toEqual(expect.arrayContaining(["第2次调度通报", "调度记录"]));
    const text = within(screen.getByRole("region", { name: "通报内容" })).getByText(/截至第2次调度/).textContent!;
    expect(text).toContain("应达 50%");
    const bulletin = (await host.readSheet("第2次调度通报"))!;
    expect(bulletin.formulas!.flat().every((f) => f === null)).toBe(true);
    expect(bulletin.values.flat().some((v) => typeof v === "string" && v.includes("截至第2次调度"))).toBe(true);

    // 抽签: the unit column by default, n and a seed; the result as KH.DRAW would give it, logged in 抽签记录.
    await ui.tab("抽签");
    expect(screen.getByRole("combobox", { name: "名单（数据表的列）" }).textContent).toBe("A 列 村名");
    const seed = screen.getByRole("textbox", { name: /^种子/ }) as HTMLInputElement;
    expect(seed.value).toMatch(/^20\d{12}$/);
    await ui.fill(seed, "20251122");
    const count = screen.getByRole("spinbutton", { name: "抽取个数" });
    await ui.fill(count, "4");
    await ui.user.tab();
    await ui.user.click(screen.getByRole("button", { name: "抽签" }));
    await ui.notice("已抽出 4 个，记录在“抽签记录”。");
    const names = (await cells(host, "村级考核")).slice(2, 18).map((r) => String(r[0]));
    const drawn = draw(names, 4, "20251122");
    expect(within(screen.getByTestId("draw-result")).getAllByRole("listitem").map((li) => li.textContent)).toEqual(drawn);
    expect(screen.getByText(`=KH.DRAW('村级考核'!A3:A18, 4, "20251122")`)).toBeTruthy();
    const log = await cells(host, "抽签记录");
    expect(log.some((row) => row.includes("20251122"))).toBe(true);

    // 解释: a cell of 得分 selected; how it came about.
    const header = scores.values[1];
    const row = scores.values.findIndex((r) => r[0] === "牛颈村") + 1;
    const column = String.fromCharCode(65 + header.indexOf("出生率‰"));
    host.select("得分", `${column}${row}`);
    await ui.tab("解释");
    await ui.user.click(screen.getByRole("button", { name: "解释所选单元格" }));
    await ui.notice(`得分!${column}${row} 是怎样算出来的`);
    const explained = screen.getByTestId("explanation");
    expect(explained.textContent).toContain("牛颈村（行政村）");
    expect(explained.textContent).toContain("出生率‰ · 逆向指标");
    // 牛颈村's 出生率‰ is 14.1 (row 3 of the data): one step over the limit 14, minus 2.
    expect(explained.textContent).toContain("村级考核!F3 = 14.1");
    expect(explained.textContent).toContain("max(0, 10 − 1 × 2) = 8");
    expect(within(explained).getByRole("heading", { name: "公式" })).toBeTruthy();

    // A cell off 得分: a clear message, nothing explained.
    host.select("村级考核", "C5");
    await ui.user.click(screen.getByRole("button", { name: "解释所选单元格" }));
    await ui.notice("请在“得分”工作表中选中单元格（当前选中：村级考核!C5）。");
    // Or typed: the address field.
    await ui.fill(screen.getByRole("textbox", { name: "“得分”表中的单元格" }), `${column}${row}`);
    await ui.user.click(screen.getByRole("button", { name: "解释" }));
    await ui.notice(`得分!${column}${row} 是怎样算出来的`);
  });
});

describe("the pane in English", () => {
  test("the same flow, every label and message in English", async () => {
    const host = sampleWorkbook({ title: TITLE });
    const ui = await renderPane(host, "en-US");
    await ui.notice("Found the table on “村级考核”: header on row 2, 16 units.", false);
    expect(screen.getByRole("tab", { name: "Scheme" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Unit column" }).textContent).toBe("Column A 村名");

    await ui.tab("Scheme");
    expect(screen.getByTestId("total-points").textContent).toBe("Total points 94 / 100");
    const birth = await ui.column("F 出生率‰");
    await ui.choose(within(birth).getByRole("combobox", { name: "Scoring method" }), "Lower is better");
    await ui.fill(within(birth).getByRole("textbox", { name: "Limit" }), "14");
    await ui.user.click(screen.getByRole("button", { name: "Save scheme" }));
    await ui.notice("The scheme was saved to the 考核方案 sheet.");

    await ui.tab("Generate");
    await ui.user.click(screen.getByRole("button", { name: "Generate leaderboard" }));
    await ui.notice("Written: “得分”、“龙虎榜”、“奖惩兑现”.");
    expect(host.workbook.active).toBe("龙虎榜");
    const leader = await expectedLeader(host, "行政村");
    expect(screen.getByRole("list", { name: "First in each group" }).textContent).toContain(`First in 行政村: ${leader.name} (${leader.total} points)`);

    await ui.tab("Bulletin");
    await ui.choose(screen.getByRole("combobox", { name: "Dispatch stage" }), "Dispatch 2 (required 50%)");
    await ui.user.click(screen.getByRole("button", { name: "Generate bulletin" }));
    await ui.notice("Wrote “第2次调度通报” and logged it in 调度记录.");

    await ui.tab("Draw");
    await ui.fill(screen.getByRole("textbox", { name: /^Seed/ }), "20251122");
    await ui.user.click(screen.getByRole("button", { name: "Draw" }));
    await ui.notice("Drew 3; recorded in “抽签记录”.");

    await ui.tab("Explain");
    await ui.user.click(screen.getByRole("button", { name: "Explain selected cell" }));
    // The selection is on 第2次调度通报 (activated by the bulletin), not on 得分.
    await ui.notice("Select a cell on the 得分 sheet (selected now: 第2次调度通报!A1).");
  });
});

describe("opening a workbook again", () => {
  test("a workbook that already has 考核方案 loads the scheme instead of guessing (also on another computer)", async () => {
    const host = sampleWorkbook({ title: TITLE });
    // The first computer: change a guess and save.
    let ui = await renderPane(host, "zh-CN");
    await ui.tab("方案");
    const party = await ui.column("C 党建");
    await ui.fill(within(party).getByRole("textbox", { name: "指标名称" }), "党建工作");
    await ui.user.click(screen.getByRole("button", { name: "保存方案" }));
    await ui.notice("方案已保存到“考核方案”工作表。");
    ui.unmount();

    // Another computer: only the workbook travels (a copy of it, through JSON, as a file would).
    const copy = sampleWorkbook();
    copy.workbook.sheets = JSON.parse(JSON.stringify(host.workbook.sheets));
    copy.select("村级考核", "A1");
    ui = await renderPane(copy, "zh-CN");
    await ui.notice("已从“考核方案”工作表读取方案“2025年度村级目标管理考核”。", false);
    await ui.tab("方案");
    expect(screen.getByRole("button", { name: /^C 党建/ })).toBeTruthy();
    const reopened = await ui.column("C 党建");
    expect((within(reopened).getByRole("textbox", { name: "指标名称" }) as HTMLInputElement).value).toBe("党建工作");
    expect(screen.queryByText(/尚未保存/)).toBeNull();
    // Generating right away uses the workbook's 考核方案 as it is: it is not rewritten.
    const schemeBefore = JSON.stringify(copy.workbook.sheets.find((s) => s.name === "考核方案"));
    await ui.tab("生成");
    await ui.user.click(screen.getByRole("button", { name: "生成龙虎榜" }));
    await ui.notice(/已生成/);
    expect(JSON.stringify(copy.workbook.sheets.find((s) => s.name === "考核方案"))).toBe(schemeBefore);
    expect((await cells(copy, "得分"))[1]).toContain("党建工作");
  });
});
