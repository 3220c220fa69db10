/** The in-memory host keeps each generated sheet's charts, one set per write (a refresh replaces them). */
import { generateBoard, generateBulletin, saveScheme } from "../../../src/app/workflow";
import { NOW, pensionHost, pensionScheme, villageHost, villageScheme } from "../../app/support";

describe("charts in the in-memory workbook", () => {
  it("龙虎榜 has one chart per group, and a refresh leaves the same charts, not more", async () => {
    const host = villageHost();
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    const charts = () => host.workbook.sheets.find((s) => s.name === "龙虎榜")!.charts!;
    expect(charts().map((c) => c.title)).toEqual(["行政村总分（龙榜红、虎榜灰）", "社区总分（龙榜红、虎榜灰）"]);
    const first = JSON.stringify(charts());
    await generateBoard(host, { now: "2025-11-23T10:00:00+08:00" });
    expect(JSON.stringify(charts())).toBe(first);
    // The 得分 sheet and the clerk's sheets have none.
    expect(host.workbook.sheets.filter((s) => s.charts).map((s) => s.name)).toEqual(["龙虎榜"]);
  });

  it("each 第N次调度通报 has its completion chart over its own table", async () => {
    const host = pensionHost();
    await saveScheme(host, pensionScheme());
    await generateBulletin(host, 2, { now: NOW });
    const sheet = host.workbook.sheets.find((s) => s.name === "第2次调度通报")!;
    const header = sheet.cells.findIndex((r) => r?.[0]?.value === "名次") + 1;
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        title: "第2次调度完成率与应达进度",
        categories: `B${header + 1}:B${header + 32}`,
        bars: expect.objectContaining({ name: "完成率", values: `F${header + 1}:F${header + 32}` }),
        line: expect.objectContaining({ name: "应达", values: `G${header + 1}:G${header + 32}` }),
      }),
    ]);
  });
});
