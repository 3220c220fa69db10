/** The workflow over the in-memory host: what it writes, what it never touches, and what it refuses. */
import { MARKER_SHEET } from "../../src/core/generated-sheets";
import { readDataTable } from "../../src/core/data-table";
import { draw } from "../../src/core/draw";
import { lagStreak } from "../../src/core/lag-streak";
import { scoreUnits } from "../../src/core/scoring/score-units";
import { MemorySheet, MemoryWorkbook, sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { WorkflowError, explainCell, generateBoard, generateBulletin, loadScheme, recordDraw, saveScheme } from "../../src/app/workflow";
import { FormulaWorkbook } from "../core/sheets/hf-workbook";
import { NOW, pensionHost, pensionScheme, snapshot, values, villageHost, villageScheme } from "./support";

async function rejection(p: Promise<unknown>): Promise<WorkflowError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
  throw new Error("expected a WorkflowError");
}

/** The host, its writes reporting `warning` as unfinished (what the Excel and WPS hosts say of a refused chart). */
function withUnfinished(host: MemoryHost, warning: string): MemoryHost {
  const write = host.writeSheets.bind(host);
  host.writeSheets = async (models, options) => ({ ...(await write(models, options)), warnings: [warning] });
  return host;
}

describe("generateBoard", () => {
  it("writes 考核方案, 得分, 龙虎榜 and 奖惩兑现, activates 龙虎榜, and returns the core's units", async () => {
    const host = villageHost();
    const steps: [string, number][] = [];
    const out = await generateBoard(host, { scheme: villageScheme(), now: NOW, onProgress: (s, f) => steps.push([s, f]) });
    expect(out.written).toEqual(["考核方案", "得分", "龙虎榜", "奖惩兑现"]);
    expect(await host.sheetNames()).toEqual(["村级考核", "说明", "考核方案", "得分", "龙虎榜", "奖惩兑现", "读数", MARKER_SHEET]);
    expect(host.workbook.active).toBe("龙虎榜");
    const scheme = villageScheme();
    expect(out.units).toEqual(scoreUnits(scheme, readDataTable(values(), scheme.data)).units);
    expect(steps[0][1]).toBe(0);
    expect(steps[steps.length - 1]).toEqual(["完成", 1]);
    expect(steps.map((s) => s[1])).toEqual([...steps.map((s) => s[1])].sort((a, b) => a - b));
    expect(out.problems).toEqual([]);
    expect((await loadScheme(host))?.scheme).toEqual(scheme);
  });

  it("tells what the host could not finish after the cells were in (e.g. a chart Excel refused)", async () => {
    const unfinished = "工作表已写好，但图表未全部完成（再生成一次即可补上）：refused";
    const board = await generateBoard(withUnfinished(villageHost(), unfinished), { scheme: villageScheme(), now: NOW });
    expect(board.warnings).toContain(unfinished);
    const stage = await generateBulletin(withUnfinished(pensionHost(), unfinished), 2, { scheme: pensionScheme(), now: NOW });
    expect(stage.warnings).toContain(unfinished);
  });

  it("generated twice (the second time from the workbook's own 考核方案) refreshes in place and nothing else changes", async () => {
    const host = villageHost();
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    const first = snapshot(host) as MemoryWorkbook;
    const later = "2025-11-23T09:00:00+08:00";
    const again = await generateBoard(host, { now: later });
    expect(again.written).toEqual(["得分", "龙虎榜", "奖惩兑现"]);
    const second = snapshot(host) as MemoryWorkbook;
    expect(second.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    const byName = (wb: MemoryWorkbook, n: string) => wb.sheets.find((s) => s.name === n) as MemorySheet;
    for (const name of ["村级考核", "说明", "考核方案", "得分"]) expect(byName(second, name)).toEqual(byName(first, name));
    // 龙虎榜 and 奖惩兑现 differ only in the generation time on their second row.
    for (const name of ["龙虎榜", "奖惩兑现"]) {
      const [a, b] = [byName(first, name), byName(second, name)];
      expect({ ...b, cells: [b.cells[0], ...b.cells.slice(2)] }).toEqual({ ...a, cells: [a.cells[0], ...a.cells.slice(2)] });
      expect(String(b.cells[1][0]?.value)).toContain("生成时间：2025-11-23 09:00");
    }
    expect(await host.readMarkers()).toHaveLength(5);
  });

  it("never touches a clerk's own 龙虎榜: ours goes to 龙虎榜(考核助手), which is activated", async () => {
    const clerk = sheetOfValues("龙虎榜", [["我自己排的榜"], ["第一名", "牛颈村"]]);
    const host = villageHost([clerk]);
    const before = JSON.parse(JSON.stringify(clerk));
    const out = await generateBoard(host, { scheme: villageScheme(), now: NOW });
    expect(out.written).toContain("龙虎榜(考核助手)");
    expect(host.workbook.sheets.find((s) => s.name === "龙虎榜")).toEqual(before);
    expect(host.workbook.active).toBe("龙虎榜(考核助手)");
    await generateBoard(host, { now: NOW });
    expect(host.workbook.sheets.find((s) => s.name === "龙虎榜")).toEqual(before);
    expect(host.workbook.sheets.filter((s) => s.name.startsWith("龙虎榜"))).toHaveLength(2);
  });

  it("formulas on 得分 read a 考核方案 written under another name beside a clerk's own", async () => {
    const host = villageHost([sheetOfValues("考核方案", [["我们自己的方案说明"]])]);
    const out = await generateBoard(host, { scheme: villageScheme(), now: NOW });
    expect(out.written[0]).toBe("考核方案(考核助手)");
    const scores = host.workbook.sheets.find((s) => s.name === "得分");
    const formulas = (scores?.cells ?? []).flat().map((c) => c?.formula ?? "");
    expect(formulas.some((f) => f.includes("'考核方案(考核助手)'!"))).toBe(true);
    expect(formulas.some((f) => f.includes("'考核方案'!"))).toBe(false);
    // And the second run finds the scheme on our sheet, not the clerk's.
    expect((await loadScheme(host))?.scheme.name).toBe(villageScheme().name);
  });

  it("values mode writes no formula; kh mode writes KH.* formulas", async () => {
    const plain = villageHost();
    await generateBoard(plain, { scheme: villageScheme(), formulas: "values", now: NOW });
    const sheet = (h: MemoryHost) => h.workbook.sheets.find((s) => s.name === "得分");
    expect((sheet(plain)?.cells ?? []).flat().filter((c) => c?.formula)).toEqual([]);
    const kh = villageHost();
    await generateBoard(kh, { scheme: villageScheme(), formulas: "kh", now: NOW });
    expect((sheet(kh)?.cells ?? []).flat().some((c) => c?.formula?.includes("KH.RANKIN("))).toBe(true);
  });

  it("lists units with blank inputs as problems (scored 0), without refusing", async () => {
    const data = values();
    data[3][4] = null; // 麻竹村 参保率
    const host = new MemoryHost({ sheets: [sheetOfValues("村级考核", data)] });
    const out = await generateBoard(host, { scheme: villageScheme(), now: NOW });
    expect(out.problems).toEqual(["麻竹村：参保率无数据，按 0 分计"]);
  });

  it("refuses bad data with Chinese lines naming the cell, and writes nothing", async () => {
    const data = values();
    data[2][2] = "缺考";
    data[5][8] = "不知道";
    const host = new MemoryHost({ sheets: [sheetOfValues("村级考核", data)] });
    const before = snapshot(host);
    const err = await rejection(generateBoard(host, { scheme: villageScheme(), now: NOW }));
    expect(err.messages).toEqual(["村级考核!C3：无法识别的数值“缺考”", "村级考核!I6：无法识别的数值“不知道”"]);
    expect(snapshot(host)).toEqual(before);
  });

  it("refuses a missing data sheet, a missing column, and a workbook without a scheme", async () => {
    const empty = new MemoryHost({ sheets: [sheetOfValues("别的表", [["a"]])] });
    expect((await rejection(generateBoard(empty, { scheme: villageScheme() }))).messages[0]).toMatch(/没有名为“村级考核”的数据表/);
    expect((await rejection(generateBoard(empty))).messages[0]).toMatch(/找不到考核方案/);
    const scheme = villageScheme();
    scheme.indicators[0].column = "党建工作得分";
    const host = villageHost();
    const before = snapshot(host);
    const err = await rejection(generateBoard(host, { scheme }));
    expect(err.messages).toEqual(["方案第1个指标（党建工作）：数据列“党建工作得分”在“村级考核”中不存在"]);
    expect(snapshot(host)).toEqual(before);
  });

  it("refuses a data sheet without units", async () => {
    const host = new MemoryHost({ sheets: [sheetOfValues("村级考核", [values()[0]])] });
    const err = await rejection(generateBoard(host, { scheme: villageScheme() }));
    expect(err.messages).toEqual(["“村级考核”第1行（表头行）以下没有单位：请检查考核方案中的表头行和单位列（“村名”）"]);
    expect(host.workbook.sheets.map((s) => s.name)).toEqual(["村级考核"]);
  });

  it("a 考核方案 edited into nonsense is refused naming the cell", async () => {
    const host = villageHost();
    await saveScheme(host, villageScheme());
    const sheet = host.workbook.sheets.find((s) => s.name === "考核方案")!;
    const layoutRow = sheet.cells.findIndex((r) => r?.[1]?.value === "参保率");
    sheet.cells[layoutRow][4] = { value: "十五" };
    const err = await rejection(generateBoard(host));
    expect(err.messages).toEqual([`考核方案!E${layoutRow + 1}：分值“十五”不是数值`]);
  });
});

describe("generateBulletin and the 调度记录", () => {
  it("writes the stage-3 bulletin of the pension sample as a snapshot and activates it", async () => {
    const host = pensionHost();
    const out = await generateBulletin(host, 3, { scheme: pensionScheme(), now: NOW });
    expect(out.sheet).toBe("第3次调度通报");
    expect(host.workbook.active).toBe("第3次调度通报");
    expect(out.text).toMatch(/^截至第3次调度，全镇累计完成 .+，应达 70%/);
    const sheet = host.workbook.sheets.find((s) => s.name === "第3次调度通报")!;
    expect(sheet.cells.flat().filter((c) => c?.formula)).toEqual([]);
    expect(await host.sheetNames()).toEqual(["参保调度", "考核方案", "第3次调度通报", "调度记录", MARKER_SHEET]);
  });

  it("appends every dispatch to 调度记录 and warns of units in the last three twice or more in a row", async () => {
    const host = pensionHost();
    await saveScheme(host, pensionScheme());
    const texts: string[] = [];
    for (const stage of [1, 2, 3]) texts.push((await generateBulletin(host, stage, { now: `2025-0${stage}-10T09:00:00+08:00` })).text);
    const log = (await host.readSheet("调度记录"))!.values;
    expect(log[0].slice(0, 4)).toEqual(["调度次数", "调度时间", "单位", "分组"]);
    const units = values("pension-dispatch.csv").length - 1;
    expect(log).toHaveLength(1 + 3 * units);
    expect(log.slice(1).map((r) => r[0])).toEqual([...Array(units).fill(1), ...Array(units).fill(2), ...Array(units).fill(3)]);

    // Each unit's streak, worked out from the ranks in the log with the core's LAGSTREAK.
    const header = log[0] as string[];
    const [nameC, rankC, countC, streakC, warnC] = ["单位", "名次", "参排单位数", "连续后三名次数", "预警"].map((h) => header.indexOf(h));
    const latest = log.slice(1 + 2 * units);
    const expected = latest.map((row) => {
      const mine = log.slice(1).filter((r) => r[nameC] === row[nameC]);
      return lagStreak(
        mine.map((r) => r[rankC] as number),
        mine.map((r) => r[countC] as number),
        3
      );
    });
    expect(latest.map((r) => r[streakC])).toEqual(expected);
    const warned = latest.filter((r) => (r[streakC] as number) >= 2);
    expect(warned.length).toBeGreaterThan(0);
    for (const r of warned) expect(r[warnC]).toBe(`连续${r[streakC]}次后三名`);
    for (const r of latest.filter((x) => (x[streakC] as number) < 2)) expect(r[warnC]).toBe("");
    expect(texts[0]).not.toMatch(/连续/);
    expect(texts[2]).toMatch(/请注意，连续两次及以上处于后三名的单位：.+（连续[23]次）.*。$/);
    // The bulletins stay as they were written.
    const visible = (await host.sheetNames()).filter((n) => n !== MARKER_SHEET);
    expect(visible).toEqual(["参保调度", "考核方案", "第1次调度通报", "调度记录", "第2次调度通报", "第3次调度通报"]);
  });

  it("each bulletin shows 上次名次 and 升降 from the previous dispatch, 第N期, and names the units that moved most", async () => {
    const host = pensionHost();
    await saveScheme(host, pensionScheme());
    const first = await generateBulletin(host, 1, { now: NOW });
    const second = await generateBulletin(host, 2, { now: NOW });
    const sheet = (n: number) =>
      host.workbook.sheets.find((s) => s.name === `第${n}次调度通报`)!.cells.map((r) => r.map((c) => c?.value ?? null));
    const [one, two] = [sheet(1), sheet(2)];
    expect(one[0][0]).toMatch(/第1次调度通报（第1期）$/);
    expect(two[0][0]).toMatch(/第2次调度通报（第2期）$/);
    const at = (grid: unknown[][]) => grid.findIndex((r) => r[0] === "名次");
    expect(two[at(two)].slice(10)).toEqual(["上次名次", "升降"]);
    // Dispatch 1 has nothing before it: every ranked unit is 新. Dispatch 2's 上次名次 is dispatch 1's 名次.
    const rows = (grid: unknown[][]) => grid.slice(at(grid) + 1).filter((r) => r[1]);
    expect(
      rows(one)
        .filter((r) => r[0] !== null)
        .every((r) => r[11] === "新")
    ).toBe(true);
    const rankIn1 = new Map(rows(one).map((r) => [r[1], r[0]]));
    for (const r of rows(two)) {
      const before = rankIn1.get(r[1]) ?? null;
      expect(r[10]).toBe(before);
      if (r[0] === null) continue;
      const d = (before as number) - (r[0] as number);
      expect(r[11]).toBe(d > 0 ? `↑${d}` : d < 0 ? `↓${-d}` : "—");
    }
    const deltas = rows(two)
      .filter((r) => r[0] !== null && r[10] !== null)
      .map((r) => (r[10] as number) - (r[0] as number));
    const up = Math.max(...deltas);
    expect(up).toBeGreaterThan(0);
    const risers = rows(two)
      .filter((r) => r[0] !== null && (r[10] as number) - (r[0] as number) === up)
      .map((r) => `${r[1]}（↑${up}）`);
    expect(second.text).toContain(`与上次调度相比，名次上升最多的是${risers.join("、")}`);
    expect(first.text).not.toContain("与上次调度相比");
  });

  it("a dispatch written again supersedes its earlier rows when runs are counted", async () => {
    const host = pensionHost();
    await saveScheme(host, pensionScheme());
    await generateBulletin(host, 1, { now: NOW });
    await generateBulletin(host, 1, { now: NOW });
    const log = (await host.readSheet("调度记录"))!.values;
    const header = log[0] as string[];
    const streaks = log.slice(1).map((r) => r[header.indexOf("连续后三名次数")] as number);
    expect(Math.max(...streaks)).toBe(1);
  });

  it("refuses a stage out of range and a scheme without progress", async () => {
    const host = pensionHost();
    await saveScheme(host, pensionScheme());
    expect((await rejection(generateBulletin(host, 6))).messages[0]).toMatch(/调度阶段应为 1 到 5 的整数/);
    const village = villageHost();
    const scheme = villageScheme();
    delete scheme.progress;
    expect((await rejection(generateBulletin(village, 1, { scheme }))).messages[0]).toMatch(/没有设置分阶段调度/);
  });
});

describe("recordDraw", () => {
  it("appends each draw to 抽签记录 with a KH.DRAW formula that redraws it", async () => {
    const host = villageHost();
    const items = ["牛颈村", "西牛村", "麻竹村", "黄塘村", "石门村", "新联村"];
    const first = await recordDraw(host, { items, n: 3, seed: "20251122", list: "村级考核!A2:A7", now: NOW });
    const second = await recordDraw(host, { items, n: 2, seed: "20251123", now: NOW });
    expect(first.result).toEqual(draw(items, 3, "20251122"));
    expect(second.result).toEqual(draw(items, 2, "20251123"));
    expect(first.sheet).toBe("抽签记录");
    const log = (await host.readSheet("抽签记录"))!.values;
    expect(log).toHaveLength(3);
    expect(log[1].slice(0, 7)).toEqual(["2025-11-22 10:30", "村级考核!A2:A7", items.join("、"), 6, 3, "20251122", first.result.join("、")]);
    // The formula text is a value in the log (never evaluated there); pasted into a cell it gives the same draw.
    expect(
      host.workbook.sheets
        .find((s) => s.name === "抽签记录")!
        .cells.flat()
        .some((c) => c?.formula)
    ).toBe(false);
    const recheck = { name: "复核", kind: "scores" as const, cells: [[{ value: null, formula: log[1][7] as string }], [], []] };
    const wb = new FormulaWorkbook({}, [recheck]);
    expect([0, 1, 2].map((r) => wb.value("复核", r, 0))).toEqual(first.result);
    expect(host.workbook.active).toBe("村级考核");
  });

  it("draws the items as KH.DRAW reads them: blanks dropped, stray spaces kept", async () => {
    const host = villageHost();
    const items = ["牛颈村 ", "", "  ", "西牛村", "麻竹村"];
    const { result } = await recordDraw(host, { items, n: 3, seed: "42", now: NOW });
    expect(result).toEqual(draw(["牛颈村 ", "西牛村", "麻竹村"], 3, "42"));
  });

  it("refuses more than the list holds, and writes nothing", async () => {
    const host = villageHost();
    const before = snapshot(host);
    const err = await rejection(recordDraw(host, { items: ["甲", "乙"], n: 3, seed: "1" }));
    expect(err.messages).toEqual(["抽取个数 3 超过了名单中的 2 项"]);
    expect(snapshot(host)).toEqual(before);
  });
});

describe("explainCell", () => {
  async function board() {
    const host = villageHost();
    await generateBoard(host, { scheme: villageScheme(), now: NOW });
    return host;
  }

  it("explains an indicator score with its inputs, parameters, formula and worked numbers", async () => {
    const host = await board();
    // 牛颈村 is on row 3 of 得分 (data row 2); 参保率 is the 3rd indicator, column E.
    const e = await explainCell(host, "得分", "E3");
    expect(e).toBeDefined();
    expect(e!.unit).toBe("牛颈村");
    expect(e!.indicator).toBe("参保率");
    expect(e!.method).toBe("完成率法");
    expect(e!.inputs.map((i) => i.text)).toEqual(["村级考核!E2 = 0.805"]);
    expect(e!.parameters.map((p) => p.text)).toEqual([
      "考核方案!E29（分值）= 15",
      "考核方案!F29（目标值）= 0.91",
      "考核方案!G29（封顶倍数）= 1",
    ]);
    expect(e!.lines).toContain("15 × min(0.805 ÷ 0.91, 1) = 13.27");
    const cell = host.workbook.sheets.find((s) => s.name === "得分")!.cells[2][4];
    expect(e!.formula).toBe(cell?.formula);
    expect(e!.value).toBe(cell?.value);
  });

  it("kh mode: a 名次 cell of the spill range shows the lifted KH.RANKIN of the column's anchor", async () => {
    const host = villageHost();
    await generateBoard(host, { scheme: villageScheme(), now: NOW, formulas: "kh" });
    const scores = host.workbook.sheets.find((s) => s.name === "得分")!;
    const anchor = scores.cells[2][15];
    expect(anchor?.spill).toBeDefined();
    const e = await explainCell(host, "得分", "P5");
    expect(e!.formula).toBe(anchor?.formula);
    expect(e!.formula).toMatch(/^=KH\.RANKIN\(\$N\$3:/);
    expect(e!.value).toBe(scores.cells[4][15]?.value);
  });

  it("explains 总分, 名次 of a vetoed unit, 等次, 加分 and 否决", async () => {
    const host = await board();
    const scheme = villageScheme();
    const units = scoreUnits(scheme, readDataTable(values(), scheme.data)).units;
    const vetoed = units.findIndex((u) => u.vetoed);
    const row = 3 + vetoed;
    const total = await explainCell(host, "得分", `$N$${row}`);
    expect(total!.lines[total!.lines.length - 1]).toBe(`保留 2 位小数（四舍五入）= ${units[vetoed].total}`);
    // The line before shows two more decimals than the sheet, so it adds up as written (no float noise).
    expect(total!.lines[total!.lines.length - 2]).toMatch(
      /^\(\d+(\.\d{1,4})? \+ 加分 \d+(\.\d{1,4})? − 扣分 \d+(\.\d{1,4})?\) × 系数 [\d.]+ = \d+(\.\d{1,4})?$/
    );
    const rank = await explainCell(host, "得分", `P${row}`);
    expect(rank!.value).toBe(units[vetoed].rank);
    expect(rank!.lines.join("")).toMatch(/被一票否决，排在“行政村”组\d+ 个参评单位之后/);
    const grade = await explainCell(host, "得分", `Q${row}`);
    expect(grade!.lines[0]).toBe("被一票否决：评为最低等次“不合格”");
    expect(grade!.lines[1]).toMatch(/^公式中的“读数”是考核助手生成的隐藏表/);
    const veto = await explainCell(host, "得分", `O${row}`);
    expect(veto!.lines.some((l) => l.endsWith("→ 否决"))).toBe(true);
    const bonus = await explainCell(host, "得分", "K3");
    expect(bonus!.lines.slice(0, 2)).toEqual(["6 = 6", "超过加分上限 5，按 5 计"]);
    const best = await explainCell(host, "得分", "Q3");
    expect(best!.lines[0]).toMatch(/^总分 [\d.]+ ≥ “.+”的最低分 \d+/);
  });

  it("is undefined for a sheet that is not a generated 得分, a header row, or an empty cell", async () => {
    const host = await board();
    expect(await explainCell(host, "村级考核", "E3")).toBeUndefined();
    expect(await explainCell(host, "得分", "E2")).toBeUndefined();
    expect(await explainCell(host, "得分", "Z3")).toBeUndefined();
    expect(await explainCell(host, "得分", "E99")).toBeUndefined();
  });
});
