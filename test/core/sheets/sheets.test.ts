/** Each generated sheet's model: columns, fills, print setup, and the bulletin text of the pension sample. */
import { readDataTable } from "../../../src/core/data-table";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { schemeSheetLayout } from "../../../src/core/scheme/scheme-sheet";
import { SheetModel } from "../../../src/core/sheet-model";
import { scoresColumns, scoresSheet } from "../../../src/core/sheets/scores-sheet";
import { LEADERBOARD_HEADERS, leaderboardSheet } from "../../../src/core/sheets/leaderboard-sheet";
import { REWARDS_HEADERS, rewardsSheet } from "../../../src/core/sheets/rewards-sheet";
import { BULLETIN_HEADERS, bulletinSheet } from "../../../src/core/sheets/bulletin-sheet";
import { dispatchLogSheet, readDispatchLog } from "../../../src/core/sheets/dispatch-log-sheet";
import { DRAW_LOG_HEADERS, drawFormula, drawLogSheet } from "../../../src/core/sheets/draw-log-sheet";
import { displayTime } from "../../../src/core/sheets/common";
import { bulletinSentences, bulletinText } from "../../../src/core/bulletin-text";
import { checkCode, codeLine } from "../../../src/core/check/check-code";
import { NOW, pensionScheme, values, villageScheme } from "../../app/support";
import { FormulaWorkbook, mismatches } from "./hf-workbook";

const text = (m: SheetModel, r: number) => m.cells[r].map((c) => c.value);
/** The style a cell gets from the model's formats (later formats win), as a host renders it. */
function styleAt(m: SheetModel, a1: string): Record<string, unknown> {
  const [, col, row] = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const c = col.charCodeAt(0) - 65;
  const r = Number(row);
  const out: Record<string, unknown> = {};
  for (const f of m.formats ?? []) {
    const [from, to = from] = f.range.split(":");
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(from) as RegExpExecArray;
    const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(to) as RegExpExecArray;
    if (r >= Number(r1) && r <= Number(r2) && c >= c1.charCodeAt(0) - 65 && c <= c2.charCodeAt(0) - 65) {
      const { range: _range, ...rest } = f;
      Object.assign(out, rest);
    }
  }
  return out;
}

function village() {
  const scheme = villageScheme();
  const table = readDataTable(values(), scheme.data);
  return { scheme, table, result: scoreUnits(scheme, table) };
}

