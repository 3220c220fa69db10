/**
 * 报酬 (SPEC §3.1 `pay`): pay = base + PERFPAY(total, amount, full, pass) + reward + collective, per unit.
 * A vetoed unit's performance part is 0 in exclude mode (in zero mode its total is 0 already and it keeps its
 * rewards); a blank collective cell is 0; fines are not subtracted; nothing is rounded.
 *
 * API: `payOf(pay, unit, excluded, read)` → PayParts, with `read(key)` giving a part's number for this unit
 * (the scheme's number, or the unit's cell; undefined when it could not be read, which the caller reports).
 */
import { Pay } from "../scheme/types";
import { perfPay } from "../perf-pay";
import { UnitResult } from "../unit-result";

export type PayKey = keyof Pay;

export interface PayParts {
  /** 基础 */
  base: number;
  /** 绩效: PERFPAY(total, amount, full, pass); 0 for a unit out of the competition by veto. */
  performance: number;
  /** 奖励: the unit's reward (every kind, negative byRank amounts included). */
  reward: number;
  /** 集体经济 */
  collective: number;
  /** 合计 */
  total: number;
}

export const PAY_LABELS: Readonly<Record<PayKey, string>> = {
  base: "基础报酬",
  amount: "绩效工资额",
  full: "绩效满分",
  pass: "绩效及格分",
  collective: "集体经济奖金",
};

/** Defaults of the optional parts (normal form fills them; a scheme built in code may not). */
const DEFAULTS: Readonly<Record<PayKey, number>> = { base: 0, amount: 0, full: 100, pass: 0, collective: 0 };

/** Throws KhError (#DIV/0!) when full ≤ 0, as KH.PERFPAY does. */
export function payOf(pay: Pay, unit: UnitResult, excluded: boolean, read: (key: PayKey) => number | undefined): PayParts {
  const part = (key: PayKey) => (pay[key] === undefined ? DEFAULTS[key] : (read(key) ?? 0));
  // Every part is read, so a bad cell is reported whatever the veto.
  const [base, amount, full, pass, collective] = (["base", "amount", "full", "pass", "collective"] as const).map(part);
  const performance = excluded ? 0 : perfPay(unit.total, amount, full, pass);
  const reward = unit.reward;
  return { base, performance, reward, collective, total: base + performance + reward + collective };
}
