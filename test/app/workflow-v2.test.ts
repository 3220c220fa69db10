/**
 * generateBoard on a scheme-version-2 workbook (the worked example of test/cli/score-v2.test.ts, in memory): 报酬 is
 * written (a generated sheet of kind “pay”) with the core's pay; 龙虎榜's 备注 names the 单项末位 (丙村: 评议, the
 * lowest vote score 10); 奖惩兑现 lists each ledger entry with its date, reason and cell; 得分 has the 单项末位 column;
 * the clerk's four sheets are unchanged.
 */
import { MARKER_SHEET } from "../../src/core/generated-sheets";
import { parseScheme } from "../../src/core/scheme/parse";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { generateBoard } from "../../src/app/workflow";
import { WORKED_SCHEME, WORKED_SHEETS } from "../core/sheets/v2-cases";
import { NOW } from "./support";
import { CellValue } from "../../src/core/sheet-model";

function host(): MemoryHost {
  return new MemoryHost({ sheets: Object.entries(WORKED_SHEETS).map(([name, values]) => sheetOfValues(name, values as CellValue[][])) });
}

const grid = (h: MemoryHost, name: string) =>
  h.workbook.sheets.find((s) => s.name === name)!.cells.map((r) => r.map((c) => c?.value ?? null));

describe("generateBoard with scheme version 2", () => {
  it("writes 报酬, 龙虎榜's 备注, the ledger in 奖惩兑现 and 得分's 单项末位, leaving the clerk's sheets alone", async () => {
    const h = host();
    const before = Object.keys(WORKED_SHEETS).map((n) => grid(h, n));
    const out = await generateBoard(h, { scheme: parseScheme(WORKED_SCHEME).scheme, now: NOW });
    expect(out.written).toContain("报酬");
    expect(Object.keys(WORKED_SHEETS).map((n) => grid(h, n))).toEqual(before);
    expect((await h.readMarkers()).find((m) => m.sheet === "报酬")?.kind).toBe("pay");

    const pay = grid(h, "报酬");
    expect(pay[1]).toEqual(["单位", "分组", "总分", "基础", "绩效", "奖励", "集体经济", "合计"]);
    expect(pay.slice(2).map((r) => [r[0], r[7]])).toEqual([
      ["甲村", 4920],
      ["乙村", 1500 + 2000 * 0.8236],
      ["丙村", 1700],
      ["丁村", 1600],
    ]);

    const board = grid(h, "龙虎榜");
    expect(board[2][8]).toBe("备注");
    expect(board.find((r) => r[1] === "丙村")![8]).toBe("单项末位：评议");
    expect(board.find((r) => r[1] === "甲村")![8]).toBe("");

    const rewards = grid(h, "奖惩兑现");
    expect(rewards).toContainEqual([null, "甲村", "", null, "台账加分 +2 分", "2025-03-02 好人好事（加减分台账!C2）", null]);
    expect(rewards).toContainEqual([2, "乙村", "", 2, "台账扣分 −3 分", "2025-04-10 迟报材料（加减分台账!C3）", null]);

    const scores = grid(h, "得分");
    expect(scores[1][12]).toBe("单项末位");
    expect(scores.slice(2).map((r) => r[12])).toEqual(["", "", "评议", ""]);
    expect((await h.sheetNames()).includes(MARKER_SHEET)).toBe(true);
  });
});