describe("得分", () => {
  it("has 单位, 分组, one column per indicator, then 加分 扣分 系数 总分 否决 名次 等次; frozen, printable", () => {
    const { scheme, table, result } = village();
    const m = scoresSheet({ scheme, table, result, layout: schemeSheetLayout(scheme) });
    expect(m.kind).toBe("scores");
    expect(m.name).toBe("得分");
    expect(text(m, 1)).toEqual([
      "单位",
      "分组",
      ...scheme.indicators.map((i) => i.name),
      "加分",
      "扣分",
      "系数",
      "总分",
      "否决",
      "名次",
      "等次",
    ]);
    expect(m.cells).toHaveLength(2 + table.units.length);
    expect(m.freeze).toEqual({ rows: 2, columns: 1 });
    expect(m.print).toMatchObject({ paper: "A4", orientation: "landscape", titleRows: "1:2", fitToWidth: true });
    expect(styleAt(m, "C2")).toMatchObject({ bold: true });
    expect(styleAt(m, "C3")).toMatchObject({ numberFormat: "0.00", border: true });
    expect(styleAt(m, "N3")).toMatchObject({ numberFormat: "0.00", bold: true });
    expect(m.columnWidths).toHaveLength(scoresColumns(scheme).width);
    // 否决 rows filled, live: a conditional format on the 否决 column.
    expect(m.conditionalFormats).toEqual([
      { range: `A3:Q${2 + table.units.length}`, formula: '=$O3="是"', fill: "#FCE4D6", fontColour: "#C00000" },
    ]);
    const vetoed = result.units.map((u, i) => (u.vetoed ? i : -1)).filter((i) => i >= 0);
    expect(vetoed.map((i) => m.cells[2 + i][14].value)).toEqual(vetoed.map(() => "是"));
  });

  it("never turns a unit name from the data into a formula", () => {
    const data = values();
    data[1][0] = '=HYPERLINK("http://x","点我")';
    data[2][0] = "+86 10 12345678";
    data[3][0] = "@SUM(A1)";
    const scheme = villageScheme();
    const table = readDataTable(data, scheme.data);
    const result = scoreUnits(scheme, table);
    for (const formulas of ["native", "kh", "values"] as const) {
      const m = scoresSheet({ scheme, table, result, layout: schemeSheetLayout(scheme), formulas });
      expect(m.cells[2][0].value).toBe('=HYPERLINK("http://x","点我")');
      expect(m.cells[3][0].value).toBe("+86 10 12345678");
      for (const row of m.cells) for (const c of row) if (c.formula) expect(c.formula).not.toMatch(/HYPERLINK|12345678|@SUM/);
      if (formulas !== "values") expect(m.cells[2][0].formula).toBe("='村级考核'!A2");
    }
    // Evaluated, the reference shows the text as text.
    const m = scoresSheet({ scheme, table, result, layout: schemeSheetLayout(scheme) });
    const wb = new FormulaWorkbook({ 村级考核: data }, [m]);
    expect(wb.value("得分", 2, 0)).toBe('=HYPERLINK("http://x","点我")');
  });

  it("without groups or vetoes ranks everyone together, and the formulas still equal the core", () => {
    const scheme = villageScheme();
    delete scheme.data.group;
    delete scheme.vetoes;
    const table = readDataTable(values(), scheme.data);
    const result = scoreUnits(scheme, table);
    const m = scoresSheet({ scheme, table, result, layout: schemeSheetLayout(scheme) });
    expect(m.cells[2][1]).toEqual({ value: "" });
    expect(m.cells[2][14]).toEqual({ value: "否" });
    expect(m.conditionalFormats).toEqual([]);
    expect(m.cells[2][15].formula).toBe("=1+COUNTIFS($N$3:$N$18,\">\"&N3)");
  });
});

describe("龙虎榜", () => {
  it("lists each group best first with 名次 单位 分组 总分 标记 等次 奖项 奖励; 龙榜 red, 虎榜 grey, 否决 marked", () => {
    const { scheme, result } = village();
    const m = leaderboardSheet({ scheme, units: result.units, now: NOW });
    expect(m.kind).toBe("leaderboard");
    expect(text(m, 0)).toEqual([`${scheme.name}　龙虎榜`]);
    expect(String(text(m, 1)[0])).toContain(`生成时间：${displayTime(NOW)}`);
    expect(text(m, 2)).toEqual([...LEADERBOARD_HEADERS]);
    expect(text(m, 3)).toEqual(["行政村（14 个单位）"]);
    const rows = m.cells.slice(4).filter((r) => r.length === 8);
    expect(rows).toHaveLength(result.units.length);
    const villages = rows.filter((r) => r[2].value === "行政村");
    expect(villages.map((r) => r[0].value)).toEqual([...villages.map((r) => r[0].value as number)].sort((a, b) => a - b));
    const at = (name: string) => 1 + m.cells.findIndex((r) => r[1]?.value === name);
    const byMark = (mark: string) => result.units.filter((u) => u.mark === mark).map((u) => u.name);
    for (const n of byMark("龙榜")) expect(styleAt(m, `A${at(n)}`)).toMatchObject({ fill: "#FFC7CE", fontColour: "#9C0006" });
    for (const n of byMark("虎榜")) expect(styleAt(m, `H${at(n)}`)).toMatchObject({ fill: "#D9D9D9" });
    const vetoed = byMark("否决");
    expect(vetoed.length).toBeGreaterThan(0);
    for (const n of vetoed) {
      expect(m.cells[at(n) - 1][4].value).toBe("否决");
      expect(styleAt(m, `E${at(n)}`)).toMatchObject({ fontColour: "#C00000", bold: true });
      expect(styleAt(m, `E${at(n)}`).fill).toBeUndefined();
    }
    expect(m.print).toEqual({ paper: "A4", orientation: "portrait", titleRows: "1:3", fitToWidth: true, footer: "第 &P 页，共 &N 页" });
    expect(m.freeze).toEqual({ rows: 3, columns: 0 });
    expect(m.cells.flat().some((c) => c.formula)).toBe(false);
  });
});

