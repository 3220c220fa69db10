import { MARKER_SHEET } from "../../../src/core/generated-sheets";
import { MemoryHost } from "../../../src/hosts/memory/memory-host";
import { MemoryWorkbook, sheetOfValues } from "../../../src/hosts/memory/memory-workbook";
import { DATA_FORMULAS, DATA_MERGES, DATA_VALUES, dispatchLogModel, leaderboardModel, scoresModel } from "../sample-models";

const NOW = "2025-11-22T08:00:00.000Z";

function clerkWorkbook(): MemoryWorkbook {
  return {
    sheets: [
      sheetOfValues("村级考核", DATA_VALUES, { formulas: DATA_FORMULAS, merges: DATA_MERGES }),
      sheetOfValues("说明", [["本表由目标办维护"]]),
    ],
    active: "村级考核",
  };
}

describe("MemoryHost reading", () => {
  it("reads the used range from A1 with formulas, merges and the title row intact", async () => {
    const wb = clerkWorkbook();
    wb.sheets[0].cells[1][2] = { value: "党建", style: { bold: true } };
    wb.sheets[0].cells.push([], [{ value: null, style: { fill: "#FF0000" } }]); // formatted but empty rows
    const data = await new MemoryHost(wb).readSheet("村级考核");
    expect(data).toEqual({ name: "村级考核", values: DATA_VALUES, formulas: DATA_FORMULAS, merges: DATA_MERGES });
    expect(await new MemoryHost(wb).readSheet("没有")).toBeUndefined();
  });

  it("shows only the top-left value of a merged area", async () => {
    const host = new MemoryHost({ sheets: [sheetOfValues("表", [["标题", "标题"], [1, 2]], { merges: ["A1:B1"] })] });
    expect((await host.readSheet("表"))?.values).toEqual([
      ["标题", null],
      [1, 2],
    ]);
  });
});

describe("MemoryHost writing", () => {
  it("creates generated sheets at the end with markers in a very hidden sheet, and activates one", async () => {
    const host = new MemoryHost(clerkWorkbook());
    const result = await host.writeSheets([scoresModel(), leaderboardModel()], { activate: "龙虎榜", now: NOW });
    expect(result.written).toEqual(["得分", "龙虎榜"]);
    expect(await host.sheetNames()).toEqual(["村级考核", "说明", "得分", "龙虎榜", MARKER_SHEET]);
    expect(host.workbook.sheets[4].visibility).toBe("veryHidden");
    expect(host.workbook.active).toBe("龙虎榜");
    expect(await host.readMarkers()).toEqual([
      { sheet: "得分", kind: "scores", generatedAt: NOW },
      { sheet: "龙虎榜", kind: "leaderboard", generatedAt: NOW },
    ]);
    const scores = await host.readSheet("得分");
    expect(scores?.values[1]).toEqual(["牛颈村", "行政村", 19.6, 39.2, 1, "=1+1"]);
    expect(scores?.formulas?.[1]).toEqual([null, null, "='村级考核'!C3", null, "=RANK(D2,D$2:D$4)", null]);
    const cells = host.workbook.sheets[2].cells;
    expect(cells[0][0]?.style).toEqual({ bold: true, fill: "#D9E1F2", horizontal: "center", border: true });
    expect(host.workbook.sheets[2].freeze).toEqual({ rows: 1, columns: 1 });
  });

  it("never touches a clerk's sheet of the same name: the model goes to 名称(考核助手)", async () => {
    const wb = clerkWorkbook();
    wb.sheets.push(sheetOfValues("龙虎榜", [["我自己的榜"]]));
    const clerkBefore = JSON.parse(JSON.stringify(wb.sheets));
    const host = new MemoryHost(wb);
    const { written } = await host.writeSheets([leaderboardModel()], { activate: "龙虎榜", now: NOW });
    expect(written).toEqual(["龙虎榜(考核助手)"]);
    expect(host.workbook.sheets.slice(0, 3)).toEqual(clerkBefore);
    expect(host.workbook.active).toBe("龙虎榜(考核助手)");
    // The next run finds the renamed sheet by its marker and refreshes it rather than making a third one.
    const again = await host.writeSheets([leaderboardModel()], { now: NOW });
    expect(again.written).toEqual(["龙虎榜(考核助手)"]);
    expect(await host.sheetNames()).toEqual(["村级考核", "说明", "龙虎榜", "龙虎榜(考核助手)", MARKER_SHEET]);
  });

  it("refreshes its own sheets in place, keeping their position in the tab order", async () => {
    const host = new MemoryHost(clerkWorkbook());
    await host.writeSheets([scoresModel(), leaderboardModel()], { now: NOW });
    host.workbook.sheets.push(sheetOfValues("后加的表", [[1]]));
    const fewer = { ...scoresModel(), cells: scoresModel().cells.slice(0, 2) };
    await host.writeSheets([fewer], { now: "2025-11-23T08:00:00.000Z" });
    expect(await host.sheetNames()).toEqual(["村级考核", "说明", "得分", "龙虎榜", MARKER_SHEET, "后加的表"]);
    // Replaced, not overlaid: the rows the new model does not have are gone.
    expect((await host.readSheet("得分"))?.values.length).toBe(2);
    expect((await host.readMarkers()).find((m) => m.sheet === "得分")?.generatedAt).toBe("2025-11-23T08:00:00.000Z");
  });

  it("appends log rows under the existing ones, keeping the header once", async () => {
    const host = new MemoryHost(clerkWorkbook());
    await host.writeSheets([dispatchLogModel(1)], { now: NOW });
    await host.writeSheets([dispatchLogModel(2)], { now: NOW });
    expect((await host.readSheet("调度记录"))?.values).toEqual([
      ["调度", "单位", "名次"],
      ["第1次", "牛颈村", 1],
      ["第1次", "西牛村", 2],
      ["第2次", "牛颈村", 2],
      ["第2次", "西牛村", 3],
    ]);
  });

  it("leaves the workbook unchanged when a model cannot be written", async () => {
    const wb = clerkWorkbook();
    const before = JSON.parse(JSON.stringify(wb));
    const host = new MemoryHost(wb);
    const bad = { ...leaderboardModel(), merges: ["A1:D1", "第一行"] };
    await expect(host.writeSheets([scoresModel(), bad], { now: NOW })).rejects.toThrow("无法识别的区域地址：第一行");
    expect(JSON.parse(JSON.stringify(host.workbook))).toEqual(before);
    await expect(host.writeSheets([{ ...scoresModel(), name: MARKER_SHEET }])).rejects.toThrow(MARKER_SHEET);
  });

  it("keeps only values in a snapshot", async () => {
    const host = new MemoryHost();
    await host.writeSheets([{ ...scoresModel(), name: "第1次调度通报", kind: "bulletin", snapshot: true }], { now: NOW });
    const data = await host.readSheet("第1次调度通报");
    expect(data?.formulas?.flat().every((f) => f === null)).toBe(true);
    expect(data?.values[1][4]).toBe(1);
  });
});
