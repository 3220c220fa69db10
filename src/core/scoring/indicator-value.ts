/**
 * What one indicator's method scores for one unit (SPEC §3.1 “Readings”): the value is read, then blended with its
 * periodic values (BLEND), then divided by `per`; per-unit parameters (target, limit, good, bad as `{column}`) are
 * read from the unit's row. `vote` reads its vote counts instead.
 *
 * API: `prepareValue(ind, k, i, sources, trace?)` → PreparedValue. Problems name the cell (`村级考核!F3：任务户数
 * 应大于 0，而不是 0`); a blank value, or a unit absent from the value's sheet, is missing data. With `trace`, every
 * cell read is appended to it (for 解释).
 */
import { Indicator, isColumnParam } from "../scheme/types";
import { INDICATOR_LABELS } from "../scheme/labels";
import { PARAM_KEYS } from "../scheme/parse";
import { blend } from "../blend";
import { Cell, isBlank, readNumber } from "../values";
import { badNumber } from "./indicator-score";
import { ColumnSource, Sources } from "./sources";
import { TracedRead, UnitCells } from "./unit-cells";

export type { TracedRead } from "./unit-cells";

export type ParamKey = (typeof PARAM_KEYS)[number];

export interface PreparedValue {
  /** What the method scores: the number after blend and per, or the raw cell (grade, rank); null when missing. */
  value: Cell;
  missing: boolean;
  errors: string[];
  /** The parameters read per unit (numbers only when readable). */
  params: Partial<Record<ParamKey, number>>;
  /** vote: the counts, one per vote column (blank = 0). */
  votes?: number[];
  /** The periodic values that took part in the blend. */
  periodic?: number[];
  /** The per value, when read. */
  per?: number;
}

const at = (k: number, ...rest: (string | number)[]) => ["indicators", k, ...rest];

function readParams(ind: Indicator, k: number, sources: Sources, r: UnitCells): PreparedValue["params"] {
  const params: PreparedValue["params"] = {};
  for (const key of PARAM_KEYS) {
    const p = ind[key];
    if (typeof p === "number") params[key] = p;
    else if (isColumnParam(p)) {
      const src = sources.at(at(k, key, "column")) as ColumnSource;
      const n = r.required(src, INDICATOR_LABELS[key]);
      if (n === undefined) continue;
      if (key === "target" && n <= 0) r.errors.push(`${r.address(src)}：${INDICATOR_LABELS.target}应大于 0，而不是 ${n}`);
      else params[key] = n;
    }
  }
  return params;
}

function prepareVotes(ind: Indicator, k: number, sources: Sources, r: UnitCells): PreparedValue {
  const votes = (ind.columns ?? []).map((c, j) =>
    r.number(sources.at(at(k, "columns", j)) as ColumnSource, 0, `${INDICATOR_LABELS.columns}（${c}）`)
  );
  const none = votes.every((v) => v === 0);
  return { value: none ? null : votes.reduce((a, b) => a + b, 0), missing: none, errors: r.errors, params: {}, votes };
}

/** The mean of the non-blank periodic values, blended with the year-end value. */
function blended(ind: Indicator, k: number, x: number, sources: Sources, r: UnitCells): { value: number; periodic: number[] } {
  const periodic: number[] = [];
  (ind.periodic ?? []).forEach((_, j) => {
    const n = r.optionalNumber(sources.at(at(k, "periodic", j)) as ColumnSource, INDICATOR_LABELS.periodic);
    if (n !== null) periodic.push(n);
  });
  if (!ind.periodic) return { value: x, periodic };
  return { value: blend(periodic, x, ind.periodicWeight ?? 0), periodic };
}

export function prepareValue(ind: Indicator, k: number, unit: number, sources: Sources, trace?: TracedRead[]): PreparedValue {
  const r = new UnitCells(unit, trace);
  if (ind.method === "vote") return prepareVotes(ind, k, sources, r);
  const src = sources.at(at(k, "column")) as ColumnSource;
  const cell = r.cell(src, INDICATOR_LABELS.column);
  const params = readParams(ind, k, sources, r);
  const perSrc = ind.per ? sources.at(at(k, "per")) : undefined;
  const per = perSrc ? r.required(perSrc, `${INDICATOR_LABELS.per}“${ind.per}”`) : undefined;
  if (perSrc && per !== undefined && per <= 0)
    r.errors.push(`${r.address(perSrc)}：${INDICATOR_LABELS.per}“${ind.per}”应大于 0，而不是 ${per}`);
  const out: PreparedValue = { value: null, missing: false, errors: r.errors, params, per };
  if (!cell || isBlank(cell.value)) {
    out.missing = true;
    return out;
  }
  if (ind.method === "grade" || ind.method === "rank" || (!ind.periodic && !ind.per)) {
    out.value = cell.value;
    return out;
  }
  const x = readNumber(cell.value);
  if (typeof x !== "number") {
    r.errors.push(badNumber(cell.address, cell.value));
    return out;
  }
  const b = blended(ind, k, x, sources, r);
  out.periodic = b.periodic;
  out.value = per !== undefined && per > 0 ? b.value / per : perSrc ? null : b.value;
  return out;
}
