/**
 * The 报酬 sheet (SPEC §4, §3.1 `pay`): one row per unit on the rows of 得分 — 单位, 分组, 总分, 基础, 绩效, 奖励,
 * 集体经济, 合计 — live formulas: 总分 and 否决 read 得分, a per-unit part (`{column}`) reads 读数, a number reads its
 * cell on 考核方案 when the sheet lists it (else the scheme's number). 绩效 = PERFPAY(总分, amount, full, pass): 0 below
 * the pass mark, amount × min(总分/full, 1) above, 0 for a vetoed unit in 排除 mode. 奖励 is the unit's reward as
 * generated (rewards are fixed when 龙虎榜 is generated, as 奖惩兑现 is), so 合计 follows every live part but that one.
 *
 * API: `paySheet(input)` → SheetModel (kind "pay"), given the scheme, the result, where 得分's columns are, and a
 * function giving each part's formula operand (a cell or a literal).
 */
import { Scheme } from "../scheme/types";
import { ScoreResult } from "../scoring/types";
import { PayKey } from "../scoring/pay";
import { ModelCell, SheetModel, columnLetter, sheetRef } from "../sheet-model";
import { COLOURS, fitWidth, val } from "./common";
import { FilledCell, RowTemplate, SHEET_ROW } from "./row-template";

export const PAY_SHEET = "报酬";
export const PAY_HEADERS = ["单位", "分组", "总分", "基础", "绩效", "奖励", "集体经济", "合计"] as const;

export interface PaySheetInput {
  scheme: Scheme;
  result: ScoreResult;
  /** 得分's name and the 0-based columns of 单位, 分组, 总分 and 否决 there. */
  scores: { sheet: string; name: number; group: number; total: number; veto: number };
  /** First unit row (the same on 得分, 读数 and here). */
  firstRow: number;
  /** A part's operand in a unit's row (SHEET_ROW placeholder): a cell, `IF(cell="",default,cell)` or a literal. */
  part: (key: PayKey) => string;
  /** 否决 counts (排除 mode with vetoes): the performance part is 0 for a vetoed unit. */
  excludeVetoed: boolean;
  /** Formulas (false: values only). */
  formulas: boolean;
  name?: string;
}

export function paySheet(input: PaySheetInput): SheetModel {
  const { scheme, result, scores, firstRow } = input;
  const at = (col: number) => `${sheetRef(scores.sheet)}!${columnLetter(col)}${SHEET_ROW}`;
  const [amount, full, pass] = (["amount", "full", "pass"] as const).map(input.part);
  const total = `C${SHEET_ROW}`;
  const perf = `IF(${total}<${pass},0,${amount}*MIN(${total}/${full},1))`;
  const templates = [
    `=${at(scores.name)}`,
    `=${at(scores.group)}&""`,
    `=${at(scores.total)}`,
    `=${input.part("base")}`,
    input.excludeVetoed ? `=IF(${at(scores.veto)}="是",0,${perf})` : `=${perf}`,
    undefined,
    `=${input.part("collective")}`,
    `=SUM(D${SHEET_ROW}:G${SHEET_ROW})`,
  ].map((t) => (t === undefined ? undefined : new RowTemplate(t)));
  const rows: ModelCell[][] = [[val(`${scheme.name}　报酬`)], PAY_HEADERS.map((h) => val(h))];
  result.units.forEach((u, i) => {
    const p = result.details[i].pay;
    const values = [
      u.name,
      u.group,
      u.total,
      p?.base ?? null,
      p?.performance ?? null,
      p?.reward ?? u.reward,
      p?.collective ?? null,
      p?.total ?? null,
    ];
    const row = firstRow + i;
    rows.push(values.map((value, k) => (input.formulas && templates[k] ? new FilledCell(value, templates[k]!, row, row) : { value })));
  });
  const last = firstRow + result.units.length - 1;
  const lastCol = columnLetter(PAY_HEADERS.length - 1);
  return {
    name: input.name ?? PAY_SHEET,
    kind: "pay",
    cells: rows,
    columnWidths: [fitWidth(["单位", ...result.units.map((u) => u.name)], 10, 30), 10, 9, 10, 10, 10, 10, 11],
    formats: [
      { range: `A1:${lastCol}1`, bold: true, fontSize: 14, horizontal: "center", fontColour: COLOURS.title },
      { range: `A2:${lastCol}2`, bold: true, fill: COLOURS.header, border: true, horizontal: "center" },
      ...(result.units.length
        ? [
            { range: `A${firstRow}:${lastCol}${last}`, border: true },
            { range: `D${firstRow}:${lastCol}${last}`, numberFormat: "#,##0.00" },
            { range: `${lastCol}${firstRow}:${lastCol}${last}`, bold: true },
          ]
        : []),
    ],
    merges: [`A1:${lastCol}1`],
    freeze: { rows: 2, columns: 1 },
    print: { paper: "A4", orientation: "portrait", titleRows: "1:2", fitToWidth: true, footer: "第 &P 页，共 &N 页" },
  };
}
