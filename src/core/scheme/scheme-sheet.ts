/**
 * The 考核方案 sheet: the scheme as tables a clerk can read, edit and print (A4 landscape, title rows repeated).
 *
 * API
 * - `schemeSheet(scheme)` → SheetModel (kind "scheme") named `考核方案`.
 * - `schemeSheetLayout(scheme)` → SchemeSheetLayout: the A1 address on that sheet of every value the `得分` sheet's
 *   formulas may reference (each indicator's points and parameters, the caps, the grades table…), for the sheet
 *   that `schemeSheet(scheme)` writes. `readSchemeSheet` (read-scheme-sheet.ts) returns the same layout for a sheet
 *   as the clerk left it, rows added or moved; use that one when the scheme came from the sheet.
 * Addresses are plain A1 ("E9", "A35:B38"); prefix `sheetRef(layout.sheet)` and add `$` as needed.
 * A blank parameter cell means the method's default (封顶倍数 1, 基础分 0.6, 步长 1); the written sheet fills them in,
 * but a clerk may clear one, so formulas should read `IF(cell="",default,cell)`. Caps hold a number or “不设上限”.
 *
 * Layout, top to bottom, one blank row between blocks (section headings in column A, hints in brackets):
 *   1 title, 2 note; 一、基本设置 (项目 | 设置 | 说明); 二、考核指标 (序号 | 指标 | 数据列 | 方法 | 分值 | 目标值 | 封顶倍数 |
 *   限值 | 步长 | 每步扣分 | 满意值 | 不允许值 | 基础分, then 合计); 三、一票否决项; 四、综合等次; 五、奖项名额;
 *   六、按名次奖励; 七、达标奖励 (数据列 row, then tiers); 八、进步奖励 (上年名次列 row, then tiers); 九、罚款;
 *   十、等次系数 (指标 | 等次 | 系数, one row per grade of each 定性等次 indicator whose factors are not the defaults:
 *   a table the 得分 formulas look up with VLOOKUP, not a text to be parsed). An older sheet's 等次系数 column in the
 *   indicator table (“优=1;良=0.8…”) is still read.
 * Scheme version 2 (SPEC §3.1): the indicator table also has 分母列 | 平时成绩列 (“、” between columns) | 平时权重,
 *   and a per-unit parameter's cell holds the column's header instead of a number; then 十一、民主评议 (指标 | 票数列 |
 *   权重, one row per vote column: live weights), 十二、加减分台账 and 十四、报酬 (项目 | 设置 rows; a 报酬 part holds a
 *   number or a column's header), 十三、单项末位 (序号 | 指标), 十五、其他工作表 (工作表 | 表头行 | 单位列).
 */
import { Indicator, Param, Scheme, isColumnParam } from "./types";
import { METHOD_NAMES } from "./labels";
import { METHOD_PARAMS } from "./validate";
import { NO_CAP, formatList, formatStages } from "./sheet-text";
import { DEFAULT_BULLETIN } from "../bulletin-defaults";
import { CellValue, ModelCell, RangeFormat, SheetModel, columnLetter } from "../sheet-model";

export const SCHEME_SHEET = "考核方案";

export type SettingKey =
  | "name"
  | "sheet"
  | "headerRow"
  | "nameColumn"
  | "group"
  | "vetoMode"
  | "precision"
  | "coefficient"
  | "bonusColumns"
  | "bonusCap"
  | "deductionColumns"
  | "deductionCap"
  | "top"
  | "bottom"
  | "dense"
  | "progressDone"
  | "progressTask"
  | "stages"
  | "bulletinOffice"
  | "bulletinSalutation"
  | "bulletinClosing";

