/**
 * Finding a clerk's table in a sheet: the header (one row, or several joined top-down: 常规工作/党建) below any
 * title rows and merged title cells, the unit-name column, a group column, the numeric columns, and which rows are
 * units. Totals, subtotals, averages and footers are not units: they are known by their words in the name column
 * (合计, 全镇合计, 一片区小计, 平均, 合计：, 制表人：…), by holding the sum or the average of the unit rows above
 * them, or by a SUBTOTAL formula (an Excel Table's totals row); below a blank row only rows shaped like units count.
 * Merged cells mean their value for every cell they cover (a 类别 merged over its group's rows).
 * Works on the cell values of the used range from A1, as every host reads them. The same pieces are used by the
 * task pane's detection and by DataTable (what `kh` and the generated sheets read), so both see the same units.
 */
import { Cell, isBlank, readNumber, textKey, toHalfWidth } from "./values";
import { columnIndex, columnLetter } from "./sheet-model";

export type ColumnKind = "number" | "text" | "empty";

export interface DetectedColumn {
  /** 0-based column index and its letter. */
  index: number;
  letter: string;
  /** Header text ("" for a column without one); several header rows joined top-down with "/". */
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
  /** 1-based row of the header (its first row when the header has several). */
  headerRow: number;
  /** 1-based last row of the header (= headerRow for a one-row header). */
  headerBottom: number;
  /** 1-based rows of the units (totals, footers and blank-name rows left out). */
  unitRows: number[];
  /** 1-based rows left out as totals, subtotals, averages and footers (合计…, 制表人：…). */
  totalRows: number[];
  columns: DetectedColumn[];
  /** Index into `columns` of the unit-name column, and of the group column if any. */
  nameColumn: number;
  groupColumn?: number;
}

/** A merged area, 0-based and inclusive. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseMerges(merges: readonly string[]): MergeArea[] {
  const out: MergeArea[] = [];
  for (const m of merges) {
    const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(m.replace(/\$/g, "").trim());
    if (!match) continue;
    const [c1, r1, c2, r2] = [columnIndex(match[1]), +match[2] - 1, columnIndex(match[3]), +match[4] - 1];
    out.push({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
  }
  return out;
}

/** The values with every cell of a merged area holding the area's top-left value (what the clerk means). */
export function fillMerged(values: readonly (readonly Cell[])[], areas: readonly MergeArea[]): Cell[][] {
  // A row no area fills is the data's own row, not a copy (kh's data sheets have thousands of rows and few merges);
  // a row with holes is copied, which makes them undefined as before.
  const copied = new Set<number>();
  const out = values.map((r, i) => {
    if (!r) return [];
    if (!r.includes(undefined as unknown as Cell)) return r as Cell[];
    copied.add(i);
    return [...r];
  });
  const own = (r: number) => {
    if (!copied.has(r)) out[r] = [...out[r]];
    copied.add(r);
    return out[r];
  };
  for (const a of areas) {
    const v = out[a.top]?.[a.left];
    if (isBlank(v)) continue;
    for (let r = a.top; r <= a.bottom && r < out.length; r++) {
      for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) own(r)[c] = v;
    }
  }
  return out;
}

/** A name cell's text as compared with the words of totals: folded, without spaces and a trailing colon. */
function wordKey(v: Cell): string {
  if (typeof v !== "string") return "";
  // 小计（一片区）, 合计: — the words without their note and colon.
  return toHalfWidth(v)
    .replace(/[\s\u200b\ufeff]+/g, "")
    .replace(/[:：]+$/, "")
    .replace(/^(.+?)[(（][^()（）]*[)）]$/, "$1");
}

const TOTAL_WORDS = /^(.{0,10}?)(合计|总计|小计|累计|汇总|平均|均值|总数|total|subtotal|sum|average)(分|值|数)?$/i;
const WHOLE_AREA = /^(全镇|全乡|全县|全区|全市|全街道|全办事处|全片|总体|全部)$/;
const FOOTER =
  /^(制表|填表|填报|审核|审批|复核|核对|核稿|统计|负责人|单位负责人|分管领导|主要领导|联系人|联系电话|电话|日期|报送|打印|注|备注|说明|附注)[^:：]{0,6}[:：]/;

