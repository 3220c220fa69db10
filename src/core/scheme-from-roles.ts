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

export type { ColumnRole } from "./role-guess";

/** A column's role in the draft (完成数 and 任务数 are settings: see SchemeSettings.progress). */
export type DraftRole = Exclude<ColumnRole, "done" | "task">;

/** Every role, in the order the pane offers them. */
export const ROLES: readonly DraftRole[] = [
  "indicator",
  "veto",
  "bonus",
  "deduction",
  "coefficient",
  "group",
  "name",
  "fine",
  "previousRank",
  "ignore",
];

/** Roles that at most one column can have. */
const SINGLE_ROLES: readonly DraftRole[] = ["name", "group", "coefficient", "previousRank"];

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

export function draftFromTable(sheet: string, table: DetectedTable, values?: unknown[][]): SchemeDraft {
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
  return { sheet, headerRow: table.headerRow, columns, settings };
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

export function updateColumn(draft: SchemeDraft, letter: string, patch: Partial<Pick<ColumnDraft, "fineAmount">>): SchemeDraft {
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
function indicatorProblems(c: ColumnDraft, ind: IndicatorDraft): string[] {
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
      need("target", "目标值");
      if (finite(ind.target) && ind.target <= 0) out.push(`${at}：目标值应大于 0`);
      break;
    case "limit":
      need("limit", "限值");
      if (finite(ind.step) !== finite(ind.deduct)) out.push(`${at}：步长与每步扣分须同时填写（或都不填）`);
      break;
    case "efficacy":
      need("good", "满意值");
      need("bad", "不允许值");
      if (finite(ind.good) && finite(ind.bad) && sameValue(ind.good, ind.bad)) out.push(`${at}：满意值与不允许值不能相同`);
      break;
  }
  return out;
}

function indicatorOf(draft: SchemeDraft, c: ColumnDraft): Indicator {
  const ind = c.indicator as IndicatorDraft;
  const out: Indicator = { name: ind.name.trim(), column: columnRef(draft, c), method: ind.method, points: ind.points };
  for (const key of METHOD_PARAMS[ind.method]) {
    const v = (ind as Partial<Indicator>)[key];
    if (v !== undefined) (out as unknown as Record<string, unknown>)[key] = v;
  }
  return out;
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
  if (indicators.length === 0) problems.push("请至少把一列设为“指标”");
  for (const c of indicators) problems.push(...indicatorProblems(c, c.indicator ?? defaultIndicator(c)));
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

  const ordered = indicators
    .map((c, i) => ({ c, i, order: c.indicator?.order ?? Infinity }))
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map(({ c }) => c);
  const ref = (c: ColumnDraft) => columnRef(draft, c);
  const json: Scheme = {
    name: s.name,
    data: { sheet: draft.sheet, headerRow: draft.headerRow, name: name ? ref(name) : "", ...(group ? { group: ref(group) } : {}) },
    indicators: ordered.map((c) => indicatorOf(draft, c)),
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
  scheme.indicators.forEach((ind, order) => {
    const { column, ...rest } = ind;
    assign(column, "indicator", `指标“${ind.name}”的数据列`, { indicator: { ...rest, order } });
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
