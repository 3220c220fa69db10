/** The basis (依据) of rewards and fines in words, for 奖惩兑现: `名次第1名 +1000`, `缺签 3次×100 −300`. */
import { RewardItem, RewardKind } from "./types";

/** A number as a clerk reads it: no float noise, no exponent for ordinary amounts. */
export function showNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

/** +1000, −200 (a true minus sign), 0. */
export function signed(x: number): string {
  if (x > 0) return `+${showNumber(x)}`;
  if (x < 0) return `−${showNumber(-x)}`;
  return "0";
}

/** Thresholds that are fractions (0.91) read as percents: 91%. */
export function asPercent(thresholds: readonly number[]): boolean {
  return thresholds.length > 0 && thresholds.every((t) => Math.abs(t) <= 1) && thresholds.some((t) => !Number.isInteger(t));
}

export function showValue(x: number, percent: boolean): string {
  return percent ? `${Number((x * 100).toPrecision(12))}%` : showNumber(x);
}

/** 缺签次数 → (缺签, 次); 旷工天数 → (旷工, 天); other columns keep their name and have no unit. */
export function fineWords(column: string): { what: string; unit: string } {
  const m = /^(.+?)(次数|天数|人次)$/.exec(column);
  if (!m) return { what: column, unit: "" };
  return { what: m[1], unit: m[2] === "次数" ? "次" : m[2] === "天数" ? "天" : "人次" };
}

export function item(kind: RewardKind, label: string, basis: string, amount: number): RewardItem {
  return { kind, label, basis, amount, text: kind === "veto" || kind === "disqualified" ? basis : `${basis} ${signed(amount)}` };
}
