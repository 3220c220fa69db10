/**
 * Scoring every unit of the data sheet by the scheme: SPEC §3 "Scoring one unit", steps 1–9, with the §3.1 rules
 * (scheme version 2) where the SPEC's readings put them. One function per step, in the SPEC's order:
 *   0. resolve every column (data sheet or another sheet) and read the 加减分台账;
 *   1. indicator scores — each value read → blended with its periodic values → divided by `per` → scored by its
 *      method with the unit's own parameters (indicator-value.ts, indicator-score.ts);
 *   2. bonus and deduction (columns and ledger entries, then the caps);  3. total;  4. veto;
 *   5. ranks;  6. leaderboard marks;  7. grades and awards (单项末位 units out of the award pool);
 *   8. rewards and fines (单项末位: no reward);  报酬 (pay);  9. progress.
 *
 * API
 * - `scoreUnits(scheme, table, { stage?, workbook? })` → `ScoreResult` (scoring/types.ts): `units` (UnitResult, the
 *   JSON of SPEC §5, in data order), `details` (same order: data row, veto reasons, each reward and fine with its
 *   basis text, ledger entries, pay parts, the unit's errors), `progress` (when a stage is given) and `problems`
 *   (every unit error, then every bad ledger row). `workbook` gives the other sheets (`"1月!党建"`, the ledger).
 *   Throws SchemeError when a column or sheet the scheme names is missing or the stage is out of range, and
 *   DataError for a duplicate unit name on another sheet (naming both rows).
 *
 * Bad data never becomes a silent 0: a value that cannot be read (`缺考` in a number column, an unknown grade, an
 * unrecognised veto flag, a blank per-unit target, a per value ≤ 0) scores 0 for that item and is listed, with its
 * cell, in the unit's `errors` and in `problems`; callers should show them (the command line refuses to write
 * results while there are any). A blank indicator value (or no votes at all) scores 0 and is listed in `missing`.
 */
import { Indicator, Scheme } from "../scheme/types";
import { SchemeError } from "../scheme/errors";
import { resolveColumns, schemeColumns } from "../scheme/parse";
import { DataTable } from "../data-table";
import { UnitResult } from "../unit-result";
import { KhError } from "../errors";
import { assignAwards } from "../award";
import { boardMark } from "../leaderboard";
import { RankTable } from "../ranking";
import { rankBonus } from "../rank-bonus";
import { excelRound, tieKey } from "../round";
import { tier } from "../tier";
import { readNumber } from "../values";
import { IndicatorOutcome, scoreIndicator } from "./indicator-score";
import { IndicatorSources, PreparedValue, indicatorSources, prepareValue } from "./indicator-value";
import { LedgerEntry, ledgerSums, readLedger } from "./ledger";
import { lastPlaces } from "./disqualify";
import { PAY_LABELS, PayKey, payOf } from "./pay";
import { item, showNumber, showValue } from "./reward-text";
import { stageProgress } from "./progress";
import { ColumnSource, Sources, resolveSources } from "./sources";
import { StepPlan, stepPlan } from "./step-plan";
import { UnitCells } from "./unit-cells";
import { ScoreOptions, ScoreResult, UnitDetail } from "./types";

export const VETO_MARK = "否决";

/** The outcome of a value whose reading failed (its problem is noted already): 0, not missing. */
const FAILED: IndicatorOutcome = Object.freeze({ score: 0, missing: false });

/**
 * A unit before its steps: every number that can take a fraction is NaN until its step sets it (each does, for every
 * unit). NaN, not 0: V8 keeps a field that starts as a small integer as one, and the first fraction stored into it
 * changes the hidden class of every unit; each unit then moves to the new one when next touched — at 5,000 units
 * scoring took 268 ms with them starting at 0 and 195 ms now (medians of seven runs), mostly at 加减分. A field that
 * starts as a double stays one.
 */
function blankUnit(name: string, group: string): UnitResult {
  return {
    name,
    group,
    scores: {},
    subtotal: NaN,
    bonus: NaN,
    deduction: NaN,
    coefficient: NaN,
    total: NaN,
    vetoed: false,
    rank: 0,
    mark: "",
    grade: "",
    award: "",
    reward: NaN,
    fines: NaN,
    missing: [],
    disqualified: [],
  };
}

