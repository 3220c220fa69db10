/**
 * Validating a scheme and bringing it to its normal form. Shared by the JSON file and the 考核方案 sheet, which
 * differ only in how they name the place of a problem.
 *
 * `validateScheme(raw)` → `{ scheme?, issues, warnings }`: zod checks the shape and types, then the rules zod
 * cannot say (each method's required parameters, good ≠ bad, step with deduct, unique names…).
 *
 * The normal form fills every default so the 考核方案 sheet shows it and reading the sheet back gives the same
 * object: each indicator carries its method's parameters (target: cap 1; efficacy: base 0.6; grade: 优1/良0.8/
 * 中0.6/差0.4; rank: step 1) and nothing else; vetoMode, precision, ranking and leaderboard are always present
 * (exclude, 2, not dense, 3/3), progress.stages too (30%…90%); a bonus or deduction cap is a number or null (no
 * cap). Empty lists and sections (no veto columns, no grades, an empty rewards object…) are left out, as are an
 * empty group or coefficient column.
 *
 * Scheme version 2 (SPEC §3.1) in normal form: a per-unit parameter is `{ column }`; a vote indicator carries its
 * `columns`, its `weights` (default 1, 0.6, 0) and, as `column`, its first vote column; `per`, `periodic` and
 * `periodicWeight` are kept only for methods with a numeric value (points, target, limit, efficacy, benchmark);
 * `pay` has base (0), full (100) and pass (0) filled, and a text `collective` becomes `{ column }`.
 */
import * as z from "zod";
import { Indicator, Method, Pay, Scheme } from "./types";
import { Path, SchemeIssue, pathKey } from "./errors";
import { INDICATOR_LABELS, METHOD_NAMES, METHODS } from "./labels";
import { DEFAULT_GRADE_FACTORS } from "../scoring-methods";
import { DEFAULT_SCHEDULE } from "../stage";
import { DEFAULT_VOTE_WEIGHTS } from "../vote-score";
import { sameValue, tieKey } from "../round";

const text = z.string().trim().min(1);
const num = z.number();
const cap = z.number().min(0).nullable().optional();
const tiers = z.array(z.tuple([num, num]));
const columns = z.array(text);

/** A number, or `{"column": …}` for a value each unit reads from its own row (SPEC §3.1). */
const param = z.union([num, z.strictObject({ column: text })]);

const indicatorShape = z.strictObject({
  name: text,
  /** Required except for vote (checked in indicatorRules, so the message can say why). */
  column: text.optional(),
  method: z.enum(METHODS as [Method, ...Method[]]),
  points: num.min(0),
  target: param.optional(),
  cap: num.optional(),
  limit: param.optional(),
  step: num.optional(),
  deduct: num.optional(),
  good: param.optional(),
  bad: param.optional(),
  base: num.optional(),
  grades: z.record(text, num.min(0)).optional(),
  columns: z.array(text).min(1).optional(),
  weights: z.array(num).min(1).optional(),
  per: text.optional(),
  periodic: z.array(text).min(1).optional(),
  periodicWeight: num.min(0).max(1).optional(),
});

const sheetSpec = z.strictObject({ headerRow: z.number().int().min(1).optional(), name: text.optional() });
const ledgerShape = z.strictObject({
  sheet: text,
  headerRow: z.number().int().min(1).optional(),
  unit: text,
  points: text,
  reason: text.optional(),
  date: text.optional(),
});
const payShape = z.strictObject({
  base: param.optional(),
  amount: param,
  full: param.optional(),
  pass: param.optional(),
  // A text is a column, as in the SPEC's example ("collective": "集体经济奖金").
  collective: z.union([num, text, z.strictObject({ column: text })]).optional(),
});