export const SETTINGS: readonly { key: SettingKey; label: string; note: string; aliases?: string[] }[] = [
  { key: "name", label: "方案名称", note: "" },
  { key: "sheet", label: "数据表", note: "被考核单位的数据所在的工作表" },
  { key: "headerRow", label: "表头行", note: "数据表中表头所在的行号", aliases: ["标题行"] },
  { key: "nameColumn", label: "单位列", note: "单位名称所在列的表头（也可填列字母，如 A）", aliases: ["名称列", "单位名称列"] },
  { key: "group", label: "分组列", note: "按此列分组排名、评奖（如行政村、社区分开排）；空白表示全部一起排", aliases: ["类别列"] },
  { key: "vetoMode", label: "否决方式", note: "排除：被否决单位保留得分，排在本组最后，不评奖、不奖励；记零分：总分记为 0，照常参与排名" },
  { key: "precision", label: "小数位数", note: "总分保留的小数位数（四舍五入）" },
  { key: "coefficient", label: "系数列", note: "规模系数所在列，总分乘以系数；空白表示系数为 1", aliases: ["规模系数列", "系数"] },
  { key: "bonusColumns", label: "加分列", note: "多列用“、”隔开" },
  { key: "bonusCap", label: "加分上限", note: "填数值，或“不设上限”", aliases: ["加分封顶"] },
  { key: "deductionColumns", label: "扣分列", note: "多列用“、”隔开；扣分按绝对值计" },
  { key: "deductionCap", label: "扣分上限", note: "填数值，或“不设上限”", aliases: ["扣分封顶"] },
  { key: "top", label: "龙榜人数", note: "每组前几名列入龙榜" },
  { key: "bottom", label: "虎榜人数", note: "每组后几名列入虎榜" },
  { key: "dense", label: "中国式排名", note: "是：并列不占名次（1,2,2,3）；否：并列占名次（1,2,2,4）" },
  {
    key: "progressDone",
    label: "完成数列",
    note: "分阶段调度：累计完成数所在列；每次调度一列时按次序列出（如“第1次、第2次”）",
    aliases: ["已完成数列"],
  },
  { key: "progressTask", label: "任务数列", note: "分阶段调度：任务数所在列" },
  { key: "stages", label: "各阶段要求", note: "第1次、第2次……调度时累计应完成的比例，用“、”隔开", aliases: ["阶段要求"] },
];

/**
 * The Word bulletin's wording (bulletin.office, .salutation, .closing): rows like the 基本设置 ones, in a block of
 * their own at the end of the sheet, so adding them moves no row a formula or a clerk already refers to. They are
 * read wherever they stand in either block.
 */
export const BULLETIN_SETTINGS: readonly { key: SettingKey; label: string; note: string; aliases?: string[] }[] = [
  { key: "bulletinOffice", label: "发文单位", note: `Word 通报的发文单位；空白为“${DEFAULT_BULLETIN.office}”`, aliases: ["发文机关"] },
  {
    key: "bulletinSalutation",
    label: "通报主送",
    note: `Word 通报的主送单位；空白为“${DEFAULT_BULLETIN.salutation}”`,
    aliases: ["主送", "称谓"],
  },
  { key: "bulletinClosing", label: "通报结束语", note: "Word 通报末尾的要求；空白为默认的一句", aliases: ["结束语"] },
];

export type IndicatorField = "seq" | keyof Indicator;

export const INDICATOR_COLUMNS: readonly { field: IndicatorField; header: string; width: number; aliases?: string[]; legacy?: boolean }[] =
  [
    { field: "seq", header: "序号", width: 11 },
    { field: "name", header: "指标", width: 14, aliases: ["指标名称", "考核指标", "项目"] },
    { field: "column", header: "数据列", width: 14, aliases: ["数据", "数据列名"] },
    { field: "method", header: "方法", width: 11, aliases: ["计分方法", "评分方法", "考核方法"] },
    { field: "points", header: "分值", width: 8, aliases: ["权重", "分数", "满分"] },
    { field: "target", header: "目标值", width: 9, aliases: ["目标"] },
    { field: "cap", header: "封顶倍数", width: 9, aliases: ["封顶"] },
    { field: "limit", header: "限值", width: 8, aliases: ["控制值"] },
    { field: "step", header: "步长", width: 8 },
    { field: "deduct", header: "每步扣分", width: 9 },
    { field: "good", header: "满意值", width: 9 },
    { field: "bad", header: "不允许值", width: 9 },
    { field: "base", header: "基础分", width: 8, aliases: ["基础系数"] },
    // Scheme version 2 (SPEC §3.1): the value ÷ 分母列; blended with 平时成绩列 by 平时权重.
    { field: "per", header: "分母列", width: 10, aliases: ["分母", "除以"] },
    { field: "periodic", header: "平时成绩列", width: 14, aliases: ["平时列", "平时成绩"] },
    { field: "periodicWeight", header: "平时权重", width: 9, aliases: ["平时成绩权重"] },
    // Read from older sheets only: the factors are now the 等次系数 table.
    { field: "grades", header: "等次系数", width: 26, legacy: true },
  ];

