/**
 * Realistic generated-sheet models for the Excel host's tests and bench: a 得分 sheet of live formulas reading the
 * data sheet (17 columns), a 龙虎榜 of values with a merged title, conditional formats and print setup, and a
 * 调度记录 log. Built here, not by the core's builders, so the host is tested on its own.
 */
import { ModelCell, SheetModel, sheetRef } from "../../../src/core/sheet-model";

const DATA = sheetRef("村级考核");
const GROUPS = ["行政村", "机关站所"];

const v = (value: ModelCell["value"]): ModelCell => ({ value });
const f = (formula: string, value: ModelCell["value"]): ModelCell => ({ formula, value });

/** 得分: one row per unit, indicator scores, bonus, deduction, coefficient, total, veto, rank, grade. */
export function scoresModel(units: number): SheetModel {
  const last = units + 1;
  const header = [
    "单位",
    "分组",
    "党建工作",
    "参保率",
    "出生率",
    "招商引资",
    "群众满意",
    "财税",
    "信访",
    "常规工作",
    "加分",
    "扣分",
    "系数",
    "总分",
    "否决",
    "名次",
    "等次",
  ];
  const rows: ModelCell[][] = [header.map(v)];
  const formats: SheetModel["formats"] = [
    { range: "A1:Q1", bold: true, fill: "#DDEBF7", horizontal: "center", border: true },
    { range: `C2:N${last}`, numberFormat: "0.00" },
    { range: `A2:Q${last}`, border: true },
  ];
  for (let i = 0; i < units; i++) {
    const r = i + 2;
    const total = 60 + ((i * 37) % 40);
    rows.push([
      v(`第${i + 1}村`),
      v(GROUPS[i % 2]),
      f(`=MIN(MAX(${DATA}!C${r},0),20)`, 18),
      f(`=15*MIN(MAX(${DATA}!D${r}/0.91,0),1)`, 14.2),
      f(`=IF(${DATA}!E${r}<=14,10,MAX(0,10-CEILING(${DATA}!E${r}-14,1)*2))`, 10),
      f(`=10*MIN(MAX(0.6+0.4*(${DATA}!F${r}-0)/(1000-0),0),1)`, 7.5),
      f(`=5*IFERROR(CHOOSE(MATCH(${DATA}!G${r},{"优","良","中","差"},0),1,0.8,0.6,0.4),0)`, 4),
      f(
        `=IF(MAXIFS(${DATA}!H:H,${DATA}!B:B,B${r})<=0,0,10*${DATA}!H${r}/MAXIFS(${DATA}!H:H,${DATA}!B:B,B${r}))`,
        8.1
      ),
      f(`=MAX(0,10-(${DATA}!I${r}-1)*1)`, 9),
      f(`=MIN(MAX(${DATA}!J${r},0),20)`, 19),
      f(`=MIN(SUM(${DATA}!K${r}),5)`, 2),
      f(`=SUMPRODUCT(ABS(${DATA}!L${r}))`, 1),
      f(`=IF(${DATA}!M${r}="",1,${DATA}!M${r})`, 1),
      f(`=ROUND((SUM(C${r}:J${r})+K${r}-L${r})*M${r},2)`, total),
      f(`=IF(OR(${DATA}!N${r}="是",${DATA}!O${r}="是"),"否决","")`, i % 10 === 9 ? "否决" : ""),
      f(
        `=IF(O${r}="否决","",COUNTIFS($B$2:$B$${last},B${r},$N$2:$N$${last},">"&N${r})+1)`,
        (i % 50) + 1
      ),
      f(
        `=IF(N${r}>=90,"优秀",IF(N${r}>=80,"良好",IF(N${r}>=60,"合格","不合格")))`,
        total >= 90 ? "优秀" : "良好"
      ),
    ]);
    // Vetoed units greyed, row by row, as a builder marks them.
    if (i % 10 === 9)
      formats.push({ range: `A${r}:Q${r}`, fill: "#D9D9D9", fontColour: "#7F7F7F" });
  }
  return {
    name: "得分",
    kind: "scores",
    cells: rows,
    columnWidths: [12, 10, ...new Array(12).fill(9), 8, 6, 8],
    formats,
    conditionalFormats: [
      {
        range: `P2:P${last}`,
        formula: '=AND(P2<>"",P2<=3)',
        fill: "#FFC7CE",
        fontColour: "#9C0006",
      },
    ],
    freeze: { rows: 1, columns: 1 },
    print: {
      paper: "A4",
      orientation: "landscape",
      titleRows: "1:1",
      fitToWidth: true,
      footer: "第 &P 页，共 &N 页",
    },
  };
}

/** 龙虎榜: title (merged), header, one row per unit best first, 龙榜 red and 虎榜 grey by conditional format. */
export function leaderboardModel(
  units: number,
  title = "2025年度村级目标管理考核 龙虎榜（生成于 2025-11-22 10:00）"
): SheetModel {
  const rows: ModelCell[][] = [
    [v(title)],
    ["名次", "单位", "分组", "总分", "标记", "等次", "奖项", "奖励"].map(v),
  ];
  for (let i = 0; i < units; i++) {
    const mark = i < 3 ? "龙榜" : i >= units - 3 ? "虎榜" : "";
    rows.push([
      v(i + 1),
      v(`第${i + 1}村`),
      v(GROUPS[i % 2]),
      v(99 - i * 0.01),
      v(mark),
      v(i < 10 ? "优秀" : "良好"),
      v(i === 0 ? "一等奖" : ""),
      v(i < 3 ? 1000 : 0),
    ]);
  }
  const last = units + 2;
  return {
    name: "龙虎榜",
    kind: "leaderboard",
    cells: rows,
    columnWidths: [6, 14, 10, 8, 6, 8, 8, 8],
    merges: ["A1:H1"],
    formats: [
      { range: "A1:H1", bold: true, fontSize: 16, horizontal: "center" },
      { range: "A2:H2", bold: true, fill: "#DDEBF7", border: true },
      { range: `D3:D${last}`, numberFormat: "0.00" },
      { range: `H3:H${last}`, numberFormat: "#,##0" },
    ],
    conditionalFormats: [
      { range: `A3:H${last}`, formula: '=$E3="龙榜"', fill: "#FFC7CE", fontColour: "#9C0006" },
      { range: `A3:H${last}`, formula: '=$E3="虎榜"', fill: "#D9D9D9" },
    ],
    freeze: { rows: 2, columns: 0 },
    print: { paper: "A4", orientation: "portrait", titleRows: "1:2", fitToWidth: true },
  };
}

/** 调度记录: a log, header frozen, one row per unit and dispatch, with a LAGSTREAK-style warning formula. */
export function dispatchLogModel(dispatch: number, units: number): SheetModel {
  const rows: ModelCell[][] = [["调度", "单位", "名次", "单位数", "预警"].map(v)];
  for (let i = 0; i < units; i++) {
    const r = i + 2;
    rows.push([
      v(`第${dispatch}次`),
      v(`第${i + 1}村`),
      v(i + 1),
      v(units),
      f(`=IF(C${r}>D${r}-3,"后三名","")`, i >= units - 3 ? "后三名" : ""),
    ]);
  }
  return {
    name: "调度记录",
    kind: "dispatchLog",
    append: true,
    cells: rows,
    freeze: { rows: 1, columns: 0 },
    formats: [{ range: "A1:E1", bold: true }],
  };
}

/** The sheets a "generate all" writes for a township of `units` units. */
export function generatedModels(units: number): SheetModel[] {
  return [scoresModel(units), leaderboardModel(units)];
}
