/**
 * Chinese names of the scheme's fields and methods, for the 考核方案 sheet and for messages.
 * `describePath` says where a JSON path is (`方案第3个指标（参保率）`) and what the field is called.
 */
import { Method } from "./types";
import { Path } from "./errors";
import { toHalfWidth } from "../values";

export const METHODS: readonly Method[] = ["points", "target", "limit", "efficacy", "grade", "benchmark", "rank", "vote"];

export const METHOD_NAMES: Readonly<Record<Method, string>> = {
  points: "直接打分",
  target: "完成率法",
  limit: "逆向指标",
  efficacy: "功效系数法",
  grade: "定性等次",
  benchmark: "标杆法",
  rank: "排名赋分",
  vote: "民主评议",
};

/** Other words a clerk may write for a method. */
const METHOD_ALIASES: Readonly<Record<string, Method>> = {
  直接得分: "points",
  打分: "points",
  完成率: "target",
  目标完成率法: "target",
  逆向: "limit",
  逆向指标法: "limit",
  功效系数: "efficacy",
  定性: "grade",
  等次: "grade",
  标杆: "benchmark",
  排名: "rank",
  排名法: "rank",
  评议: "vote",
  民主测评: "vote",
  满意度测评: "vote",
};

/** A method from its Chinese name, an alias or its JSON key; undefined when none fits. */
export function methodFromText(text: string): Method | undefined {
  const s = toHalfWidth(text).replace(/\s+/g, "");
  for (const m of METHODS) if (METHOD_NAMES[m] === s || m === s.toLowerCase()) return m;
  return METHOD_ALIASES[s];
}

export const INDICATOR_LABELS: Readonly<Record<string, string>> = {
  name: "指标名称",
  column: "数据列",
  method: "方法",
  points: "分值",
  target: "目标值",
  cap: "封顶倍数",
  limit: "限值",
  step: "步长",
  deduct: "每步扣分",
  good: "满意值",
  bad: "不允许值",
  base: "基础分",
  grades: "等次系数",
  columns: "评议票数列",
  weights: "评议权重",
  per: "分母列",
  periodic: "平时成绩列",
  periodicWeight: "平时成绩权重",
};

export const TOP_LABELS: Readonly<Record<string, string>> = {
  name: "方案名称",
  data: "数据设置",
  "data.sheet": "数据表",
  "data.headerRow": "表头行",
  "data.name": "单位列",
  "data.group": "分组列",
  indicators: "考核指标",
  vetoes: "否决项",
  vetoMode: "否决方式",
  bonus: "加分",
  "bonus.columns": "加分列",
  "bonus.cap": "加分上限",
  deduction: "扣分",
  "deduction.columns": "扣分列",
  "deduction.cap": "扣分上限",
  coefficient: "系数列",
  precision: "小数位数",
  ranking: "排名设置",
  "ranking.dense": "中国式排名",
  leaderboard: "龙虎榜设置",
  "leaderboard.top": "龙榜人数",
  "leaderboard.bottom": "虎榜人数",
  grades: "等次",
  awards: "奖项",
  rewards: "奖励",
  "rewards.byRank": "按名次奖励",
  "rewards.byThreshold": "达标奖励",
  "rewards.byThreshold.column": "达标奖励数据列",
  "rewards.byThreshold.tiers": "达标奖励档次",
  "rewards.byImprovement": "进步奖励",
  "rewards.byImprovement.column": "上年名次列",
  "rewards.byImprovement.tiers": "进步奖励档次",
  fines: "罚款",
  progress: "分阶段调度",
  "progress.done": "完成数列",
  "progress.task": "任务数列",
  "progress.stages": "各阶段要求",
  sheets: "其他表设置",
  ledger: "加减分台账",
  "ledger.sheet": "台账工作表",
  "ledger.headerRow": "台账表头行",
  "ledger.unit": "台账单位列",
  "ledger.points": "台账分值列",
  "ledger.reason": "台账事由列",
  "ledger.date": "台账日期列",
  disqualifyLast: "单项末位",
  pay: "报酬",
  "pay.base": "基础报酬",
  "pay.amount": "绩效工资额",
  "pay.full": "绩效满分",
  "pay.pass": "绩效及格分",
  "pay.collective": "集体经济奖金",
  bulletin: "通报设置",
  "bulletin.office": "发文单位",
  "bulletin.salutation": "通报主送",
  "bulletin.closing": "通报结束语",
};

const SHEET_SPEC_LABELS: Readonly<Record<string, string>> = { headerRow: "表头行", name: "单位列" };