/** The indicator table's columns as written. */
export const WRITTEN_INDICATOR_COLUMNS = INDICATOR_COLUMNS.filter((c) => !c.legacy);

export type SectionKey =
  | "settings"
  | "indicators"
  | "vetoes"
  | "grades"
  | "awards"
  | "byRank"
  | "byThreshold"
  | "byImprovement"
  | "fines"
  | "gradeFactors"
  | "bulletin"
  | "votes"
  | "ledger"
  | "disqualifyLast"
  | "pay"
  | "sheets";

export const SECTIONS: readonly { key: SectionKey; title: string; hint?: string; aliases: string[] }[] = [
  { key: "settings", title: "基本设置", aliases: ["基本信息", "方案设置"] },
  {
    key: "indicators",
    title: "考核指标",
    hint: "方法可填：直接打分、完成率法、逆向指标、功效系数法、定性等次、标杆法、排名赋分",
    aliases: ["指标"],
  },
  { key: "vetoes", title: "一票否决项", hint: "数据列中填“是/√/1”即否决", aliases: ["一票否决", "否决项"] },
  { key: "grades", title: "综合等次", hint: "总分达到最低分即评该等次", aliases: ["等次"] },
  {
    key: "awards",
    title: "奖项名额",
    hint: "按总分从高到低，依次评给第一个达到最低分且名额未满的奖项；并列同奖",
    aliases: ["奖项", "评奖"],
  },
  {
    key: "byRank",
    title: "按名次奖励",
    hint: "名次填 k 表示前 k 名，填 −k 表示倒数 k 名；金额为负即扣罚",
    aliases: ["名次奖励", "名次奖惩"],
  },
  { key: "byThreshold", title: "达标奖励", hint: "数据列的值达到达标值即奖", aliases: ["按达标奖励"] },
  { key: "byImprovement", title: "进步奖励", hint: "上年名次减今年名次达到进步名次即奖", aliases: ["按进步奖励"] },
  { key: "fines", title: "罚款", hint: "次数（天数）×每次金额", aliases: ["罚款项目"] },
  {
    key: "gradeFactors",
    title: "等次系数",
    hint: "定性等次指标：等次得分 = 分值 × 系数；未列出的指标按 优1、良0.8、中0.6、差0.4",
    aliases: ["定性等次系数"],
  },
  { key: "bulletin", title: "通报设置", hint: "Word 通报用；空白为默认", aliases: ["通报", "Word通报"] },
  {
    key: "votes",
    title: "民主评议",
    hint: "评议指标的票数列和每类票的权重；得分 = 分值 × Σ票数×权重 ÷ 总票数",
    aliases: ["评议票数", "民主评议票数"],
  },
  {
    key: "ledger",
    title: "加减分台账",
    hint: "台账每行一件事：分值为正计入加分，为负计入扣分（在上限之前）",
    aliases: ["台账", "加减分记录"],
  },
  { key: "disqualifyLast", title: "单项末位", hint: "这些指标得分为本组最低的单位，取消评奖和奖励资格", aliases: ["单项末位取消资格"] },
  {
    key: "pay",
    title: "报酬",
    hint: "报酬 = 基础报酬 + 绩效（总分达到及格分后按 总分÷满分 × 绩效工资额）+ 奖励 + 集体经济奖金；可填数值或数据列",
    aliases: ["村干部报酬", "报酬构成"],
  },
  { key: "sheets", title: "其他工作表", hint: "“1月!党建”这类列所在工作表的表头行和单位列；空白则自动查找", aliases: ["其他表"] },
];

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"];

