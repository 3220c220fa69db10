/**
 * What the generated sheets share: colours, number formats, column widths from text, the generation time as a clerk
 * reads it, and Chinese numerals for small counts (后三名).
 */
import { CellValue, ModelCell, SheetModel } from "../sheet-model";

export const COLOURS = {
  header: "#D9E1F2",
  title: "#1F3864",
  /** 龙榜: Excel's “light red fill with dark red text”. */
  dragonFill: "#FFC7CE",
  dragonFont: "#9C0006",
  /** 虎榜: grey. */
  tigerFill: "#D9D9D9",
  /** 否决: pale orange with a red mark. */
  vetoFill: "#FCE4D6",
  vetoFont: "#C00000",
  groupFill: "#F2F2F2",
  note: "#595959",
} as const;

/** A cell of a value (text stays text: hosts never read it as a formula). */
export const val = (value: CellValue): ModelCell => ({ value });

/** Display width of a text in Excel's character units: CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) as number) >= 0x2e80 ? 2 : 1;
  return w;
}

/** A column width that fits the longest of the texts, within [min, max]. */
export function fitWidth(texts: readonly string[], min = 6, max = 40): number {
  const w = texts.reduce((m, t) => Math.max(m, textWidth(t)), 0) + 2;
  return Math.min(max, Math.max(min, w));
}

/** "0.00" for 2 decimals, "0" for none. */
export function decimalsFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}

/** Amounts in yuan: whole numbers without decimals, else two decimals. */
export function moneyFormat(amounts: readonly number[]): string {
  return amounts.every((x) => Number.isInteger(x)) ? "#,##0" : "#,##0.00";
}

/** A local ISO time with its offset (2025-11-22T10:30:00+08:00): what `now` defaults to. */
export function localIsoTime(date: Date = new Date()): string {
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:` +
    `${pad(date.getSeconds())}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/**
 * An ISO time as a clerk reads it: “2025-11-22 10:30”. A time with an offset is shown as written (the wall time where
 * it was taken); a UTC time (…Z) in local time; anything else as given.
 */
export function displayTime(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::[\d.]+)?(Z|[+-]\d\d:?\d\d)?$/.exec(iso.trim());
  if (!m) return iso;
  if (m[3] === "Z") {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return localIsoTime(d).slice(0, 16).replace("T", " ");
  }
  return `${m[1]} ${m[2]}`;
}

const NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 3 → 三 (up to 十), else the digits. */
export function chineseCount(n: number): string {
  return Number.isInteger(n) && n >= 0 && n <= 10 ? NUMERALS[n] : String(n);
}

/** 后三名, 后五名. */
export function bottomWords(bottom: number): string {
  return `后${chineseCount(bottom)}名`;
}

/** A percentage with one decimal: 0.7234 → “72.3%”. */
export function percent(x: number, decimals = 1): string {
  return `${(x * 100).toFixed(decimals)}%`;
}

/** The model with every formula dropped and its computed value kept (`--formulas values`). */
export function withoutFormulas(model: SheetModel): SheetModel {
  return { ...model, cells: model.cells.map((row) => row.map((c) => ({ value: c.value }))) };
}
