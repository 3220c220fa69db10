/**
 * The task pane's editable form of a scheme: one entry per column of the clerk's table, with its role
 * (指标 with method and points, 否决, 加分, 扣分, 系数, 分组, 单位, 罚款, 上年名次, 忽略), plus the settings that
 * belong to no column or to more than one role (name, grades, awards, rewards, leaderboard size; the 分阶段调度
 * columns — 任务数 and 完成数, one column or one per stage — since a 完成数 column may also be scored, as the last
 * dispatch's count often is).
 *
 * API
 * - `draftFromTable(sheet, table, values?)`: a first draft from a detected table and the guessed roles; it always
 *   builds into a valid scheme, so one click gets a clerk from their sheet to a scoring workbook.
 * - `schemeFromDraft(draft)` → `{ scheme, warnings }` in normal form (validated by parseScheme), or throws
 *   SchemeError with one Chinese line per problem, naming the column (`C列（参保率）：完成率法须填写目标值`).
 * - `draftFromScheme(scheme, table)` → `{ draft, warnings }`: a saved scheme back onto the data sheet's columns
 *   for editing (warnings name what the draft cannot hold, e.g. a column the data sheet no longer has).
 * - `keepEdits(old, fresh)`: the same table detected again, the clerk's edits kept where the columns still are.
 * - `setColumnRole`, `setIndicatorMethod`, `updateIndicator`, `updateColumn`, `totalPoints`, `columnRef`,
 *   `columnTexts` (a column's entries as KH.DRAW reads them): edits and helpers.
 * Columns are named in the scheme by their header text when that is unique in the header row, else by letter.
 *
 * Scheme version 2 (SPEC §3.1) roles: 评议票数 (every vote column makes one 民主评议 indicator, settings.vote),
 * 平时成绩 / 目标列 / 分母列 (each `of` an indicator column: blended in, its per-unit target — limit, good for those
 * methods — or the divisor), 集体经济奖金 (报酬's collective part, settings.pay). Settings: the 加减分台账
 * (settings.ledger), 单项末位 indicator names, 报酬's numbers. An indicator may also carry periodic columns of other
 * sheets (`1月!党建`, from guessMonthColumns) in its `periodic`.
 */
import type { DetectedTable } from "./table-detect";
import { ColumnRole, guessRoles, pointsInHeader } from "./role-guess";
import { Indicator, Method, Scheme } from "./scheme/types";
import { ParsedScheme, parseScheme } from "./scheme/parse";
import { SchemeError } from "./scheme/errors";
import { METHOD_PARAMS } from "./scheme/validate";
import { METHOD_NAMES } from "./scheme/labels";
import { headerKey } from "./data-table";
import { DEFAULT_GRADE_FACTORS } from "./scoring-methods";
import { DEFAULT_SCHEDULE } from "./stage";
import { columnIndex } from "./sheet-model";
import { isBlank } from "./values";
import { sameValue } from "./round";
import { Ledger, Pay, isColumnParam } from "./scheme/types";
import { RATE_METHODS } from "./scheme/validate";
import { SheetTable, guessLedger, guessMonthColumns } from "./v2-guess";

export type { ColumnRole } from "./role-guess";

/** A column's role in the draft (完成数 and 任务数 are settings: see SchemeSettings.progress). */
export type DraftRole = Exclude<ColumnRole, "done" | "task">;

/** Every role, in the order the pane offers them. */
export const ROLES: readonly DraftRole[] = [
  "indicator",
  "vote",
  "periodic",
  "targetColumn",
  "perColumn",
  "veto",
  "bonus",
  "deduction",
  "coefficient",
  "group",
  "name",
  "fine",
  "previousRank",
  "collective",
  "ignore",
];

/** Roles that at most one column can have. */
const SINGLE_ROLES: readonly DraftRole[] = ["name", "group", "coefficient", "previousRank", "collective"];

/** Roles that belong to an indicator column (`of`). */
export const OF_ROLES: readonly DraftRole[] = ["periodic", "targetColumn", "perColumn"];

/** An indicator being edited: the scheme's indicator less its column (the draft's column holds it). */
export type IndicatorDraft = Omit<Indicator, "column"> & {
  /** Position in a loaded scheme, so saving keeps the clerk's order of indicators. */
  order?: number;
};

export interface ColumnDraft {
  /** Column letter on the data sheet ("C"); the column's identity in the draft. */
  letter: string;
  /** Header text ("" for none). */
  header: string;
  role: DraftRole;
  /** The data's range, for parameter defaults. */
  min?: number;
  max?: number;
  /** Set while the column is an indicator; kept when the role changes away so switching back restores it. */
  indicator?: IndicatorDraft;
  /** 罚款: amount per occurrence. */
  fineAmount?: number;
  /** 平时成绩, 目标列, 分母列: the letter of the indicator column it belongs to. */
  of?: string;
}