describe("奖惩兑现", () => {
  it("lists each unit's rewards and fines with their basis, a 小计 per unit and a 合计", () => {
    const { scheme, result } = village();
    const m = rewardsSheet({ scheme, units: result.units, details: result.details, now: NOW });
    expect(text(m, 2)).toEqual([...REWARDS_HEADERS]);
    const subtotals = m.cells.filter((r) => r[4]?.value === "小计");
    expect(subtotals).toHaveLength(result.units.length);
    result.units.forEach((u, i) => {
      expect(subtotals[i][1].value).toBe(u.name);
      expect(subtotals[i][6].value).toBeCloseTo(u.reward - u.fines, 9);
    });
    const first = m.cells.filter((r) => r[1]?.value === "牛颈村" && r[4]?.value !== "小计");
    expect(first.map((r) => [r[4].value, r[5].value, r[6].value])).toEqual(
      result.details[0].rewards.map((x) => [x.label, x.basis, x.amount])
    );
    const last = m.cells[m.cells.length - 1];
    expect(last[1].value).toBe("合计");
    expect(last[6].value).toBeCloseTo(
      result.units.reduce((s, u) => s + u.reward - u.fines, 0),
      9
    );
    expect(m.print).toMatchObject({ paper: "A4", orientation: "landscape", titleRows: "1:3" });
  });
});