/**
 * The indicator with every field of Indicator, in one order (undefined where the scheme has none). Indicators of
 * different methods have different fields, so 40 of them have a handful of hidden classes in V8: the code that
 * scores 5,000 units × 40 indicators saw each new class as it came, dropped its optimised code and made it again.
 * One class for all of them keeps it optimised (5,000 units: 15–30 ms less scoring, in runs of 15 each).
 */
function sameShape(i: Indicator): Indicator {
  const every: { [K in keyof Required<Indicator>]: Indicator[K] } = {
    name: i.name,
    column: i.column,
    method: i.method,
    points: i.points,
    target: i.target,
    cap: i.cap,
    limit: i.limit,
    step: i.step,
    deduct: i.deduct,
    good: i.good,
    bad: i.bad,
    base: i.base,
    grades: i.grades,
    columns: i.columns,
    weights: i.weights,
    per: i.per,
    periodic: i.periodic,
    periodicWeight: i.periodicWeight,
  };
  return every;
}

class Scoring {
  readonly precision: number;
  readonly excludeVetoed: boolean;
  readonly units: UnitResult[];
  readonly details: UnitDetail[];
  readonly cells: UnitCells[];
  readonly plan: StepPlan;
  /** Step 1's scores, indicator by indicator (one number per unit), until fillScores. */
  readonly scoreColumns: Float64Array[] = [];

  constructor(
    readonly scheme: Scheme,
    readonly table: DataTable,
    readonly sources: Sources,
    ledger: LedgerEntry[][] | undefined
  ) {
    this.precision = scheme.precision ?? 2;
    this.plan = stepPlan(scheme, sources);
    this.excludeVetoed = (scheme.vetoMode ?? "exclude") === "exclude";
    this.cells = table.units.map((_, i) => new UnitCells(i));
    this.units = table.units.map((u) => blankUnit(u.name, u.group));
    this.details = table.units.map((u, i) => ({
      row: u.row,
      vetoReasons: [],
      competing: true,
      placeFromBottom: null,
      rewards: [],
      errors: this.cells[i].errors,
      ledger: ledger?.[i] ?? [],
      bonusColumns: NaN, // set at 加减分, a double from the start (see blankUnit)
      deductionColumns: NaN,
    }));
  }

  /**
   * Step 1, one indicator for every unit, read and scored in one pass; 标杆法 reads every unit first, to find each
   * group's best prepared value.
   */
  indicator(k: number): void {
    const ind = sameShape(this.scheme.indicators[k]);
    const srcs = indicatorSources(ind, k, this.sources);
    const column = new Float64Array(this.units.length);
    if (ind.method === "benchmark") {
      const prepared = this.cells.map((c) => prepareValue(ind, srcs, c));
      const best = this.bestByGroup(prepared);
      prepared.forEach((p, i) => (column[i] = this.indicatorScore(ind, srcs, p, i, best.get(this.units[i].group))));
    } else this.cells.forEach((c, i) => (column[i] = this.indicatorScore(ind, srcs, prepareValue(ind, srcs, c), i)));
    this.scoreColumns[k] = column;
  }

  /** One unit's score on an indicator; its problem (naming the value's cell) and missing data are noted. */
  indicatorScore(ind: Indicator, srcs: IndicatorSources, p: PreparedValue, i: number, best?: number): number {
    const u = this.units[i];
    const out = p.failed ? FAILED : scoreIndicator(ind, p.value, best, p.params);
    if (out.problem) this.cells[i].errors.push(`${srcs.value ? this.cells[i].address(srcs.value) : ind.name}：${out.problem}`);
    if (out.missing || p.missing) u.missing.push(ind.name);
    return out.score;
  }

  /** 标杆法: the best prepared value of each group (units whose value could not be read do not count). */
  bestByGroup(prepared: readonly PreparedValue[]): Map<string, number> {
    const best = new Map<string, number>();
    prepared.forEach((p, i) => {
      const n = p.failed ? null : readNumber(p.value);
      const g = this.units[i].group;
      if (typeof n === "number" && !(n <= (best.get(g) ?? -Infinity))) best.set(g, n);
    });
    return best;
  }

