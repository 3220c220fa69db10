/**
 * Scoring every unit of the data sheet by the scheme: SPEC §3 "Scoring one unit", steps 1–9.
 *
 * API
 * - `scoreUnits(scheme, table, { stage? })` → `ScoreResult` (scoring/types.ts): `units` (UnitResult, the JSON of
 *   SPEC §5, in data order), `details` (same order: data row, veto reasons, each reward and fine with its basis
 *   text, the unit's errors), `progress` (when a stage is given) and `problems` (every unit error).
 *   Throws SchemeError when a column the scheme names is not in the data sheet, or the stage is out of range.
 *
 * Bad data never becomes a silent 0: a value that cannot be read (`缺考` in a number column, an unknown grade, an
 * unrecognised veto flag) scores 0 for that item and is listed, with its cell, in the unit's `errors` and in
 * `problems`; callers should show them (the command line refuses to write results while there are any).
 * A blank indicator value scores 0 and is listed in the unit's `missing`.
 */
import { Scheme } from "../scheme/types";
import { SchemeError } from "../scheme/errors";
import { resolveColumns, schemeColumns } from "../scheme/parse";
import { DataTable, DataUnit } from "../data-table";
import { UnitResult } from "../unit-result";
import { assignAwards } from "../award";
import { boardMark } from "../leaderboard";
import { RankTable } from "../ranking";
import { rankBonus } from "../rank-bonus";
import { excelRound, tieKey } from "../round";
import { tier } from "../tier";
import { readFlag, readNumber, showCell } from "../values";
import { badNumber, scoreIndicator } from "./indicator-score";
import { asPercent, fineWords, item, showNumber, showValue } from "./reward-text";
import { stageProgress } from "./progress";
import { ScoreOptions, ScoreResult, UnitDetail } from "./types";

export const VETO_MARK = "否决";

/** Column indices of everything the scheme reads. */
interface Columns {
  indicators: number[];
  vetoes: number[];
  bonus: number[];
  deduction: number[];
  coefficient?: number;
  threshold?: number;
  improvement?: number;
  fines: number[];
  /** The done column, or one per stage (stage k reads the k-th). */
  done: number[];
  task?: number;
}

function columnsOf(scheme: Scheme, table: DataTable): Columns {
  const indices = resolveColumns(scheme, table);
  const out: Columns = { indicators: [], vetoes: [], bonus: [], deduction: [], fines: [], done: [] };
  schemeColumns(scheme).forEach((use, k) => {
    const i = indices[k];
    const [head, second] = use.path;
    if (head === "indicators") out.indicators.push(i);
    else if (head === "vetoes") out.vetoes.push(i);
    else if (head === "bonus") out.bonus.push(i);
    else if (head === "deduction") out.deduction.push(i);
    else if (head === "coefficient") out.coefficient = i;
    else if (head === "fines") out.fines.push(i);
    else if (head === "rewards") {
      if (second === "byThreshold") out.threshold = i;
      else out.improvement = i;
    } else if (head === "progress") {
      if (second === "done") out.done.push(i);
      else out.task = i;
    }
  });
  return out;
}

/** Reads one unit's cells, collecting its errors. */
class UnitCells {
  readonly errors: string[] = [];
  constructor(
    private readonly table: DataTable,
    private readonly unit: DataUnit
  ) {}

  /** A number, or `blank` when the cell is blank or cannot be read (the latter is an error). */
  number(col: number, blank: number): number {
    const v = this.table.value(this.unit, col);
    const n = readNumber(v);
    if (n === undefined) this.errors.push(badNumber(this.table.address(this.unit, col), v));
    return typeof n === "number" ? n : blank;
  }

  /** A number or null for blank (unreadable → null and an error). */
  optionalNumber(col: number): number | null {
    const v = this.table.value(this.unit, col);
    const n = readNumber(v);
    if (n === undefined) this.errors.push(badNumber(this.table.address(this.unit, col), v));
    return typeof n === "number" ? n : null;
  }

  flag(col: number): boolean {
    const v = this.table.value(this.unit, col);
    const f = readFlag(v);
    if (f === undefined) {
      this.errors.push(`${this.table.address(this.unit, col)}：无法识别的否决标记“${showCell(v)}”（应为 是/否、√/×、1/0）`);
      return false;
    }
    return f;
  }
}

