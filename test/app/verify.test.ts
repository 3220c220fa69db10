/** 核验 in the workflow: bulletins and draws carry codes, a re-issued dispatch never rewrites the signed one. */
import { generateBoard, generateBulletin, recordDraw, saveScheme } from "../../src/app/workflow";
import { verifyWorkbook } from "../../src/app/verify";
import { NOW, pensionHost, pensionScheme } from "./support";

describe("verifyWorkbook", () => {
  it("finds bulletins and draw rows 完好, and names the one changed after it was written", async () => {
    const host = pensionHost();
    await saveScheme(host, pensionScheme());
    await generateBulletin(host, 1, { now: NOW });
    await recordDraw(host, { items: ["甲", "乙", "丙"], n: 2, seed: "7", now: NOW });
    await recordDraw(host, { items: ["甲", "乙", "丙"], n: 1, seed: "8", now: NOW });
    const before = await verifyWorkbook(host);
    expect(before.checks.map((c) => [c.record, c.status])).toEqual([
      ["第1次调度通报", "intact"],
      ["抽签记录 第2行（2025-11-22 10:30）", "intact"],
      ["抽签记录 第3行（2025-11-22 10:30）", "intact"],
    ]);
    const log = host.workbook.sheets.find((s) => s.name === "抽签记录")!;
    log.cells[2][6] = { value: "丙" };
    const bulletin = host.workbook.sheets.find((s) => s.name === "第1次调度通报")!;
    bulletin.cells[2][0] = { value: "截至第1次调度，全镇已全部完成。" };
    const after = await verifyWorkbook(host);
    expect(after.changed.map((c) => c.record)).toEqual(["第1次调度通报", "抽签记录 第3行（2025-11-22 10:30）"]);
  });

  it("keeps an issued bulletin when the dispatch is issued again (第2版 beside it), and a refresh leaves both as they were", async () => {
    const host = pensionHost();
    await saveScheme(host, pensionScheme());
    const first = await generateBulletin(host, 2, { now: NOW });
    const signed = JSON.stringify(host.workbook.sheets.find((s) => s.name === "第2次调度通报"));
    const again = await generateBulletin(host, 2, { now: "2025-11-23T09:00:00+08:00" });
    expect([first.sheet, again.sheet]).toEqual(["第2次调度通报", "第2次调度通报（第2版）"]);
    await generateBoard(host, { now: "2025-11-24T09:00:00+08:00" });
    expect(JSON.stringify(host.workbook.sheets.find((s) => s.name === "第2次调度通报"))).toBe(signed);
    expect((await verifyWorkbook(host)).checks.map((c) => c.status)).toEqual(["intact", "intact"]);
  });
});
