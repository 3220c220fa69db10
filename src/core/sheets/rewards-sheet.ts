/**
 * The 奖惩兑现 sheet (SPEC §4): per unit, each reward and fine with its basis (依据), then the unit's 小计; a 合计
 * at the end. One row per item so every amount can be traced and summed; a unit with none has one row saying so.
 * Values (a record of what was decided at generation), from scoring's details. With a 加减分台账 (SPEC §3.1) each of
 * the unit's ledger entries follows, with its date, reason and row: points of the score (加分/扣分), not money, so
 * their 金额 is blank and the 小计 is the money alone.
 *
 * API: `rewardsSheet({ scheme, units, details, now })` → SheetModel (kind "rewards"), `REWARDS_HEADERS`.
 */
import { Scheme } from "../scheme/types";
import { UnitDetail } from "../scoring/types";
import { UnitResult } from "../unit-result";
import { showNumber } from "../scoring/reward-text";
import { LedgerEntry } from "../scoring/ledger";
import { ModelCell, RangeFormat, SheetModel } from "../sheet-model";
import { lazyModel } from "../sheet-rows";
import { COLOURS, displayTime, fitWidth, moneyFormat, val } from "./common";

export const REWARDS_SHEET = "奖惩兑现";
export const REWARDS_HEADERS = ["序号", "单位", "分组", "名次", "项目", "依据", "金额"] as const;
const HEADER_ROW = 3;

export interface RewardsInput {
  scheme: Scheme;
  units: readonly UnitResult[];
  details: readonly UnitDetail[];
  now: string;
  name?: string;
}

/** 台账加分 +2 分 / 台账扣分 −3 分. */
export function ledgerLabel(points: number): string {
  return points >= 0 ? `台账加分 +${showNumber(points)} 分` : `台账扣分 −${showNumber(-points)} 分`;
}

/** 2025-03-02 好人好事（加减分台账!C2）. */
export function ledgerBasis(e: LedgerEntry): string {
  return `${[e.date, e.reason || "（未写事由）"].filter((x) => x).join(" ")}（${e.cell}）`;
}

/** What a body row of 奖惩兑现 shows: a unit with none, one of its rewards or fines, one of its ledger entries, its 小计. */
const NONE = 0;
const ITEM = 1;
const LEDGER = 2;
const SUBTOTAL = 3;

export function rewardsSheet(input: RewardsInput): SheetModel {
  const { scheme, units, details, now } = input;
  const last = "G";
  const head: ModelCell[][] = [
    [val(`${scheme.name}　奖惩兑现`)],
    [val(`生成时间：${displayTime(now)}　　奖励为正、扣罚为负；被一票否决的单位不享受奖励，罚款照扣`)],
    REWARDS_HEADERS.map(val),
  ];
  const formats: RangeFormat[] = [
    { range: `A1:${last}1`, bold: true, fontSize: 16, horizontal: "center", fontColour: COLOURS.title },
    { range: `A2:${last}2`, fontColour: COLOURS.note },
    { range: `A${HEADER_ROW}:${last}${HEADER_ROW}`, bold: true, fill: COLOURS.header, border: true, horizontal: "center" },
  ];
  // The body's rows as what each shows (unit, kind, which item or entry): made into cells when a host asks for
  // them (sheet-rows). At 5,000 units the cells of its 20,000 rows were 2 MB held to the end of kh score.
  const unitOf: number[] = [];
  const kindOf: number[] = [];
  const itemOf: number[] = [];
  const add = (unit: number, kind: number, item = 0) => (unitOf.push(unit), kindOf.push(kind), itemOf.push(item));
  const amounts: number[] = [];
  const sums: number[] = [];
  let total = 0;
  units.forEach((u, i) => {
    const items = details[i].rewards;
    const ledger = details[i].ledger;
    if (items.length === 0 && ledger.length === 0) add(i, NONE);
    items.forEach((item, k) => {
      add(i, ITEM, k);
      amounts.push(item.amount);
    });
    ledger.forEach((_, k) => add(i, LEDGER, k));
    const sum = items.reduce((s, x) => s + x.amount, 0);
    sums.push(sum);
    total += sum;
    const r = head.length + unitOf.length + 1;
    add(i, SUBTOTAL);
    formats.push({ range: `E${r}:${last}${r}`, bold: true }, { range: `A${r}:${last}${r}`, fill: COLOURS.groupFill });
    amounts.push(sum);
  });
  const row = (j: number): ModelCell[] => {
    const i = unitOf[j];
    const u = units[i];
    const k = itemOf[j];
    const items = details[i].rewards;
    const first = [i + 1, u.name, u.group, u.rank];
    const next = [null, u.name, u.group, null];
    switch (kindOf[j]) {
      case NONE:
        return [...first, "—", "无奖惩", 0].map(val);
      case ITEM:
        return [...(k === 0 ? first : next), items[k].label, items[k].basis, items[k].amount].map(val);
      case LEDGER: {
        const e = details[i].ledger[k];
        return [...(k === 0 && items.length === 0 ? first : next), ledgerLabel(e.points), ledgerBasis(e), null].map(val);
      }
      default:
        return [...next, "小计", `奖励 ${showNumber(u.reward)}，罚款 ${showNumber(u.fines)}`, sums[i]].map(val);
    }
  };
  const end = head.length + unitOf.length + 1;
  const tail = [[null, "合计", null, null, null, `${units.length} 个单位`, total].map(val)];
  amounts.push(total);
  formats.push({ range: `A${end}:${last}${end}`, bold: true, fill: COLOURS.header });
  if (end > HEADER_ROW) {
    formats.push(
      { range: `A${HEADER_ROW + 1}:${last}${end}`, border: true },
      { range: `A${HEADER_ROW + 1}:A${end}`, horizontal: "center" },
      { range: `D${HEADER_ROW + 1}:D${end}`, horizontal: "center" },
      { range: `F${HEADER_ROW + 1}:F${end}`, wrap: true },
      { range: `G${HEADER_ROW + 1}:G${end}`, numberFormat: moneyFormat(amounts) }
    );
  }
  const bases = details.flatMap((d) => [...d.rewards.map((x) => x.basis), ...d.ledger.map(ledgerBasis)]);
  const fields: Omit<SheetModel, "cells"> = {
    name: input.name ?? REWARDS_SHEET,
    kind: "rewards",
    columnWidths: [
      6,
      fitWidth(["单位", ...units.map((u) => u.name)], 10, 24),
      fitWidth(["分组", ...units.map((u) => u.group)], 8, 16),
      6,
      16,
      fitWidth(bases, 24, 60),
      12,
    ],
    formats,
    merges: [`A1:${last}1`, `A2:${last}2`],
    freeze: { rows: HEADER_ROW, columns: 0 },
    print: { paper: "A4", orientation: "landscape", titleRows: `1:${HEADER_ROW}`, fitToWidth: true, footer: "第 &P 页，共 &N 页" },
  };
  return lazyModel(fields, { head, count: unitOf.length, row, tail });
}