  /**
   * Every unit's scores as copies of one object with the indicators' names as keys, filled from the score columns
   * at the end: an object given 40 keys one by one turns into a hash table in V8 (1.6 KB a unit, and rebuilt as
   * it grows), while copies of one object share its compact layout. The subtotal is their sum, in the indicators'
   * order (the order step 1 adds them in).
   */
  fillScores(): void {
    const names = this.scheme.indicators.map((ind) => ind.name);
    // NaN, not 0: the fields hold doubles from the start, so none changes representation as the scores go in.
    const template: Record<string, number> = Object.fromEntries(names.map((name) => [name, NaN]));
    this.units.forEach((u, i) => {
      const scores = { ...template };
      let subtotal = 0; // Σ in the indicators' order
      for (let k = 0; k < names.length; k++) {
        const score = this.scoreColumns[k][i];
        scores[names[k]] = score;
        subtotal += score;
      }
      u.scores = scores;
      u.subtotal = subtotal;
    });
  }

  /** Step 2: bonus = min(Σ bonus columns + Σ positive ledger points, cap); deduction likewise with |…|. */
  adjustments(i: number): void {
    const c = this.cells[i];
    const d = this.details[i];
    const u = this.units[i];
    d.bonusColumns = this.plan.bonus.reduce((s, src) => s + c.number(src, 0), 0);
    d.deductionColumns = this.plan.deduction.reduce((s, src) => s + Math.abs(c.number(src, 0)), 0);
    const fromLedger = ledgerSums(d.ledger);
    u.bonus = Math.min(d.bonusColumns + fromLedger.add, this.scheme.bonus?.cap ?? Infinity);
    u.deduction = Math.min(d.deductionColumns + fromLedger.deduct, this.scheme.deduction?.cap ?? Infinity);
  }

  /** Step 3: (subtotal + bonus − deduction) × coefficient, rounded as Excel's ROUND. */
  total(i: number): void {
    const u = this.units[i];
    u.coefficient = this.plan.coefficient ? this.cells[i].number(this.plan.coefficient, 1) : 1;
    u.total = excelRound((u.subtotal + u.bonus - u.deduction) * u.coefficient, this.precision);
  }

  /** Step 4: vetoed when any veto column holds a true flag; zero mode makes the total 0. */
  veto(i: number): void {
    const u = this.units[i];
    const d = this.details[i];
    d.vetoReasons = (this.scheme.vetoes ?? []).filter((_, k) => this.cells[i].flag(this.plan.vetoes[k]));
    u.vetoed = d.vetoReasons.length > 0;
    if (u.vetoed && !this.excludeVetoed) u.total = 0;
    d.competing = !(u.vetoed && this.excludeVetoed);
  }

  groups(): number[][] {
    const groups = new Map<string, number[]>();
    this.units.forEach((r, i) => {
      const g = groups.get(r.group);
      if (g) g.push(i);
      else groups.set(r.group, [i]);
    });
    return [...groups.values()];
  }

  /** Step 5: competition (or dense) ranks among the competing units; excluded ones continue below them. */
  ranks(members: number[]): void {
    const dense = !!this.scheme.ranking?.dense;
    const competing = members.filter((i) => this.details[i].competing);
    const out = members.filter((i) => !this.details[i].competing);
    const rt = new RankTable(
      competing.map((i) => this.units[i].total),
      { dense }
    );
    for (const i of competing) {
      this.units[i].rank = rt.rankOf(this.units[i].total) as number;
      this.details[i].placeFromBottom = rt.placeFromBottom(this.units[i].total) as number;
    }
    const offset = dense ? new Set(competing.map((i) => tieKey(this.units[i].total))).size : competing.length;
    const outTable = new RankTable(
      out.map((i) => this.units[i].total),
      { dense }
    );
    for (const i of out) this.units[i].rank = offset + (outTable.rankOf(this.units[i].total) as number);
  }