/** The best (highest) value of each group in a column, for 标杆法. */
function bestByGroup(table: DataTable, col: number): Map<string, number> {
  const best = new Map<string, number>();
  for (const u of table.units) {
    const n = readNumber(table.value(u, col));
    if (typeof n !== "number") continue;
    const b = best.get(u.group);
    if (b === undefined || n > b) best.set(u.group, n);
  }
  return best;
}

/** The grade of the lowest threshold: what an excluded (vetoed) unit is graded. */
function lastGrade(grades: readonly [number, string][]): string {
  let last: [number, string] | undefined;
  for (const g of grades) if (!last || g[0] < last[0]) last = g;
  return last ? last[1] : "";
}

/** The tier that TIER would pick (greatest threshold ≤ value), with its threshold. */
function matchTier(value: number, tiers: readonly [number, number][]): [number, number] | undefined {
  return tier<[number, number] | undefined>(
    value,
    tiers.map((t) => ({ threshold: t[0], result: t })),
    undefined
  );
}

export function scoreUnits(scheme: Scheme, table: DataTable, options: ScoreOptions = {}): ScoreResult {
  const cols = columnsOf(scheme, table);
  if (options.stage !== undefined && !scheme.progress)
    throw new SchemeError(["方案没有设置分阶段调度（完成数列、任务数列），不能按调度阶段计算"]);
  const precision = scheme.precision ?? 2;
  const excludeVetoed = (scheme.vetoMode ?? "exclude") === "exclude";
  const dense = !!scheme.ranking?.dense;
  const top = scheme.leaderboard?.top ?? 3;
  const bottom = scheme.leaderboard?.bottom ?? 3;
  const best = scheme.indicators.map((ind, k) => (ind.method === "benchmark" ? bestByGroup(table, cols.indicators[k]) : undefined));

  // Steps 1–4: each unit on its own.
  const cells = table.units.map((u) => new UnitCells(table, u));
  const vetoReasons: string[][] = [];
  const units: UnitResult[] = table.units.map((u, i) => {
    const c = cells[i];
    const scores: Record<string, number> = {};
    const missing: string[] = [];
    let subtotal = 0;
    scheme.indicators.forEach((ind, k) => {
      const col = cols.indicators[k];
      const out = scoreIndicator(ind, table.value(u, col), () => table.address(u, col), best[k]?.get(u.group));
      if (out.error) c.errors.push(out.error);
      if (out.missing) missing.push(ind.name);
      scores[ind.name] = out.score;
      subtotal += out.score;
    });
    const bonusSum = cols.bonus.reduce((s, col) => s + c.number(col, 0), 0);
    const deductionSum = cols.deduction.reduce((s, col) => s + Math.abs(c.number(col, 0)), 0);
    const bonus = Math.min(bonusSum, scheme.bonus?.cap ?? Infinity);
    const deduction = Math.min(deductionSum, scheme.deduction?.cap ?? Infinity);
    const coefficient = cols.coefficient === undefined ? 1 : c.number(cols.coefficient, 1);
    const reasons = scheme.vetoes ? scheme.vetoes.filter((_, k) => c.flag(cols.vetoes[k])) : [];
    vetoReasons.push(reasons);
    const vetoed = reasons.length > 0;
    let total = excelRound((subtotal + bonus - deduction) * coefficient, precision);
    if (vetoed && !excludeVetoed) total = 0;
    return {
      name: u.name,
      group: u.group,
      scores,
      subtotal,
      bonus,
      deduction,
      coefficient,
      total,
      vetoed,
      rank: 0,
      mark: "",
      grade: "",
      award: "",
      reward: 0,
      fines: 0,
      missing,
    };
  });

  // Steps 5–8 within each group.
  const details: UnitDetail[] = table.units.map((u, i) => ({
    row: u.row,
    vetoReasons: vetoReasons[i],
    competing: !(units[i].vetoed && excludeVetoed),
    placeFromBottom: null,
    rewards: [],
    errors: cells[i].errors,
  }));
  const groups = new Map<string, number[]>();
  units.forEach((r, i) => {
    const g = groups.get(r.group);
    if (g) g.push(i);
    else groups.set(r.group, [i]);
  });
  const awardRules = (scheme.awards ?? []).map(([award, quota, minimum]) => ({ award, quota, minimum }));
  const byRank = (scheme.rewards?.byRank ?? []).map(([bound, amount]) => ({ bound, amount }));
  for (const members of groups.values()) {
    const competing = members.filter((i) => details[i].competing);
    const out = members.filter((i) => !details[i].competing);
    const rt = new RankTable(
      competing.map((i) => units[i].total),
      { dense }
    );
    for (const i of competing) {
      units[i].rank = rt.rankOf(units[i].total) as number;
      details[i].placeFromBottom = rt.placeFromBottom(units[i].total) as number;
    }
    // Excluded units come after every competing one: ranks continue below the group's last rank.
    const offset = dense ? new Set(competing.map((i) => tieKey(units[i].total))).size : competing.length;
    const outTable = new RankTable(
      out.map((i) => units[i].total),
      { dense }
    );
    for (const i of out) units[i].rank = offset + (outTable.rankOf(units[i].total) as number);
    const awards = assignAwards(
      competing.map((i) => units[i].total),
      awardRules
    );
    competing.forEach((i, k) => (units[i].award = awards[k]));
    for (const i of competing) {
      if (byRank.length) {
        const amount = rankBonus(units[i].rank, details[i].placeFromBottom as number, byRank);
        if (amount !== 0) {
          const fromTop = byRank.some((t) => t.bound > 0 && units[i].rank <= t.bound);
          const basis = fromTop ? `名次第${units[i].rank}名` : `名次倒数第${details[i].placeFromBottom}名`;
          details[i].rewards.push(item("rank", "按名次奖励", basis, amount));
        }
      }
    }
  }

  const grades = scheme.grades ?? [];
  const gradeTiers = grades.map(([threshold, result]) => ({ threshold, result }));
  const threshold = scheme.rewards?.byThreshold;
  const improvement = scheme.rewards?.byImprovement;
  table.units.forEach((u, i) => {
    const r = units[i];
    const d = details[i];
    const c = cells[i];
    r.mark = r.vetoed ? VETO_MARK : d.competing ? boardMark(r.rank, d.placeFromBottom as number, top, bottom) : "";
    r.grade = grades.length === 0 ? "" : d.competing ? tier(r.total, gradeTiers, "") : lastGrade(grades);
    if (d.competing) {
      if (threshold && cols.threshold !== undefined) {
        const v = c.optionalNumber(cols.threshold);
        const t = v === null ? undefined : matchTier(v, threshold.tiers);
        if (v !== null && t && t[1] !== 0) {
          const pct = asPercent(threshold.tiers.map((x) => x[0]));
          d.rewards.push(item("threshold", "达标奖励", `${threshold.column} ${showValue(v, pct)} ≥ ${showValue(t[0], pct)}`, t[1]));
        }
      }
      if (improvement && cols.improvement !== undefined) {
        const previous = c.optionalNumber(cols.improvement);
        if (previous !== null) {
          const up = previous - r.rank;
          const t = matchTier(up, improvement.tiers);
          if (t && t[1] !== 0) {
            const basis = `${improvement.column}第${showNumber(previous)}名→第${r.rank}名，进步${showNumber(up)}名 ≥ ${showNumber(t[0])}名`;
            d.rewards.push(item("improvement", "进步奖励", basis, t[1]));
          }
        }
      }
    } else {
      // Read the reward columns anyway, so a bad cell is reported whatever the veto.
      if (cols.threshold !== undefined) c.optionalNumber(cols.threshold);
      if (cols.improvement !== undefined) c.optionalNumber(cols.improvement);
      d.rewards.push(item("veto", "一票否决", `${d.vetoReasons.join("、")}一票否决，不参加评奖、不享受奖励`, 0));
    }
    r.reward = d.rewards.reduce((s, x) => s + x.amount, 0);
    (scheme.fines ?? []).forEach((f, k) => {
      const count = c.number(cols.fines[k], 0);
      if (count === 0) return;
      const amount = count * f.amount;
      r.fines += amount;
      const w = fineWords(f.column);
      d.rewards.push(item("fine", `罚款（${f.column}）`, `${w.what} ${showNumber(count)}${w.unit}×${showNumber(f.amount)}`, -amount));
    });
  });

  const progress =
    options.stage !== undefined && cols.done.length > 0 && cols.task !== undefined
      ? stageProgress(
          scheme,
          table,
          { done: cols.done.length === 1 ? cols.done[0] : cols.done[options.stage - 1], task: cols.task },
          options.stage,
          details.map((d) => d.errors)
        )
      : undefined;
  const problems = details.flatMap((d) => d.errors);
  return { units, details, progress, problems };
}