describe("第N次调度通报 (pension sample, stage 3)", () => {
  const scheme = pensionScheme();
  const data = values("pension-dispatch.csv");
  const table = readDataTable(data, scheme.data);
  const progress = scoreUnits(scheme, table, { stage: 3 }).progress!;
  // Worked out here from the CSV itself: the 3rd dispatch column against 70% of 任务户数.
  const rows = data.slice(1).map((r) => ({ name: r[0] as string, task: r[3] as number, done: r[6] as number }));
  const done = rows.reduce((s, r) => s + r.done, 0);
  const task = rows.reduce((s, r) => s + r.task, 0);
  const byCompletion = [...rows].sort((a, b) => b.done / b.task - a.done / a.task);
  const pct = (r: { done: number; task: number }) => `${Number(((r.done / r.task) * 100).toFixed(1))}%`;
  const notMet = rows.filter((r) => r.done / r.task < 0.7);

  it("says how far the town is, how many met the stage, and who is on 龙榜 and 虎榜", () => {
    const sentences = bulletinSentences({ progress });
    const gap = Math.ceil(0.7 * task - done);
    expect(sentences[0]).toBe(
      `截至第3次调度，全镇累计完成 ${done.toLocaleString("en-US")}，占任务数 ${task.toLocaleString("en-US")} 的 ${Number(((done / task) * 100).toFixed(1))}%，应达 70%，还差 ${gap.toLocaleString("en-US")}。`
    );
    expect(sentences[1]).toBe(
      `${rows.length} 个单位中，${rows.length - notMet.length} 个达到应达进度，${notMet.length} 个未达到：${notMet
        .slice(0, 10)
        .map((r) => r.name)
        .join("、")}等 ${notMet.length} 个。`
    );
    const dragons = byCompletion.slice(0, 3).map((r) => `${r.name}（${pct(r)}）`);
    const tigers = byCompletion.slice(-3).map((r) => `${r.name}（${pct(r)}）`);
    expect(sentences[2]).toBe(`龙榜：${dragons.join("、")}；虎榜：${tigers.join("、")}。`);
    expect(sentences).toHaveLength(3);
    expect(bulletinText({ progress })).toBe(sentences.join(""));
    expect(sentences[0].startsWith("截至第3次调度，全镇")).toBe(true);
  });

  it("says so when no unit has a task and a count yet", () => {
    const blank = data.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], null, ...r.slice(4)]));
    const p = scoreUnits(scheme, readDataTable(blank, scheme.data), { stage: 2 }).progress!;
    const s = bulletinSentences({ progress: p });
    expect(s[0]).toBe("截至第2次调度，应达 50%，但还没有可用的完成数和任务数。");
    expect(s[1]).toMatch(/^另有 32 个单位缺少数据，未参加排名：牛颈村、/);
  });

  it("names the units in the last places two dispatches or more in a row", () => {
    const s = bulletinSentences({
      progress,
      streaks: [
        { name: "水口村", group: "", streak: 3 },
        { name: "竹园村", group: "", streak: 2 },
        { name: "牛颈村", group: "", streak: 1 },
      ],
    });
    expect(s[s.length - 1]).toBe("请注意，连续两次及以上处于后三名的单位：水口村（连续3次）、竹园村（连续2次）。");
  });

  it("is a snapshot sheet: the paragraph, then per group 名次 单位 分组 完成数 任务数 完成率 应达 还差 达标 标记", () => {
    const sentences = bulletinSentences({ progress });
    const m = bulletinSheet({ scheme, progress, now: NOW, sentences });
    expect(m.name).toBe("第3次调度通报");
    expect(m.kind).toBe("bulletin");
    expect(m.snapshot).toBe(true);
    expect(m.cells.slice(2, 2 + sentences.length).map((r) => r[0].value)).toEqual(sentences);
    const header = m.cells.findIndex((r) => r[0]?.value === "名次");
    expect(text(m, header)).toEqual([...BULLETIN_HEADERS]);
    const body = m.cells.slice(header + 1, m.cells.length - 2);
    expect(body.map((r) => r[1].value)).toEqual(byCompletion.map((r) => r.name));
    // Under the table, a blank row and the 校验码 over every row above it, repeated in the printed footer.
    const code = checkCode(m.cells.slice(0, -2).map((r) => r.map((c) => c.value)));
    expect(m.cells[m.cells.length - 2]).toEqual([]);
    expect(m.cells[m.cells.length - 1][0].value).toBe(codeLine(code));
    expect(m.print?.footer).toBe(`校验码 ${code}　第 &P 页，共 &N 页`);
    const top = body[0];
    expect(top.map((c) => c.value)).toEqual([
      1,
      byCompletion[0].name,
      "",
      byCompletion[0].done,
      byCompletion[0].task,
      byCompletion[0].done / byCompletion[0].task,
      0.7,
      0,
      "是",
      "龙榜",
    ]);
    expect(styleAt(m, `A${header + 2}`)).toMatchObject({ fill: "#FFC7CE" });
    expect(styleAt(m, `A${header + 1 + body.length}`)).toMatchObject({ fill: "#D9D9D9" });
    expect(styleAt(m, `F${header + 2}`)).toMatchObject({ numberFormat: "0.0%" });
    expect(m.cells.flat().some((c) => c.formula)).toBe(false);
    expect(m.print).toMatchObject({ paper: "A4", titleRows: `${header + 1}:${header + 1}` });
  });
});

