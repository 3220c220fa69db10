/**
 * What one indicator's method scores for one unit (SPEC §3.1 “Readings”): the value is read, then blended with its
 * periodic values (BLEND), then divided by `per`; per-unit parameters (target, limit, good, bad as `{column}`) are
 * read from the unit's row. `vote` reads its vote counts instead.
 *
 * API: `indicatorSources(ind, k, sources)` once per indicator, then `prepareValue(ind, srcs, cells)` per unit →
 * PreparedValue (`failed` when it found a problem). Problems go to `cells.errors`, naming the cell
 * (`村级考核!F3：分母列“任务户数”应大于 0，而不是 0`); a blank value, or a unit absent from the value's sheet, is
 * missing data. A UnitCells with a trace records every cell read (for 解释).
 */
import { Indicator, isColumnParam } from "../scheme/types";
import { INDICATOR_LABELS } from "../scheme/labels";
import { PARAM_KEYS } from "../scheme/parse";
import { blend } from "../blend";
import { Cell, isBlank, readNumber } from "../values";
import { UnitParams, badNumber } from "./indicator-score";
import { ColumnSource, Sources } from "./sources";
import { UnitCells } from "./unit-cells";

export type { TracedRead } from "./unit-cells";

export type ParamKey = (typeof PARAM_KEYS)[number];

export interface PreparedValue {
  /** What the method scores: the number after blend and per, or the raw cell (grade, rank); null when missing. */
  value: Cell;
  missing: boolean;
  /** Whether reading it found a problem (in `cells.errors`): the item then scores 0. */
  failed: boolean;
  /** The parameters read per unit (only those, and only when readable), and for vote the counts (blank = 0). */
  params: UnitParams;
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
  /** The keys of `params`, in PARAM_KEYS order (none for most indicators, so most cells skip them at once). */
  paramKeys: ParamKey[];
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
    paramKeys: PARAM_KEYS.filter((key) => params[key]),
  };
}

const NO_PARAMS: Readonly<UnitParams> = Object.freeze({});

/** The unit's own parameters (only those read per unit; the method falls back to the scheme's numbers). */
function readParams(srcs: IndicatorSources, r: UnitCells): UnitParams {
  if (srcs.paramKeys.length === 0) return NO_PARAMS;
  const params: UnitParams = {};
  for (const key of srcs.paramKeys) {
    const src = srcs.params[key] as ColumnSource;
    const n = r.required(src, INDICATOR_LABELS[key]);
    if (n === undefined) continue;
    if (key === "target" && n <= 0) r.errors.push(`${r.address(src)}：${INDICATOR_LABELS.target}应大于 0，而不是 ${n}`);
    else params[key] = n;
  }
  return params;
}

function prepareVotes(ind: Indicator, srcs: IndicatorSources, r: UnitCells): PreparedValue {
  const votes = srcs.votes.map((src, j) => r.number(src, 0, `${INDICATOR_LABELS.columns}（${(ind.columns ?? [])[j]}）`));
  const none = votes.every((v) => v === 0);
  const value = none ? null : votes.reduce((a, b) => a + b, 0);
  return { value, missing: none, failed: false, params: { votes }, periodic: undefined, per: undefined };
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

/** Reads into `r` (its errors are the unit's); `failed` says whether this value added one. */
export function prepareValue(ind: Indicator, srcs: IndicatorSources, r: UnitCells): PreparedValue {
  const before = r.errors.length;
  const out = ind.method === "vote" ? prepareVotes(ind, srcs, r) : prepareRead(ind, srcs, r);
  out.failed = r.errors.length > before;
  return out;
}

/** A read value: blended and divided by per when the indicator says so. */
function prepareRead(ind: Indicator, srcs: IndicatorSources, r: UnitCells): PreparedValue {
  const src = srcs.value as ColumnSource;
  const value = r.value(src, INDICATOR_LABELS.column);
  const params = readParams(srcs, r);
  const per = srcs.per ? readPer(ind, srcs.per, r) : undefined;
  // One shape for every unit's object (all fields set here), so the loops over them stay monomorphic.
  const out: PreparedValue = { value: null, missing: false, failed: false, params, periodic: undefined, per };
  if (isBlank(value)) {
    out.missing = true;
    return out;
  }
  if (ind.method === "grade" || ind.method === "rank" || (!ind.periodic && !srcs.per)) {
    out.value = value;
    return out;
  }
  const x = readNumber(value);
  if (typeof x !== "number") {
    r.errors.push(badNumber(r.address(src), value));
    return out;
  }
  const b = blended(ind, srcs, x, r);
  out.periodic = b.periodic;
  out.value = per !== undefined && per > 0 ? b.value / per : srcs.per ? null : b.value;
  return out;
}
