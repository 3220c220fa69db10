/**
 * `kh init`'s guess (SPEC §5): the clerk's table found and every column's role guessed exactly as the task pane's
 * 数据 and 方案 tabs do on opening (core/table-detect, role-guess, scheme-from-roles) — the named sheet, else the
 * first sheet that is not ours and holds a table.
 *
 * API: `guessScheme(host, sheet?)` → { scheme, warnings, sheet, headerRow, units }; throws WorkflowError.
 */
import { MARKER_SHEET } from "../core/generated-sheets";
import { SCHEME_SHEET } from "../core/scheme/scheme-sheet";
import { Scheme } from "../core/scheme/types";
import { DetectedTable, detectTable } from "../core/table-detect";
import { draftFromTable, schemeFromDraft } from "../core/scheme-from-roles";
import { SheetData, WorkbookHost } from "../hosts/host";
import { WorkflowError, asWorkflow } from "./errors";

export interface GuessedScheme {
  scheme: Scheme;
  warnings: string[];
  sheet: string;
  headerRow: number;
  units: number;
}

function tableOf(sheet: SheetData): DetectedTable | undefined {
  const table = detectTable(sheet.values, sheet.merges ?? []);
  return table && table.unitRows.length ? table : undefined;
}

export async function guessScheme(host: WorkbookHost, sheetName?: string): Promise<GuessedScheme> {
  const names = await host.sheetNames();
  const ours = new Set([MARKER_SHEET, SCHEME_SHEET, ...(await host.readMarkers()).map((m) => m.sheet)]);
  const candidates = sheetName !== undefined ? [sheetName] : names.filter((n) => !ours.has(n));
  if (sheetName !== undefined && !names.includes(sheetName)) {
    throw new WorkflowError([`工作簿中没有名为“${sheetName}”的工作表；现有工作表：${names.filter((n) => n !== MARKER_SHEET).join("、")}`]);
  }
  for (const name of candidates) {
    const sheet = await host.readSheet(name);
    const table = sheet && tableOf(sheet);
    if (!sheet || !table) continue;
    const draft = draftFromTable(name, table, sheet.values);
    const { scheme, warnings } = await asWorkflow(() => schemeFromDraft(draft));
    return { scheme, warnings, sheet: name, headerRow: table.headerRow, units: table.unitRows.length };
  }
  throw new WorkflowError([
    sheetName !== undefined
      ? `“${sheetName}”中找不到数据表：需要一行表头，下面每行一个单位`
      : "工作簿中找不到数据表：需要一行表头，下面每行一个单位（可用 --sheet 指定工作表）",
  ]);
}
