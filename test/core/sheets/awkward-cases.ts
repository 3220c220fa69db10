/**
 * The awkward things clerks type (SPEC §2.1), as workbooks: the sample data with one column rewritten in one awkward
 * form — full-width digits, a trailing ideographic space, a no-break or zero-width space, a BOM, a number stored as
 * text, ＋ and － signs, thousands separators (, and ，), percent (% and ％) and per-mille — in every kind of
 * column (each indicator method, 加分, 扣分, 系数, 否决, 等次, 分组, 单位). Every other unit's cell is rewritten, so
 * plain and awkward cells meet in the same ranks. The value each form stands for is the cell's own (or, for the
 * percent forms, the same number written as a percentage).
 */
import { Cell } from "../../../src/core/values";

export interface OracleCase {
  name: string;
  scheme: Record<string, unknown>;
  values: Cell[][];
  /** Every sheet of the clerk's workbook, when there are more than the data sheet (scheme version 2). */
  sheets?: Record<string, Cell[][]>;
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9.+\-%,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const plain = (n: number) => String(n);
const grouped = (n: number, sep: string) => {
  const [int, frac] = String(Math.abs(n)).split(".");
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${n < 0 ? "-" : ""}${g}${frac ? `.${frac}` : ""}`;
};
/** 0.805 → "80.5": the percentage of a fraction, without float noise. */
const percentOf = (n: number, scale: number) => String(Number((n * scale).toPrecision(12)));

/** Number forms: each turns a number into a text the core reads as the same number. */
export const NUMBER_FORMS: Record<string, (n: number) => string | undefined> = {
  全角数字: (n) => FULL_WIDTH(plain(n)),
  尾随全角空格: (n) => `${n}\u3000`,
  前导不间断空格: (n) => `\u00a0${n}`,
  零宽空格: (n) => `\u200b${n}`,
  BOM: (n) => `${n}\ufeff`,
  文本数字: (n) => plain(n),
  全角正号: (n) => (n >= 0 ? `＋${n}` : undefined),
  全角负号: (n) => (n < 0 ? `－${-n}` : undefined),
  千位分隔: (n) => (Math.abs(n) >= 1000 ? grouped(n, ",") : undefined),
  全角千位分隔: (n) => (Math.abs(n) >= 1000 ? grouped(n, "，") : undefined),
  百分号: (n) => (Math.abs(n) < 10 ? `${percentOf(n, 100)}%` : undefined),
  全角百分号: (n) => (Math.abs(n) < 10 ? FULL_WIDTH(`${percentOf(n, 100)}%`) : undefined),
  千分号: (n) => (Math.abs(n) < 10 ? `${percentOf(n, 1000)}‰` : undefined),
};

/** Flag forms: true and false written as clerks write them. */
const FLAG_FORMS: Record<string, [string | number | boolean, string | number | boolean | null]> = {
  尾随全角空格: ["是\u3000", "否\u3000"],
  全角字母: ["ＹＥＳ", "ｎｏ"],
  符号: [" √ ", "×"],
  不间断空格: ["\u00a0有", "无\u00a0"],
  数字文本: ["1", "0"],
  逻辑值: [true, false],
  零宽与横线: ["\u200b否决", "—"],
};

const TEXT_FORMS: Record<string, (s: string) => string> = {
  尾随全角空格: (s) => `${s}\u3000`,
  前导不间断空格: (s) => `\u00a0${s}`,
  零宽空格: (s) => `${s}\u200b`,
  BOM: (s) => `\ufeff${s}`,
  两端空格: (s) => ` ${s} `,
};

const NUMBER_COLUMNS = ["党建", "参保率", "出生率‰", "招商(万元)", "税收(万元)", "信访排名", "加分", "扣分", "规模系数"];
const VETO_COLUMNS = ["计生否决", "安全事故"];
const TEXT_COLUMNS = ["民调等级", "类别", "村名"];

function rewrite(values: Cell[][], column: string, form: (v: Cell, row: number) => Cell | undefined): Cell[][] | undefined {
  const c = values[0].indexOf(column);
  if (c < 0) throw new Error(`no column ${column}`);
  let changed = 0;
  const out = values.map((row, r) => {
    if (r === 0 || r % 2 === 0) return row;
    const v = form(row[c], r);
    if (v === undefined) return row;
    changed++;
    const copy = [...row];
    copy[c] = v;
    return copy;
  });
  return changed ? out : undefined;
}

export function AWKWARD_CASES(scheme: unknown, values: Cell[][]): OracleCase[] {
  const out: OracleCase[] = [];
  const add = (name: string, v: Cell[][] | undefined) => {
    if (v) out.push({ name, scheme: JSON.parse(JSON.stringify(scheme)), values: v });
  };
  for (const column of NUMBER_COLUMNS)
    for (const [form, f] of Object.entries(NUMBER_FORMS))
      add(`${column}-${form}`, rewrite(values, column, (v) => (typeof v === "number" ? f(v) : undefined)));
  for (const column of VETO_COLUMNS)
    for (const [form, [yes, no]] of Object.entries(FLAG_FORMS))
      add(`${column}-${form}`, rewrite(values, column, (v, r) => (v === "是" ? yes : r % 4 === 1 ? no : undefined)));
  for (const column of TEXT_COLUMNS)
    for (const [form, f] of Object.entries(TEXT_FORMS)) add(`${column}-${form}`, rewrite(values, column, (v) => (typeof v === "string" ? f(v) : undefined)));
  return out;
}