  /** Step 6: 龙榜 / 虎榜 / 否决. */
  mark(i: number): void {
    const u = this.units[i];
    const d = this.details[i];
    const top = this.scheme.leaderboard?.top ?? 3;
    const bottom = this.scheme.leaderboard?.bottom ?? 3;
    u.mark = u.vetoed ? VETO_MARK : d.competing ? boardMark(u.rank, d.placeFromBottom as number, top, bottom) : "";
  }

  /** Does the unit take part in awards and rewards (competing, and not last on a 单项末位 indicator)? */
  eligible(i: number): boolean {
    return this.details[i].competing && this.units[i].disqualified.length === 0;
  }

  /** Step 7a: awards within a group, among the eligible units (the award passes to the next unit). */
  awards(members: number[]): void {
    const pool = members.filter((i) => this.eligible(i));
    const awards = assignAwards(
      pool.map((i) => this.units[i].total),
      this.plan.awards
    );
    pool.forEach((i, k) => (this.units[i].award = awards[k]));
  }

  /** Step 7b: the grade by TIER; an excluded unit gets the last grade. */
  grade(i: number): void {
    const { grades, lastGrade } = this.plan;
    const u = this.units[i];
    u.grade = grades.length === 0 ? "" : this.details[i].competing ? tier(u.total, grades, "") : lastGrade;
  }

  /** Step 8a: byRank (RANKBONUS semantics within the group). */
  rankReward(i: number): void {
    const byRank = this.plan.byRank;
    const u = this.units[i];
    const d = this.details[i];
    if (!byRank.length) return;
    const amount = rankBonus(u.rank, d.placeFromBottom as number, byRank);
    if (amount === 0) return;
    const fromTop = byRank.some((t) => t.bound > 0 && u.rank <= t.bound);
    const basis = fromTop ? `名次第${u.rank}名` : `名次倒数第${d.placeFromBottom}名`;
    d.rewards.push(item("rank", "按名次奖励", basis, amount));
  }

  /** Step 8b: byThreshold (TIER on the column's value). */
  thresholdReward(i: number): void {
    const threshold = this.plan.threshold;
    if (!threshold) return;
    const v = this.cells[i].optionalNumber(threshold.source);
    const t = v === null ? undefined : tier(v, threshold.tiers, undefined);
    if (v === null || !t || t[1] === 0) return;
    const pct = threshold.percent;
    const basis = `${threshold.column} ${showValue(v, pct)} ≥ ${showValue(t[0], pct)}`;
    this.details[i].rewards.push(item("threshold", "达标奖励", basis, t[1]));
  }

  /** Step 8c: byImprovement (TIER on previous rank − rank). */
  improvementReward(i: number): void {
    const improvement = this.plan.improvement;
    if (!improvement) return;
    const previous = this.cells[i].optionalNumber(improvement.source);
    if (previous === null) return;
    const rank = this.units[i].rank;
    const up = previous - rank;
    const t = tier(up, improvement.tiers, undefined);
    if (!t || t[1] === 0) return;
    const basis = `${improvement.column}第${showNumber(previous)}名→第${rank}名，进步${showNumber(up)}名 ≥ ${showNumber(t[0])}名`;
    this.details[i].rewards.push(item("improvement", "进步奖励", basis, t[1]));
  }

  /** Step 8: rewards for an eligible unit; a note (and the reward columns read, for their errors) otherwise. */
  rewards(i: number): void {
    const d = this.details[i];
    const u = this.units[i];
    if (this.eligible(i)) {
      this.rankReward(i);
      this.thresholdReward(i);
      this.improvementReward(i);
    } else {
      const { threshold, improvement } = this.plan;
      if (threshold) this.cells[i].optionalNumber(threshold.source);
      if (improvement) this.cells[i].optionalNumber(improvement.source);
      if (!d.competing) d.rewards.push(item("veto", "一票否决", `${d.vetoReasons.join("、")}一票否决，不参加评奖、不享受奖励`, 0));
      else d.rewards.push(item("disqualified", "单项末位", `单项末位：${u.disqualified.join("、")}，取消评奖、不享受奖励`, 0));
    }
    u.reward = d.rewards.reduce((s, x) => s + x.amount, 0);
  }

