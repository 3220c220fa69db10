/**
 * 得分反查: why a cell of the 得分 sheet holds what it holds — the unit, the indicator and its method, every input
 * with its cell (`村级考核!E7 = 0.805`), every parameter with its cell on 考核方案 (`考核方案!F29 目标值 = 0.91`),
 * the formula in the cell, and the numbers worked through as lines (`15 × min(0.805 ÷ 0.91, 1) = 13.27`).
 * Also for the 加分, 扣分, 系数, 总分, 否决, 名次 and 等次 columns (有据可查).
 *
 * API: `explainScore(context, unitIndex, column, formula?)` → Explanation, or undefined when the column is not one
 * of the 得分 sheet's. `column` is the header text of the column (an indicator's name, 总分, 名次…).
 */
import { READINGS_SHEET } from "./sheets/readings-sheet";
import { Indicator, Scheme, isColumnParam } from "./scheme/types";
import { INDICATOR_LABELS, METHOD_NAMES } from "./scheme/labels";
import { SchemeSheetLayout } from "./scheme/scheme-sheet";
import { NO_CAP } from "./scheme/sheet-text";
import { DataTable, DataUnit } from "./data-table";
import { ScoreResult } from "./scoring/types";
import { gradeFactor } from "./scoring/indicator-score";
import { PreparedValue, TracedRead, indicatorSources, prepareValue } from "./scoring/indicator-value";
import { WorkbookData } from "./scoring/other-sheets";
import { Sources, resolveSources } from "./scoring/sources";
import { UnitCells } from "./scoring/unit-cells";
import { signed } from "./scoring/reward-text";
import { CellValue } from "./sheet-model";
import { DEFAULT_GRADE_FACTORS } from "./scoring-methods";
import { excelRound, tieKey } from "./round";
import { isBlank, readFlag, readNumber, showCell } from "./values";
import { SCORES_HEADERS } from "./sheets/scores-sheet";

export interface ExplainedValue {
  /** What it is: the data column's header, or the parameter's name (目标值). */
  label: string;
  /** Where: `村级考核!E7`, `考核方案!F29`; absent for a value that is not in a cell (a default). */
  cell?: string;
  value: CellValue;
  /** `村级考核!E7 = 0.805`, `考核方案!F29（目标值）= 0.91`. */
  text: string;
}

export interface Explanation {
  unit: string;
  group: string;
  /** The column's header: an indicator's name, or 加分, 扣分, 系数, 总分, 否决, 名次, 等次. */
  column: string;
  /** The indicator, for an indicator column. */
  indicator?: string;
  /** The method in Chinese (完成率法…), or what the column computes (加分合计, 总分, 排名…). */
  method: string;
  inputs: ExplainedValue[];
  parameters: ExplainedValue[];
  /** The formula in the cell, when it holds one. */
  formula?: string;
  /** The value the core computed. */
  value: CellValue;
  /** The numbers worked through, one step a line. */
  lines: string[];
}

export interface ExplainContext {
  scheme: Scheme;
  table: DataTable;
  result: ScoreResult;
  /** Where the scheme's values are on the 考核方案 sheet. */
  layout?: SchemeSheetLayout;
  /** The 考核方案 sheet's name as written (default layout.sheet). */
  schemeSheet?: string;
  /** The other sheets the scheme reads (多表汇总, the ledger), as given to scoreUnits. */
  workbook?: WorkbookData;
}

/** A cell read while scoring, as an input line: `1月!C5（平时成绩列）= 80`, or the unit's absence from a sheet. */
function tracedInput(t: TracedRead): ExplainedValue {
  const value: CellValue = t.value === undefined ? null : t.value;
  const label = t.label === INDICATOR_LABELS.column ? t.ref : `${t.label}（${t.ref}）`;
  if (t.address === undefined) return { label, value: null, text: `${label}：该单位不在“${t.ref.split(/[!！]/)[0]}”中` };
  const shown = isBlank(t.value) ? "（空）" : showCell(t.value);
  const text = t.label === INDICATOR_LABELS.column ? `${t.address} = ${shown}` : `${t.address}（${t.label}）= ${shown}`;
  return { label, cell: t.address, value, text };
}