/** Headers of the small tables, by field. */
export const TABLE_HEADERS = {
  vetoes: [
    { field: "seq", header: "序号", aliases: [] as string[] },
    { field: "column", header: "数据列", aliases: ["否决项", "否决项数据列"] },
  ],
  grades: [
    { field: "threshold", header: "最低分", aliases: ["分数线", "起点分"] },
    { field: "grade", header: "等次", aliases: ["等次名称"] },
  ],
  awards: [
    { field: "award", header: "奖项", aliases: ["奖项名称"] },
    { field: "quota", header: "名额", aliases: ["名额数"] },
    { field: "minimum", header: "最低分", aliases: ["分数线"] },
  ],
  byRank: [
    { field: "bound", header: "名次", aliases: ["名次范围"] },
    { field: "amount", header: "金额", aliases: ["奖励金额", "奖惩金额"] },
  ],
  byThreshold: [
    { field: "threshold", header: "达标值", aliases: ["标准"] },
    { field: "amount", header: "奖励金额", aliases: ["金额"] },
  ],
  byImprovement: [
    { field: "threshold", header: "进步名次", aliases: ["前进名次"] },
    { field: "amount", header: "奖励金额", aliases: ["金额"] },
  ],
  fines: [
    { field: "column", header: "数据列", aliases: ["罚款项目"] },
    { field: "amount", header: "每次金额", aliases: ["金额", "单价"] },
  ],
  gradeFactors: [
    { field: "indicator", header: "指标", aliases: ["指标名称"] },
    { field: "grade", header: "等次", aliases: ["等次名称"] },
    { field: "factor", header: "系数", aliases: ["得分系数"] },
  ],
  votes: [
    { field: "indicator", header: "指标", aliases: ["指标名称"] },
    { field: "column", header: "票数列", aliases: ["数据列"] },
    { field: "weight", header: "权重", aliases: ["票数权重"] },
  ],
  disqualifyLast: [
    { field: "seq", header: "序号", aliases: [] as string[] },
    { field: "indicator", header: "指标", aliases: ["指标名称"] },
  ],
  sheets: [
    { field: "sheet", header: "工作表", aliases: ["表名"] },
    { field: "headerRow", header: "表头行", aliases: ["标题行"] },
    { field: "name", header: "单位列", aliases: ["名称列"] },
  ],
} as const;

/** The 加减分台账 and 报酬 blocks: one labelled row per field (项目 | 设置), as 基本设置. */
export const LEDGER_ROWS: readonly { key: keyof import("./types").Ledger; label: string; aliases?: string[] }[] = [
  { key: "sheet", label: "台账工作表", aliases: ["工作表", "台账表"] },
  { key: "headerRow", label: "表头行", aliases: ["标题行"] },
  { key: "unit", label: "单位列" },
  { key: "points", label: "分值列", aliases: ["加减分列"] },
  { key: "reason", label: "事由列", aliases: ["原因列", "扣分原因列"] },
  { key: "date", label: "日期列" },
];

export const PAY_ROWS: readonly { key: keyof import("./types").Pay; label: string; aliases?: string[] }[] = [
  { key: "base", label: "基础报酬", aliases: ["基本报酬"] },
  { key: "amount", label: "绩效工资额", aliases: ["绩效报酬", "绩效工资"] },
  { key: "full", label: "绩效满分", aliases: ["满分"] },
  { key: "pass", label: "绩效及格分", aliases: ["及格分"] },
  { key: "collective", label: "集体经济奖金", aliases: ["集体经济"] },
];