  /** Step 8d: fines = Σ count × amount (whatever the veto or 单项末位). */
  fines(i: number): void {
    const u = this.units[i];
    u.fines = 0;
    for (const f of this.plan.fines) {
      const count = this.cells[i].number(f.source, 0);
      if (count === 0) continue;
      const amount = count * f.amount;
      u.fines += amount;
      this.details[i].rewards.push(
        item("fine", `罚款（${f.column}）`, `${f.what} ${showNumber(count)}${f.unit}×${showNumber(f.amount)}`, -amount)
      );
    }
  }

  /** 报酬: base + PERFPAY(total, amount, full, pass) + reward + collective. */
  pay(i: number): void {
    const pay = this.scheme.pay;
    if (!pay) return;
    const c = this.cells[i];
    const read = (key: PayKey): number | undefined => {
      const p = pay[key];
      if (typeof p === "number") return p;
      const src = this.plan.pay[key] as ColumnSource;
      return key === "collective" ? c.number(src, 0) : c.required(src, PAY_LABELS[key]);
    };
    const u = this.units[i];
    try {
      const parts = payOf(pay, u, u.vetoed && this.excludeVetoed, read);
      this.details[i].pay = parts;
      u.pay = parts.total;
    } catch (e) {
      if (!(e instanceof KhError)) throw e;
      c.errors.push(`报酬：${e.message}`);
    }
  }
}

/** Step 0 for progress: its columns must be on the data sheet (the 调度 table is one sheet). */
function progressColumns(scheme: Scheme, table: DataTable): { done: number[]; task?: number } {
  const indices = resolveColumns(scheme, table);
  const out: { done: number[]; task?: number } = { done: [] };
  schemeColumns(scheme).forEach((use, k) => {
    if (use.path[0] !== "progress") return;
    if (indices[k] < 0) throw new SchemeError([`分阶段调度的列“${use.column}”须在数据表“${table.sheet}”中`]);
    if (use.path[1] === "done") out.done.push(indices[k]);
    else out.task = indices[k];
  });
  return out;
}

export function scoreUnits(scheme: Scheme, table: DataTable, options: ScoreOptions = {}): ScoreResult {
  const sources = resolveSources(scheme, table, options.workbook);
  if (options.stage !== undefined && !scheme.progress)
    throw new SchemeError(["方案没有设置分阶段调度（完成数列、任务数列），不能按调度阶段计算"]);
  const ledger = scheme.ledger ? readLedger(scheme.ledger, table, options.workbook) : undefined;
  const s = new Scoring(scheme, table, sources, ledger?.entries);
  scheme.indicators.forEach((_, k) => s.indicator(k));
  s.fillScores();
  const all = table.units.map((_, i) => i);
  for (const i of all) {
    s.adjustments(i);
    s.total(i);
    s.veto(i);
  }
  const last = lastPlaces(scheme.disqualifyLast ?? [], s.units);
  s.units.forEach((u, i) => (u.disqualified = last[i]));
  for (const members of s.groups()) {
    s.ranks(members);
    s.awards(members);
  }
  for (const i of all) {
    s.mark(i);
    s.grade(i);
    s.rewards(i);
    s.fines(i);
    s.pay(i);
  }
  const progress = options.stage === undefined ? undefined : stepProgress(scheme, table, options.stage, s.details);
  const problems = [...s.details.flatMap((d) => d.errors), ...(ledger?.problems ?? [])];
  return { units: s.units, details: s.details, progress, problems };
}

/** Step 9: progress at a stage. */
function stepProgress(scheme: Scheme, table: DataTable, stage: number, details: UnitDetail[]): ScoreResult["progress"] {
  const cols = progressColumns(scheme, table);
  if (cols.done.length === 0 || cols.task === undefined) return undefined;
  const done = cols.done.length === 1 ? cols.done[0] : cols.done[stage - 1];
  return stageProgress(
    scheme,
    table,
    { done, task: cols.task },
    stage,
    details.map((d) => d.errors)
  );
}
