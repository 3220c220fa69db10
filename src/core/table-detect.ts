/**
 * Finding a clerk's table in a sheet: the header row below any title rows and merged title cells, the unit-name
 * column, a group column, the numeric columns, and the rows that are units (a 合计 row at the bottom is not one).
 * Works on the cell values of the used range from A1, as every host reads them.
 */
import { Cell, isBlank, readNumber, textKey } from "./values";
import { columnIndex, columnLetter } from "./sheet-model";

export type ColumnKind = "number" | "text" | "empty";

export interface DetectedColumn {
  /** 0-based column index and its letter. */
  index: number;
  letter: string;
  /** Header text ("" for a column without one). */
  header: string;
  kind: ColumnKind;
  /** Non-blank cells in the unit rows, and how many of them read as numbers. */
  filled: number;
  numeric: number;
  /** Distinct non-blank texts in the unit rows (for text columns). */
  distinct: number;
  min?: number;
  max?: number;
}

export interface DetectedTable {
  /** 1-based row of the header. */
  headerRow: number;
  /** 1-based rows of the units (totals and blank-name rows left out). */
  unitRows: number[];
  /** 1-based rows left out as totals (合计…). */
  totalRows: number[];
  columns: DetectedColumn[];
  /** Index into `columns` of the unit-name column, and of the group column if any. */
  nameColumn: number;
  groupColumn?: number;
}

const TOTAL_NAMES = /^(合\s*计|总\s*计|小\s*计|累\s*计|平\s*均|平均值|全镇|全县|全乡|总数|合计数)$/;
const NAME_HEADER = /(村名|名称|单位|姓名|村|社区|站所|部门|科室|名$)/;
const GROUP_HEADER = /(类别|分组|类型|组别|片区|分类|性质)/;

export function isTotalName(v: Cell): boolean {
  return typeof v === "string" && TOTAL_NAMES.test(textKey(v));
}

/** The text of a merged area's top-left cell for every cell it covers, so merged headers read as one. */
function mergedText(values: Cell[][], merges: readonly string[], row: number, col: number): Cell {
  for (const m of merges) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(m.replace(/\$/g, ""));
    if (!match) continue;
    const [c1, r1, c2, r2] = [columnIndex(match[1]), +match[2] - 1, columnIndex(match[3]), +match[4] - 1];
    if (row >= r1 && row <= r2 && col >= c1 && col <= c2) return values[r1]?.[c1];
  }
  return values[row]?.[col];
}

/** Is a row a title: one non-blank cell, or a merged area spanning most of the width? */
function looksLikeTitle(row: Cell[], width: number, merges: readonly string[], r: number): boolean {
  const filled = row.filter((c) => !isBlank(c)).length;
  if (filled <= 1) return true;
  return merges.some((m) => {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(m.replace(/\$/g, ""));
    return !!match && +match[2] - 1 === r && columnIndex(match[3]) - columnIndex(match[1]) + 1 >= Math.max(2, width * 0.6);
  });
}

const GRADE_OR_FLAG = /^(优|良|中|差|优秀|良好|合格|不合格|较好|一般|较差|是|否|有|无|√|×|Y|N)$/i;

/** A column of 优/良/中/差 or 是/否 is an indicator or a veto, not a group. */
function looksLikeGradesOrFlags(values: Cell[][], rows: readonly number[], c: number): boolean {
  return rows.every((r) => isBlank(values[r]?.[c]) || GRADE_OR_FLAG.test(textKey(values[r]?.[c])));
}

/** The header row: the first row, not a title, of texts (at least two, few numbers), followed by a row with a number. */
function findHeaderRow(values: Cell[][], merges: readonly string[], from: number): number {
  const width = Math.max(0, ...values.map((r) => r.length));
  for (let r = from; r < values.length; r++) {
    const row = values[r] ?? [];
    if (looksLikeTitle(row, width, merges, r)) continue;
    const texts = row.filter((c) => typeof c === "string" && !isBlank(c) && readNumber(c) === undefined).length;
    const numbers = row.filter((c) => typeof readNumber(c) === "number").length;
    if (texts < 2 || numbers * 4 > texts + numbers) continue;
    const next = values.slice(r + 1, r + 4);
    if (next.some((n) => (n ?? []).some((c) => typeof readNumber(c) === "number"))) return r;
  }
  return -1;
}

/**
 * Detect the table. `near` (0-based row of the selection) picks the header at or above it when a sheet holds
 * more than one table; without it the first table from the top is taken.
 */
export function detectTable(values: Cell[][], merges: readonly string[] = [], near?: number): DetectedTable | undefined {
  let header = findHeaderRow(values, merges, 0);
  if (header < 0) return undefined;
  if (near !== undefined) {
    for (let r = findHeaderRow(values, merges, header + 1); r >= 0 && r <= near; r = findHeaderRow(values, merges, r + 1)) header = r;
  }
  const headerCells = values[header] ?? [];
  const width = Math.max(headerCells.length, ...values.slice(header + 1).map((r) => r.length));

  // Unit rows run from below the header to the first fully blank row.
  const rows: number[] = [];
  for (let r = header + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((c) => isBlank(c))) {
      if (rows.length) break;
      continue;
    }
    rows.push(r);
  }

  const columns: DetectedColumn[] = [];
  for (let c = 0; c < width; c++) {
    const head = mergedText(values, merges, header, c);
    let filled = 0;
    let numeric = 0;
    let min = Infinity;
    let max = -Infinity;
    const texts = new Set<string>();
    for (const r of rows) {
      const v = values[r]?.[c];
      if (isBlank(v)) continue;
      filled++;
      const n = readNumber(v);
      if (typeof n === "number") {
        numeric++;
        min = Math.min(min, n);
        max = Math.max(max, n);
      } else texts.add(textKey(v));
    }
    const kind: ColumnKind = filled === 0 ? "empty" : numeric >= filled * 0.8 ? "number" : "text";
    columns.push({
      index: c,
      letter: columnLetter(c),
      header: isBlank(head) ? "" : textKey(head),
      kind,
      filled,
      numeric,
      distinct: texts.size,
      ...(numeric ? { min, max } : {}),
    });
  }

  const textColumns = columns.filter((c) => c.kind === "text" && c.header);
  const name =
    textColumns.find((c) => NAME_HEADER.test(c.header) && c.distinct >= c.filled * 0.8) ??
    textColumns.find((c) => c.distinct >= c.filled * 0.8) ??
    columns.find((c) => c.kind !== "empty");
  if (!name) return undefined;

  const unitRows: number[] = [];
  const totalRows: number[] = [];
  for (const r of rows) {
    const row = values[r] ?? [];
    // 合计 may stand in the name column or, merged across 序号 and 村名, in a column before it.
    if (row.slice(0, name.index + 1).some(isTotalName)) totalRows.push(r + 1);
    else if (!isBlank(row[name.index])) unitRows.push(r + 1);
  }
  const others = textColumns.filter((c) => c !== name);
  const group =
    others.find((c) => GROUP_HEADER.test(c.header)) ??
    others.find((c) => c.distinct >= 2 && c.distinct <= Math.max(2, unitRows.length / 3) && !looksLikeGradesOrFlags(values, rows, c.index));
  return {
    headerRow: header + 1,
    unitRows,
    totalRows,
    columns,
    nameColumn: columns.indexOf(name),
    ...(group ? { groupColumn: columns.indexOf(group) } : {}),
  };
}