/** A number as a clerk reads it: no float noise. */
export function showNum(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

const pct = (x: number) => `${showNum(Number((x * 100).toFixed(2)))}%`;

class Explainer {
  readonly unit: DataUnit;
  readonly precision: number;
  readonly schemeSheet: string;
  private resolved?: Sources;

  constructor(
    readonly ctx: ExplainContext,
    readonly index: number
  ) {
    this.unit = ctx.table.units[index];
    this.precision = ctx.scheme.precision ?? 2;
    this.schemeSheet = ctx.schemeSheet ?? ctx.layout?.sheet ?? "考核方案";
  }

  /** Every column the scheme reads, as scoring resolved them. */
  sources(): Sources {
    this.resolved ??= resolveSources(this.ctx.scheme, this.ctx.table, this.ctx.workbook);
    return this.resolved;
  }

  /** The unit's cell of the column use at `path` (data sheet or another), as an input line. */
  read(path: (string | number)[]): ExplainedValue {
    const trace: TracedRead[] = [];
    const src = this.sources().at(path);
    if (src) new UnitCells(this.index, trace).cell(src, INDICATOR_LABELS.column);
    return trace.length ? tracedInput(trace[0]) : { label: String(path.join(".")), value: null, text: "（无）" };
  }

  /** A result at the scheme's precision (what the sheet shows). */
  r(x: number): string {
    return showNum(excelRound(x, this.precision));
  }

  /** A data cell of the unit, as read. */
  input(ref: string): ExplainedValue {
    const col = this.ctx.table.column(ref);
    const raw = this.ctx.table.value(this.unit, col);
    const cell = this.ctx.table.address(this.unit, col);
    const value: CellValue = raw === undefined ? null : raw;
    return { label: ref, cell, value, text: `${cell} = ${isBlank(raw) ? "（空）" : showCell(raw)}` };
  }

  param(label: string, a1: string | undefined, value: CellValue): ExplainedValue {
    const cell = a1 ? `${this.schemeSheet}!${a1}` : undefined;
    const shown = value === null ? "（空）" : typeof value === "number" ? showNum(value) : value;
    return { label, cell, value, text: cell ? `${cell}（${label}）= ${shown}` : `${label} = ${shown}（默认）` };
  }

  setting(key: keyof SchemeSheetLayout["settings"], label: string, value: CellValue): ExplainedValue {
    return this.param(label, this.ctx.layout?.settings[key], value);
  }

  base(column: string, method: string, value: CellValue, extra: Partial<Explanation> = {}): Explanation {
    const u = this.ctx.result.units[this.index];
    return { unit: u.name, group: u.group, column, method, inputs: [], parameters: [], value, lines: [], ...extra };
  }

  /** 平时成绩 blended in and the per division, as lines (SPEC §3.1: read → blend → per → method). */
  rateLines(ind: Indicator, prep: PreparedValue, raw: number, e: Explanation): void {
    if (ind.periodic) {
      const w = ind.periodicWeight ?? 0;
      const list = prep.periodic ?? [];
      if (!list.length) e.lines.push(`没有平时成绩：取年终值 ${showNum(raw)}`);
      else {
        const mean = list.reduce((a, b) => a + b, 0) / list.length;
        const b = w * mean + (1 - w) * raw;
        e.lines.push(`平时成绩 ${list.map(showNum).join("、")} 的平均 = ${showNum(mean)}`);
        e.lines.push(`年终、平时并举：${showNum(w)} × ${showNum(mean)} + (1 − ${showNum(w)}) × ${showNum(raw)} = ${showNum(b)}`);
        raw = b;
      }
    }
    if (ind.per && prep.per !== undefined)
      e.lines.push(`除以分母“${ind.per}”：${showNum(raw)} ÷ ${showNum(prep.per)} = ${showNum(raw / prep.per)}`);
  }

  voteLines(ind: Indicator, prep: PreparedValue, score: number, e: Explanation): void {
    const votes = prep.params.votes ?? [];
    const weights = ind.weights ?? [];
    const total = votes.reduce((a, b) => a + b, 0);
    if (total === 0) {
      e.lines.push("没有票数：缺少数据，按 0 分计");
      return;
    }
    const terms = votes.map((v, k) => `${showNum(v)}×${showNum(weights[k])}`).join(" + ");
    e.lines.push(`民主评议：${showNum(ind.points)} × (${terms}) ÷ ${showNum(total)} 票 = ${this.r(score)}`);
  }

  indicator(ind: Indicator): Explanation {
    const u = this.ctx.result.units[this.index];
    const score = u.scores[ind.name];
    const sheetCells = this.ctx.layout?.indicators.find((c) => c.name === ind.name)?.cells;
    const e = this.base(ind.name, METHOD_NAMES[ind.method], score, { indicator: ind.name });
    const trace: TracedRead[] = [];
    const cells = new UnitCells(this.index, trace);
    const prep = prepareValue(ind, indicatorSources(ind, this.ctx.scheme.indicators.indexOf(ind), this.sources()), cells);
    const errors = cells.errors;
    e.inputs.push(...trace.map(tracedInput));
    const input = e.inputs[0];
    const p = (field: keyof Indicator, label: string) => {
      const v = ind[field];
      const shown = isColumnParam(v) ? `按列“${v.column}”逐单位读取` : typeof v === "number" || typeof v === "string" ? v : null;
      e.parameters.push(this.param(label, sheetCells?.[field as keyof typeof sheetCells], shown));
      if (isColumnParam(v)) return prep.params[field as "target" | "limit" | "good" | "bad"];
      return typeof v === "number" ? v : undefined;
    };
    const P = p("points", "分值") as number;
    if (errors.length) {
      e.lines.push(...errors, "数据有误，按 0 分计（请更正数据）");
      return e;
    }
    if (ind.method === "vote") {
      this.voteLines(ind, prep, score, e);
      return e;
    }
    if (prep.missing) {
      e.lines.push(`${input.cell ?? input.label} 为空：缺少数据，按 0 分计`);
      return e;
    }
    const x = readNumber(input.value);
    if (typeof x === "number") this.rateLines(ind, prep, x, e);
    const y = readNumber(prep.value);
    const v = typeof y === "number" ? y : NaN;
    const res = `= ${this.r(score)}`;
    switch (ind.method) {
      case "points":
        e.lines.push(`直接打分，限定在 0 到 ${showNum(P)} 分之间：min(max(${showNum(v)}, 0), ${showNum(P)}) ${res}`);
        break;
      case "target": {
        const t = p("target", "目标值") as number;
        const cap = p("cap", "封顶倍数") ?? 1;
        const ratio = v / t;
        e.lines.push(`完成率 = ${showNum(v)} ÷ ${showNum(t)} = ${pct(ratio)}`);
        const inner = ratio < 0 ? `max(${showNum(v)} ÷ ${showNum(t)}, 0)` : `${showNum(v)} ÷ ${showNum(t)}`;
        e.lines.push(`${showNum(P)} × min(${inner}, ${showNum(cap)}) ${res}`);
        break;
      }
      case "limit": {
        const l = p("limit", "限值") as number;
        const step = p("step", "步长");
        const deduct = p("deduct", "每步扣分");
        if (tieKey(v) <= tieKey(l)) e.lines.push(`${showNum(v)} ≤ 限值 ${showNum(l)}：得满分 ${showNum(P)}`);
        else if (step !== undefined && deduct !== undefined) {
          const k = Math.ceil((v - l) / step - 1e-9);
          e.lines.push(`${showNum(v)} 超出限值 ${showNum(l)} ${showNum(v - l)}，每 ${showNum(step)} 扣 ${showNum(deduct)} 分，计 ${k} 步`);
          e.lines.push(`max(0, ${showNum(P)} − ${k} × ${showNum(deduct)}) ${res}`);
        } else if (l === 0) e.lines.push(`限值为 0 而实际值 ${showNum(v)} 超出：得 0 分`);
        else e.lines.push(`${showNum(v)} 超出限值 ${showNum(l)}：${showNum(P)} × ${showNum(l)} ÷ ${showNum(v)} ${res}`);
        break;
      }
      case "efficacy": {
        const good = p("good", "满意值") as number;
        const bad = p("bad", "不允许值") as number;
        const b = p("base", "基础分") ?? 0.6;
        const c = b + ((1 - b) * (v - bad)) / (good - bad);
        e.lines.push(
          `功效系数 = ${showNum(b)} + (1 − ${showNum(b)}) × (${showNum(v)} − ${showNum(bad)}) ÷ (${showNum(good)} − ${showNum(bad)}) = ${showNum(excelRound(c, 6))}`
        );
        const clamp = c < 0 ? "（低于 0 按 0 计）" : c > 1 ? "（高于 1 按 1 计）" : "";
        e.lines.push(`${showNum(P)} × ${showNum(excelRound(Math.min(1, Math.max(0, c)), 6))}${clamp} ${res}`);
        break;
      }
      case "grade": {
        const grades = ind.grades ?? DEFAULT_GRADE_FACTORS;
        e.parameters.push(
          this.param(
            "等次系数",
            sheetCells?.grades,
            Object.entries(grades)
              .map(([g, f]) => `${g}=${f}`)
              .join(";")
          )
        );
        const f = gradeFactor(grades, input.value);
        if (f === undefined) e.lines.push(`等次“${showCell(input.value)}”不在等次系数中，按 0 分计（请更正数据）`);
        else e.lines.push(`等次“${showCell(input.value).trim()}”的系数为 ${showNum(f)}：${showNum(P)} × ${showNum(f)} ${res}`);
        break;
      }
      case "benchmark": {
        const srcs = indicatorSources(ind, this.ctx.scheme.indicators.indexOf(ind), this.sources());
        let best: { v: number; name: string } | undefined;
        this.ctx.table.units.forEach((other, i) => {
          if (other.group !== this.unit.group) return;
          const c = new UnitCells(i);
          const o = prepareValue(ind, srcs, c);
          const n = c.errors.length ? null : readNumber(o.value);
          if (typeof n === "number" && (!best || n > best.v)) best = { v: n, name: other.name };
        });
        const where = this.unit.group ? `“${this.unit.group}”组` : "全部单位";
        if (!best || best.v <= 0) e.lines.push(`${where}的最优值不大于 0：得 0 分`);
        else {
          e.inputs.push({
            label: `${where}最优值（${best.name}）`,
            value: best.v,
            text: `${where}最优值 = ${showNum(best.v)}（${best.name}）`,
          });
          e.lines.push(`标杆法：${showNum(P)} × ${showNum(v)} ÷ 最优值 ${showNum(best.v)}（${best.name}）${res}`);
        }
        break;
      }
      case "rank": {
        const step = p("step", "步长") ?? 1;
        e.lines.push(`排名赋分：max(0, ${showNum(P)} − (${showNum(v)} − 1) × ${showNum(step)}) ${res}`);
        break;
      }
    }
    return e;
  }

  /** The unit's 加减分台账 entries of one sign, each an input with its cell, date and reason. */
  ledgerEntries(deduction: boolean, e: Explanation) {
    const entries = this.ctx.result.details[this.index].ledger.filter((x) => (deduction ? x.points < 0 : x.points > 0));
    for (const x of entries) {
      const what = [x.date, x.reason].filter(Boolean).join(" ");
      e.inputs.push({
        label: `台账第${x.row}行`,
        cell: x.cell,
        value: x.points,
        text: `${x.cell}（${what || "台账"}）${signed(x.points)}`,
      });
    }
    return entries;
  }

  capLine(sum: number, cap: number | null | undefined, result: number, what: string): string {
    if (cap === null || cap === undefined) return `${what}不设上限：${this.r(result)}`;
    return sum > cap ? `超过${what}上限 ${showNum(cap)}，按 ${showNum(cap)} 计` : `未超过${what}上限 ${showNum(cap)}：${this.r(result)}`;
  }

  bonus(deduction: boolean): Explanation {
    const s = this.ctx.scheme;
    const u = this.ctx.result.units[this.index];
    const section = deduction ? s.deduction : s.bonus;
    const label = deduction ? SCORES_HEADERS.deduction : SCORES_HEADERS.bonus;
    const value = deduction ? u.deduction : u.bonus;
    const e = this.base(label, deduction ? "扣分合计（按绝对值）" : "加分合计", value);
    if (!section && this.ctx.result.details[this.index].ledger.length) {
      const entries = this.ledgerEntries(deduction, e);
      e.lines.push(`台账合计 ${showNum(entries.reduce((a, x) => a + Math.abs(x.points), 0))}，不设上限：${this.r(value)}`);
      return e;
    }
    if (!section) {
      e.lines.push(`方案没有${label}列：${label}为 0`);
      return e;
    }
    const read = section.columns.map((_, k) => this.read([deduction ? "deduction" : "bonus", "columns", k]));
    e.inputs.push(...read);
    const nums = read.map((i) => {
      const n = readNumber(i.value);
      return typeof n === "number" ? (deduction ? Math.abs(n) : n) : 0;
    });
    const entries = this.ledgerEntries(deduction, e);
    const fromLedger = entries.reduce((a, x) => a + Math.abs(x.points), 0);
    const sum = nums.reduce((a, b) => a + b, 0) + fromLedger;
    const terms = read.map((i, k) => (deduction ? `|${isBlank(i.value) ? "0" : showCell(i.value)}|` : showNum(nums[k])));
    if (entries.length) terms.push(`台账 ${entries.map((x) => showNum(Math.abs(x.points))).join(" + ")}`);
    e.lines.push(`${terms.join(" + ")} = ${showNum(sum)}`);
    const capValue: CellValue = section.cap === null || section.cap === undefined ? NO_CAP : section.cap;
    e.parameters.push(this.setting(deduction ? "deductionCap" : "bonusCap", `${label}上限`, capValue));
    e.lines.push(this.capLine(sum, section.cap, value, label));
    return e;
  }

  coefficient(): Explanation {
    const u = this.ctx.result.units[this.index];
    const e = this.base(SCORES_HEADERS.coefficient, "规模系数", u.coefficient);
    const col = this.ctx.scheme.coefficient;
    if (!col) e.lines.push("方案没有系数列：系数为 1");
    else {
      const i = this.read(["coefficient"]);
      e.inputs.push(i);
      e.lines.push(isBlank(i.value) ? `${i.cell} 为空：系数按 1 计` : `系数 = ${showNum(u.coefficient)}`);
    }
    return e;
  }

  total(): Explanation {
    const s = this.ctx.scheme;
    const u = this.ctx.result.units[this.index];
    const e = this.base(SCORES_HEADERS.total, "总分", u.total);
    const scores = s.indicators.map((ind) => u.scores[ind.name]);
    e.inputs.push(
      ...s.indicators.map((ind) => ({ label: ind.name, value: u.scores[ind.name], text: `${ind.name} = ${this.r(u.scores[ind.name])}` }))
    );
    e.parameters.push(this.setting("precision", "小数位数", this.precision));
    const shown = scores.length <= 12 ? scores.map((x) => this.r(x)).join(" + ") : `${scores.length} 项得分之和`;
    e.lines.push(`各项得分小计 = ${shown} = ${this.r(u.subtotal)}`);
    const raw = (u.subtotal + u.bonus - u.deduction) * u.coefficient;
    // Two more decimals than the sheet shows, so the line adds up as written and the rounding step below is visible.
    const fine = (x: number) => showNum(excelRound(x, this.precision + 2));
    e.lines.push(
      `(${fine(u.subtotal)} + 加分 ${fine(u.bonus)} − 扣分 ${fine(u.deduction)}) × 系数 ${showNum(u.coefficient)} = ${fine(raw)}`
    );
    e.lines.push(`保留 ${this.precision} 位小数（四舍五入）= ${showNum(excelRound(raw, this.precision))}`);
    if (u.vetoed && (s.vetoMode ?? "exclude") === "zero") {
      e.lines.push(`一票否决（${this.ctx.result.details[this.index].vetoReasons.join("、")}），否决方式为“记零分”：总分记 0`);
    }
    return e;
  }

  veto(): Explanation {
    const s = this.ctx.scheme;
    const u = this.ctx.result.units[this.index];
    const e = this.base(SCORES_HEADERS.veto, "一票否决", u.vetoed ? "是" : "否");
    if (!s.vetoes?.length) {
      e.lines.push("方案没有一票否决项");
      return e;
    }
    for (const [k, c] of s.vetoes.entries()) {
      const i = this.read(["vetoes", k]);
      e.inputs.push(i);
      const f = readFlag(i.value);
      e.lines.push(`${c}：${i.cell} = ${isBlank(i.value) ? "（空）" : `“${showCell(i.value)}”`} → ${f ? "否决" : "不否决"}`);
    }
    const exclude = (s.vetoMode ?? "exclude") === "exclude";
    if (u.vetoed)
      e.lines.push(
        exclude ? "被一票否决：不参加排名比较（排在本组参评单位之后），不评奖、不享受奖励，评为最低等次" : "被一票否决：总分记 0"
      );
    else e.lines.push("没有否决项成立");
    return e;
  }

  rank(): Explanation {
    const s = this.ctx.scheme;
    const units = this.ctx.result.units;
    const details = this.ctx.result.details;
    const u = units[this.index];
    const dense = !!s.ranking?.dense;
    const e = this.base(SCORES_HEADERS.rank, dense ? "组内排名（中国式排名：并列不占名次）" : "组内排名（并列占名次）", u.rank);
    e.parameters.push(this.setting("dense", "中国式排名", dense ? "是" : "否"));
    const where = u.group ? `“${u.group}”组` : "全部单位";
    const competing = (i: number) => units[i].group === u.group && details[i].competing;
    const above = (pred: (i: number) => boolean) => {
      const list = units.map((x, i) => ({ x, i })).filter(({ x, i }) => pred(i) && tieKey(x.total) > tieKey(u.total));
      return dense ? new Set(list.map(({ x }) => tieKey(x.total))).size : list.length;
    };
    const word = dense ? "个更高的分数" : "个单位";
    if (details[this.index].competing) {
      const n = above(competing);
      e.lines.push(`${where}按总分从高到低排名：总分 ${showNum(u.total)}，比它高的有 ${n} ${word} → 第 ${n + 1} 名`);
    } else {
      const competingCount = units.filter((_, i) => competing(i));
      const offset = dense ? new Set(competingCount.map((x) => tieKey(x.total))).size : competingCount.length;
      const out = (i: number) => units[i].group === u.group && !details[i].competing;
      const n = above(out);
      e.lines.push(`被一票否决，排在${where}${competingCount.length} 个参评单位之后（占 ${offset} 个名次）`);
      e.lines.push(`否决单位中按总分排：比它高的有 ${n} ${word} → 第 ${offset} + ${n + 1} = ${offset + n + 1} 名`);
    }
    if (u.disqualified.length) e.lines.push(`单项末位（${u.disqualified.join("、")}为本组最低）：保留名次，不评奖、不享受奖励`);
    return e;
  }

  grade(): Explanation {
    const s = this.ctx.scheme;
    const u = this.ctx.result.units[this.index];
    const e = this.base(SCORES_HEADERS.grade, "综合等次", u.grade);
    const grades = s.grades ?? [];
    const rows = this.ctx.layout?.grades?.rows ?? [];
    const col = this.ctx.layout?.grades?.columns.threshold;
    grades.forEach(([t, g], k) => e.parameters.push(this.param(`“${g}”最低分`, col && rows[k] ? `${col}${rows[k]}` : undefined, t)));
    if (!grades.length) {
      e.lines.push("方案没有设置综合等次");
      return e;
    }
    if (!this.ctx.result.details[this.index].competing) {
      e.lines.push(`被一票否决：评为最低等次“${u.grade}”`);
      return e;
    }
    const sorted = [...grades].sort((a, b) => b[0] - a[0]);
    const at = sorted.findIndex(([t]) => tieKey(t) <= tieKey(u.total));
    if (at < 0) e.lines.push(`总分 ${showNum(u.total)} 低于最低分数线 ${showNum(sorted[sorted.length - 1][0])}：无等次`);
    else {
      const upper = at > 0 ? `，低于“${sorted[at - 1][1]}”的 ${showNum(sorted[at - 1][0])}` : "";
      e.lines.push(`总分 ${showNum(u.total)} ≥ “${sorted[at][1]}”的最低分 ${showNum(sorted[at][0])}${upper} → ${sorted[at][1]}`);
    }
    return e;
  }
}

export function explainScore(ctx: ExplainContext, unitIndex: number, column: string, formula?: string): Explanation | undefined {
  if (unitIndex < 0 || unitIndex >= ctx.table.units.length) return undefined;
  const x = new Explainer(ctx, unitIndex);
  const ind = ctx.scheme.indicators.find((i) => i.name === column);
  let e: Explanation | undefined;
  if (ind) e = x.indicator(ind);
  else if (column === SCORES_HEADERS.bonus) e = x.bonus(false);
  else if (column === SCORES_HEADERS.deduction) e = x.bonus(true);
  else if (column === SCORES_HEADERS.coefficient) e = x.coefficient();
  else if (column === SCORES_HEADERS.total) e = x.total();
  else if (column === SCORES_HEADERS.veto) e = x.veto();
  else if (column === SCORES_HEADERS.rank) e = x.rank();
  else if (column === SCORES_HEADERS.grade) e = x.grade();
  else if (column === SCORES_HEADERS.name || column === SCORES_HEADERS.group) {
    const u = ctx.result.units[unitIndex];
    const isName = column === SCORES_HEADERS.name;
    e = x.base(column, isName ? "单位名称" : "分组", isName ? u.name : u.group);
    const ref = isName ? ctx.scheme.data.name : ctx.scheme.data.group;
    if (ref) e.inputs.push(x.input(ref));
    e.lines.push(
      isName ? `取自数据表第 ${x.unit.row} 行` : ctx.scheme.data.group ? "按分组列分组排名、评奖" : "方案没有分组列：全部单位一起排名"
    );
  }
  if (e && formula) {
    e.formula = formula;
    // The formula reads the data through 读数 (sheets/readings-sheet.ts): say what that sheet is.
    if (formula.includes(READINGS_SHEET))
      e.lines.push(`公式中的“${READINGS_SHEET}”是考核助手生成的隐藏表：数据表每个单元格按统一规则读出的值（全角数字、空格、千位分隔符、百分号已处理）`);
  }
  return e;
}