/** The column label of the 达标奖励 / 进步奖励 sections. */
export const REWARD_COLUMN_LABELS = { byThreshold: "数据列", byImprovement: "上年名次列" } as const;

export type TableSection = keyof typeof TABLE_HEADERS;

/** A small table on the sheet. */
export interface TableCells {
  /** 1-based row of the header. */
  headerRow: number;
  /** Column letters by field (e.g. grades: { threshold: "A", grade: "B" }). */
  columns: Record<string, string>;
  /** The rows under the header, e.g. "A35:B38"; undefined when the table is empty. */
  range?: string;
  /** 1-based rows of the entries, in scheme order. */
  rows: number[];
}

export type IndicatorCellAddresses = Record<"name" | "column" | "method" | "points", string> &
  Partial<Record<Exclude<keyof Indicator, "name" | "column" | "method" | "points">, string>>;

export interface IndicatorCells {
  name: string;
  /** 1-based row. */
  row: number;
  /**
   * Address of each field's cell, whatever the method: points "E9", target "F9"… The written sheet has them all;
   * a sheet read back lacks a parameter whose column the clerk deleted (name, column, method, points are always there).
   */
  cells: IndicatorCellAddresses;
}

export interface SchemeSheetLayout {
  sheet: string;
  /** Address of each setting's value cell (column B of 基本设置); absent when the clerk removed the row. */
  settings: Partial<Record<SettingKey, string>>;
  indicators: IndicatorCells[];
  /** The 合计 of the points. */
  pointsTotal?: string;
  vetoes?: TableCells;
  grades?: TableCells;
  awards?: TableCells;
  byRank?: TableCells;
  byThreshold?: TableCells & { column: string };
  byImprovement?: TableCells & { column: string };
  fines?: TableCells;
  /** The 等次系数 table, with the 1-based rows of each indicator's grades. */
  gradeFactors?: TableCells & { byIndicator: Record<string, number[]> };
  /** 民主评议: the 1-based rows of each vote indicator's columns, in order (their 权重 cells are live). */
  votes?: TableCells & { byIndicator: Record<string, number[]> };
  /** 加减分台账 and 报酬: each field's value cell (column B). */
  ledger?: Partial<Record<(typeof LEDGER_ROWS)[number]["key"], string>>;
  pay?: Partial<Record<(typeof PAY_ROWS)[number]["key"], string>>;
  disqualifyLast?: TableCells;
  sheets?: TableCells;
}

/** Hints after a title (in brackets) and the numbering before it are not part of a section's name. */
export function sectionTitle(index: number, key: SectionKey): string {
  const s = SECTIONS.find((x) => x.key === key) as (typeof SECTIONS)[number];
  return `${NUMERALS[index]}、${s.title}${s.hint ? `（${s.hint}）` : ""}`;
}

const WIDTH = WRITTEN_INDICATOR_COLUMNS.length;
const LAST = columnLetter(WIDTH - 1);
const HEADER_FILL = "#D9E1F2";
const LABEL_FILL = "#F2F2F2";

class Builder {
  readonly rows: ModelCell[][] = [];
  readonly formats: RangeFormat[] = [];
  readonly merges: string[] = [];
  private section = 0;

  /** 1-based number of the next row. */
  get next(): number {
    return this.rows.length + 1;
  }

  push(values: (CellValue | ModelCell)[]): number {
    this.rows.push(values.map((v) => (v !== null && typeof v === "object" ? v : { value: v })));
    return this.rows.length;
  }

  heading(key: SectionKey): void {
    if (this.rows.length) this.push([]);
    const row = this.push([sectionTitle(this.section++, key)]);
    this.formats.push({ range: `A${row}`, bold: true, fontSize: 12 });
  }

  header(headers: readonly string[]): number {
    const row = this.push([...headers]);
    this.formats.push({
      range: `A${row}:${columnLetter(headers.length - 1)}${row}`,
      bold: true,
      fill: HEADER_FILL,
      border: true,
      horizontal: "center",
    });
    return row;
  }