/** 合计, 全镇合计, 一片区小计, 平均, 合计：, Total — a row that sums or averages the others, by its words. */
export function isTotalName(v: Cell): boolean {
  const key = wordKey(v);
  return key !== "" && (TOTAL_WORDS.test(key) || WHOLE_AREA.test(key));
}

/** A line that signs or dates the table: （盖章）, 签字, or only a date (2025年12月20日). */
const SIGN_OFF = /(盖章|签字|签名)[)）]?$|^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$/;

/** 制表人：…　审核人：…, 填报日期：…, 注：…, XX镇人民政府（盖章） — a footer line under the table. */
export function isFooterText(v: Cell): boolean {
  if (typeof v !== "string") return false;
  const text = toHalfWidth(v)
    .replace(/[\u200b\ufeff]/g, "")
    .trim();
  return FOOTER.test(text) || SIGN_OFF.test(text);
}

const NAME_HEADER = /(村名|名称|单位|姓名|村|社区|站所|部门|科室|名$)/;
const GROUP_HEADER = /(类别|分组|类型|组别|片区|分类|性质)/;

/** The widest row (a reduce, not a spread: a sheet may have more rows than a call has arguments). */
function widthOf(values: readonly (readonly Cell[])[]): number {
  return values.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
}

function filledCount(row: readonly Cell[] | undefined): number {
  return (row ?? []).filter((c) => !isBlank(c)).length;
}

function hasNumber(row: readonly Cell[] | undefined): boolean {
  return (row ?? []).some((c) => typeof c === "number");
}

/** Is a row a title: one non-blank cell, or a merged area over most of the width holding (nearly) all of it? */
function looksLikeTitle(row: readonly Cell[], width: number, areas: readonly MergeArea[], r: number): boolean {
  const filled = filledCount(row);
  if (filled <= 1) return true;
  // The wide merge must hold the row's first text: a caption merged over two columns beside 村名 is a header.
  const first = row.findIndex((c) => !isBlank(c));
  return (
    filled <= 2 && areas.some((a) => a.top === r && a.left <= first && a.right >= first && a.right - a.left + 1 >= Math.max(2, width * 0.6))
  );
}

const GRADE_OR_FLAG = /^(优|良|中|差|优秀|良好|合格|不合格|较好|一般|较差|是|否|有|无|√|×|Y|N)$/i;

/** A column of 优/良/中/差 or 是/否 is an indicator or a veto, not a group. */
function looksLikeGradesOrFlags(values: readonly (readonly Cell[])[], rows: readonly number[], c: number): boolean {
  return rows.every((r) => isBlank(values[r]?.[c]) || GRADE_OR_FLAG.test(textKey(values[r]?.[c])));
}

/** The header row: the first row, not a title, of texts (at least two, few numbers), followed by a row with a number. */
function findHeaderRow(values: readonly (readonly Cell[])[], areas: readonly MergeArea[], from: number): number {
  const width = widthOf(values);
  for (let r = from; r < values.length; r++) {
    const row = values[r] ?? [];
    if (looksLikeTitle(row, width, areas, r)) continue;
    const texts = row.filter((c) => typeof c === "string" && !isBlank(c) && readNumber(c) === undefined).length;
    const numbers = row.filter((c) => typeof readNumber(c) === "number").length;
    if (texts < 2 || numbers * 4 > texts + numbers) continue;
    const next = values.slice(r + 1, r + 5);
    if (next.some((n) => (n ?? []).some((c) => typeof readNumber(c) === "number"))) return r;
  }
  return -1;
}

export interface HeaderBlock {
  /** 0-based first and last header rows. */
  top: number;
  bottom: number;
  /** Per column: the header texts top-down, joined with "/" (常规工作/党建), and the lowest of them (党建). */
  joined: string[];
  lowest: string[];
}

