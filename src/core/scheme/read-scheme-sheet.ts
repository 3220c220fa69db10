/**
 * Reading the 考核方案 sheet back into a scheme, as a clerk left it.
 *
 * API
 * - `readSchemeSheet(values, sheet = "考核方案")` → `{ scheme, warnings, layout }`, or throws SchemeError with one
 *   line per problem, naming the cell: `考核方案!E9：分值“二十”不是数值`, `考核方案!F9：缺少“目标值”`.
 *   `layout` says where each value was found (see SchemeSheetLayout in scheme-sheet.ts).
 * Blocks are found by their headings in column A (numbering and bracketed hints ignored), settings by their labels,
 * table columns by their headers, so a clerk may add, remove or move rows, leave blank rows, or delete an optional
 * block. Values go through the same validation as a JSON scheme (validate.ts).
 */
import { Indicator, Scheme } from "./types";
import { Path, SchemeError, SchemeIssue, pathKey } from "./errors";
import { describePath, fieldText, methodFromText, METHOD_NAMES, METHODS } from "./labels";
import { validateScheme } from "./validate";
import { cellText, labelKey, parseCap, parseGradeFactors, parseList, parseStages } from "./sheet-text";
import {
  INDICATOR_COLUMNS,
  LEDGER_ROWS,
  PAY_ROWS,
  REWARD_COLUMN_LABELS,
  SCHEME_SHEET,
  SECTIONS,
  SETTINGS,
  BULLETIN_SETTINGS,
  SchemeSheetLayout,
  SectionKey,
  SettingKey,
  TABLE_HEADERS,
  TableCells,
  TableSection,
  IndicatorCells,
} from "./scheme-sheet";
import { columnLetter } from "../sheet-model";
import { Cell, isBlank, readFlag, readNumber } from "../values";

type Grid = readonly (readonly Cell[])[];

export interface SchemeFromSheet {
  scheme: Scheme;
  warnings: string[];
  layout: SchemeSheetLayout;
}

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）])/;
const TOTALS = new Set(["合计", "总计", "小计"]);

