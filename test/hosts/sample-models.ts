/** Sheet models and a clerk's workbook shared by the memory and xlsx host tests (so both render the same thing). */
import { ModelCell, SheetModel } from "../../src/core/sheet-model";

const v = (...values: (string | number | boolean | null)[]): ModelCell[] => values.map((value) => ({ value }));

/** The clerk's data sheet: a merged title row, the header on row 2, a formula in the data. */
export const DATA_VALUES = [
  ["2025年度村级目标管理考核数据", null, null, null],
  ["村名", "类别", "党建", "合计"],
  ["牛颈村", "行政村", 19.6, 39.2],
  ["西牛村", "行政村", 15.5, 31],
  ["大坪社区", "社区", 15.6, 31.2],
];
export const DATA_FORMULAS = [
  [null, null, null, null],
  [null, null, null, null],
  [null, null, null, "=C3*2"],
  [null, null, null, "=C4*2"],
  [null, null, null, "=C5*2"],
];
export const DATA_MERGES = ["A1:D1"];

/** Texts that a spreadsheet would take for formulas if they were not kept as text. */
export const FORMULA_LIKE_TEXTS = ["=1+1", "+86 139", "-", "@某人", '=HYPERLINK("http://x","点我")'];

export function scoresModel(formulaPrefix = ""): SheetModel {
  return {
    name: "得分",
    kind: "scores",
    cells: [
      v("单位", "分组", "党建", "总分", "名次", "备注"),
      [{ value: "牛颈村" }, { value: "行政村" }, { value: 19.6, formula: "='村级考核'!C3" }, { value: 39.2 }, { value: 1, formula: `=${formulaPrefix}RANK(D2,D$2:D$4)` }, { value: FORMULA_LIKE_TEXTS[0] }],
      [{ value: "西牛村" }, { value: "行政村" }, { value: 15.5, formula: "='村级考核'!C4" }, { value: 31 }, { value: 2, formula: `=${formulaPrefix}RANK(D3,D$2:D$4)` }, { value: FORMULA_LIKE_TEXTS[1] }],
      [{ value: "大坪社区" }, { value: "社区" }, { value: 15.6, formula: "='村级考核'!C5" }, { value: 31.2 }, { value: 1, formula: `=${formulaPrefix}RANK(D4,D$2:D$4)` }, { value: FORMULA_LIKE_TEXTS[2] }],
      [{ value: "说明" }, { value: FORMULA_LIKE_TEXTS[3] }, { value: FORMULA_LIKE_TEXTS[4] }, { value: true }, { value: "#N/A", formula: "=NA()" }],
    ],
    columnWidths: [12, 8, 8, 8, 6, 20],
    formats: [
      { range: "A1:F1", bold: true, fill: "#D9E1F2", horizontal: "center", border: true },
      { range: "D2:D4", numberFormat: "0.00" },
      { range: "F2:F4", wrap: true, fontColour: "#C00000", fontSize: 9 },
    ],
    freeze: { rows: 1, columns: 1 },
    print: { paper: "A4", orientation: "landscape", titleRows: "1:1", fitToWidth: true, footer: "第 &P 页，共 &N 页" },
  };
}

export function leaderboardModel(): SheetModel {
  return {
    name: "龙虎榜",
    kind: "leaderboard",
    cells: [v("2025年度村级目标管理考核 龙虎榜"), v("名次", "单位", "总分", "标记"), v(1, "牛颈村", 39.2, "龙榜"), v(2, "西牛村", 31, "虎榜")],
    merges: ["A1:D1"],
    formats: [
      { range: "A1", bold: true, fontSize: 16, horizontal: "center" },
      { range: "A3:D3", fill: "#FFC7CE" },
      { range: "A4:D4", fill: "#D9D9D9" },
    ],
    conditionalFormats: [{ range: "A3:D4", formula: '=$D3="龙榜"', fill: "#FF0000", fontColour: "#FFFFFF" }],
    print: { paper: "A4", orientation: "portrait", titleRows: "1:2" },
  };
}

export function dispatchLogModel(stage: number): SheetModel {
  return {
    name: "调度记录",
    kind: "dispatchLog",
    append: true,
    freeze: { rows: 1, columns: 0 },
    cells: [v("调度", "单位", "名次"), v(`第${stage}次`, "牛颈村", stage), v(`第${stage}次`, "西牛村", stage + 1)],
    formats: [{ range: "A1:C1", bold: true }],
  };
}