const MAX_HEADER_ROWS = 4;

/** Does row r+1 continue the header that ends on row r (a second header row, not a unit)? */
function continuesDown(values: readonly (readonly Cell[])[], areas: readonly MergeArea[], top: number, r: number): boolean {
  const next = values[r + 1];
  if (!next || filledCount(next) === 0 || hasNumber(next)) return false;
  // A header cell merged down into the row (村名 over two rows), or one merged across columns the row names.
  if (areas.some((a) => a.top >= top && a.top <= r && a.bottom >= r + 1)) return true;
  const under = areas.some(
    (a) => a.top === r && a.bottom === r && a.right > a.left && next.slice(a.left, a.right + 1).some((c) => !isBlank(c))
  );
  if (under) return true;
  // Unmerged: the row's first cell under the header's first text is blank, so it names no unit.
  const first = (values[top] ?? []).findIndex((c) => !isBlank(c));
  return first >= 0 && isBlank(next[first]);
}

/** Does row r-1 belong above the header that starts on row r (a group caption such as 常规工作 over 党建)? */
function continuesUp(values: readonly (readonly Cell[])[], areas: readonly MergeArea[], r: number, width: number): boolean {
  const above = values[r - 1];
  if (r === 0 || !above || filledCount(above) === 0 || hasNumber(above)) return false;
  if (looksLikeTitle(above, width, areas, r - 1)) return false;
  if (areas.some((a) => a.top <= r - 1 && a.bottom >= r) || areas.some((a) => a.top === r - 1 && a.bottom === r - 1 && a.right > a.left))
    return true;
  // Unmerged: the row is blank under the caption row's first text (村名 stands above it), so it names no unit.
  const first = above.findIndex((c) => !isBlank(c));
  return first >= 0 && isBlank(values[r]?.[first]);
}

/**
 * A caption written once over several columns without merging them (常规工作 in C2, D2 blank, 党建 | 综治 below):
 * a blank caption cell takes the caption to its left when the row below names the column.
 */
function spreadCaptions(filled: Cell[][], areas: readonly MergeArea[], top: number, bottom: number, width: number): void {
  const merged = (r: number, c: number) => areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
  for (let r = top; r < bottom; r++) {
    const row = filled[r];
    if (!row) continue;
    for (let c = 1; c < width; c++) {
      if (!isBlank(row[c]) || isBlank(row[c - 1]) || merged(r, c) || isBlank(filled[r + 1]?.[c])) continue;
      // Only a caption: the cell to the left must itself have a header below it (or be a caption spread already).
      if (isBlank(filled[r + 1]?.[c - 1])) continue;
      row[c] = row[c - 1];
    }
  }
}

/** The header rows around row `row` (0-based) and each column's header text. */
export function headerBlock(values: readonly (readonly Cell[])[], areas: readonly MergeArea[], row: number): HeaderBlock {
  const width = widthOf(values);
  // A title row is a header of its own: it joins no rows (the caller looks for the real header elsewhere).
  const title = looksLikeTitle(values[row] ?? [], width, areas, row);
  let top = row;
  while (!title && row - top < MAX_HEADER_ROWS - 1 && continuesUp(values, areas, top, width)) top--;
  let bottom = row;
  while (!title && bottom - top < MAX_HEADER_ROWS - 1 && continuesDown(values, areas, top, bottom)) bottom++;
  const filled = fillMerged(values.slice(0, bottom + 1), areas);
  spreadCaptions(filled, areas, top, bottom, width);
  const joined: string[] = [];
  const lowest: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const v = filled[r]?.[c];
      if (isBlank(v)) continue;
      const text = typeof v === "string" ? v.trim() : textKey(v);
      if (parts[parts.length - 1] !== text) parts.push(text);
    }
    joined.push(parts.join("/"));
    lowest.push(parts[parts.length - 1] ?? "");
  }
  return { top, bottom, joined, lowest };
}

