/**
 * @jest-environment jsdom
 *
 * The scheme's settings on the 方案 tab reach the 考核方案 sheet: leaderboard size, caps, awards, rewards; and the
 * dispatch columns, one 完成数 column per stage as the pension sample keeps them.
 */
import { screen, within } from "@testing-library/react";
import { readSchemeSheet } from "../../src/core/scheme/read-scheme-sheet";
import { CellValue } from "../../src/core/sheet-model";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { sampleValues } from "../core/scoring/sample";
import { SelectableHost, sampleWorkbook } from "./support";
import { cells, renderPane } from "./flow-helpers";

jest.setTimeout(60_000);

async function savedScheme(host: SelectableHost) {
  return readSchemeSheet((await cells(host, "考核方案")) as CellValue[][]).scheme;
}

test("leaderboard size, bonus cap, awards and rewards", async () => {
  const host = sampleWorkbook();
  const ui = await renderPane(host, "zh-CN");
  await ui.notice(/已识别/, false);
  await ui.tab("方案");
  const open = (name: string) => ui.user.click(screen.getByRole("button", { name }));

  await open("否决与加扣分");
  await ui.fill(screen.getByRole("textbox", { name: /^加分上限/ }), "5");
  await ui.user.click(screen.getByRole("radio", { name: "记零分" }));
  await open("排名与龙虎榜");
  await ui.fill(screen.getByRole("spinbutton", { name: "龙榜人数（每组前几名）" }), "2{Enter}");
  await ui.user.click(screen.getByRole("checkbox", { name: "中国式排名（并列不占名次）" }));
  await open("等次与奖项");
  await ui.user.click(screen.getByRole("button", { name: "奖项名额：添加一行" }));
  await ui.fill(screen.getByRole("textbox", { name: "奖项名额第 1 行奖项" }), "一等奖");
  await ui.fill(screen.getByRole("textbox", { name: "奖项名额第 1 行最低分" }), "８５");
  await ui.user.click(screen.getByRole("button", { name: "综合等次：删除第 4 行" }));
  await open("奖励");
  await ui.user.click(screen.getByRole("button", { name: "按名次奖励：添加一行" }));
  await ui.fill(screen.getByRole("textbox", { name: "按名次奖励第 1 行金额（元）" }), "1,000");
  await ui.choose(screen.getByRole("combobox", { name: "达标奖励的数据列" }), "E 列 参保率");
  await ui.user.click(screen.getByRole("button", { name: "达标奖励：添加一行" }));
  await ui.fill(screen.getByRole("textbox", { name: "达标奖励第 1 行达标值" }), "91%");
  await ui.fill(screen.getByRole("textbox", { name: "达标奖励第 1 行金额（元）" }), "1000");
  // The column the threshold reward reads says so in its summary.
  expect(screen.getByRole("button", { name: /^E 参保率/ }).textContent).toContain("达标奖励");

  await ui.user.click(screen.getByRole("button", { name: "保存方案" }));
  await ui.notice("方案已保存到“考核方案”工作表。");
  const scheme = await savedScheme(host);
  expect(scheme.bonus).toEqual({ columns: ["加分"], cap: 5 });
  expect(scheme.vetoMode).toBe("zero");
  expect(scheme.leaderboard).toEqual({ top: 2, bottom: 3 });
  expect(scheme.ranking).toEqual({ dense: true });
  expect(scheme.grades).toEqual([[90, "优秀"], [80, "良好"], [60, "合格"]]);
  expect(scheme.awards).toEqual([["一等奖", 1, 85]]);
  expect(scheme.rewards).toEqual({ byRank: [[1, 1000]], byThreshold: { column: "参保率", tiers: [[0.91, 1000]] } });
});

test("a dispatch table with one 完成数 column per stage: set up, saved, and a bulletin for stage 3", async () => {
  const host = new SelectableHost({ sheets: [sheetOfValues("参保调度", sampleValues("pension-dispatch.csv") as CellValue[][])] });
  host.select("参保调度", "A2");
  const ui = await renderPane(host, "zh-CN");
  await ui.notice("已识别“参保调度”", false);
  await ui.tab("方案");
  await ui.user.click(screen.getByRole("button", { name: "分阶段调度" }));
  await ui.choose(screen.getByRole("combobox", { name: "任务数列" }), "D 列 任务户数");
  await ui.user.click(screen.getByRole("checkbox", { name: "每次调度一列（第1次、第2次……）" }));
  for (const [k, letter] of ["E", "F", "G", "H", "I"].entries()) {
    await ui.choose(screen.getByRole("combobox", { name: `第 ${k + 1} 次调度的完成数列` }), `${letter} 列 第${k + 1}次`);
  }
  // 第5次 is scored as well as being the last stage's count.
  expect(screen.getByRole("button", { name: /^I 第5次/ }).textContent).toMatch(/指标.*第 5 次调度完成数/);
  await ui.user.click(screen.getByRole("button", { name: "保存方案" }));
  await ui.notice("方案已保存到“考核方案”工作表");
  expect((await savedScheme(host)).progress).toEqual({ done: ["第1次", "第2次", "第3次", "第4次", "第5次"], task: "任务户数", stages: [0.3, 0.5, 0.7, 0.8, 0.9] });

  await ui.tab("调度通报");
  await ui.choose(screen.getByRole("combobox", { name: "调度阶段" }), "第 3 次（应完成 70%）");
  await ui.user.click(screen.getByRole("button", { name: "生成调度通报" }));
  await ui.notice("已生成“第3次调度通报”");
  expect(within(screen.getByRole("region", { name: "通报内容" })).getByText(/截至第3次调度/)).toBeTruthy();
});
