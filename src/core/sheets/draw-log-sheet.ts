/**
 * The 抽签记录 sheet (SPEC §4): every draw, appended — time, what list, the list itself (as text), how many, the
 * seed, the result, and the KH.DRAW formula that redraws it (as text: paste it into a cell to re-check), so a draw
 * made in secret can be verified afterwards by anyone (SPEC §2.4) — and its 校验码 over those eight cells, so a row
 * changed afterwards can be told (SPEC §4 有据可查).
 *
 * API: `drawLogSheet({ items, n, seed, result, list?, now })` → SheetModel (kind "drawLog", append);
 * `drawFormula(items, n, seed)` → the re-check formula text.
 */
import { SheetModel } from "../sheet-model";
import { COLOURS, displayTime, val } from "./common";
import { CODE_LABEL, checkCode } from "../check/check-code";

export const DRAW_LOG_SHEET = "抽签记录";
export const DRAW_LOG_HEADERS = [
  "抽签时间",
  "名单来源",
  "名单",
  "名单项数",
  "抽取个数",
  "种子",
  "抽取结果",
  "复核公式",
  CODE_LABEL,
] as const;
/** The record a row's 校验码 covers: its first eight cells (抽签时间 to 复核公式). */
export const DRAW_RECORD_CELLS = 8;

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `=KH.DRAW({"甲","乙","丙"},2,"20251122")`: the same draw again, from the same list, count and seed. */
export function drawFormula(items: readonly string[], n: number, seed: string): string {
  return `=KH.DRAW({${items.map(quote).join(",")}},${n},${quote(seed)})`;
}

export interface DrawLogInput {
  items: readonly string[];
  n: number;
  seed: string;
  result: readonly string[];
  /** Where the list came from (e.g. “村级考核!A2:A17”, “抽查点名单”). */
  list?: string;
  now: string;
  name?: string;
}

export function drawLogSheet(input: DrawLogInput): SheetModel {
  const { items, n, seed, result, now } = input;
  const record = [
    displayTime(now),
    input.list ?? "",
    items.join("、"),
    items.length,
    n,
    seed,
    result.join("、"),
    drawFormula(items, n, seed),
  ];
  return {
    name: input.name ?? DRAW_LOG_SHEET,
    kind: "drawLog",
    append: true,
    cells: [
      DRAW_LOG_HEADERS.map(val),
      // All text or numbers: the formula text is a value (never evaluated here), so the record cannot change later.
      [...record, checkCode([record])].map(val),
    ],
    columnWidths: [17, 16, 40, 9, 9, 14, 30, 40, 18],
    formats: [
      { range: "A1:I1", bold: true, fill: COLOURS.header, border: true, horizontal: "center" },
      { range: "A2:I2", border: true },
      { range: "C2", wrap: true },
      { range: "F2", numberFormat: "@" },
      { range: "I2", numberFormat: "@" },
      { range: "G2", wrap: true, bold: true },
    ],
    freeze: { rows: 1, columns: 0 },
    print: { paper: "A4", orientation: "landscape", titleRows: "1:1", fitToWidth: true },
  };
}
