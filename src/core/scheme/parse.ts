/**
 * The scheme from a JSON file, and checked against the data sheet.
 *
 * API
 * - `parseScheme(json: unknown)` → `{ scheme, warnings }` (scheme in normal form, see validate.ts), or throws
 *   `SchemeError` with one Chinese line per problem: `方案第3个指标（参保率）：缺少“目标值”（target）`.
 * - `parseSchemeText(text)`: the same from the text of a .json file (a syntax error is a SchemeError too).
 * - `schemeColumns(scheme)`: every column the scheme reads per unit (data sheet or `"sheet!column"`), with where.
 * - `checkSchemeAgainstData(scheme, table)`: throws SchemeError listing every column that is not in the data
 *   sheet: `方案第3个指标（参保率）：数据列“参保率(%)”在“村级考核”中不存在`.
 * Warnings (points not summing to 100, a parameter the method does not use) are lines too, never errors.
 */
import { Indicator, Scheme, isColumnParam } from "./types";
import { Path, SchemeError } from "./errors";
import { describePath, jsonMessage } from "./labels";
import { validateScheme } from "./validate";
import { DataTable } from "../data-table";
import { splitColumnRef } from "../scoring/other-sheets";

export interface ParsedScheme {
  scheme: Scheme;
  warnings: string[];
}

export function parseScheme(json: unknown): ParsedScheme {
  const v = validateScheme(json);
  if (!v.scheme) throw new SchemeError(v.issues.map((i) => jsonMessage(i.path, i.text, json)));
  return { scheme: v.scheme, warnings: v.warnings.map((w) => jsonMessage(w.path, w.text, json)) };
}

export function parseSchemeText(text: string): ParsedScheme {
  let json: unknown;
  try {
    // A BOM, as Windows Notepad writes it, is not part of the JSON.
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new SchemeError([`方案文件不是有效的 JSON：${(e as Error).message}`]);
  }
  return parseScheme(json);
}

export interface ColumnUse {
  path: Path;
  column: string;
}

/** The per-unit columns an indicator reads: its value (or vote counts), periodic values, per, per-unit parameters. */
function indicatorColumns(ind: Indicator, i: number, out: ColumnUse[]): void {
  const at = ["indicators", i];
  if (ind.method === "vote") (ind.columns ?? []).forEach((c, k) => out.push({ path: [...at, "columns", k], column: c }));
  else out.push({ path: [...at, "column"], column: ind.column });
  (ind.periodic ?? []).forEach((c, k) => out.push({ path: [...at, "periodic", k], column: c }));
  if (ind.per) out.push({ path: [...at, "per"], column: ind.per });
  for (const key of PARAM_KEYS) {
    const p = ind[key];
    if (isColumnParam(p)) out.push({ path: [...at, key, "column"], column: p.column });
  }
}

/** The parameters of an indicator that may be read per unit. */
export const PARAM_KEYS = ["target", "limit", "good", "bad"] as const;
/** The parts of pay, each a number or a column. */
export const PAY_KEYS = ["base", "amount", "full", "pass", "collective"] as const;

/**
 * Every column the scheme reads per unit (the unit and group columns are the data table's own), on the data
 * sheet or another (`"1月!党建"`). The ledger's columns are on the ledger sheet and are not listed.
 */
export function schemeColumns(scheme: Scheme): ColumnUse[] {
  const out: ColumnUse[] = [];
  scheme.indicators.forEach((ind, i) => indicatorColumns(ind, i, out));
  (scheme.vetoes ?? []).forEach((c, i) => out.push({ path: ["vetoes", i], column: c }));
  (scheme.bonus?.columns ?? []).forEach((c, i) => out.push({ path: ["bonus", "columns", i], column: c }));
  (scheme.deduction?.columns ?? []).forEach((c, i) => out.push({ path: ["deduction", "columns", i], column: c }));
  if (scheme.coefficient) out.push({ path: ["coefficient"], column: scheme.coefficient });
  const r = scheme.rewards;
  if (r?.byThreshold) out.push({ path: ["rewards", "byThreshold", "column"], column: r.byThreshold.column });
  if (r?.byImprovement) out.push({ path: ["rewards", "byImprovement", "column"], column: r.byImprovement.column });
  (scheme.fines ?? []).forEach((f, i) => out.push({ path: ["fines", i, "column"], column: f.column }));
  if (scheme.progress) {
    const done = scheme.progress.done;
    if (Array.isArray(done)) done.forEach((c, i) => out.push({ path: ["progress", "done", i], column: c }));
    else out.push({ path: ["progress", "done"], column: done });
    out.push({ path: ["progress", "task"], column: scheme.progress.task });
  }
  for (const key of PAY_KEYS) {
    const p = scheme.pay?.[key];
    if (isColumnParam(p)) out.push({ path: ["pay", key, "column"], column: p.column });
  }
  return out;
}

/** Where a column use is, in words (`方案第3个指标（参保率）`, `方案的系数列`). */
export function columnUseWhere(use: ColumnUse, scheme: Scheme): string {
  const d = describePath(use.path, scheme);
  return d.where === "方案" && d.label ? `方案的${d.label}` : d.where;
}

/**
 * The column index of each use on the data sheet, in the order of schemeColumns (−1 for a column of another
 * sheet, which scoring checks with the workbook); throws SchemeError naming every missing one.
 */
export function resolveColumns(scheme: Scheme, table: DataTable): number[] {
  const problems: string[] = [];
  const indices = schemeColumns(scheme).map((use) => {
    const { sheet, column } = splitColumnRef(use.column);
    if (sheet !== undefined && sheet !== table.sheet && !("index" in table.findColumn(use.column))) return -1;
    const found = table.findColumn(sheet === table.sheet ? column : use.column);
    if ("index" in found) return found.index;
    problems.push(`${columnUseWhere(use, scheme)}：${found.error}`);
    return -1;
  });
  if (problems.length) throw new SchemeError(problems);
  return indices;
}

export function checkSchemeAgainstData(scheme: Scheme, table: DataTable): void {
  resolveColumns(scheme, table);
}
