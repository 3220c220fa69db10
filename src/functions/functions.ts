/**
 * The KH.* custom functions (SPEC §2.2): thin wrappers that read Excel's arguments (SPEC §2.1, see ./args) and
 * call the rules in src/core. The JSDoc of each is what custom-functions-metadata turns into functions.json
 * (English); the Chinese texts are in descriptions.zh-CN.json.
 *
 * Types are for the metadata: `any[][]` marks a parameter Excel passes as a range (2-D array; a single value
 * arrives as [[x]]), `any` a single value that may be text ("92%", "９２．５"). At run time every range parameter
 * also accepts a bare value, as a Node caller passes it. Errors are thrown as CustomFunctions.Error (or the
 * fallback of ./errors outside Excel); lifted results carry per-entry errors in the array.
 *
 * Decisions where SPEC leaves room: a blank required number reads as 0 (so null, "" and 0 from a blank cell agree);
 * a blank score of RANKIN, RANKBONUS or AWARD gives "" whether it is a single value or an entry of a range, so a
 * lifted call equals the per-cell calls entry by entry; with `groups` given, a blank `group` is the group of
 * blank cells.
 *
 * In the Excel build, CustomFunctionsMetadataPlugin's loader appends `CustomFunctions.associate("ID", fn)` for
 * every @customfunction to this file's source, so there are no associate calls here.
 */

import { adjust as coreAdjust } from "../core/adjust";
import { assignAwards, AwardRule } from "../core/award";
import { blend as coreBlend } from "../core/blend";
import { draw as coreDraw, seedText } from "../core/draw";
import { valueError, naError } from "../core/errors";
import { lagStreak as coreLagStreak } from "../core/lag-streak";
import { leaderboard as coreLeaderboard } from "../core/leaderboard";
import { perfPay as corePerfPay } from "../core/perf-pay";
import { rankBonus as coreRankBonus, RankTier } from "../core/rank-bonus";
import { tieKey } from "../core/round";
import { efficacy as coreEfficacy, limitScore as coreLimitScore, targetScore as coreTargetScore } from "../core/scoring-methods";
import { readSchedule, stageGap as coreStageGap, stagePct as coreStagePct } from "../core/stage";
import { readTiers, tier as coreTier } from "../core/tier";
import { numbersOf, readNumber, showCell, strictNumbersOf, tableRows } from "../core/values";
import { veto as coreVeto } from "../core/veto";
import { voteScore as coreVoteScore } from "../core/vote-score";
import {
  Cell,
  ascendingOrder,
  cellsOf,
  displayText,
  isBlank,
  maybeNum,
  num,
  numbersOrNull,
  optFlag,
  optNum,
  optRange,
  positionalNumbers,
  scalar,
} from "./args";
import { guard } from "./errors";
import { GroupedRanking, lift } from "./lifting";

/**
 * 一票否决 (veto): the vetoed score if any of the flags is a true flag, else the score.
 * @customfunction VETO
 * @param score The unit's score.
 * @param flags Veto flags: a value or a range (是/否, √/×, TRUE/FALSE, 1/0). An unrecognised text is an error.
 * @param vetoed_score Score of a vetoed unit. Default 0.
 * @returns The score, or the vetoed score.
 */
export function veto(score: any, flags: any[][], vetoed_score?: any): number {
  return guard(() => coreVeto(num(score, "分数"), flags, optNum(vetoed_score, 0, "否决后的分数")));
}

/**
 * Completion of a staged task (done/task), or with a stage k, completion against what stage k requires.
 * @customfunction STAGEPCT
 * @param done Number completed so far.
 * @param task Total task.
 * @param stage Stage (bulletin) number, 1 to the number of stages.
 * @param schedule Required completion of each stage, as fractions or percents. Default 30%,50%,70%,80%,90%.
 * @returns Completion, or completion relative to the stage's requirement.
 */
export function stagePct(done: any, task: any, stage?: any, schedule?: any[][]): number {
  return guard(() => {
    const k = maybeNum(stage, "阶段");
    return coreStagePct(num(done, "已完成数"), num(task, "任务数"), k, readSchedule(schedule));
  });
}

/**
 * How many more are needed to meet what stage k requires (0 when it is met).
 * @customfunction STAGEGAP
 * @param done Number completed so far.
 * @param task Total task.
 * @param stage Stage (bulletin) number, 1 to the number of stages.
 * @param schedule Required completion of each stage, as fractions or percents. Default 30%,50%,70%,80%,90%.
 * @returns The number still needed.
 */
export function stageGap(done: any, task: any, stage: any, schedule?: any[][]): number {
  return guard(() => coreStageGap(num(done, "已完成数"), num(task, "任务数"), num(stage, "阶段"), readSchedule(schedule)));
}