/** Labels of the entries of (tuple) rows. */
const ROW_LABELS: Readonly<Record<string, { what: string; fields: Record<string, string> }>> = {
  vetoes: { what: "否决项", fields: {} },
  grades: { what: "等次", fields: { 0: "最低分", 1: "等次名称" } },
  awards: { what: "奖项", fields: { 0: "奖项名称", 1: "名额", 2: "最低分" } },
  fines: { what: "罚款", fields: { column: "数据列", amount: "每次金额" } },
  "rewards.byRank": { what: "按名次奖励", fields: { 0: "名次", 1: "金额" } },
};

export interface PathDescription {
  /** Where: `方案`, `方案第3个指标（参保率）`, `方案第2个奖项`, `方案的达标奖励第1档`. */
  where: string;
  /** The field's Chinese label, if the path names a field. */
  label?: string;
  /** The field's JSON key (for JSON messages), if it has one. */
  key?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Where a path is, in words, for messages about a JSON scheme (`raw` supplies indicator names). */
export function describePath(path: Path, raw: unknown): PathDescription {
  const [head, index, ...rest] = path;
  if (head === "indicators" && typeof index === "number") {
    const list = isRecord(raw) ? raw.indicators : undefined;
    const item = Array.isArray(list) ? list[index] : undefined;
    const name = isRecord(item) && typeof item.name === "string" && item.name.trim() ? `（${item.name.trim()}）` : "";
    const where = `方案第${index + 1}个指标${name}`;
    if (rest.length === 0) return { where };
    const key = rest.join(".");
    return { where, label: INDICATOR_LABELS[String(rest[0])] ?? key, key };
  }
  for (const [prefix, row] of Object.entries(ROW_LABELS)) {
    const parts = prefix.split(".");
    const at = path.slice(0, parts.length).join(".");
    const i = path[parts.length];
    if (at === prefix && typeof i === "number") {
      const where = `方案第${i + 1}个${row.what}`;
      const field = path[parts.length + 1];
      if (field === undefined) return { where, label: row.what === "否决项" ? "数据列" : undefined };
      return { where, label: row.fields[String(field)] ?? String(field), key: typeof field === "string" ? field : undefined };
    }
  }
  for (const [what, prefix] of [
    ["达标奖励", "rewards.byThreshold.tiers"],
    ["进步奖励", "rewards.byImprovement.tiers"],
  ]) {
    const parts = prefix.split(".");
    const i = path[parts.length];
    if (path.slice(0, parts.length).join(".") === prefix && typeof i === "number") {
      const field = path[parts.length + 1];
      const label = field === 0 ? (what === "达标奖励" ? "达标值" : "进步名次") : field === 1 ? "奖励金额" : undefined;
      return { where: `方案的${what}第${i + 1}档`, label };
    }
  }
  if (path.length >= 3 && typeof path[path.length - 1] === "number") {
    const parent = path.slice(0, -1).join(".");
    const i = path[path.length - 1] as number;
    const label = TOP_LABELS[parent] ?? parent;
    return { where: `方案的${label}`, label: `第${i + 1}项`, key: `${parent}[${i}]` };
  }
  if (path.length === 2 && typeof path[1] === "number") {
    const label = TOP_LABELS[String(path[0])] ?? String(path[0]);
    return { where: `方案的${label}`, label: `第${path[1] + 1}项`, key: `${path[0]}[${path[1]}]` };
  }
  if (path.length === 0) return { where: "方案" };
  if (path[0] === "sheets" && path.length >= 2) {
    const where = `方案的其他表设置（${String(path[1])}）`;
    const field = path[2];
    return field === undefined ? { where } : { where, label: SHEET_SPEC_LABELS[String(field)] ?? String(field), key: String(field) };
  }
  const key = path.join(".");
  // {"column": …} of a number-or-column field is that field.
  const label = TOP_LABELS[key] ?? (path[path.length - 1] === "column" ? TOP_LABELS[path.slice(0, -1).join(".")] : undefined);
  return { where: "方案", label: label ?? key, key };
}

/** “目标值”（target） for JSON messages, or just “目标值” on the sheet. */
export function fieldText(d: PathDescription, withKey: boolean): string {
  if (!d.label) return "";
  return withKey && d.key ? `“${d.label}”（${d.key}）` : `“${d.label}”`;
}

/** A JSON-style line: `方案第3个指标（参保率）：缺少“目标值”（target）`. */
export function jsonMessage(path: Path, text: string, raw: unknown): string {
  const d = describePath(path, raw);
  return `${d.where}：${text.replace("{F}", fieldText(d, true))}`;
}
