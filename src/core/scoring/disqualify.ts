/**
 * 单项末位 (SPEC §3.1 `disqualifyLast`): a unit whose score on any of the named indicators is the lowest of its
 * group — every unit of the group counting, vetoed ones included, ties included — gets no award and no reward.
 *
 * API: `lastPlaces(names, units)` → for each unit (same order), the names of the indicators it is last on.
 */
import { UnitResult } from "../unit-result";
import { tieKey } from "../round";

export function lastPlaces(names: readonly string[], units: readonly UnitResult[]): string[][] {
  const out = units.map((): string[] => []);
  if (!names.length) return out;
  const groups = new Map<string, number[]>();
  units.forEach((u, i) => {
    const g = groups.get(u.group);
    if (g) g.push(i);
    else groups.set(u.group, [i]);
  });
  for (const name of names) {
    for (const members of groups.values()) {
      const lowest = Math.min(...members.map((i) => tieKey(units[i].scores[name])));
      for (const i of members) if (tieKey(units[i].scores[name]) === lowest) out[i].push(name);
    }
  }
  return out;
}
