/**
 * The paragraph of a 调度通报 (SPEC §4): “截至第N次调度，全镇累计完成……，占任务数的X%，应达Y%……龙榜：……虎榜：……”,
 * with how many units met the stage, each group's completion when there are groups, and the units that stayed in
 * the last places dispatch after dispatch (from the 调度记录).
 *
 * API: `bulletinSentences({ stage, progress, leaderboard, streaks? })` → string[] (one sentence each, for one row
 * each on the sheet); `bulletinText(…)` → the sentences joined.
 */
import { StageProgress, UnitProgress } from "./scoring/types";
import { DRAGON, TIGER } from "./leaderboard";
import { showNumber } from "./scoring/reward-text";
import type { RankMove } from "./rank-change";

export interface BulletinInput {
  progress: StageProgress;
  /** How many last places make 虎榜 (for the streak sentence: 后三名). */
  bottom?: number;
  /** Units whose run of dispatches in the last places is 2 or more (from the 调度记录, this dispatch included). */
  streaks?: readonly { name: string; group: string; streak: number }[];
  /** Most names listed in one sentence before “等 N 个”. */
  maxNames?: number;
  /** The units that rose and fell most since the previous dispatch (rank-change.ts biggestMoves). */
  moves?: { up: readonly RankMove[]; down: readonly RankMove[] };
}

const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;
const NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const count = (n: number) => (n >= 0 && n <= 10 ? NUMERALS[n] : String(n));
const amount = (x: number) => (Number.isInteger(x) ? x.toLocaleString("en-US") : showNumber(x));

function names(list: readonly string[], max: number): string {
  if (list.length <= max) return list.join("、");
  return `${list.slice(0, max).join("、")}等 ${list.length} 个`;
}

function board(units: readonly UnitProgress[], mark: string): string {
  const marked = units.filter((u) => u.mark === mark && u.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  return marked.length ? marked.map((u) => `${u.name}（${pct(u.completion as number)}）`).join("、") : "无";
}

export function bulletinSentences(input: BulletinInput): string[] {
  const { progress } = input;
  const max = input.maxNames ?? 10;
  const { stage, required, units, totals } = progress;
  const all = totals[0];
  const out: string[] = [];
  const gap = Math.max(0, Math.ceil(required * all.task - all.done - 1e-9));
  const status = gap === 0 ? "已达到进度要求" : `还差 ${amount(gap)}`;
  if (all.task > 0) {
    out.push(
      `截至第${stage}次调度，全镇累计完成 ${amount(all.done)}，占任务数 ${amount(all.task)} 的 ${pct(all.completion)}，应达 ${pct(required)}，${status}。`
    );
  } else out.push(`截至第${stage}次调度，应达 ${pct(required)}，但还没有可用的完成数和任务数。`);

  const reported = units.filter((u) => u.completion !== null);
  const met = reported.filter((u) => u.met);
  const notMet = reported.filter((u) => !u.met);
  if (reported.length) {
    const list = names(
      notMet.map((u) => u.name),
      max
    );
    const rest = notMet.length ? `，${notMet.length} 个未达到：${list}。` : "，全部达到。";
    out.push(`${reported.length} 个单位中，${met.length} 个达到应达进度${rest}`);
  }
  const missing = units.filter((u) => u.completion === null);
  if (missing.length)
    out.push(
      `另有 ${missing.length} 个单位缺少数据，未参加排名：${names(
        missing.map((u) => u.name),
        max
      )}。`
    );

  const groups = totals.slice(1);
  if (groups.length > 1 || (groups.length === 1 && groups[0].group !== "")) {
    const parts = groups.map((g) => {
      const members = reported.filter((u) => u.group === g.group);
      return `${g.group || "未分组"}完成 ${pct(g.completion)}（${members.length} 个单位中 ${members.filter((u) => u.met).length} 个达到）`;
    });
    out.push(`分组看：${parts.join("；")}。`);
    for (const g of groups) {
      const members = units.filter((u) => u.group === g.group);
      out.push(`${g.group || "未分组"}龙榜：${board(members, DRAGON)}；虎榜：${board(members, TIGER)}。`);
    }
  } else {
    out.push(`龙榜：${board(units, DRAGON)}；虎榜：${board(units, TIGER)}。`);
  }

  const moved = input.moves ? movesSentence(input.moves, max) : undefined;
  if (moved) out.push(moved);

  const streaks = (input.streaks ?? []).filter((x) => x.streak >= 2);
  if (streaks.length) {
    const words = `后${count(input.bottom ?? 3)}名`;
    const list = [...streaks].sort((a, b) => b.streak - a.streak).map((x) => `${x.name}（连续${x.streak}次）`);
    out.push(`请注意，连续两次及以上处于${words}的单位：${names(list, max)}。`);
  }
  return out;
}

/** “与上次调度相比，名次上升最多的是甲村（↑3）；下降最多的是乙村（↓2）。” — undefined when nobody moved. */
export function movesSentence(moves: NonNullable<BulletinInput["moves"]>, max = 10): string | undefined {
  const list = (ms: readonly RankMove[]) =>
    names(
      ms.map((m) => `${m.name}（${m.change}）`),
      max
    );
  const parts = [
    ...(moves.up.length ? [`名次上升最多的是${list(moves.up)}`] : []),
    ...(moves.down.length ? [`下降最多的是${list(moves.down)}`] : []),
  ];
  return parts.length ? `与上次调度相比，${parts.join("；")}。` : undefined;
}

export function bulletinText(input: BulletinInput): string {
  return bulletinSentences(input).join("");
}
