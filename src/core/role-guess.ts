/**
 * Sensible first guesses of what each column of a clerk's table is for, from its header text and its values
 * (a header containing 否决 or 事故 → 否决; 加分; 扣分; 系数; 类别 → 分组 …). The clerk confirms or changes them.
 * Scheme version 2 (SPEC §3.1): 满意/基本满意/不满意 → 评议票数; 平时/抽查 → 平时成绩; 集体经济 → 集体经济奖金
 * (报酬); 任务数/任务户数 → 任务数 (the dispatch's, and a per-unit target or denominator: scheme-from-roles.ts).
 */
import type { DetectedColumn, DetectedTable } from "./table-detect";
import type { Method } from "./scheme/types";

export type ColumnRole =
  | "name"
  | "indicator"
  | "veto"
  | "bonus"
  | "deduction"
  | "coefficient"
  | "group"
  | "fine"
  | "previousRank"
  | "done"
  | "task"
  | "vote"
  | "periodic"
  | "collective"
  | "targetColumn"
  | "perColumn"
  | "ignore";

export interface RoleGuess {
  column: DetectedColumn;
  role: ColumnRole;
  /** For indicators: a method and points to start from. */
  method?: Method;
  points?: number;
}

const RULES: [RegExp, ColumnRole][] = [
  [/^(非常满意|满意|比较满意|基本满意|一般|不满意|不了解)(票|票数|数)?$|票数$/, "vote"],
  [/平时|抽查/, "periodic"],
  [/集体经济/, "collective"],
  [/否决|事故|一票/, "veto"],
  [/加分/, "bonus"],
  [/扣分|减分/, "deduction"],
  [/系数/, "coefficient"],
  [/类别|分组|类型|组别|片区/, "group"],
  [/上年名次|上期名次|去年名次|原名次/, "previousRank"],
  [/缺签|旷工|迟到|早退|缺勤|次数|天数/, "fine"],
  [/已完成|完成数|已参保|实际完成/, "done"],
  [/任务数|任务户数|目标数|应参保/, "task"],
  [/序号|编号|备注|说明|电话|负责人|领导|干部|联系人/, "ignore"],
];

/**
 * Points written in a header, e.g. "党建(20分)" or "党建工作20分"; in a joined header (常规工作(40分)/党建(20分))
 * the lowest part's, which names the column itself.
 */
export function pointsInHeader(header: string): number | undefined {
  for (const part of header.split("/").reverse()) {
    const m = /(\d+(?:\.\d+)?)\s*分/.exec(part);
    if (m) return Number(m[1]);
  }
  return undefined;
}

const GRADE_WORDS = /^(优|良|中|差)$/;

export function guessRoles(table: DetectedTable, values?: unknown[][]): RoleGuess[] {
  return table.columns.map((column, i) => {
    if (i === table.nameColumn) return { column, role: "name" };
    if (i === table.groupColumn) return { column, role: "group" };
    if (column.kind === "empty" || !column.header) return { column, role: "ignore" };
    const rule = RULES.find(([re]) => re.test(column.header));
    if (rule) return { column, role: rule[1] };
    if (column.kind === "text") {
      const grades =
        values &&
        table.unitRows.every((r) => {
          const v = values[r - 1]?.[column.index];
          return v === null || v === undefined || v === "" || (typeof v === "string" && GRADE_WORDS.test(v.trim()));
        });
      return grades
        ? { column, role: "indicator", method: "grade", points: pointsInHeader(column.header) ?? 5 }
        : { column, role: "ignore" };
    }
    const stated = pointsInHeader(column.header);
    // A rate (0–1 or a 率 header) is scored against a target; anything else is taken as the entered score.
    if (/率/.test(column.header) || (column.max !== undefined && column.max <= 1 && (column.min ?? 0) >= 0)) {
      return { column, role: "indicator", method: "target", points: stated ?? 10 };
    }
    if (/名次|排名/.test(column.header)) return { column, role: "indicator", method: "rank", points: stated ?? 10 };
    return { column, role: "indicator", method: "points", points: stated ?? Math.max(1, Math.ceil(column.max ?? 10)) };
  });
}
