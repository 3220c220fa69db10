/**
 * Plain-text tables for the terminal, with Chinese characters counted as two columns (as terminals draw them), and
 * the 龙虎榜 as such a table.
 */
import { UnitResult } from "../core/unit-result";

/** East Asian wide and full-width ranges: these take two terminal columns. */
const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) continue;
    w += WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
  }
  return w;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Rows of texts as aligned columns; `numeric[i]` right-aligns column i. */
export function textTable(rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => pad(cell, widths[i], !!numeric[i]))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}

/** A number as a clerk reads it: at most `decimals` places, no trailing zeros. */
export function showNumber(n: number, decimals = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toFixed(decimals)));
}

/**
 * The 龙虎榜 of results, per group (in the order groups first appear), best first; ties keep their input order.
 * Totals show `precision` decimals (the scheme's), so they line up.
 */
export function leaderboardText(results: readonly UnitResult[], title?: string, precision = 2): string {
  const groups = new Map<string, { r: UnitResult; i: number }[]>();
  results.forEach((r, i) => {
    const list = groups.get(r.group) ?? [];
    list.push({ r, i });
    groups.set(r.group, list);
  });
  const parts: string[] = [];
  if (title) parts.push(title);
  for (const [group, list] of groups) {
    list.sort((a, b) => a.r.rank - b.r.rank || a.i - b.i);
    const rows = [
      ["名次", "单位", "总分", "标记", "等次", "奖项", "奖励"],
      ...list.map(({ r }) => [
        String(r.rank),
        r.name,
        r.total.toFixed(precision),
        r.mark,
        r.grade,
        r.award,
        r.reward ? showNumber(r.reward) : "",
      ]),
    ];
    parts.push([group ? `【${group}】` : "", textTable(rows, [true, false, true, false, false, false, true])].filter(Boolean).join("\n"));
  }
  return parts.join("\n\n");
}