function sectionOf(v: Cell): SectionKey | undefined {
  const key = labelKey(v)
    .replace(NUMBERING, "")
    .replace(/[(（].*$/, "");
  if (!key) return undefined;
  return SECTIONS.find((s) => s.title === key || s.aliases.includes(key))?.key;
}

const rowBlank = (row: readonly Cell[] | undefined, from = 0) => !row || row.slice(from).every((c) => isBlank(c));

class Reader {
  /** Cell address by JSON path, to name the cell of a problem. */
  readonly where = new Map<string, string>();
  readonly problems: string[] = [];
  /** Cells already reported, so validation does not report them again as missing. */
  readonly problemCells = new Set<string>();
  readonly layout: SchemeSheetLayout;
  private readonly sections = new Map<SectionKey, { first: number; last: number }>();

  constructor(
    private readonly values: Grid,
    private readonly sheet: string
  ) {
    this.layout = { sheet, settings: {}, indicators: [] };
    const starts: { key: SectionKey; row: number }[] = [];
    values.forEach((row, r) => {
      const key = row ? sectionOf(row[0]) : undefined;
      // A heading stands alone in its row (a fine whose column is named 罚款 is not a heading).
      if (key && rowBlank(row, 1) && !this.sections.has(key)) {
        starts.push({ key, row: r });
        this.sections.set(key, { first: r + 1, last: values.length - 1 });
      }
    });
    starts.sort((a, b) => a.row - b.row);
    starts.forEach((s, i) => {
      if (i + 1 < starts.length) (this.sections.get(s.key) as { last: number }).last = starts[i + 1].row - 1;
    });
    // Without its heading, the settings are whatever labels stand above the first block.
    if (!this.sections.has("settings"))
      this.sections.set("settings", { first: 0, last: starts.length ? starts[0].row - 1 : values.length - 1 });
  }

  cell(r: number, c: number): Cell {
    const row = this.values[r];
    return row ? row[c] : null;
  }

  addr(r: number, c: number): string {
    return `${columnLetter(c)}${r + 1}`;
  }

  problem(r: number, c: number, text: string): void {
    this.problemCells.add(this.addr(r, c));
    this.problems.push(`${this.sheet}!${this.addr(r, c)}：${text}`);
  }

  note(path: Path, r: number, c: number): void {
    this.where.set(pathKey(path), this.addr(r, c));
  }

  section(key: SectionKey): { first: number; last: number } | undefined {
    return this.sections.get(key);
  }

  /** A number cell: undefined when blank; a problem when it is text that is not a number. */
  number(r: number, c: number, label: string, path: Path): number | undefined {
    this.note(path, r, c);
    const v = this.cell(r, c);
    const n = readNumber(v);
    if (n === undefined) {
      this.problem(r, c, `${label}“${cellText(v)}”不是数值`);
      return undefined;
    }
    return n === null ? undefined : n;
  }

  text(r: number, c: number, path: Path): string | undefined {
    this.note(path, r, c);
    const t = cellText(this.cell(r, c));
    return t === "" ? undefined : t;
  }

  /** Columns of a header row: field → 0-based column, by header text or alias. */
  headerColumns(r: number, spec: readonly { field: string; header: string; aliases?: readonly string[] }[]): Map<string, number> {
    const out = new Map<string, number>();
    const row = this.values[r] ?? [];
    row.forEach((v, c) => {
      const key = labelKey(v);
      const f = spec.find((s) => s.header === key || (s.aliases ?? []).includes(key));
      if (f && !out.has(f.field)) out.set(f.field, c);
    });
    return out;
  }
}

const SETTING_BY_LABEL = new Map<string, SettingKey>();
for (const s of [...SETTINGS, ...BULLETIN_SETTINGS]) for (const l of [s.label, ...(s.aliases ?? [])]) SETTING_BY_LABEL.set(l, s.key);

function readSettings(rd: Reader): Partial<Record<SettingKey, { r: number; v: Cell }>> {
  const out: Partial<Record<SettingKey, { r: number; v: Cell }>> = {};
  for (const name of ["settings", "bulletin"] as const) {
    const sec = rd.section(name);
    if (!sec) continue;
    for (let r = sec.first; r <= sec.last; r++) {
      const key = SETTING_BY_LABEL.get(labelKey(rd.cell(r, 0)));
      if (key && !out[key]) {
        out[key] = { r, v: rd.cell(r, 1) };
        rd.layout.settings[key] = rd.addr(r, 1);
      }
    }
  }
  return out;
}

function buildTop(rd: Reader, set: Partial<Record<SettingKey, { r: number; v: Cell }>>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const text = (key: SettingKey, path: Path) => {
    const s = set[key];
    if (!s) return undefined;
    return rd.text(s.r, 1, path);
  };
  const number = (key: SettingKey, path: Path) => {
    const s = set[key];
    if (!s) return undefined;
    const label = SETTINGS.find((x) => x.key === key)?.label ?? key;
    return rd.number(s.r, 1, label, path);
  };
  raw.name = text("name", ["name"]);
  raw.data = {
    sheet: text("sheet", ["data", "sheet"]),
    headerRow: number("headerRow", ["data", "headerRow"]),
    name: text("nameColumn", ["data", "name"]),
    group: text("group", ["data", "group"]),
  };
  const mode = set.vetoMode;
  if (mode) {
    rd.note(["vetoMode"], mode.r, 1);
    const k = labelKey(mode.v).toLowerCase();
    if (["排除", "exclude", "排除在外", "不参与排名"].includes(k)) raw.vetoMode = "exclude";
    else if (["记零分", "记零", "零分", "计零分", "记0分", "计0分", "zero"].includes(k)) raw.vetoMode = "zero";
    else if (k) rd.problem(mode.r, 1, `否决方式“${cellText(mode.v)}”应为“排除”或“记零分”`);
  }
  raw.precision = number("precision", ["precision"]);
  raw.coefficient = text("coefficient", ["coefficient"]);
  for (const [section, cols, cap] of [
    ["bonus", "bonusColumns", "bonusCap"],
    ["deduction", "deductionColumns", "deductionCap"],
  ] as const) {
    const c = set[cols];
    if (!c || isBlank(c.v)) continue;
    rd.note([section, "columns"], c.r, 1);
    const columns = parseList(c.v);
    columns.forEach((_, i) => rd.note([section, "columns", i], c.r, 1));
    const s = set[cap];
    let capValue: number | null = null;
    if (s) {
      rd.note([section, "cap"], s.r, 1);
      const p = parseCap(s.v);
      if (p.bad) rd.problem(s.r, 1, `${section === "bonus" ? "加分上限" : "扣分上限"}“${cellText(s.v)}”不是数值（可填“不设上限”）`);
      else capValue = p.cap ?? null;
    }
    raw[section] = { columns, cap: capValue };
  }
  const top = number("top", ["leaderboard", "top"]);
  const bottom = number("bottom", ["leaderboard", "bottom"]);
  raw.leaderboard = { top, bottom };
  const dense = set.dense;
  if (dense) {
    rd.note(["ranking", "dense"], dense.r, 1);
    const f = readFlag(dense.v);
    if (f === undefined) rd.problem(dense.r, 1, `中国式排名“${cellText(dense.v)}”应填“是”或“否”`);
    raw.ranking = { dense: f ?? false };
  }
  // 完成数列 may list one column per stage: “第1次、第2次、…”.
  const doneText = text("progressDone", ["progress", "done"]);
  const doneList = set.progressDone && doneText !== undefined ? parseList(set.progressDone.v) : [];
  if (set.progressDone) doneList.forEach((_, i) => rd.note(["progress", "done", i], (set.progressDone as { r: number }).r, 1));
  const done = doneList.length > 1 ? doneList : doneText;
  const task = text("progressTask", ["progress", "task"]);
  if (done !== undefined || task !== undefined) {
    const progress: Record<string, unknown> = { done, task };
    const st = set.stages;
    if (st) {
      rd.note(["progress", "stages"], st.r, 1);
      const p = parseStages(st.v);
      if (p.bad !== undefined) rd.problem(st.r, 1, `各阶段要求中“${p.bad}”不是数值`);
      else if (p.stages) {
        progress.stages = p.stages;
        p.stages.forEach((_, i) => rd.note(["progress", "stages", i], st.r, 1));
      }
    }
    raw.progress = progress;
  }
  const bulletin = {
    office: text("bulletinOffice", ["bulletin", "office"]),
    salutation: text("bulletinSalutation", ["bulletin", "salutation"]),
    closing: text("bulletinClosing", ["bulletin", "closing"]),
  };
  if (Object.values(bulletin).some((v) => v !== undefined)) raw.bulletin = bulletin;
  return raw;
}

const NUMBER_FIELDS: readonly (keyof Indicator)[] = [
  "points",
  "target",
  "cap",
  "limit",
  "step",
  "deduct",
  "good",
  "bad",
  "base",
  "periodicWeight",
];
const PER_UNIT = new Set<keyof Indicator>(["target", "limit", "good", "bad"]);

/** A text that is not a number: a column's header or letter (a per-unit parameter, a 报酬 part). */
function isColumnText(v: Cell): boolean {
  return typeof v === "string" && !isBlank(v) && readNumber(v) === undefined;
}

function readIndicators(rd: Reader, values: Grid): unknown[] {
  const sec = rd.section("indicators");
  if (!sec) {
    rd.problems.push(`${rd.layout.sheet}：找不到“考核指标”表（A列应有“考核指标”标题）`);
    return [];
  }
  let headerRow = -1;
  let cols = new Map<string, number>();
  for (let r = sec.first; r <= sec.last && headerRow < 0; r++) {
    const found = rd.headerColumns(r, INDICATOR_COLUMNS);
    if (found.has("name") && found.has("column")) {
      headerRow = r;
      cols = found;
    }
  }
  if (headerRow < 0) {
    rd.problems.push(`${rd.layout.sheet}：“考核指标”表缺少表头（应有“指标”“数据列”“方法”“分值”等列）`);
    return [];
  }
  const out: unknown[] = [];
  for (let r = headerRow + 1; r <= sec.last; r++) {
    const row = values[r];
    const fields = [...cols.entries()].filter(([f]) => f !== "seq");
    if (!row || fields.every(([, c]) => isBlank(row[c]))) continue;
    if ([...cols.values()].some((c) => TOTALS.has(labelKey(row[c])))) {
      const pc = cols.get("points");
      if (pc !== undefined) rd.layout.pointsTotal = rd.addr(r, pc);
      rd.note(["indicators"], r, pc ?? 0);
      continue;
    }
    const i = out.length;
    const at: Path = ["indicators", i];
    const ind: Record<string, unknown> = {};
    const cells = {} as IndicatorCells["cells"];
    for (const c of INDICATOR_COLUMNS) {
      if (c.field === "seq") continue;
      const col = cols.get(c.field);
      if (col !== undefined) cells[c.field] = rd.addr(r, col);
    }
    rd.note(at, r, cols.get("name") ?? 0);
    const col = (f: string) => cols.get(f);
    const nameCol = col("name");
    if (nameCol !== undefined) ind.name = rd.text(r, nameCol, [...at, "name"]);
    const columnCol = col("column");
    if (columnCol !== undefined) ind.column = rd.text(r, columnCol, [...at, "column"]);
    const methodCol = col("method");
    if (methodCol !== undefined) {
      const m = rd.text(r, methodCol, [...at, "method"]);
      if (m !== undefined) {
        const method = methodFromText(m);
        if (method) ind.method = method;
        else rd.problem(r, methodCol, `方法“${m}”不认识，应为 ${METHODS.map((k) => METHOD_NAMES[k]).join("、")} 之一`);
      }
    } else rd.problems.push(`${rd.layout.sheet}：“考核指标”表缺少“方法”列`);
    for (const f of NUMBER_FIELDS) {
      const c = col(f);
      if (c === undefined) continue;
      const label = INDICATOR_COLUMNS.find((x) => x.field === f)?.header ?? f;
      // A per-unit parameter (SPEC §3.1): the cell holds the column's header or letter instead of a number.
      if (PER_UNIT.has(f) && isColumnText(rd.cell(r, c))) {
        ind[f] = { column: rd.text(r, c, [...at, f]) };
        rd.note([...at, f, "column"], r, c);
        continue;
      }
      const n = rd.number(r, c, label, [...at, f]);
      if (n !== undefined) ind[f] = n;
    }
    const perCol = col("per");
    if (perCol !== undefined) ind.per = rd.text(r, perCol, [...at, "per"]);
    const periodicCol = col("periodic");
    if (periodicCol !== undefined && !isBlank(rd.cell(r, periodicCol))) {
      ind.periodic = parseList(rd.cell(r, periodicCol));
      (ind.periodic as string[]).forEach((_, j) => rd.note([...at, "periodic", j], r, periodicCol));
      rd.note([...at, "periodic"], r, periodicCol);
    }
    const gc = col("grades");
    if (gc !== undefined) {
      rd.note([...at, "grades"], r, gc);
      const p = parseGradeFactors(rd.cell(r, gc));
      if (p.bad !== undefined) rd.problem(r, gc, `等次系数中“${p.bad}”应写成“等次=系数”，如“优=1;良=0.8”`);
      else if (p.grades) ind.grades = p.grades;
    }
    out.push(ind);
    rd.layout.indicators.push({ name: typeof ind.name === "string" ? ind.name : "", row: r + 1, cells } as IndicatorCells);
  }
  return out;
}

/** The rows of a small table: each a map field → 0-based row and column. */
function readTable(
  rd: Reader,
  key: TableSection,
  from: number,
  last: number
): { cells: TableCells; rows: { r: number; cols: Map<string, number> }[] } | undefined {
  const spec = TABLE_HEADERS[key];
  for (let r = from; r <= last; r++) {
    const cols = rd.headerColumns(r, spec);
    if (cols.size < spec.length && !(key === "vetoes" && cols.has("column"))) continue;
    const cells: TableCells = { headerRow: r + 1, columns: {}, rows: [] };
    for (const [f, c] of cols) cells.columns[f] = columnLetter(c);
    const rows: { r: number; cols: Map<string, number> }[] = [];
    const used = [...cols.entries()].filter(([f]) => f !== "seq").map(([, c]) => c);
    for (let k = r + 1; k <= last; k++) {
      if (used.every((c) => isBlank(rd.cell(k, c)))) continue;
      rows.push({ r: k, cols });
      cells.rows.push(k + 1);
    }
    if (rows.length) {
      const minC = Math.min(...cols.values());
      const maxC = Math.max(...cols.values());
      cells.range = `${columnLetter(minC)}${rows[0].r + 1}:${columnLetter(maxC)}${rows[rows.length - 1].r + 1}`;
    }
    return { cells, rows };
  }
  return undefined;
}

function readTables(rd: Reader, raw: Record<string, unknown>): void {
  const headerLabel = (key: TableSection, field: string) =>
    (TABLE_HEADERS[key] as readonly { field: string; header: string }[]).find((h) => h.field === field)?.header ?? field;
  const tableOf = (key: TableSection, from?: number) => {
    const sec = rd.section(key);
    if (!sec) return undefined;
    const t = readTable(rd, key, from ?? sec.first, sec.last);
    if (!t)
      rd.problems.push(
        `${rd.layout.sheet}：“${SECTIONS.find((s) => s.key === key)?.title}”表缺少表头（${TABLE_HEADERS[key].map((h) => h.header).join("、")}）`
      );
    return t;
  };
  /** Each row as a list of values in the spec's field order (numbers where `numeric`). */
  const rowsOf = (key: TableSection, path: Path, numeric: readonly string[], from?: number): unknown[][] | undefined => {
    const t = tableOf(key, from);
    if (!t) return undefined;
    (rd.layout as unknown as Record<string, unknown>)[key] = t.cells;
    return t.rows.map(({ r, cols }, i) =>
      TABLE_HEADERS[key]
        .filter((h) => h.field !== "seq")
        .map((h, k) => {
          const c = cols.get(h.field);
          if (c === undefined) return undefined;
          const p = [...path, i, key === "fines" ? h.field : k];
          return numeric.includes(h.field) ? rd.number(r, c, headerLabel(key, h.field), p) : rd.text(r, c, p);
        })
    );
  };
  const vetoes = rowsOf("vetoes", ["vetoes"], []);
  if (vetoes) {
    raw.vetoes = vetoes.map((r) => r[0]);
    // The path of a veto is ["vetoes", i], not ["vetoes", i, 0].
    vetoes.forEach((_, i) => {
      const a = rd.where.get(pathKey(["vetoes", i, 0]));
      if (a) rd.where.set(pathKey(["vetoes", i]), a);
    });
  }
  const grades = rowsOf("grades", ["grades"], ["threshold"]);
  if (grades) raw.grades = grades;
  const awards = rowsOf("awards", ["awards"], ["quota", "minimum"]);
  if (awards) raw.awards = awards;
  const rewards: Record<string, unknown> = {};
  const byRank = rowsOf("byRank", ["rewards", "byRank"], ["bound", "amount"]);
  if (byRank) rewards.byRank = byRank;
  for (const key of ["byThreshold", "byImprovement"] as const) {
    const sec = rd.section(key);
    if (!sec) continue;
    let columnRow = -1;
    for (let r = sec.first; r <= sec.last && columnRow < 0; r++) if (labelKey(rd.cell(r, 0)) === REWARD_COLUMN_LABELS[key]) columnRow = r;
    const column = columnRow >= 0 ? rd.text(columnRow, 1, ["rewards", key, "column"]) : undefined;
    const tiers = rowsOf(key, ["rewards", key, "tiers"], ["threshold", "amount"], columnRow >= 0 ? columnRow + 1 : undefined);
    const layout = rd.layout[key];
    if (layout && columnRow >= 0) rd.layout[key] = { ...layout, column: rd.addr(columnRow, 1) };
    if (column === undefined && (!tiers || tiers.length === 0)) continue;
    if (column === undefined && columnRow >= 0) rd.note(["rewards", key], columnRow, 1);
    rewards[key] = { column, tiers: tiers ?? [] };
  }
  raw.rewards = rewards;
  const fines = rowsOf("fines", ["fines"], ["amount"]);
  if (fines) raw.fines = fines.map(([column, amount]) => ({ column, amount }));
  readGradeFactors(rd, raw, tableOf("gradeFactors"));
  readVotes(rd, raw, tableOf("votes"));
  const last = rowsOf("disqualifyLast", ["disqualifyLast"], []);
  if (last?.length) {
    raw.disqualifyLast = last.map((r) => r[0]);
    last.forEach((_, i) => {
      const a = rd.where.get(pathKey(["disqualifyLast", i, 0]));
      if (a) rd.where.set(pathKey(["disqualifyLast", i]), a);
    });
  }
  const sheets = rowsOf("sheets", ["sheets"], ["headerRow"]);
  if (sheets?.length) {
    raw.sheets = {};
    sheets.forEach(([sheet, headerRow, name], i) => {
      if (typeof sheet !== "string") return;
      const a = rd.where.get(pathKey(["sheets", i, 0]));
      if (a) rd.where.set(pathKey(["sheets", sheet]), a);
      (raw.sheets as Record<string, unknown>)[sheet] = { headerRow, name };
    });
  }
  readLabelBlocks(rd, raw);
}

/** Labelled rows (项目 | 设置) of a block: field → 0-based row, by label. */
function labelledRows<K extends string>(rd: Reader, key: SectionKey, rows: readonly { key: K; label: string; aliases?: string[] }[]) {
  const sec = rd.section(key);
  const out: Partial<Record<K, number>> = {};
  if (!sec) return undefined;
  for (let r = sec.first; r <= sec.last; r++) {
    const label = labelKey(rd.cell(r, 0));
    const f = rows.find((x) => x.label === label || (x.aliases ?? []).includes(label));
    if (f && out[f.key] === undefined) out[f.key] = r;
  }
  return out;
}

/** 加减分台账 and 报酬: absent when every value is blank. */
function readLabelBlocks(rd: Reader, raw: Record<string, unknown>): void {
  const ledger = labelledRows(rd, "ledger", LEDGER_ROWS);
  if (ledger) {
    rd.layout.ledger = {};
    const out: Record<string, unknown> = {};
    for (const [k, r] of Object.entries(ledger) as [string, number][]) {
      (rd.layout.ledger as Record<string, string>)[k] = rd.addr(r, 1);
      out[k] = k === "headerRow" ? rd.number(r, 1, "台账表头行", ["ledger", k]) : rd.text(r, 1, ["ledger", k]);
    }
    if (Object.values(out).some((v) => v !== undefined)) raw.ledger = out;
  }
  const pay = labelledRows(rd, "pay", PAY_ROWS);
  if (pay) {
    rd.layout.pay = {};
    const out: Record<string, unknown> = {};
    for (const [k, r] of Object.entries(pay) as [string, number][]) {
      (rd.layout.pay as Record<string, string>)[k] = rd.addr(r, 1);
      const label = PAY_ROWS.find((x) => x.key === k)?.label ?? k;
      if (isColumnText(rd.cell(r, 1))) {
        out[k] = { column: rd.text(r, 1, ["pay", k]) };
        rd.note(["pay", k, "column"], r, 1);
      } else out[k] = rd.number(r, 1, label, ["pay", k]);
    }
    if (Object.values(out).some((v) => v !== undefined)) raw.pay = out;
  }
}

type IndicatorRow = { ind: Record<string, unknown>; k: number; r: number; cols: Map<string, number>; first: boolean };

/**
 * The rows of a per-indicator table (等次系数, 民主评议), each with the indicator it names and whether it is that
 * indicator's first row; `take` returns false for a row it refused. A row naming no indicator of the sheet is a
 * problem naming its cell. Returns the 1-based rows taken, by indicator name.
 */
function indicatorRows(
  rd: Reader,
  raw: Record<string, unknown>,
  t: NonNullable<ReturnType<typeof readTable>>,
  table: string,
  take: (row: IndicatorRow) => boolean
): Record<string, number[]> {
  const indicators = (raw.indicators ?? []) as Record<string, unknown>[];
  const byIndicator: Record<string, number[]> = {};
  const seen = new Set<Record<string, unknown>>();
  for (const { r, cols } of t.rows) {
    const ic = cols.get("indicator") as number;
    const name = cellText(rd.cell(r, ic));
    const k = indicators.findIndex((ind) => ind.name === name);
    if (k < 0) {
      rd.problem(r, ic, `${table}表中的指标“${name}”不在考核指标表中`);
      continue;
    }
    const ind = indicators[k];
    if (!take({ ind, k, r, cols, first: !seen.has(ind) })) continue;
    seen.add(ind);
    (byIndicator[name] ??= []).push(r + 1);
  }
  return byIndicator;
}

/**
 * The 民主评议 table: each row (指标, 票数列, 权重) is one vote column of a vote indicator, in order; they replace
 * the indicator's columns and weights.
 */
function readVotes(rd: Reader, raw: Record<string, unknown>, t: ReturnType<typeof readTable>): void {
  if (!t) return;
  const touched: Record<string, unknown>[] = [];
  const byIndicator = indicatorRows(rd, raw, t, "民主评议", ({ ind, k, r, cols, first }) => {
    if (first) {
      touched.push(ind);
      ind.columns = [];
      ind.weights = [];
    }
    const j = (ind.columns as unknown[]).length;
    const wc = cols.get("weight");
    (ind.columns as unknown[]).push(rd.text(r, cols.get("column") as number, ["indicators", k, "columns", j]));
    (ind.weights as unknown[]).push(wc === undefined ? undefined : rd.number(r, wc, "权重", ["indicators", k, "weights", j]));
    return true;
  });
  for (const ind of touched) if ((ind.weights as unknown[]).every((w) => w === undefined)) delete ind.weights;
  rd.layout.votes = { ...t.cells, byIndicator };
}

/**
 * The 等次系数 table: each row (指标, 等次, 系数) sets one factor of a 定性等次 indicator, replacing the defaults
 * (and an older sheet's 等次系数 text).
 */
function readGradeFactors(rd: Reader, raw: Record<string, unknown>, t: ReturnType<typeof readTable>): void {
  if (!t) return;
  const byIndicator = indicatorRows(rd, raw, t, "等次系数", ({ ind, k, r, cols, first }) => {
    const [gc, fc] = ["grade", "factor"].map((f) => cols.get(f) as number);
    const grade = rd.text(r, gc, ["indicators", k, "grades"]);
    const factor = rd.number(r, fc, "系数", ["indicators", k, "grades"]);
    if (grade === undefined) {
      rd.problem(r, gc, `等次系数表第${r + 1}行缺少等次`);
      return false;
    }
    if (factor === undefined) return false;
    if (first) ind.grades = {};
    (ind.grades as Record<string, number>)[grade] = factor;
    return true;
  });
  rd.layout.gradeFactors = { ...t.cells, byIndicator };
}

/** Drop undefined values so an empty cell reads as an absent field. */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = prune(x);
  return out;
}