export interface RowInput {
  /** Values with merged areas filled (fillMerged). */
  values: readonly (readonly Cell[])[];
  formulas?: readonly (readonly (string | null)[])[];
  /** 0-based first row below the header. */
  first: number;
  nameColumn: number;
  /** Columns of numbers, where a totals row's sums are looked for. */
  numberColumns: readonly number[];
  /** The name column's header, which a printed sheet repeats. */
  nameHeader?: string;
}

export interface RowKinds {
  /** 0-based rows. */
  units: number[];
  totals: number[];
}

function blankRow(row: readonly Cell[] | undefined): boolean {
  return !row || row.every(isBlank);
}

/** The row's first non-blank cell (undefined when there is none). */
function firstFilled(row: readonly Cell[] | undefined): Cell {
  return row?.find(isFilled);
}

function isFilled(c: Cell): boolean {
  return !isBlank(c);
}

function near(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-9 * Math.abs(b), tolerance);
}

/** Running sums of the number columns over a set of unit rows (so a totals check costs one pass per row). */
class ColumnSums {
  count = 0;
  readonly sums: number[];
  constructor(private readonly input: RowInput) {
    this.sums = input.numberColumns.map(() => 0);
  }

  /** Add a row's numbers (readRowNumbers), read once for every ColumnSums it goes into. */
  add(numbers: ArrayLike<number>): void {
    this.count++;
    for (let i = 0; i < numbers.length; i++) this.sums[i] += numbers[i];
  }
}

/** Row r's number columns as ColumnSums adds them (blank or text as 0), into one buffer used for every row. */
function readRowNumbers(input: RowInput, r: number, into: Float64Array): Float64Array {
  input.numberColumns.forEach((c, i) => (into[i] = readNumber(input.values[r]?.[c] ?? null) || 0));
  return into;
}

/** Does a cell up to the name column hold a total's words (合计 merged across 序号 and 村名)? */
function leadHasTotal(row: readonly Cell[], nameColumn: number): boolean {
  for (let c = 0; c <= nameColumn && c < row.length; c++) if (isTotalName(row[c])) return true;
  return false;
}

/**
 * Does the row hold, in its number columns, the sum or the average of the rows summed (at least two of them)?
 * Every number in the row must match, and a sum needs two non-zero columns: a unit of a one-column table whose
 * score is the sum of those above (10, 20, 30) is still a unit. An average counts only for a row without a name
 * (named averages say 平均): the last of three equal scores is their average, and a unit must never be lost.
 */
function sumsRows(input: RowInput, r: number, rows: ColumnSums, loose: boolean): boolean {
  if (!isBlank(input.values[r]?.[input.nameColumn])) return sumsOnly(input, r, rows);
  if (rows.count < 2 || input.numberColumns.length === 0) return false;
  let sums = 0;
  let averages = 0;
  for (let i = 0; i < input.numberColumns.length; i++) {
    const v = readNumber(input.values[r]?.[input.numberColumns[i]] ?? null);
    if (v === null) continue;
    if (v === undefined) return false;
    const sum = rows.sums[i];
    const isSum = near(v, sum, 1e-6);
    const isAverage = near(v, sum / rows.count, 0.005);
    if (!isSum && !isAverage) return false;
    if (v === 0) continue;
    if (isSum) sums++;
    if (isAverage) averages++;
  }
  const columns = input.numberColumns.length;
  return (sums > 0 && sums >= Math.min(2, columns)) || (averages > 0 && averages >= (loose ? Math.min(2, columns) : 3));
}

/** Is row r the last one before a blank row or the end? */
function bottomRow(values: readonly (readonly Cell[])[], r: number): boolean {
  return r + 1 >= values.length || blankRow(values[r + 1]);
}