export interface SchemeSettings {
  name: string;
  vetoMode: "exclude" | "zero";
  precision: number;
  dense: boolean;
  top: number;
  bottom: number;
  /** null: no cap (不设上限). */
  bonusCap: number | null;
  deductionCap: number | null;
  /** (minimum score, grade). */
  grades: [number, string][];
  /** (award, quota, minimum score), best first. */
  awards: [string, number, number][];
  /** (rank bound, amount) as in KH.RANKBONUS. */
  byRank: [number, number][];
  /** 达标奖励: the column's letter, and (threshold, amount) tiers. */
  threshold?: { letter: string; tiers: [number, number][] };
  /** 进步奖励 tiers on (previous rank − rank); the column is the one with role previousRank. */
  improvementTiers: [number, number][];
  /** Cumulative share required at each dispatch stage. */
  stages: number[];
  /** 分阶段调度: letters of the 任务数 column and of the 完成数 column (one, or one per stage in stage order). */
  progress?: { task?: string; done: string[] };
  /** The Word bulletin's wording, kept as the scheme has it (the pane does not edit it; the 考核方案 sheet does). */
  bulletin?: Scheme["bulletin"];
  /** 民主评议 made of the 评议票数 columns (in column order): its name, points, one weight per column. */
  vote?: { name: string; points: number; weights: number[]; order?: number };
  /** 报酬's numbers (集体经济 is the column with role collective); none: no pay. */
  pay?: { base: number; amount: number; full: number; pass: number };
  /** 加减分台账 on another sheet. */
  ledger?: Ledger;
  /** 单项末位: indicator names. */
  disqualifyLast?: string[];
  /** Other sheets' tables, as the scheme had them (kept for the round trip). */
  sheets?: Scheme["sheets"];
}

/** Default weight of a vote column by its header (1, 0.6, 0 for 满意, 基本满意, 不满意). */
export function voteWeight(header: string, all: readonly string[]): number {
  const h = headerKey(header).replace(/票数?$|数$/, "");
  const top = all.some((x) => headerKey(x).startsWith("非常满意"));
  const weights: Record<string, number> = {
    非常满意: 1,
    满意: top ? 0.8 : 1,
    比较满意: 0.8,
    基本满意: 0.6,
    一般: 0.4,
    不满意: 0,
    不了解: 0,
  };
  return weights[h] ?? 0;
}

export interface SchemeDraft {
  sheet: string;
  /** 1-based header row on the data sheet. */
  headerRow: number;
  columns: ColumnDraft[];
  settings: SchemeSettings;
}

export const DEFAULT_GRADES: readonly [number, string][] = [
  [90, "优秀"],
  [80, "良好"],
  [60, "合格"],
  [0, "不合格"],
];

export function defaultSettings(name: string): SchemeSettings {
  return {
    name,
    vetoMode: "exclude",
    precision: 2,
    dense: false,
    top: 3,
    bottom: 3,
    bonusCap: null,
    deductionCap: null,
    grades: DEFAULT_GRADES.map(([a, b]) => [a, b]),
    awards: [],
    byRank: [],
    improvementTiers: [],
    stages: [...DEFAULT_SCHEDULE],
  };
}

/** “党建(20分)” → “党建”: the header without the points written in it. */
export function indicatorNameOf(header: string): string {
  const name = header
    .replace(/[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]/g, "")
    .replace(/\d+(?:\.\d+)?\s*分$/, "")
    .trim();
  return name || header;
}

