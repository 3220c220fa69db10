/**
 * The scheme from a JSON file, and checked against the data sheet.
 *
 * API
 * - `parseScheme(json: unknown)` → `{ scheme, warnings }` (scheme in normal form, see validate.ts), or throws
 *   `SchemeError` with one Chinese line per problem: `方案第3个指标（参保率）：缺少“目标值”（target）`.
 * - `parseSchemeText(text)`: the same from the text of a .json file (a syntax error is a SchemeError too).
 * - `schemeColumns(scheme)`: every data column the scheme names, with where it names it.
 * - `checkSchemeAgainstData(scheme, table)`: throws SchemeError listing every column that is not in the data
 *   sheet: `方案第3个指标（参保率）：数据列“参保率(%)”在“村级考核”中不存在`.
 * Warnings (points not summing to 100, a parameter the method does not use) are lines too, never errors.
 */
import { Scheme } from "./types";
import { Path, SchemeError } from "./errors";
import { describePath, jsonMessage } from "./labels";
import { validateScheme } from "./validate";
import { DataTable } from "../data-table";

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

/** Every data column the scheme names (the unit and group columns are the data table's own). */
export function schemeColumns(scheme: Scheme): ColumnUse[] {
  const out: ColumnUse[] = [];
  scheme.indicators.forEach((ind, i) => out.push({ path: ["indicators", i, "column"], column: ind.column }));
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
  return out;
}

/** Where a column use is, in words (`方案第3个指标（参保率）`, `方案的系数列`). */
export function columnUseWhere(use: ColumnUse, scheme: Scheme): string {
  const d = describePath(use.path, scheme);
  return d.where === "方案" && d.label ? `方案的${d.label}` : d.where;
}

/** The column index of each use, in the order of schemeColumns; throws SchemeError naming every missing one. */
export function resolveColumns(scheme: Scheme, table: DataTable): number[] {
  const problems: string[] = [];
  const indices = schemeColumns(scheme).map((use) => {
    const found = table.findColumn(use.column);
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