  body(first: number, last: number, columns: number): void {
    if (last >= first) this.formats.push({ range: `A${first}:${columnLetter(columns - 1)}${last}`, border: true });
  }
}

const blankIfUndefined = (v: number | string | undefined): CellValue => (v === undefined ? null : v);

function settingValues(s: Scheme): Record<SettingKey, CellValue> {
  const cap = (section: Scheme["bonus"]) => (section ? (section.cap === null || section.cap === undefined ? NO_CAP : section.cap) : null);
  return {
    name: s.name,
    sheet: s.data.sheet,
    headerRow: s.data.headerRow,
    nameColumn: s.data.name,
    group: blankIfUndefined(s.data.group),
    vetoMode: (s.vetoMode ?? "exclude") === "exclude" ? "排除" : "记零分",
    precision: s.precision ?? 2,
    coefficient: blankIfUndefined(s.coefficient),
    bonusColumns: s.bonus ? formatList(s.bonus.columns) : null,
    bonusCap: cap(s.bonus),
    deductionColumns: s.deduction ? formatList(s.deduction.columns) : null,
    deductionCap: cap(s.deduction),
    top: s.leaderboard?.top ?? 3,
    bottom: s.leaderboard?.bottom ?? 3,
    dense: s.ranking?.dense ? "是" : "否",
    progressDone: s.progress ? (Array.isArray(s.progress.done) ? formatList(s.progress.done) : s.progress.done) : null,
    progressTask: s.progress ? s.progress.task : null,
    stages: s.progress?.stages ? formatStages(s.progress.stages) : null,
    bulletinOffice: blankIfUndefined(s.bulletin?.office),
    bulletinSalutation: blankIfUndefined(s.bulletin?.salutation),
    bulletinClosing: blankIfUndefined(s.bulletin?.closing),
  };
}

function indicatorCell(ind: Indicator, field: IndicatorField, seq: number): CellValue {
  if (field === "seq") return seq;
  if (field === "method") return METHOD_NAMES[ind.method];
  if (field === "name" || field === "column" || field === "points") return ind[field];
  if (field === "per") return ind.per ?? null;
  if (field === "periodic") return ind.periodic ? formatList(ind.periodic) : null;
  if (field === "periodicWeight") return ind.periodicWeight ?? null;
  if (field === "grades" || !(METHOD_PARAMS[ind.method] as readonly string[]).includes(field)) return null;
  const v = ind[field];
  // A per-unit parameter ({column}) shows the column's header (SPEC §3.1); lists are written by their own tables.
  if (isColumnParam(v)) return v.column;
  return typeof v === "number" || typeof v === "string" ? v : null;
}

function table(b: Builder, key: TableSection, rows: CellValue[][]): TableCells {
  const headers = TABLE_HEADERS[key];
  const headerRow = b.header(headers.map((h) => h.header));
  const first = b.next;
  const out: TableCells = { headerRow, columns: {}, rows: [] };
  headers.forEach((h, i) => (out.columns[h.field] = columnLetter(i)));
  for (const r of rows) out.rows.push(b.push(r));
  if (rows.length) {
    out.range = `A${first}:${columnLetter(headers.length - 1)}${b.next - 1}`;
    b.body(first, b.next - 1, headers.length);
  }
  return out;
}

