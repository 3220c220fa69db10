/**
 * What one indicator's 得分 formula reads on 读数, in the core's order (SPEC §3.1 “Readings”, scoring/
 * indicator-value.ts): the value's reading; with `periodic`, the blend w·mean(non-blank periodic) + (1−w)·value;
 * with `per`, that divided by the unit's per value; the unit's own parameters; the vote counts.
 *
 * The blend: one cell per periodic column that is "" for a blank (or a unit absent from that sheet) and the number
 * otherwise, side by side, so COUNT and AVERAGE over them skip exactly what the core skips (AVERAGE is Σ/n, the
 * core's mean). The result cell is 0 for a blank year-end value (missing data, as the core: it then scores 0 and
 * 标杆法's group best does not see it). `per` ≤ 0 or blank gives #N/A there: the core refuses it.
 */
import { Indicator, isColumnParam } from "../scheme/types";
import { blend } from "../blend";
import { Cell, isBlank, readNumber } from "../values";
import { columnLetter } from "../sheet-model";
import { numberLiteral } from "./formula-text";
import { OwnParam } from "./score-formulas";
import { ReadingCells, Readings } from "./readings-sheet";
import { SheetSources } from "./sheet-sources";
import { SHEET_ROW } from "./row-template";

export interface IndicatorReadings {
  /** text: the value's text (blank → missing); value: what the method scores (after blend and per). */
  reading: ReadingCells;
  votes: ReadingCells[];
  own: Partial<Record<OwnParam, string>>;
  /** The number the method scores, per unit (0 when blank), for 标杆法's group best. */
  numbers: number[];
}

const OWN_KEYS: readonly OwnParam[] = ["target", "limit", "good", "bad"];

const num = (v: Cell): number => {
  const n = readNumber(v);
  return typeof n === "number" ? n : 0;
};

/** `weight`: 平时权重 as an operand (its cell on 考核方案, or the scheme's number). */
export function indicatorReadings(ind: Indicator, src: SheetSources, readings: Readings, weight?: string): IndicatorReadings {
  const own: IndicatorReadings["own"] = {};
  for (const key of OWN_KEYS) {
    const p = ind[key];
    if (isColumnParam(p)) own[key] = src.required(p.column);
  }
  if (ind.method === "vote") {
    const votes = (ind.columns ?? []).map((c) => src.reading(c, "number"));
    return { reading: votes[0], votes, own, numbers: [] };
  }
  const main = src.reading(ind.column, ind.method === "grade" ? "text" : "number");
  const mainRaw = src.raw(ind.column).raw;
  const numeric = ind.method !== "grade" && ind.method !== "rank";
  if (!numeric || (!ind.periodic && !ind.per)) return { reading: main, votes: [], own, numbers: mainRaw.map(num) };
  const { cell, numbers } = prepared(ind, src, readings, main, mainRaw, weight);
  const h = cell();
  return { reading: { ...main, value: h.cell, valueColumn: h.column }, votes: [], own, numbers };
}

function prepared(ind: Indicator, src: SheetSources, readings: Readings, main: ReadingCells, mainRaw: readonly Cell[], weight?: string) {
  const periodic = (ind.periodic ?? []).map((c) => ({ r: src.reading(c, "number"), raw: src.raw(c).raw }));
  const per = ind.per ? { r: src.reading(ind.per, "number"), raw: src.raw(ind.per).raw } : undefined;
  const w = ind.periodicWeight ?? 0;
  const numbers = mainRaw.map((v, i) => {
    if (isBlank(v)) return 0;
    const values = periodic.map((p) => readNumber(p.raw[i])).filter((n): n is number => typeof n === "number");
    const x = ind.periodic ? blend(values, num(v), w) : num(v);
    return per ? x / num(per.raw[i]) : x;
  });
  const cell = () => {
    let x = main.value;
    if (periodic.length) {
      const cells = periodic.map((p, k) =>
        readings.helper(
          `${ind.name}平时${k + 1}`,
          `=IF(${p.r.text}="","",${p.r.value})`,
          p.raw.map((v) => {
            const n = readNumber(v);
            return typeof n === "number" ? n : "";
          })
        )
      );
      const range = `${readings.prefix}${columnLetter(cells[0].column)}${SHEET_ROW}:${columnLetter(cells[cells.length - 1].column)}${SHEET_ROW}`;
      const wl = weight ?? numberLiteral(w);
      x = `IF(COUNT(${range})=0,${main.value},${wl}*AVERAGE(${range})+(1-${wl})*${main.value})`;
    }
    const divided = per ? `(${x})/IF(${per.r.value}>0,${per.r.value},NA())` : x;
    return readings.helper(`${ind.name}（计分值）`, `=IF(${main.text}="",0,${divided})`, numbers);
  };
  return { cell, numbers };
}