/**
 * Rank of a score among the numbers of a range, optionally within a group. Given a range of scores, ranks each.
 * @customfunction RANKIN
 * @param score The score to rank, or a range of scores (each is ranked; blanks give "").
 * @param scores The scores to rank among; blanks and texts are skipped.
 * @param order 0 or omitted: highest is 1; any other number: lowest is 1.
 * @param dense TRUE for dense ranking (1,2,2,3); FALSE or omitted for competition ranking (1,2,2,4).
 * @param group Rank only among entries of this group (a value, or a range shaped like score).
 * @param groups The group of each entry of scores (same shape as scores).
 * @returns The rank, or an array of ranks shaped like score.
 */
export function rankIn(score: any[][], scores: any[][], order?: any, dense?: any, group?: any[][], groups?: any[][]): any[][] {
  return guard(() => {
    const ranking = new GroupedRanking(scores, groups, { ascending: ascendingOrder(order), dense: optFlag(dense, false, "中国式排名") });
    return lift(score, group, (s, g) => ranking.place(s, g).rank);
  }) as any;
}

/** (bound, amount) rows: rows whose bound is blank, 0 or not a number (a header) are skipped; a blank amount is 0. */
function readRankTiers(tiers: any): RankTier[] {
  const out: RankTier[] = [];
  for (const row of tableRows(tiers, 2, "奖惩档次（tiers）")) {
    const bound = readNumber(row[0]);
    if (typeof bound !== "number" || bound === 0) continue;
    const amount = isBlank(row[1]) ? 0 : readNumber(row[1]);
    if (typeof amount !== "number") throw valueError(`奖惩档次中有无法识别的金额：${showCell(row[1])}`);
    out.push({ bound, amount });
  }
  return out;
}

/**
 * Reward or fine by rank: a positive bound k pays ranks 1..k, a negative bound −k the k last places. Given a range of scores, answers each.
 * @customfunction RANKBONUS
 * @param score The score, or a range of scores (each is answered; blanks give "").
 * @param scores The scores to rank among; blanks and texts are skipped.
 * @param tiers Two columns: bound and amount, in any order. The smallest covering bound wins; a positive tier beats a negative one.
 * @param order 0 or omitted: highest is 1; any other number: lowest is 1.
 * @param dense TRUE for dense ranking (1,2,2,3); FALSE or omitted for competition ranking.
 * @param group Rank only among entries of this group (a value, or a range shaped like score).
 * @param groups The group of each entry of scores (same shape as scores).
 * @returns The amount (0 when no tier matches), or an array of amounts shaped like score.
 */
export function rankBonus(
  score: any[][],
  scores: any[][],
  tiers: any[][],
  order?: any,
  dense?: any,
  group?: any[][],
  groups?: any[][]
): any[][] {
  return guard(() => {
    const table = readRankTiers(tiers);
    const ranking = new GroupedRanking(scores, groups, { ascending: ascendingOrder(order), dense: optFlag(dense, false, "中国式排名") });
    return lift(score, group, (s, g) => {
      const { rank, fromBottom } = ranking.place(s, g);
      return coreRankBonus(rank, fromBottom, table);
    });
  }) as any;
}

/**
 * The result of the greatest threshold not above the value, from a two-column table (threshold, result) in any order.
 * @customfunction TIER
 * @param value The value to look up.
 * @param table Two columns: threshold and result (a number or a text such as 优秀). Rows with a blank or text threshold are skipped.
 * @param otherwise Result when no threshold is reached. Default 0.
 * @returns The matching result.
 */
export function tier(value: any, table: any[][], otherwise?: any): any {
  return guard(() => {
    const fallback = otherwise === null || otherwise === undefined ? 0 : scalar(otherwise, "未达任何档次时的结果");
    const result = coreTier<Cell>(num(value, "数值"), readTiers(table, "分档表（table）"), fallback ?? 0);
    return result === null || result === undefined ? "" : result;
  });
}

/**
 * 完成率法: points × actual/target, clamped to 0..cap.
 * @customfunction TARGETSCORE
 * @param actual The actual value.
 * @param target The target value (greater than 0).
 * @param points Full points of the indicator.
 * @param cap Highest completion ratio counted. Default 1.
 * @returns The score.
 */
export function targetScore(actual: any, target: any, points: any, cap?: any): number {
  return guard(() => coreTargetScore(num(actual, "实际值"), num(target, "目标值"), num(points, "分值"), optNum(cap, 1, "封顶比例")));
}

