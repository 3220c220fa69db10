/**
 * What one indicator's method scores for one unit (SPEC §3.1 “Readings”): the value is read, then blended with its
 * periodic values (BLEND), then divided by `per`; per-unit parameters (target, limit, good, bad as `{column}`) are
 * read from the unit's row. `vote` reads its vote counts instead.
 *
 * API: `indicatorSources(ind, k, sources)` once per indicator, then `prepareValue(ind, srcs, cells)` per unit →
 * PreparedValue. Problems go to `cells.errors`, naming the cell (`村级考核!F3：分母列“任务户数”应大于 0，而不是 0`);
 * a blank value, or a unit absent from the value's sheet, is missing data. A UnitCells with a trace records every
 * cell read (for 解释).
 */
import { Indicator, isColumnParam } from "../scheme/types";
import { INDICATOR_LABELS } from "../scheme/labels";
import { PARAM_KEYS } from "../scheme/parse";
import { blend } from "../blend";
import { Cell, isBlank, readNumber } from "../values";
import { UnitParams, badNumber } from "./indicator-score";
import { CellRead, ColumnSource, Sources } from "./sources";
import { UnitCells } from "./unit-cells";

export type { TracedRead } from "./unit-cells";

export type ParamKey = (typeof PARAM_KEYS)[number];

export interface PreparedValue {
  /** What the method scores: the number after blend and per, or the raw cell (grade, rank); null when missing. */
  value: Cell;
  missing: boolean;
  /** The parameters read per unit (only those, and only when readable), and for vote the counts (blank = 0). */
  params: UnitParams;
  /** The value's cell (absent for vote, or when the unit is not on the value's sheet). */
  cell?: CellRead;
  /** The periodic values that took part in the blend. */
  periodic?: number[];
  /** The per value, when read. */
  per?: number;
}

/** The sources of one indicator, looked up once (not per cell). */
export interface IndicatorSources {
  value?: ColumnSource;
  votes: ColumnSource[];
  periodic: ColumnSource[];
  per?: ColumnSource;
  params: Partial<Record<ParamKey, ColumnSource>>;
}

export function indicatorSources(ind: Indicator, k: number, sources: Sources): IndicatorSources {
  const at = (...rest: (string | number)[]) => sources.at(["indicators", k, ...rest]) as ColumnSource;
  const params: IndicatorSources["params"] = {};
  for (const key of PARAM_KEYS) if (isColumnParam(ind[key])) params[key] = at(key, "column");
  return {
    value: ind.method === "vote" ? undefined : at("column"),
    votes: (ind.columns ?? []).map((_, j) => at("columns", j)),
    periodic: (ind.periodic ?? []).map((_, j) => at("periodic", j)),
    per: ind.per ? at("per") : undefined,
    params,
  };
}

const NO_PARAMS: Readonly<UnitParams> = Object.freeze({});

/** The unit's own parameters (only those read per unit; the method falls back to the scheme's numbers). */
function readParams(srcs: IndicatorSources, r: UnitCells): UnitParams {
  let params: UnitParams | undefined;
  for (const key of PARAM_KEYS) {
    const src = srcs.params[key];
    if (!src) continue;
    params ??= {};
    const n = r.required(src, INDICATOR_LABELS[key]);
    if (n === undefined) continue;
    if (key === "target" && n <= 0) r.errors.push(`${r.address(src)}：${INDICATOR_LABELS.target}应大于 0，而不是 ${n}`);
    else params[key] = n;
  }
  return params ?? NO_PARAMS;
}

function prepareVotes(ind: Indicator, srcs: IndicatorSources, r: UnitCells): PreparedValue {
  const votes = srcs.votes.map((src, j) => r.number(src, 0, `${INDICATOR_LABELS.columns}（${(ind.columns ?? [])[j]}）`));
  const none = votes.every((v) => v === 0);
  return { value: none ? null : votes.reduce((a, b) => a + b, 0), missing: none, params: { votes } };
}

/** The mean of the non-blank periodic values, blended with the year-end value. */
function blended(ind: Indicator, srcs: IndicatorSources, x: number, r: UnitCells): { value: number; periodic: number[] } {
  const periodic: number[] = [];
  for (const src of srcs.periodic) {
    const n = r.optionalNumber(src, INDICATOR_LABELS.periodic);
    if (n !== null) periodic.push(n);
  }
  if (!ind.periodic) return { value: x, periodic };
  return { value: blend(periodic, x, ind.periodicWeight ?? 0), periodic };
}

/** The per value, which must be a number > 0 (else an error naming its cell). */
function readPer(ind: Indicator, src: ColumnSource, r: UnitCells): number | undefined {
  const per = r.required(src, `${INDICATOR_LABELS.per}“${ind.per}”`);
  if (per !== undefined && per <= 0) r.errors.push(`${r.address(src)}：${INDICATOR_LABELS.per}“${ind.per}”应大于 0，而不是 ${per}`);
  return per;
}

/** Reads into `r` (its errors are the unit's): compare r.errors.length before and after to see this one's. */
export function prepareValue(ind: Indicator, srcs: IndicatorSources, r: UnitCells): PreparedValue {
  if (ind.method === "vote") return prepareVotes(ind, srcs, r);
  const cell = r.cell(srcs.value as ColumnSource, INDICATOR_LABELS.column);
  const params = readParams(srcs, r);
  const per = srcs.per ? readPer(ind, srcs.per, r) : undefined;
  const out: PreparedValue = { value: null, missing: false, params, per, cell };
  if (!cell || isBlank(cell.value)) {
    out.missing = true;
    return out;
  }
  if (ind.method === "grade" || ind.method === "rank" || (!ind.periodic && !srcs.per)) {
    out.value = cell.value;
    return out;
  }
  const x = readNumber(cell.value);
  if (typeof x !== "number") {
    r.errors.push(badNumber(cell.address, cell.value));
    return out;
  }
  const b = blended(ind, srcs, x, r);
  out.periodic = b.periodic;
  out.value = per !== undefined && per > 0 ? b.value / per : srcs.per ? null : b.value;
  return out;
}