const schemeShape = z.strictObject({
  name: text,
  data: z.strictObject({
    sheet: text,
    headerRow: z.number().int().min(1).optional(),
    name: text,
    group: z.string().trim().optional(),
  }),
  indicators: z.array(indicatorShape).min(1),
  vetoes: columns.optional(),
  vetoMode: z.enum(["exclude", "zero"]).optional(),
  bonus: z.strictObject({ columns, cap }).optional(),
  deduction: z.strictObject({ columns, cap }).optional(),
  coefficient: z.string().trim().optional(),
  precision: z.number().int().min(0).max(9).optional(),
  ranking: z.strictObject({ dense: z.boolean().optional() }).optional(),
  leaderboard: z.strictObject({ top: z.number().int().min(0).optional(), bottom: z.number().int().min(0).optional() }).optional(),
  grades: z.array(z.tuple([num, text])).optional(),
  awards: z.array(z.tuple([text, z.number().int().min(0), num])).optional(),
  rewards: z
    .strictObject({
      byRank: z.array(z.tuple([z.number().int(), num])).optional(),
      byThreshold: z.strictObject({ column: text, tiers }).optional(),
      byImprovement: z.strictObject({ column: text, tiers }).optional(),
    })
    .optional(),
  fines: z.array(z.strictObject({ column: text, amount: num.min(0) })).optional(),
  progress: z
    .strictObject({ done: z.union([text, z.array(text).min(1)]), task: text, stages: z.array(num.gt(0)).min(1).optional() })
    .optional(),
  sheets: z.record(text, sheetSpec).optional(),
  ledger: ledgerShape.optional(),
  disqualifyLast: z.array(text).optional(),
  pay: payShape.optional(),
  bulletin: z
    .strictObject({ office: z.string().trim().optional(), salutation: z.string().trim().optional(), closing: z.string().trim().optional() })
    .optional(),
});

type Parsed = z.infer<typeof schemeShape>;
type ParsedIndicator = z.infer<typeof indicatorShape>;

/** The parameters each method uses, beyond name, column, method and points. */
export const METHOD_PARAMS: Readonly<Record<Method, readonly (keyof Indicator)[]>> = {
  points: [],
  target: ["target", "cap"],
  limit: ["limit", "step", "deduct"],
  efficacy: ["good", "bad", "base"],
  grade: ["grades"],
  benchmark: [],
  rank: ["step"],
  vote: ["columns", "weights"],
};

/** Methods whose value is a number that periodic values can be blended into and `per` can divide. */
export const RATE_METHODS: readonly Method[] = ["points", "target", "limit", "efficacy", "benchmark"];

const TYPE_NAMES: Record<string, string> = {
  number: "数值",
  int: "整数",
  string: "文字",
  boolean: "true 或 false",
  object: "对象（{…}）",
  array: "列表（[…]）",
  tuple: "列表（[…]）",
  record: "对象（{…}）",
  null: "null",
};