function build(s: Scheme): { model: SheetModel; layout: SchemeSheetLayout } {
  const b = new Builder();
  const layout: SchemeSheetLayout = { sheet: SCHEME_SHEET, settings: {}, indicators: [] };

  const titleRow = b.push([null]);
  b.push(["可直接修改本表：改分值、目标值等参数，增删指标行、否决项、奖项等行；重新计分即按本表计算。"]);
  b.merges.push(`A1:${LAST}1`, `A2:${LAST}2`);
  b.formats.push({ range: `A1:${LAST}1`, bold: true, fontSize: 16, horizontal: "center" }, { range: `A2:${LAST}2`, fontColour: "#595959" });

  b.heading("settings");
  const firstSetting = b.header(["项目", "设置", "说明"]) + 1;
  const values = settingValues(s);
  for (const setting of SETTINGS) {
    const row = b.push([setting.label, values[setting.key], setting.note || null]);
    layout.settings[setting.key] = `B${row}`;
  }
  b.body(firstSetting, b.next - 1, 2);
  b.formats.push(
    { range: `A${firstSetting}:A${b.next - 1}`, fill: LABEL_FILL, bold: true },
    { range: `B${firstSetting}:B${b.next - 1}`, horizontal: "left" }
  );
  const nameCell = layout.settings.name as string;
  b.rows[titleRow - 1][0] = { value: `${s.name}　考核方案`, formula: `=${nameCell}&"　考核方案"` };

  b.heading("indicators");
  b.header(WRITTEN_INDICATOR_COLUMNS.map((c) => c.header));
  const firstIndicator = b.next;
  s.indicators.forEach((ind, i) => {
    const row = b.push(WRITTEN_INDICATOR_COLUMNS.map((c) => indicatorCell(ind, c.field, i + 1)));
    const cells = {} as Record<keyof Indicator, string>;
    WRITTEN_INDICATOR_COLUMNS.forEach((c, k) => {
      if (c.field !== "seq") cells[c.field] = `${columnLetter(k)}${row}`;
    });
    layout.indicators.push({ name: ind.name, row, cells });
  });
  const lastIndicator = b.next - 1;
  const pointsCol = columnLetter(WRITTEN_INDICATOR_COLUMNS.findIndex((c) => c.field === "points"));
  const total = s.indicators.reduce((sum, ind) => sum + ind.points, 0);
  const totalRow = b.push([
    null,
    "合计",
    null,
    null,
    { value: total, formula: `=SUM(${pointsCol}${firstIndicator}:${pointsCol}${lastIndicator})` },
  ]);
  layout.pointsTotal = `${pointsCol}${totalRow}`;
  b.body(firstIndicator, totalRow, WIDTH);
  b.formats.push(
    { range: `A${totalRow}:${LAST}${totalRow}`, bold: true },
    { range: `A${firstIndicator}:A${lastIndicator}`, horizontal: "center" }
  );

  b.heading("vetoes");
  layout.vetoes = table(
    b,
    "vetoes",
    (s.vetoes ?? []).map((c, i) => [i + 1, c])
  );
  b.heading("grades");
  layout.grades = table(
    b,
    "grades",
    (s.grades ?? []).map(([t, g]) => [t, g])
  );
  b.heading("awards");
  layout.awards = table(
    b,
    "awards",
    (s.awards ?? []).map(([a, q, m]) => [a, q, m])
  );
  b.heading("byRank");
  layout.byRank = table(
    b,
    "byRank",
    (s.rewards?.byRank ?? []).map(([k, v]) => [k, v])
  );
  for (const key of ["byThreshold", "byImprovement"] as const) {
    b.heading(key);
    const r = s.rewards?.[key];
    const row = b.push([REWARD_COLUMN_LABELS[key], r ? r.column : null]);
    b.formats.push({ range: `A${row}`, bold: true, fill: LABEL_FILL }, { range: `A${row}:B${row}`, border: true });
    layout[key] = {
      ...table(
        b,
        key,
        (r?.tiers ?? []).map(([t, v]) => [t, v])
      ),
      column: `B${row}`,
    };
  }
  b.heading("fines");
  layout.fines = table(
    b,
    "fines",
    (s.fines ?? []).map((f) => [f.column, f.amount])
  );

  b.heading("gradeFactors");
  const factorRows = s.indicators.flatMap((ind) =>
    ind.method === "grade" && ind.grades ? Object.entries(ind.grades).map(([g, f]) => [ind.name, g, f] as CellValue[]) : []
  );
  const factors = table(b, "gradeFactors", factorRows);
  const byIndicator: Record<string, number[]> = {};
  factorRows.forEach((r, i) => (byIndicator[r[0] as string] ??= []).push(factors.rows[i]));
  layout.gradeFactors = { ...factors, byIndicator };
  v2Blocks(b, s, layout);

  b.heading("bulletin");
  b.header(["项目", "设置", "说明"]);
  const firstWord = b.next;
  for (const setting of BULLETIN_SETTINGS) {
    const row = b.push([setting.label, values[setting.key], setting.note || null]);
    layout.settings[setting.key] = `B${row}`;
  }
  b.body(firstWord, b.next - 1, 3);
  b.formats.push({ range: `A${firstWord}:A${b.next - 1}`, fill: LABEL_FILL, bold: true });

  const model: SheetModel = {
    name: SCHEME_SHEET,
    kind: "scheme",
    cells: b.rows,
    columnWidths: WRITTEN_INDICATOR_COLUMNS.map((c) => c.width),
    formats: b.formats,
    merges: b.merges,
    print: { paper: "A4", orientation: "landscape", titleRows: "1:2", fitToWidth: true, footer: "第 &P 页，共 &N 页" },
  };
  return { model, layout };
}