function cellFor(rd: Reader, path: Path): string | undefined {
  for (let n = path.length; n >= 1; n--) {
    const a = rd.where.get(pathKey(path.slice(0, n)));
    if (a) return a;
  }
  return undefined;
}

function sheetMessage(rd: Reader, issue: SchemeIssue, raw: unknown, sheet: string): string {
  const d = describePath(issue.path, raw);
  const a = cellFor(rd, issue.path);
  const text = issue.text.replace("{F}", fieldText(d, false));
  return a ? `${sheet}!${a}：${text}` : `${sheet}（${d.where}）：${text.replace(/^：/, "")}`;
}

/** Messages top to bottom, left to right, as a clerk goes through the sheet; those without a cell first. */
function inSheetOrder(messages: string[], sheet: string): string[] {
  const at = (m: string): [number, number] => {
    const x = /^([A-Z]+)(\d+)：/.exec(m.startsWith(`${sheet}!`) ? m.slice(sheet.length + 1) : "");
    if (!x) return [0, 0];
    let col = 0;
    for (const ch of x[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(x[2]), col];
  };
  return messages
    .map((m, i) => ({ m, i, p: at(m) }))
    .sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.m);
}

export function readSchemeSheet(values: Grid, sheet: string = SCHEME_SHEET): SchemeFromSheet {
  const rd = new Reader(values, sheet);
  const raw = buildTop(rd, readSettings(rd));
  raw.indicators = readIndicators(rd, values);
  readTables(rd, raw);
  const clean = prune(raw) as Record<string, unknown>;
  // Blank leaderboard and ranking rows mean the defaults; an empty rewards block means none.
  for (const k of ["leaderboard", "ranking", "rewards"]) {
    const v = clean[k];
    if (v && typeof v === "object" && Object.keys(v).length === 0) delete clean[k];
  }
  const v = validateScheme(clean);
  const fresh = v.issues.filter((i) => !rd.problemCells.has(cellFor(rd, i.path) ?? ""));
  const messages = inSheetOrder([...rd.problems, ...fresh.map((i) => sheetMessage(rd, i, clean, sheet))], sheet);
  if (messages.length || !v.scheme) throw new SchemeError(messages);
  return {
    scheme: v.scheme,
    warnings: inSheetOrder(
      v.warnings.map((w) => sheetMessage(rd, w, clean, sheet)),
      sheet
    ),
    layout: rd.layout,
  };
}