/** A value as it reads in a message: “text” for a text, 2.5 or [1,2] otherwise. */
export function showValue(v: unknown): string {
  if (typeof v === "string") return `“${v}”`;
  if (v === undefined) return "空";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** “而不是“二十”” or “而不是 2.5”. */
function butNot(v: unknown): string {
  return typeof v === "string" ? `而不是${showValue(v)}` : `而不是 ${showValue(v)}`;
}

function valueAt(raw: unknown, path: Path): unknown {
  let v = raw;
  for (const p of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** A zod issue as a scheme issue with Chinese text. */
function fromZod(issue: z.core.$ZodIssue, raw: unknown): SchemeIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const input = valueAt(raw, path);
  switch (issue.code) {
    case "invalid_type": {
      if (input === undefined) return { path, text: "缺少{F}" };
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return { path, text: `{F}应为${expected}，${butNot(input)}` };
    }
    case "too_small": {
      if (issue.origin === "string") return { path, text: "{F}不能为空" };
      if (issue.origin === "array") return { path, text: `{F}至少要有${issue.minimum}项` };
      return { path, text: `{F}应${issue.inclusive ? "不小于" : "大于"} ${issue.minimum}，${butNot(input)}` };
    }
    case "too_big":
      return { path, text: `{F}应${issue.inclusive ? "不大于" : "小于"} ${issue.maximum}，${butNot(input)}` };
    case "invalid_value": {
      const options = issue.values.map((v) =>
        path[path.length - 1] === "method" ? `${String(v)}（${METHOD_NAMES[v as Method]}）` : String(v)
      );
      return { path, text: `{F}应为 ${options.join("、")} 之一，${butNot(input)}` };
    }
    case "unrecognized_keys":
      return { path, text: `不认识的字段${issue.keys.map((k) => `“${k}”`).join("、")}（拼写有误？）` };
    case "invalid_union":
      return unionIssue(path, input);
    default:
      return { path, text: `{F}有误（${String(issue.message)}）` };
  }
}

/** A number-or-column parameter that is neither: say which part is wrong. */
function unionIssue(path: Path, input: unknown): SchemeIssue {
  if (input === undefined) return { path, text: "缺少{F}" };
  if (isObj(input)) {
    const extra = Object.keys(input).filter((k) => k !== "column");
    if (extra.length)
      return { path, text: `{F}中不认识的字段${extra.map((k) => `“${k}”`).join("、")}（按列读取应写成 {"column": "列名"}）` };
    return { path, text: `{F}的列名不能为空（应写成 {"column": "列名"}）` };
  }
  const column = path[path.length - 1] === "collective" ? "列名" : `{"column": "列名"}`;
  return { path, text: `{F}应为数值或${column}，${butNot(input)}` };
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Fields every indicator may have (the rate fields are checked by rateRules). */
const ALWAYS = ["name", "column", "method", "points", "per", "periodic", "periodicWeight"];

/** per and periodic: only for methods with a numeric value; periodic needs its weight. */
function rateRules(raw: Record<string, unknown>, at: Path, method: Method, issues: SchemeIssue[], warnings: SchemeIssue[]): void {
  const numeric = RATE_METHODS.includes(method);
  for (const key of ["per", "periodic", "periodicWeight"]) {
    if (raw[key] !== undefined && !numeric) warnings.push({ path: [...at, key], text: `{F}对${METHOD_NAMES[method]}无效，已忽略` });
  }
  if (!numeric) return;
  if (raw.periodic !== undefined && raw.periodicWeight === undefined)
    issues.push({ path: [...at, "periodicWeight"], text: "缺少{F}：填写了平时成绩列，须同时填写平时成绩权重（0 到 1）" });
  if (raw.periodic === undefined && raw.periodicWeight !== undefined)
    warnings.push({ path: [...at, "periodicWeight"], text: "没有平时成绩列，{F}已忽略" });
}

/** vote: the vote columns, and as many weights (the default 1, 0.6, 0 fits three columns only). */
function voteRules(raw: Record<string, unknown>, at: Path, issues: SchemeIssue[], warnings: SchemeIssue[]): void {
  if (raw.columns === undefined) {
    issues.push({ path: [...at, "columns"], text: `缺少{F}，${METHOD_NAMES.vote}须填写（如 ["满意", "基本满意", "不满意"]）` });
    return;
  }
  if (!Array.isArray(raw.columns)) return;
  const n = raw.columns.length;
  if (Array.isArray(raw.weights) && raw.weights.length !== n)
    issues.push({ path: [...at, "weights"], text: `{F}有 ${raw.weights.length} 个，应与评议票数列（${n} 列）一一对应` });
  if (raw.weights === undefined && n !== 3)
    issues.push({ path: [...at, "weights"], text: `缺少{F}：评议票数列有 ${n} 列，默认权重 1、0.6、0 只适用于 满意/基本满意/不满意 三列` });
  if (raw.column !== undefined && raw.column !== raw.columns[0])
    warnings.push({ path: [...at, "column"], text: `${METHOD_NAMES.vote}读取评议票数列，{F}已忽略` });
}

/** The rules of each method's parameters, checked on the raw input so they show alongside type errors. */
function indicatorRules(raw: Record<string, unknown>, at: Path, issues: SchemeIssue[], warnings: SchemeIssue[]): void {
  const method = raw.method as Method;
  if (!METHODS.includes(method)) return;
  const need = (key: string) => {
    if (raw[key] === undefined) issues.push({ path: [...at, key], text: `缺少{F}，${METHOD_NAMES[method]}须填写` });
  };
  const positive = (key: string) => {
    if (isNum(raw[key]) && (raw[key] as number) <= 0) issues.push({ path: [...at, key], text: `{F}应大于 0，而不是 ${raw[key]}` });
  };
  if (method !== "vote" && raw.column === undefined) issues.push({ path: [...at, "column"], text: "缺少{F}" });
  rateRules(raw, at, method, issues, warnings);
  const nonNegative = (key: string) => {
    if (isNum(raw[key]) && (raw[key] as number) < 0) issues.push({ path: [...at, key], text: `{F}不能为负数（${raw[key]}）` });
  };
  switch (method) {
    case "target":
      need("target");
      positive("target");
      positive("cap");
      break;
    case "limit":
      need("limit");
      if ((raw.step === undefined) !== (raw.deduct === undefined)) {
        const missing = raw.step === undefined ? "step" : "deduct";
        issues.push({ path: [...at, missing], text: "缺少{F}：步长与每步扣分须同时填写（或都不填）" });
      }
      positive("step");
      nonNegative("deduct");
      break;
    case "efficacy":
      need("good");
      need("bad");
      if (isNum(raw.good) && isNum(raw.bad) && sameValue(raw.good, raw.bad)) {
        issues.push({ path: [...at, "bad"], text: `{F}不能与“满意值”相同（都是 ${raw.good}）` });
      }
      if (isNum(raw.base) && (raw.base < 0 || raw.base > 1))
        issues.push({ path: [...at, "base"], text: `{F}应在 0 到 1 之间，而不是 ${raw.base}` });
      break;
    case "grade":
      if (isObj(raw.grades) && Object.keys(raw.grades).length === 0) issues.push({ path: [...at, "grades"], text: "{F}至少要有一个等次" });
      break;
    case "rank":
      nonNegative("step");
      break;
    case "vote":
      voteRules(raw, at, issues, warnings);
      break;
  }
  const used = METHOD_PARAMS[method] as readonly string[];
  for (const key of Object.keys(INDICATOR_LABELS)) {
    if (ALWAYS.includes(key) || used.includes(key) || raw[key] === undefined) continue;
    warnings.push({ path: [...at, key], text: `{F}对${METHOD_NAMES[method]}无效，已忽略` });
  }
}

/** disqualifyLast names indicators; pay's full is a positive number when it is a number. */
function v2Rules(raw: Record<string, unknown>, issues: SchemeIssue[]): void {
  const names = Array.isArray(raw.indicators)
    ? raw.indicators.map((ind) => (isObj(ind) && typeof ind.name === "string" ? ind.name.trim() : ""))
    : [];
  if (Array.isArray(raw.disqualifyLast)) {
    raw.disqualifyLast.forEach((n, i) => {
      if (typeof n === "string" && n.trim() && !names.includes(n.trim()))
        issues.push({
          path: ["disqualifyLast", i],
          text: `{F}“${n.trim()}”不是方案中的指标（应填指标名称：${names.filter(Boolean).join("、")}）`,
        });
    });
  }
  const pay = isObj(raw.pay) ? raw.pay : undefined;
  if (pay && isNum(pay.full) && pay.full <= 0) issues.push({ path: ["pay", "full"], text: `{F}应大于 0，而不是 ${pay.full}` });
}

function crossRules(raw: Record<string, unknown>, issues: SchemeIssue[], warnings: SchemeIssue[]): void {
  v2Rules(raw, issues);
  if (Array.isArray(raw.indicators)) {
    const names = new Map<string, number>();
    raw.indicators.forEach((ind, i) => {
      if (!isObj(ind)) return;
      indicatorRules(ind, ["indicators", i], issues, warnings);
      if (typeof ind.name === "string" && ind.name.trim()) {
        const before = names.get(ind.name.trim());
        if (before !== undefined)
          issues.push({ path: ["indicators", i, "name"], text: `{F}“${ind.name.trim()}”与第${before + 1}个指标重复` });
        else names.set(ind.name.trim(), i);
      }
    });
  }
  if (Array.isArray(raw.grades)) {
    const seen = new Set<number>();
    raw.grades.forEach((g, i) => {
      if (!Array.isArray(g) || !isNum(g[0])) return;
      if (seen.has(tieKey(g[0]))) issues.push({ path: ["grades", i, 0], text: `{F} ${g[0]} 重复` });
      seen.add(tieKey(g[0]));
    });
  }
  const progress = isObj(raw.progress) ? raw.progress : undefined;
  if (progress && Array.isArray(progress.done) && progress.done.length > 1) {
    const stages = Array.isArray(progress.stages) ? progress.stages.length : DEFAULT_SCHEDULE.length;
    if (progress.done.length !== stages) {
      issues.push({ path: ["progress", "done"], text: `{F}有 ${progress.done.length} 列，应与各阶段要求（${stages} 个阶段）一一对应` });
    }
  }
  const byRank = isObj(raw.rewards) ? raw.rewards.byRank : undefined;
  if (Array.isArray(byRank)) {
    byRank.forEach((t, i) => {
      if (Array.isArray(t) && t[0] === 0)
        issues.push({ path: ["rewards", "byRank", i, 0], text: "{F}不能为 0（正数 k 表示前 k 名，负数 −k 表示倒数 k 名）" });
    });
  }
}

/** Keys a JSON file may carry for its own use: "$schema" and comments ("//", "//说明"…). */
function withoutComments(raw: unknown): unknown {
  if (Array.isArray(raw)) return raw.map(withoutComments);
  if (!isObj(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (k !== "$schema" && !k.startsWith("//")) out[k] = withoutComments(v);
  return out;
}

function normalIndicator(p: ParsedIndicator): Indicator {
  const column = p.method === "vote" ? (p.columns as string[])[0] : (p.column as string);
  const out: Indicator = { name: p.name, column, method: p.method, points: p.points };
  switch (p.method) {
    case "target":
      out.target = p.target;
      out.cap = p.cap ?? 1;
      break;
    case "limit":
      out.limit = p.limit;
      if (p.step !== undefined) {
        out.step = p.step;
        out.deduct = p.deduct;
      }
      break;
    case "efficacy":
      out.good = p.good;
      out.bad = p.bad;
      out.base = p.base ?? 0.6;
      break;
    case "grade":
      out.grades = { ...(p.grades ?? DEFAULT_GRADE_FACTORS) };
      break;
    case "rank":
      out.step = p.step ?? 1;
      break;
    case "vote":
      out.columns = p.columns;
      out.weights = p.weights ?? [...DEFAULT_VOTE_WEIGHTS];
      break;
  }
  if (RATE_METHODS.includes(p.method)) {
    if (p.periodic) {
      out.periodic = p.periodic;
      out.periodicWeight = p.periodicWeight;
    }
    if (p.per) out.per = p.per;
  }
  return out;
}

/** A text collective is a column; every part of pay with its default (base 0, full 100, pass 0). */
function normalPay(p: NonNullable<Parsed["pay"]>): Pay {
  const collective = typeof p.collective === "string" ? { column: p.collective } : p.collective;
  const out: Pay = { base: p.base ?? 0, amount: p.amount, full: p.full ?? 100, pass: p.pass ?? 0 };
  if (collective !== undefined) out.collective = collective;
  return out;
}

/** The v2 sections (SPEC §3.1), each left out when absent or empty. */
function normaliseV2(p: Parsed, s: Scheme): void {
  if (p.sheets && Object.keys(p.sheets).length) s.sheets = p.sheets;
  if (p.ledger) s.ledger = p.ledger;
  const last = nonEmpty(p.disqualifyLast);
  if (last) s.disqualifyLast = last.map((n) => n.trim());
  if (p.pay) s.pay = normalPay(p.pay);
}

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length ? list : undefined);

function normalise(p: Parsed): Scheme {
  const s: Scheme = {
    name: p.name,
    data: { sheet: p.data.sheet, headerRow: p.data.headerRow ?? 1, name: p.data.name },
    indicators: p.indicators.map(normalIndicator),
    vetoMode: p.vetoMode ?? "exclude",
    precision: p.precision ?? 2,
    ranking: { dense: p.ranking?.dense ?? false },
    leaderboard: { top: p.leaderboard?.top ?? 3, bottom: p.leaderboard?.bottom ?? 3 },
  };
  if (p.data.group) s.data.group = p.data.group;
  const vetoes = nonEmpty(p.vetoes);
  if (vetoes) s.vetoes = vetoes;
  if (p.bonus && p.bonus.columns.length) s.bonus = { columns: p.bonus.columns, cap: p.bonus.cap ?? null };
  if (p.deduction && p.deduction.columns.length) s.deduction = { columns: p.deduction.columns, cap: p.deduction.cap ?? null };
  if (p.coefficient) s.coefficient = p.coefficient;
  const grades = nonEmpty(p.grades);
  if (grades) s.grades = grades;
  const awards = nonEmpty(p.awards);
  if (awards) s.awards = awards;
  if (p.rewards) {
    const r: NonNullable<Scheme["rewards"]> = {};
    const byRank = nonEmpty(p.rewards.byRank);
    if (byRank) r.byRank = byRank;
    if (p.rewards.byThreshold) r.byThreshold = p.rewards.byThreshold;
    if (p.rewards.byImprovement) r.byImprovement = p.rewards.byImprovement;
    if (Object.keys(r).length) s.rewards = r;
  }
  const fines = nonEmpty(p.fines);
  if (fines) s.fines = fines;
  if (p.progress) {
    // One column in a list is just that column.
    const done = Array.isArray(p.progress.done) && p.progress.done.length === 1 ? p.progress.done[0] : p.progress.done;
    s.progress = { done, task: p.progress.task, stages: p.progress.stages ?? [...DEFAULT_SCHEDULE] };
  }
  normaliseV2(p, s);
  // The bulletin's wording: only what was written (blank means the default, core/bulletin-defaults).
  const bulletin = Object.fromEntries(Object.entries(p.bulletin ?? {}).filter(([, v]) => v));
  if (Object.keys(bulletin).length) s.bulletin = bulletin;
  return s;
}

export interface Validation {
  /** The scheme in normal form, when there are no issues. */
  scheme?: Scheme;
  issues: SchemeIssue[];
  warnings: SchemeIssue[];
}

export function validateScheme(input: unknown): Validation {
  const raw = withoutComments(input);
  if (!isObj(raw)) return { issues: [{ path: [], text: `应为一个 JSON 对象（{…}），${butNot(raw)}` }], warnings: [] };
  const result = schemeShape.safeParse(raw);
  const issues = result.success ? [] : result.error.issues.map((i) => fromZod(i, raw));
  const rules: SchemeIssue[] = [];
  const warnings: SchemeIssue[] = [];
  crossRules(raw, rules, warnings);
  const seen = new Set(issues.map((i) => pathKey(i.path)));
  for (const r of rules) if (!seen.has(pathKey(r.path))) issues.push(r);
  if (issues.length || !result.success) return { issues, warnings };
  const scheme = normalise(result.data);
  const total = scheme.indicators.reduce((sum, ind) => sum + ind.points, 0);
  if (!sameValue(total, 100)) warnings.push({ path: ["indicators"], text: `各指标分值合计为 ${tieKey(total)}，不是 100` });
  return { scheme, issues, warnings };
}