/** Two significant decimals are enough for a starting value a clerk will look at. */
function nice(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Parameters of a method with starting values from the column's data (the clerk confirms them). */
export function methodDefaults(method: Method, column: Pick<ColumnDraft, "min" | "max">): Partial<IndicatorDraft> {
  const { min, max } = column;
  switch (method) {
    case "target":
      // The best unit reaches full points; 1 (100%) when there is no data yet.
      return { target: max !== undefined && max > 0 ? nice(max) : 1, cap: 1 };
    case "limit":
      // The worst value as the limit: nobody loses points until the clerk sets the real limit.
      return { limit: max !== undefined ? nice(max) : 0 };
    case "efficacy": {
      const good = max !== undefined ? nice(max) : 100;
      let bad = min !== undefined ? nice(min) : 0;
      if (sameValue(good, bad)) bad = good > 0 ? 0 : good - 1;
      return { good, bad, base: 0.6 };
    }
    case "grade":
      return { grades: { ...DEFAULT_GRADE_FACTORS } };
    case "rank":
      return { step: 1 };
    default:
      return {};
  }
}

export function defaultIndicator(column: Pick<ColumnDraft, "header" | "min" | "max">, method?: Method, points?: number): IndicatorDraft {
  const m: Method = method ?? "points";
  const stated = pointsInHeader(column.header);
  const p = points ?? stated ?? (m === "points" ? Math.max(1, Math.ceil(column.max ?? 10)) : 10);
  return { name: indicatorNameOf(column.header), method: m, points: p, ...methodDefaults(m, column) };
}

/** A title above the header ("2025年度村级目标管理考核数据" → "2025年度村级目标管理考核"), else “<sheet>考核”. */
export function schemeNameFrom(sheet: string, values: readonly (readonly unknown[])[] | undefined, headerRow: number): string {
  for (let r = 0; r < headerRow - 1; r++) {
    const first = (values?.[r] ?? []).find((c) => typeof c === "string" && !isBlank(c)) as string | undefined;
    if (first) {
      const name = first.trim().replace(/(数据|数据表|统计表|汇总表|明细表|表)$/, "");
      if (name) return name;
    }
  }
  return /考核$/.test(sheet) ? sheet : `${sheet}考核`;
}

/**
 * @param others the workbook's other sheets (detected tables), for the v2 guesses: a 加减分台账, and month sheets
 *   1月…12月 holding the same units (their columns of an indicator's header become its 平时成绩).
 */
export function draftFromTable(sheet: string, table: DetectedTable, values?: unknown[][], others: readonly SheetTable[] = []): SchemeDraft {
  const guesses = guessRoles(table, values);
  const columns = guesses.map((g): ColumnDraft => {
    const c = g.column;
    const role: DraftRole = g.role === "done" || g.role === "task" ? "ignore" : g.role;
    const draft: ColumnDraft = { letter: c.letter, header: c.header, role };
    if (c.min !== undefined) draft.min = c.min;
    if (c.max !== undefined) draft.max = c.max;
    if (g.role === "indicator") {
      // A quantity (万元, 户…) well above any points value is not an entered score: compare it with the best unit.
      const quantity = g.method === "points" && pointsInHeader(c.header) === undefined && (c.max ?? 0) > 100;
      draft.indicator = quantity ? defaultIndicator(draft, "benchmark", 10) : defaultIndicator(draft, g.method, g.points);
    }
    if (g.role === "fine") draft.fineAmount = 0;
    return draft;
  });
  const settings = defaultSettings(schemeNameFrom(sheet, values, table.headerRow));
  const done = guesses.find((g) => g.role === "done")?.column.letter;
  const task = guesses.find((g) => g.role === "task")?.column.letter;
  if (done && task) settings.progress = { task, done: [done] };
  const draft: SchemeDraft = { sheet, headerRow: table.headerRow, columns, settings };
  guessV2(draft, done, task);
  if (values) guessFromOthers(draft, { sheet, table, values: values as SheetTable["values"] }, others);
  return draft;
}

/** The indicator a 平时成绩 column belongs to: the one its header names (平时党建 → 党建), else the nearest to its left. */
function ownerOf(columns: readonly ColumnDraft[], c: ColumnDraft): string | undefined {
  const stem = headerKey(c.header).replace(/平时|抽查|成绩|得分|\d+|[(（].*?[)）]/g, "");
  const indicators = columns.filter((x) => x.role === "indicator");
  const named = stem && indicators.find((x) => headerKey(x.header).includes(stem));
  if (named) return named.letter;
  const left = indicators.filter((x) => columnIndex(x.letter) < columnIndex(c.letter));
  return (left[left.length - 1] ?? indicators[0])?.letter;
}

/** 评议票数, 平时成绩 and 任务数 as a rate's denominator (已参保户数 ÷ 任务户数, when no 率 column is there). */
function guessV2(draft: SchemeDraft, done: string | undefined, task: string | undefined): void {
  const { columns, settings } = draft;
  const votes = columns.filter((c) => c.role === "vote");
  if (votes.length) settings.vote = defaultVote(votes);
  for (const c of columns.filter((x) => x.role === "periodic")) {
    c.of = ownerOf(columns, c);
    const owner = columns.find((x) => x.letter === c.of);
    if (owner?.indicator && owner.indicator.periodicWeight === undefined) owner.indicator.periodicWeight = 0.3;
  }
  const hasRate = columns.some((c) => c.role === "indicator" && /率/.test(c.header));
  const doneColumn = columns.find((c) => c.letter === done);
  const taskColumn = columns.find((c) => c.letter === task);
  if (doneColumn && taskColumn && !hasRate) {
    doneColumn.role = "indicator";
    doneColumn.indicator = {
      name: `${indicatorNameOf(doneColumn.header).replace(/户数|人数|数$/, "")}完成率`,
      method: "target",
      points: 10,
      target: 1,
      cap: 1,
    };
    Object.assign(taskColumn, { role: "perColumn", of: doneColumn.letter });
  }
}

/** The 加减分台账 and month sheets among the workbook's other sheets. */
function guessFromOthers(draft: SchemeDraft, data: SheetTable, others: readonly SheetTable[]): void {
  for (const o of others) {
    const ledger = guessLedger(o.sheet, o.table);
    if (ledger) {
      draft.settings.ledger = ledger;
      break;
    }
  }
  const months = guessMonthColumns(data, others);
  for (const c of draft.columns) {
    const refs = months.get(c.header);
    if (c.role !== "indicator" || !c.indicator || !refs || !RATE_METHODS.includes(c.indicator.method)) continue;
    c.indicator.periodic = refs;
    c.indicator.periodicWeight ??= 0.3;
  }
}

function replaceColumn(draft: SchemeDraft, letter: string, change: (c: ColumnDraft) => ColumnDraft): SchemeDraft {
  return { ...draft, columns: draft.columns.map((c) => (c.letter === letter ? change(c) : c)) };
}

/**
 * Give a column a role. A role only one column can have (单位, 分组, 系数, 上年名次, 完成数, 任务数) is taken from
 * the column that had it (that one becomes 忽略). A column becoming an indicator gets defaults from its data.
 */
export function setColumnRole(draft: SchemeDraft, letter: string, role: DraftRole): SchemeDraft {
  const columns = draft.columns.map((c): ColumnDraft => {
    if (c.letter === letter) {
      const next: ColumnDraft = { ...c, role };
      if (role === "indicator" && !next.indicator) next.indicator = defaultIndicator(c);
      if (role === "fine" && next.fineAmount === undefined) next.fineAmount = 0;
      if (OF_ROLES.includes(role) && !next.of) next.of = ownerOf(draft.columns, c);
      return next;
    }
    return SINGLE_ROLES.includes(role) && c.role === role ? { ...c, role: "ignore" } : c;
  });
  return { ...draft, columns };
}

/** Change an indicator's method, filling the new method's parameters that are not set yet. */
export function setIndicatorMethod(draft: SchemeDraft, letter: string, method: Method): SchemeDraft {
  return replaceColumn(draft, letter, (c) => {
    const base = c.indicator ?? defaultIndicator(c, method);
    const filled: IndicatorDraft = { ...base, method };
    const defaults = methodDefaults(method, c);
    for (const key of Object.keys(defaults) as (keyof IndicatorDraft)[]) {
      if (filled[key] === undefined) (filled as unknown as Record<string, unknown>)[key] = defaults[key];
    }
    return { ...c, indicator: filled };
  });
}

/**
 * The same table detected again (the clerk may have added, removed or renamed columns since): the edits are kept
 * for every column still there under the same letter and header, fresh guesses taken for the others.
 */
export function keepEdits(old: SchemeDraft, fresh: SchemeDraft): SchemeDraft {
  const same = (a: ColumnDraft, b: ColumnDraft) => a.letter === b.letter && headerKey(a.header) === headerKey(b.header);
  const kept = new Set<string>();
  const columns = fresh.columns.map((c) => {
    const before = old.columns.find((o) => same(o, c));
    if (!before) return c;
    kept.add(c.letter);
    return { ...before, min: c.min, max: c.max };
  });
  const progress = old.settings.progress;
  const settings: SchemeSettings = {
    ...old.settings,
    ...(old.settings.threshold && !kept.has(old.settings.threshold.letter) ? { threshold: undefined } : {}),
    progress: progress
      ? {
          ...(progress.task && kept.has(progress.task) ? { task: progress.task } : {}),
          done: progress.done.map((l) => (kept.has(l) ? l : "")),
        }
      : fresh.settings.progress,
  };
  return { ...fresh, columns, settings };
}

/** Update an indicator's fields (name, points, parameters). */
export function updateIndicator(draft: SchemeDraft, letter: string, patch: Partial<IndicatorDraft>): SchemeDraft {
  return replaceColumn(draft, letter, (c) => ({ ...c, indicator: { ...(c.indicator ?? defaultIndicator(c)), ...patch } }));
}

export function updateColumn(draft: SchemeDraft, letter: string, patch: Partial<Pick<ColumnDraft, "fineAmount" | "of">>): SchemeDraft {
  return replaceColumn(draft, letter, (c) => ({ ...c, ...patch }));
}

/** Σ points of the indicators. */
export function totalPoints(draft: SchemeDraft): number {
  // A points field being typed may be blank for a moment: it counts as 0 here (and is an error when building).
  return draft.columns.reduce(
    (sum, c) => sum + (c.role === "indicator" && finite(c.indicator?.points) ? (c.indicator?.points as number) : 0),
    0
  );
}

/** How the scheme names a column: its header when no other column has the same header, else its letter. */
export function columnRef(draft: Pick<SchemeDraft, "columns">, column: ColumnDraft): string {
  const key = headerKey(column.header);
  if (!key) return column.letter;
  const same = draft.columns.filter((c) => headerKey(c.header) === key).length;
  return same === 1 ? column.header : column.letter;
}

/** “C列（参保率）”, for messages. */
export function columnLabel(column: ColumnDraft): string {
  return column.header ? `${column.letter}列（${column.header}）` : `${column.letter}列`;
}

/** A finite number (a per-unit `{column}` parameter is not one: the pane's drafts hold numbers only). */
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Problems the scheme's validation would name by indicator; named here by column, as the clerk sees them. */
function indicatorProblems(c: ColumnDraft, ind: IndicatorDraft, ownTarget = false): string[] {
  const at = columnLabel(c);
  const method = METHOD_NAMES[ind.method];
  const out: string[] = [];
  const need = (key: keyof IndicatorDraft, label: string) => {
    if (!finite(ind[key] as number | undefined)) out.push(`${at}：${method}须填写${label}`);
  };
  if (!ind.name.trim()) out.push(`${at}：指标名称不能为空`);
  if (!finite(ind.points) || ind.points < 0) out.push(`${at}：分值应为不小于 0 的数值`);
  switch (ind.method) {
    case "target":
      if (!ownTarget) need("target", "目标值");
      if (finite(ind.target) && ind.target <= 0) out.push(`${at}：目标值应大于 0`);
      break;
    case "limit":
      if (!ownTarget) need("limit", "限值");
      if (finite(ind.step) !== finite(ind.deduct)) out.push(`${at}：步长与每步扣分须同时填写（或都不填）`);
      break;
    case "efficacy":
      if (!ownTarget) need("good", "满意值");
      need("bad", "不允许值");
      if (finite(ind.good) && finite(ind.bad) && sameValue(ind.good, ind.bad)) out.push(`${at}：满意值与不允许值不能相同`);
      break;
  }
  return out;
}

/** The parameter a 目标列 gives each method: the target, the limit, the good value. */
const OWN_PARAM: Partial<Record<Method, "target" | "limit" | "good">> = { target: "target", limit: "limit", efficacy: "good" };

function indicatorOf(draft: SchemeDraft, c: ColumnDraft): Indicator {
  const ind = c.indicator as IndicatorDraft;
  const out: Indicator = { name: ind.name.trim(), column: columnRef(draft, c), method: ind.method, points: ind.points };
  for (const key of METHOD_PARAMS[ind.method]) {
    const v = (ind as Partial<Indicator>)[key];
    if (v !== undefined) (out as unknown as Record<string, unknown>)[key] = v;
  }
  const mine = (role: DraftRole) => draft.columns.filter((x) => x.role === role && x.of === c.letter);
  const own = mine("targetColumn")[0];
  const param = OWN_PARAM[ind.method];
  if (own && param) out[param] = { column: columnRef(draft, own) };
  if (!RATE_METHODS.includes(ind.method)) return out;
  const per = mine("perColumn")[0];
  if (per) out.per = columnRef(draft, per);
  const periodic = [...(ind.periodic ?? []), ...mine("periodic").map((x) => columnRef(draft, x))];
  if (periodic.length) {
    out.periodic = periodic;
    out.periodicWeight = ind.periodicWeight ?? 0.3;
  }
  return out;
}

/** Problems of the v2 roles and settings, named by column. */
function v2Problems(draft: SchemeDraft): string[] {
  const out: string[] = [];
  for (const c of draft.columns.filter((x) => OF_ROLES.includes(x.role))) {
    const owner = draft.columns.find((x) => x.letter === c.of);
    if (!owner || owner.role !== "indicator") out.push(`${columnLabel(c)}：${ROLE_WORDS[c.role]}须指定所属的指标列`);
    else if (c.role === "targetColumn" && !OWN_PARAM[owner.indicator?.method ?? "points"])
      out.push(`${columnLabel(c)}：${columnLabel(owner)}的计分方法没有目标值、限值或满意值，不能设目标列`);
    else if (c.role !== "targetColumn" && !RATE_METHODS.includes(owner.indicator?.method ?? "points"))
      out.push(`${columnLabel(c)}：${columnLabel(owner)}的计分方法不能${c.role === "perColumn" ? "除以分母列" : "并入平时成绩"}`);
  }
  const vote = draft.settings.vote;
  const votes = draft.columns.filter((c) => c.role === "vote");
  if (votes.length && vote && vote.weights.length !== votes.length)
    out.push(`民主评议：有 ${votes.length} 个票数列，权重却有 ${vote.weights.length} 个`);
  return out;
}

/** 民主评议 as first guessed: 10 points, each vote column weighted by its header. */
function defaultVote(votes: readonly ColumnDraft[]): NonNullable<SchemeSettings["vote"]> {
  const headers = votes.map((x) => x.header);
  return { name: "民主评议", points: 10, weights: headers.map((h) => voteWeight(h, headers)) };
}

/** The 民主评议 indicator made of the 评议票数 columns. */
function voteIndicator(draft: SchemeDraft): (Indicator & { order: number }) | undefined {
  const votes = draft.columns.filter((c) => c.role === "vote");
  if (!votes.length) return undefined;
  const v = draft.settings.vote ?? defaultVote(votes);
  const columns = votes.map((c) => columnRef(draft, c));
  return { name: v.name, column: columns[0], method: "vote", points: v.points, columns, weights: v.weights, order: v.order ?? Infinity };
}

/** 报酬: the settings' numbers and the 集体经济奖金 column. */
function payOf(draft: SchemeDraft): Pay | undefined {
  const p = draft.settings.pay;
  if (!p) return undefined;
  const collective = draft.columns.find((c) => c.role === "collective");
  return { ...p, ...(collective ? { collective: { column: columnRef(draft, collective) } } : {}) };
}

/** The scheme of a draft, validated and in normal form; SchemeError lists every problem. */
export function schemeFromDraft(draft: SchemeDraft): ParsedScheme {
  const problems: string[] = [];
  const warnings: string[] = [];
  const s = draft.settings;
  const withRole = (role: DraftRole) => draft.columns.filter((c) => c.role === role);
  const single = (role: DraftRole, label: string): ColumnDraft | undefined => {
    const list = withRole(role);
    if (list.length > 1) problems.push(`${label}只能有一列，现在有${list.length}列：${list.map(columnLabel).join("、")}`);
    return list[0];
  };

  const name = single("name", "单位列");
  if (!name) problems.push("请指定单位列（被考核单位名称所在的列）");
  const group = single("group", "分组列");
  const coefficient = single("coefficient", "系数列");
  const previous = single("previousRank", "上年名次列");
  const letterOf = (letter: string | undefined, what: string): ColumnDraft | undefined => {
    if (!letter) return undefined;
    const c = draft.columns.find((x) => x.letter === letter);
    if (!c) problems.push(`${what} ${letter} 列不在数据表中`);
    return c;
  };
  const task = letterOf(s.progress?.task, "任务数列");
  const dones = (s.progress?.done ?? [])
    .map((l, k, all) => letterOf(l, all.length > 1 ? `第${k + 1}次调度的完成数列` : "完成数列"))
    .filter((c): c is ColumnDraft => !!c);

  const indicators = withRole("indicator");
  if (indicators.length === 0 && withRole("vote").length === 0) problems.push("请至少把一列设为“指标”");
  for (const c of indicators) {
    const ownTarget = draft.columns.some((x) => x.role === "targetColumn" && x.of === c.letter);
    problems.push(...indicatorProblems(c, c.indicator ?? defaultIndicator(c), ownTarget));
  }
  problems.push(...v2Problems(draft));
  const fines = withRole("fine");
  for (const f of fines) if (!finite(f.fineAmount) || f.fineAmount < 0) problems.push(`${columnLabel(f)}：罚款须填写不小于 0 的每次金额`);
  if (dones.length && !task) problems.push(`分阶段调度：已设完成数列 ${dones.map(columnLabel).join("、")}，还须设任务数列`);
  if (task && !dones.length) problems.push(`分阶段调度：已设任务数列 ${columnLabel(task)}，还须设完成数列`);
  if (dones.length > 1 && dones.length !== s.stages.length) {
    problems.push(`分阶段调度：完成数列有 ${dones.length} 列（每次调度一列），应与各阶段要求的 ${s.stages.length} 个阶段一一对应`);
  }
  const threshold = s.threshold && draft.columns.find((c) => c.letter === s.threshold?.letter);
  if (s.threshold && s.threshold.tiers.length && !threshold) problems.push(`达标奖励的数据列 ${s.threshold.letter} 不在数据表中`);
  if (problems.length) throw new SchemeError(problems);

  for (const f of fines) if (f.fineAmount === 0) warnings.push(`${columnLabel(f)}：罚款每次金额为 0，请填写金额`);
  if (previous && s.improvementTiers.length === 0)
    warnings.push(`已设上年名次列 ${columnLabel(previous)}，但没有进步奖励档次，不计进步奖励`);
  if (!previous && s.improvementTiers.length) warnings.push("有进步奖励档次，但没有设上年名次列，不计进步奖励");
  const collective = withRole("collective")[0];
  if (collective && !s.pay) warnings.push(`已设集体经济奖金列 ${columnLabel(collective)}，但没有填写报酬（绩效工资额），不计报酬`);

  const ordered = indicators
    .map((c, i) => ({ c, i, order: c.indicator?.order ?? Infinity }))
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map(({ c }) => c);
  const ref = (c: ColumnDraft) => columnRef(draft, c);
  const vote = voteIndicator(draft);
  const withOrder: (Indicator & { order: number })[] = ordered.map((c, i) => ({
    ...indicatorOf(draft, c),
    order: c.indicator?.order ?? i,
  }));
  if (vote) withOrder.splice(vote.order === Infinity ? withOrder.length : withOrder.filter((x) => x.order < vote.order).length, 0, vote);
  const pay = payOf(draft);
  const json: Scheme = {
    name: s.name,
    data: { sheet: draft.sheet, headerRow: draft.headerRow, name: name ? ref(name) : "", ...(group ? { group: ref(group) } : {}) },
    indicators: withOrder.map(({ order: _order, ...ind }) => ind),
    vetoes: withRole("veto").map(ref),
    vetoMode: s.vetoMode,
    bonus: { columns: withRole("bonus").map(ref), cap: s.bonusCap },
    deduction: { columns: withRole("deduction").map(ref), cap: s.deductionCap },
    ...(coefficient ? { coefficient: ref(coefficient) } : {}),
    precision: s.precision,
    ranking: { dense: s.dense },
    leaderboard: { top: s.top, bottom: s.bottom },
    grades: s.grades,
    awards: s.awards,
    rewards: {
      byRank: s.byRank,
      ...(threshold && s.threshold?.tiers.length ? { byThreshold: { column: ref(threshold), tiers: s.threshold.tiers } } : {}),
      ...(previous && s.improvementTiers.length ? { byImprovement: { column: ref(previous), tiers: s.improvementTiers } } : {}),
    },
    fines: fines.map((f) => ({ column: ref(f), amount: f.fineAmount as number })),
    ...(dones.length && task
      ? { progress: { done: dones.length === 1 ? ref(dones[0]) : dones.map(ref), task: ref(task), stages: s.stages } }
      : {}),
    ...(s.bulletin ? { bulletin: s.bulletin } : {}),
    ...(s.ledger ? { ledger: s.ledger } : {}),
    ...(s.disqualifyLast?.length ? { disqualifyLast: s.disqualifyLast } : {}),
    ...(pay ? { pay } : {}),
    ...(s.sheets && Object.keys(s.sheets).length ? { sheets: s.sheets } : {}),
  };
  const parsed = parseScheme(json);
  return { scheme: parsed.scheme, warnings: [...parsed.warnings, ...warnings] };
}

/** The draft column a scheme's column reference names: by header (as the data table compares them), else by letter. */
function findColumn(columns: readonly ColumnDraft[], ref: string): ColumnDraft | undefined {
  const key = headerKey(ref);
  const byHeader = columns.filter((c) => headerKey(c.header) === key);
  if (byHeader.length === 1) return byHeader[0];
  if (/^[A-Za-z]{1,3}$/.test(key)) {
    const index = columnIndex(key.toUpperCase());
    return columns.find((c) => columnIndex(c.letter) === index);
  }
  return undefined;
}

/**
 * A saved scheme onto the columns of its data sheet, for editing. Columns the scheme does not use are 忽略.
 * What the draft cannot hold is dropped with a warning: a column missing from the data sheet, a second use of one
 * column (the first wins; an indicator may also be the 达标奖励 column).
 */
export function draftFromScheme(scheme: Scheme, table: DetectedTable): { draft: SchemeDraft; warnings: string[] } {
  const warnings: string[] = [];
  const columns: ColumnDraft[] = table.columns.map((c) => ({
    letter: c.letter,
    header: c.header,
    role: "ignore",
    ...(c.min !== undefined ? { min: c.min } : {}),
    ...(c.max !== undefined ? { max: c.max } : {}),
  }));
  const assign = (ref: string, role: DraftRole, what: string, extra?: Partial<ColumnDraft>): ColumnDraft | undefined => {
    const c = findColumn(columns, ref);
    if (!c) {
      warnings.push(`方案的${what}“${ref}”在“${scheme.data.sheet}”第${scheme.data.headerRow}行的表头中找不到，已略去`);
      return undefined;
    }
    if (c.role !== "ignore") {
      warnings.push(`${columnLabel(c)}在方案中既是${ROLE_WORDS[c.role]}又是${what}，只保留${ROLE_WORDS[c.role]}`);
      return undefined;
    }
    Object.assign(c, { role, ...extra });
    return c;
  };

  assign(scheme.data.name, "name", "单位列");
  if (scheme.data.group) assign(scheme.data.group, "group", "分组列");
  const settingsV2: Partial<SchemeSettings> = {};
  scheme.indicators.forEach((ind, order) => {
    if (ind.method === "vote") {
      if (settingsV2.vote) {
        warnings.push(`方案有多个民主评议指标，窗格只能编辑一个：“${ind.name}”已略去`);
        return;
      }
      (ind.columns ?? []).forEach((c) => assign(c, "vote", `指标“${ind.name}”的票数列`));
      settingsV2.vote = { name: ind.name, points: ind.points, weights: [...(ind.weights ?? [])], order };
      return;
    }
    const { column, per, periodic, target, limit, good, bad, ...rest } = ind;
    const own = { target, limit, good, bad };
    const numbers = Object.fromEntries(Object.entries(own).filter(([, v]) => typeof v === "number"));
    const c = assign(column, "indicator", `指标“${ind.name}”的数据列`, { indicator: { ...rest, ...numbers, order } });
    if (!c) return;
    for (const [key, v] of Object.entries(own)) {
      if (!isColumnParam(v)) continue;
      if (key === OWN_PARAM[ind.method]) assign(v.column, "targetColumn", `指标“${ind.name}”的目标列`, { of: c.letter });
      else warnings.push(`指标“${ind.name}”的${key}按列“${v.column}”取值，窗格不能编辑，已略去`);
    }
    if (per) assign(per, "perColumn", `指标“${ind.name}”的分母列`, { of: c.letter });
    const elsewhere = (periodic ?? []).filter((p) => /[!！]/.test(p));
    for (const p of (periodic ?? []).filter((x) => !/[!！]/.test(x)))
      assign(p, "periodic", `指标“${ind.name}”的平时成绩列`, { of: c.letter });
    if (c.indicator) c.indicator.periodic = elsewhere.length ? elsewhere : undefined;
    if (c.indicator && !periodic) delete c.indicator.periodicWeight;
  });
  for (const v of scheme.vetoes ?? []) assign(v, "veto", "否决项");
  for (const b of scheme.bonus?.columns ?? []) assign(b, "bonus", "加分列");
  for (const d of scheme.deduction?.columns ?? []) assign(d, "deduction", "扣分列");
  if (scheme.coefficient) assign(scheme.coefficient, "coefficient", "系数列");
  for (const f of scheme.fines ?? []) assign(f.column, "fine", "罚款列", { fineAmount: f.amount });
  if (scheme.rewards?.byImprovement) assign(scheme.rewards.byImprovement.column, "previousRank", "上年名次列");

  const settings = defaultSettings(scheme.name);
  settings.vetoMode = scheme.vetoMode ?? "exclude";
  settings.precision = scheme.precision ?? 2;
  settings.dense = scheme.ranking?.dense ?? false;
  settings.top = scheme.leaderboard?.top ?? 3;
  settings.bottom = scheme.leaderboard?.bottom ?? 3;
  settings.bonusCap = scheme.bonus?.cap ?? null;
  settings.deductionCap = scheme.deduction?.cap ?? null;
  settings.grades = scheme.grades ? scheme.grades.map(([a, b]) => [a, b]) : [];
  settings.awards = (scheme.awards ?? []).map(([a, b, c]) => [a, b, c]);
  settings.byRank = (scheme.rewards?.byRank ?? []).map(([a, b]) => [a, b]);
  settings.improvementTiers = (scheme.rewards?.byImprovement?.tiers ?? []).map(([a, b]) => [a, b]);
  if (scheme.progress?.stages) settings.stages = [...scheme.progress.stages];
  if (scheme.bulletin) settings.bulletin = { ...scheme.bulletin };
  Object.assign(settings, settingsV2);
  if (scheme.ledger) settings.ledger = { ...scheme.ledger };
  if (scheme.disqualifyLast) settings.disqualifyLast = [...scheme.disqualifyLast];
  if (scheme.sheets) settings.sheets = { ...scheme.sheets };
  if (scheme.pay) {
    const num = (k: "base" | "amount" | "full" | "pass", d: number) => {
      const v = scheme.pay?.[k];
      if (isColumnParam(v)) warnings.push(`报酬的${k}按列“${v.column}”取值，窗格不能编辑，已按 ${d} 计`);
      return typeof v === "number" ? v : d;
    };
    settings.pay = { base: num("base", 0), amount: num("amount", 0), full: num("full", 100), pass: num("pass", 0) };
    const coll = scheme.pay.collective;
    if (isColumnParam(coll)) assign(coll.column, "collective", "报酬的集体经济奖金列");
  }
  if (scheme.progress) {
    // 任务数 and 完成数 columns may also have a role (a 完成数 column is often scored too).
    const find = (ref: string, what: string) => {
      const c = findColumn(columns, ref);
      if (!c) warnings.push(`方案的${what}“${ref}”在“${scheme.data.sheet}”第${scheme.data.headerRow}行的表头中找不到，已略去`);
      return c?.letter;
    };
    const dones = ([] as string[]).concat(scheme.progress.done);
    const done = dones.map((d, k) => find(d, dones.length > 1 ? `第${k + 1}次调度的完成数列` : "完成数列")).filter((l): l is string => !!l);
    const task = find(scheme.progress.task, "任务数列");
    settings.progress = { ...(task ? { task } : {}), done };
  }
  const threshold = scheme.rewards?.byThreshold;
  if (threshold) {
    const c = findColumn(columns, threshold.column);
    if (c) settings.threshold = { letter: c.letter, tiers: threshold.tiers.map(([a, b]) => [a, b]) };
    else warnings.push(`方案的达标奖励数据列“${threshold.column}”在“${scheme.data.sheet}”中找不到，已略去`);
  }
  return { draft: { sheet: scheme.data.sheet, headerRow: scheme.data.headerRow, columns, settings }, warnings };
}

/** Chinese names of the roles, for core messages (the pane has its own translated labels). */
export const ROLE_WORDS: Readonly<Record<DraftRole, string>> = {
  name: "单位列",
  indicator: "指标",
  veto: "否决项",
  bonus: "加分列",
  deduction: "扣分列",
  coefficient: "系数列",
  group: "分组列",
  fine: "罚款列",
  previousRank: "上年名次列",
  vote: "评议票数列",
  periodic: "平时成绩列",
  targetColumn: "目标列",
  perColumn: "分母列",
  collective: "集体经济奖金列",
  ignore: "忽略",
};

/**
 * The entries of a column's unit cells as KH.DRAW reads them (blanks skipped, texts as written, numbers by their
 * 15-digit display form), so a draw made from the pane re-checks with =KH.DRAW over the same cells.
 */
export function columnTexts(values: readonly (readonly unknown[])[], letter: string, rows: readonly number[]): string[] {
  const index = columnIndex(letter);
  const out: string[] = [];
  for (const r of rows) {
    const v = values[r - 1]?.[index];
    if (isBlank(v)) continue;
    if (typeof v === "string") out.push(v);
    else if (typeof v === "number") out.push(String(Number(v.toPrecision(15))));
    else if (typeof v === "boolean") out.push(v ? "TRUE" : "FALSE");
  }
  return out;
}