function rowHasSubtotal(input: RowInput, r: number): boolean {
  return (input.formulas?.[r] ?? []).some((f) => typeof f === "string" && /\bSUBTOTAL\s*\(/i.test(f));
}

/**
 * Which rows below the header are units. A row is left out as a total by its words (in the name column or a
 * column before it, where 合计 stands merged across 序号 and 村名), by a SUBTOTAL formula, or by summing or
 * averaging the units above it (those since the last subtotal, or all of them); a footer line ends the table.
 * After a blank row, a row counts only when it is shaped like a unit (a name and numbers), else the table ends.
 */
export function classifyRows(input: RowInput): RowKinds {
  const { values, nameColumn } = input;
  const units: number[] = [];
  const totals: number[] = [];
  let block = new ColumnSums(input);
  const all = new ColumnSums(input);
  let afterBlank = false;
  const headerWords = input.nameHeader === undefined ? undefined : wordKey(input.nameHeader);
  const buffer = new Float64Array(input.numberColumns.length);
  for (let r = input.first; r < values.length; r++) {
    const row = values[r];
    if (blankRow(row)) {
      if (units.length) afterBlank = true;
      continue;
    }
    const firstCell = firstFilled(row);
    if (isFooterText(firstCell)) {
      for (let k = r; k < values.length; k++) if (!blankRow(values[k])) totals.push(k);
      break;
    }
    const loose = afterBlank || bottomRow(values, r);
    if (leadHasTotal(row, nameColumn) || rowHasSubtotal(input, r) || sumsRows(input, r, block, loose) || sumsRows(input, r, all, loose)) {
      totals.push(r);
      block = new ColumnSums(input);
      continue;
    }
    const name = row[nameColumn];
    if (isBlank(name)) continue;
    if (headerWords !== undefined && wordKey(name) === headerWords) continue;
    if (afterBlank && !input.numberColumns.some((c) => typeof readNumber(row[c] ?? null) === "number")) break;
    units.push(r);
    const numbers = readRowNumbers(input, r, buffer);
    block.add(numbers);
    all.add(numbers);
  }
  return { units, totals };
}

interface ColumnCounts {
  filled: number;
  numeric: number;
  min: number;
  max: number;
}

/** Column c over `rows`: non-blank cells, how many read as numbers and their range; the other texts into `texts`. */
function columnCounts(values: readonly (readonly Cell[])[], rows: readonly number[], c: number, texts?: Set<string>): ColumnCounts {
  // Locals, not the result's fields, while counting: this runs for every cell of the unit rows.
  let filled = 0;
  let numeric = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    const v = values[r]?.[c];
    if (isBlank(v)) continue;
    filled++;
    const n = readNumber(v);
    if (typeof n === "number") {
      numeric++;
      min = Math.min(min, n);
      max = Math.max(max, n);
    } else texts?.add(textKey(v));
  }
  return { filled, numeric, min, max };
}

function kindOf({ filled, numeric }: ColumnCounts): ColumnKind {
  return filled === 0 ? "empty" : numeric >= filled * 0.8 ? "number" : "text";
}

/** How many columns `rows` span (at least `least`). */
function spanOf(values: readonly (readonly Cell[])[], rows: readonly number[], least: number): number {
  return rows.reduce((w, r) => Math.max(w, values[r]?.length ?? 0), least);
}

/** Statistics of each column over `rows`, with its header text. */
export function columnStats(values: readonly (readonly Cell[])[], rows: readonly number[], headers: readonly string[]): DetectedColumn[] {
  const width = spanOf(values, rows, headers.length);
  const columns: DetectedColumn[] = [];
  for (let c = 0; c < width; c++) {
    const texts = new Set<string>();
    const counts = columnCounts(values, rows, c, texts);
    const { filled, numeric, min, max } = counts;
    const header = headers[c] ?? "";
    columns.push({
      index: c,
      letter: columnLetter(c),
      header,
      kind: kindOf(counts),
      filled,
      numeric,
      distinct: texts.size,
      ...(numeric ? { min, max } : {}),
    });
  }
  return columns;
}

/**
 * The columns columnStats calls numbers, without its other statistics (DataTable needs no more): counted a row at
 * a time, each row's cells once, rather than a column at a time down every row (5,000 rows × 50 columns).
 */