/**
 * Reverse indicator (lower is better): full points up to the limit; above it, deduct per started step, or scale by limit/actual.
 * @customfunction LIMITSCORE
 * @param actual The actual value.
 * @param limit The limit.
 * @param points Full points of the indicator.
 * @param step Size of each step above the limit.
 * @param deduct Points deducted per started step.
 * @returns The score.
 */
export function limitScore(actual: any, limit: any, points: any, step?: any, deduct?: any): number {
  return guard(() =>
    coreLimitScore(num(actual, "实际值"), num(limit, "限值"), num(points, "分值"), maybeNum(step, "步长"), maybeNum(deduct, "每步扣分"))
  );
}

/**
 * 功效系数法: base at the bad value, full points at the good one, linear between, clamped. Works when bad > good.
 * @customfunction EFFICACY
 * @param actual The actual value.
 * @param bad The not-allowed value (scores the base).
 * @param good The satisfactory value (scores full points).
 * @param points Full points. Default 100.
 * @param base Share of the points at the bad value. Default 0.6.
 * @returns The score.
 */
export function efficacy(actual: any, bad: any, good: any, points?: any, base?: any): number {
  return guard(() =>
    coreEfficacy(
      num(actual, "实际值"),
      num(bad, "不允许值"),
      num(good, "满意值"),
      optNum(points, 100, "分值"),
      optNum(base, 0.6, "基础分比例")
    )
  );
}

/**
 * Base plus bonuses (capped) minus deductions (capped, or without limit when the cap is blank).
 * @customfunction ADJUST
 * @param base The base score.
 * @param adds Bonus points: a value or a range. An unrecognised text is an error.
 * @param deducts Deductions (their absolute values are deducted): a value or a range. An unrecognised text is an error.
 * @param add_cap Most bonus points counted; blank for no cap.
 * @param deduct_cap Most points deducted; blank for no cap.
 * @returns The adjusted score.
 */
export function adjust(base: any, adds?: any[][], deducts?: any[][], add_cap?: any, deduct_cap?: any): number {
  return guard(() =>
    coreAdjust(
      num(base, "基础分"),
      strictNumbersOf(adds, "加分"),
      strictNumbersOf(deducts, "扣分"),
      maybeNum(add_cap, "加分上限"),
      maybeNum(deduct_cap, "扣分上限")
    )
  );
}

/**
 * Year-end and periodic checks merged: weight × mean of the periodic scores + (1 − weight) × the year-end score.
 * @customfunction BLEND
 * @param periodic The periodic (spot-check) scores; blanks are skipped.
 * @param year_end The year-end score.
 * @param periodic_weight Weight of the periodic mean, 0 to 1.
 * @returns The merged score (the year-end score when there are no periodic scores).
 */
export function blend(periodic: any[][], year_end: any, periodic_weight: any): number {
  return guard(() => coreBlend(numbersOf(periodic), num(year_end, "年终考核分"), num(periodic_weight, "平时成绩权重")));
}

/**
 * 民主评议: points × Σ votes × weights / Σ votes.
 * @customfunction VOTESCORE
 * @param votes Vote counts per category (e.g. satisfied, fairly satisfied, dissatisfied); a blank counts 0.
 * @param weights Weight of each category. Default 1, 0.6, 0 for three categories.
 * @param points Full points. Default 100.
 * @returns The score.
 */
export function voteScore(votes: any[][], weights?: any[][], points?: any): number {
  return guard(() => {
    const w = optRange(weights);
    return coreVoteScore(
      positionalNumbers(votes, "票数"),
      w === undefined ? undefined : positionalNumbers(w, "权重"),
      optNum(points, 100, "分值")
    );
  });
}

/**
 * Longest run of consecutive dispatches in which the rank is among the last places. Blanks are skipped and do not break a run.
 * @customfunction LAGSTREAK
 * @param ranks The unit's rank at each dispatch, in order.
 * @param count Number of units ranked: one number, or a range aligned with ranks.
 * @param bottom How many last places count. Default 3.
 * @returns The length of the longest run.
 */
export function lagStreak(ranks: any[][], count: any[][], bottom?: any): number {
  return guard(() => {
    const r = numbersOrNull(ranks);
    let counts: (number | null)[];
    if (Array.isArray(count) && cellsOf(count).length > 1) {
      counts = numbersOrNull(count);
      if (counts.length !== r.length)
        throw valueError(`参评单位数（count）有${counts.length}项，名次（ranks）却有${r.length}项，应一一对应`);
    } else {
      const n = num(count, "参评单位数");
      counts = r.map(() => n);
    }
    return coreLagStreak(r, counts, optNum(bottom, 3, "后几名"));
  });
}