/** Labelled rows (项目 | 设置) for the fields of one object; returns each field's value cell. */
function labelRows<K extends string>(b: Builder, rows: readonly { key: K; label: string }[], values: Partial<Record<K, CellValue>>) {
  const first = b.header(["项目", "设置"]) + 1;
  const out: Partial<Record<K, string>> = {};
  for (const r of rows) out[r.key] = `B${b.push([r.label, values[r.key] ?? null])}`;
  b.body(first, b.next - 1, 2);
  b.formats.push({ range: `A${first}:A${b.next - 1}`, fill: LABEL_FILL, bold: true });
  return out;
}

const paramCell = (p: Param | undefined): CellValue => (p === undefined ? null : isColumnParam(p) ? p.column : p);

/** 十一 to 十五 (scheme version 2): 民主评议, 加减分台账, 单项末位, 报酬, 其他工作表. */
function v2Blocks(b: Builder, s: Scheme, layout: SchemeSheetLayout): void {
  b.heading("votes");
  const voteRows = s.indicators.flatMap((ind) =>
    ind.method === "vote" ? (ind.columns ?? []).map((c, j) => [ind.name, c, (ind.weights ?? [])[j] ?? null] as CellValue[]) : []
  );
  const votes = table(b, "votes", voteRows);
  const byIndicator: Record<string, number[]> = {};
  voteRows.forEach((r, i) => (byIndicator[r[0] as string] ??= []).push(votes.rows[i]));
  layout.votes = { ...votes, byIndicator };
  b.heading("ledger");
  const l = s.ledger;
  layout.ledger = labelRows(b, LEDGER_ROWS, l ? { ...l } : {});
  b.heading("disqualifyLast");
  layout.disqualifyLast = table(
    b,
    "disqualifyLast",
    (s.disqualifyLast ?? []).map((n, i) => [i + 1, n])
  );
  b.heading("pay");
  const p = s.pay;
  layout.pay = labelRows(
    b,
    PAY_ROWS,
    p
      ? {
          base: paramCell(p.base),
          amount: paramCell(p.amount),
          full: paramCell(p.full),
          pass: paramCell(p.pass),
          collective: paramCell(p.collective),
        }
      : {}
  );
  b.heading("sheets");
  layout.sheets = table(
    b,
    "sheets",
    Object.entries(s.sheets ?? {}).map(([name, spec]) => [name, spec.headerRow ?? null, spec.name ?? null])
  );
}

/** The 考核方案 sheet of a scheme (in normal form, as parseScheme returns it). */
export function schemeSheet(scheme: Scheme): SheetModel {
  return build(scheme).model;
}

/** Where each value is on the sheet that schemeSheet(scheme) writes. */
export function schemeSheetLayout(scheme: Scheme): SchemeSheetLayout {
  return build(scheme).layout;
}