describe("调度记录", () => {
  const scheme = pensionScheme();
  const table = readDataTable(values("pension-dispatch.csv"), scheme.data);
  const at = (stage: number) => scoreUnits(scheme, table, { stage }).progress!;

  it("is an append log, one row per unit, that reads back; streaks count the rows already there", () => {
    const one = dispatchLogSheet({ progress: at(1), now: NOW, previous: [] });
    expect(one.model.append).toBe(true);
    expect(one.model.kind).toBe("dispatchLog");
    expect(text(one.model, 0)).toEqual([
      "调度次数",
      "调度时间",
      "单位",
      "分组",
      "完成数",
      "任务数",
      "完成率",
      "应达",
      "名次",
      "参排单位数",
      "后三名",
      "连续后三名次数",
      "预警",
    ]);
    expect(one.model.cells).toHaveLength(1 + table.units.length);
    const read = readDispatchLog(one.model.cells.map((r) => r.map((c) => c.value)));
    expect(read).toHaveLength(table.units.length);
    expect(read[0]).toEqual({ stage: 1, name: "牛颈村", group: "", rank: at(1).units[0].rank, count: 32 });
    const two = dispatchLogSheet({ progress: at(2), now: NOW, previous: read });
    const both = [...one.model.cells.map((r) => r.map((c) => c.value)), ...two.model.cells.slice(1).map((r) => r.map((c) => c.value))];
    const three = dispatchLogSheet({ progress: at(3), now: NOW, previous: readDispatchLog(both) });
    for (const s of three.streaks) {
      const ranks = [1, 2, 3].map((k) => at(k).units.find((u) => u.name === s.name)!.rank as number);
      let best = 0;
      let run = 0;
      for (const r of ranks) {
        run = r > 32 - 3 ? run + 1 : 0;
        best = Math.max(best, run);
      }
      expect(s.streak).toBe(best);
    }
    const warned = three.model.cells.slice(1).filter((r) => r[12].value !== "");
    expect(warned.length).toBe(three.streaks.filter((s) => s.streak >= 2).length);
  });

  it("counts 后五名 when the scheme's 虎榜 has five", () => {
    const log = dispatchLogSheet({ progress: at(1), now: NOW, previous: [], bottom: 5 });
    expect(text(log.model, 0).slice(10, 12)).toEqual(["后五名", "连续后五名次数"]);
    expect(log.model.cells.slice(1).filter((r) => r[10].value === "是")).toHaveLength(5);
  });
});

describe("抽签记录", () => {
  it("records time, list, n, seed, result and a re-check formula with quotes escaped", () => {
    const items = ['甲"村', "乙村", "丙村"];
    const m = drawLogSheet({ items, n: 2, seed: "20251122", result: ["乙村", '甲"村'], list: "名单", now: NOW });
    expect(m.append).toBe(true);
    expect(m.kind).toBe("drawLog");
    expect(text(m, 0)).toEqual([...DRAW_LOG_HEADERS]);
    expect(text(m, 1)).toEqual([
      "2025-11-22 10:30",
      "名单",
      '甲"村、乙村、丙村',
      3,
      2,
      "20251122",
      '乙村、甲"村',
      '=KH.DRAW({"甲""村","乙村","丙村"},2,"20251122")',
      checkCode([text(m, 1).slice(0, 8)]),
    ]);
    expect(m.cells[1].some((c) => c.formula)).toBe(false);
    expect(drawFormula(items, 2, "x")).toBe(text(m, 1)[7]?.toString().replace('"20251122"', '"x"'));
  });
});

describe("the generation time", () => {
  it("is shown as written when it carries an offset", () => {
    expect(displayTime("2025-11-22T10:30:00+08:00")).toBe("2025-11-22 10:30");
    expect(displayTime("2025-11-22T10:30:45.123-05:00")).toBe("2025-11-22 10:30");
    expect(displayTime("不是时间")).toBe("不是时间");
    expect(displayTime("2025-11-22T02:30:00Z")).toMatch(/^2025-11-2\d \d\d:30$/);
  });
});

export { mismatches };