/** (award, quota, minimum) rows, best award first; rows with a blank award are skipped, blank quota/minimum = none. */
function readAwardRules(table: any): AwardRule[] {
  const rules: AwardRule[] = [];
  for (const row of tableRows(table, 3, "奖项表（table）")) {
    if (isBlank(row[0])) continue;
    const award = displayText(row[0]).trim();
    const quota = maybeNum(row[1], `“${award}”的名额`);
    if (quota !== undefined && quota < 0) throw valueError(`“${award}”的名额不能为负数：${quota}`);
    rules.push({ award, quota, minimum: maybeNum(row[2], `“${award}”的最低分`) });
  }
  return rules;
}

/**
 * 等次 with quotas: units taken in descending score each get the first award whose minimum they reach and whose quota is not used up; tied units share it.
 * @customfunction AWARD
 * @param score The score, or a range of scores (each is answered; blanks give "").
 * @param scores All the scores competing; blanks and texts are skipped.
 * @param table Three columns, best award first: award, quota (blank: no limit), minimum score (blank: none).
 * @returns The award, or "" for none; an array shaped like score for a range.
 */
export function award(score: any[][], scores: any[][], table: any[][]): any[][] {
  return guard(() => {
    const rules = readAwardRules(table);
    const numbers = numbersOf(scores);
    const awards = assignAwards(numbers, rules);
    const byKey = new Map<number, string>();
    numbers.forEach((n, i) => byKey.set(tieKey(n), awards[i]));
    return lift(score, null, (s) => {
      const a = byKey.get(tieKey(s));
      if (a === undefined) throw naError(`分数 ${s} 不在参评分数（scores）中`);
      return a;
    });
  }) as any;
}

/**
 * 抽签: n distinct non-blank entries of items, reproducible from the seed (FNV-1a, mulberry32, partial Fisher–Yates; SPEC §2.4).
 * @customfunction DRAW
 * @param items The list to draw from; blanks are skipped.
 * @param n How many to draw.
 * @param seed The seed (a number or a text) that makes the draw reproducible.
 * @returns The drawn entries, as a column.
 */
export function draw(items: any[][], n: any, seed: any): any[][] {
  return guard(() => {
    const list = cellsOf(items)
      .filter((c) => !isBlank(c))
      .map(displayText);
    const s = scalar(seed, "种子");
    if (isBlank(s)) throw valueError("缺少抽签种子（seed），无法复核抽签结果");
    return coreDraw(list, num(n, "抽取个数"), seedText(typeof s === "number" ? s : displayText(s))).map((x) => [x]);
  });
}

/**
 * 龙虎榜: a table best first, one row per unit with a numeric score: rank, name, score, mark (龙榜 for the top, 虎榜 for the bottom).
 * @customfunction LEADERBOARD
 * @param names The units' names.
 * @param scores The units' scores, aligned with names; units whose score is blank or text are left out.
 * @param top Ranks marked 龙榜. Default 3.
 * @param bottom Last places marked 虎榜. Default 3.
 * @param order 0 or omitted: highest is 1; any other number: lowest is 1.
 * @param dense TRUE for dense ranking (1,2,2,3); FALSE or omitted for competition ranking.
 * @returns Rows of rank, name, score and mark.
 */
export function leaderboard(names: any[][], scores: any[][], top?: any, bottom?: any, order?: any, dense?: any): any[][] {
  return guard(() => {
    const nameCells = cellsOf(names);
    const scoreCells = cellsOf(scores);
    if (nameCells.length !== scoreCells.length) {
      throw valueError(`单位（names）有${nameCells.length}项，分数（scores）却有${scoreCells.length}项，应一一对应`);
    }
    const units: { name: string; score: number }[] = [];
    scoreCells.forEach((c, i) => {
      const n = readNumber(c);
      if (typeof n === "number") units.push({ name: displayText(nameCells[i]), score: n });
    });
    if (units.length === 0) throw naError("没有可排名的分数");
    const rows = coreLeaderboard(units, optNum(top, 3, "龙榜名数"), optNum(bottom, 3, "虎榜名数"), {
      ascending: ascendingOrder(order),
      dense: optFlag(dense, false, "中国式排名"),
    });
    return rows.map((r) => [r.rank, r.name, r.score, r.mark]);
  });
}

/**
 * 绩效工资: 0 below the passing score, else amount × min(score/full, 1).
 * @customfunction PERFPAY
 * @param score The score.
 * @param amount The full performance amount.
 * @param full Score that earns the full amount. Default 100.
 * @param pass Passing score; below it nothing is paid. Default 0.
 * @returns The pay.
 */
export function perfPay(score: any, amount: any, full?: any, pass?: any): number {
  return guard(() => corePerfPay(num(score, "分数"), num(amount, "绩效金额"), optNum(full, 100, "满分"), optNum(pass, 0, "及格分")));
}