export function numberColumns(values: readonly (readonly Cell[])[], rows: readonly number[]): number[] {
  const width = spanOf(values, rows, 0);
  const filled = new Int32Array(width);
  const numeric = new Int32Array(width);
  for (const r of rows) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      filled[c]++;
      if (typeof readNumber(v) === "number") numeric[c]++;
    }
  }
  const out: number[] = [];
  for (let c = 0; c < width; c++) if (kindOf({ filled: filled[c], numeric: numeric[c], min: 0, max: 0 }) === "number") out.push(c);
  return out;
}

/** The rows from `first` to the first blank row: where a column's kind is judged, before units are told from totals. */
export function leadingRows(values: readonly (readonly Cell[])[], first: number): number[] {
  const rows: number[] = [];
  for (let r = first; r < values.length; r++) {
    if (blankRow(values[r])) {
      if (rows.length) break;
      continue;
    }
    if (isFooterText(firstFilled(values[r]))) break;
    rows.push(r);
  }
  return rows;
}

/**
 * Detect the table. `near` (0-based row of the selection) picks the header at or above it when a sheet holds
 * more than one table; without it the first table from the top is taken. `formulas` (same shape as values) lets a
 * SUBTOTAL row be known as a totals row.
 */
export function detectTable(
  values: readonly (readonly Cell[])[],
  merges: readonly string[] = [],
  near?: number,
  formulas?: readonly (readonly (string | null)[])[]
): DetectedTable | undefined {
  const areas = parseMerges(merges);
  let header = findHeaderRow(values, areas, 0);
  if (header < 0) return undefined;
  let block = headerBlock(values, areas, header);
  if (near !== undefined) {
    for (let r = findHeaderRow(values, areas, block.bottom + 1); r >= 0 && r <= near; r = findHeaderRow(values, areas, block.bottom + 1)) {
      header = r;
      block = headerBlock(values, areas, r);
    }
  }
  const filled = fillMerged(values, areas);
  const candidates = leadingRows(filled, block.bottom + 1).filter((r) => !isTotalName(firstFilled(filled[r])));
  const columns = columnStats(filled, candidates, block.joined);

  const textColumns = columns.filter((c) => c.kind === "text" && c.header);
  const name =
    textColumns.find((c) => NAME_HEADER.test(c.header) && c.distinct >= c.filled * 0.8) ??
    textColumns.find((c) => c.distinct >= c.filled * 0.8) ??
    columns.find((c) => c.kind !== "empty");
  if (!name) return undefined;

  const kinds = classifyRows({
    values: filled,
    formulas,
    first: block.bottom + 1,
    nameColumn: name.index,
    numberColumns: columns.filter((c) => c.kind === "number").map((c) => c.index),
    nameHeader: block.lowest[name.index],
  });
  const unitRows = kinds.units;
  const others = textColumns.filter((c) => c !== name);
  const group =
    others.find((c) => GROUP_HEADER.test(c.header)) ??
    others.find(
      (c) => c.distinct >= 2 && c.distinct <= Math.max(2, unitRows.length / 3) && !looksLikeGradesOrFlags(filled, unitRows, c.index)
    );
  return {
    headerRow: block.top + 1,
    headerBottom: block.bottom + 1,
    unitRows: unitRows.map((r) => r + 1),
    totalRows: kinds.totals.map((r) => r + 1),
    columns,
    nameColumn: columns.indexOf(name),
    ...(group ? { groupColumn: columns.indexOf(group) } : {}),
  };
}

/** A named row's numbers are the sum of the rows summed, in two non-zero columns at least. */
function sumsOnly(input: RowInput, r: number, rows: ColumnSums): boolean {
  if (rows.count < 2) return false;
  let sums = 0;
  for (let i = 0; i < input.numberColumns.length; i++) {
    const v = readNumber(input.values[r]?.[input.numberColumns[i]] ?? null);
    if (v === null) continue;
    if (v === undefined || !near(v, rows.sums[i], 1e-6)) return false;
    if (v !== 0) sums++;
  }
  return sums >= 2;
}
