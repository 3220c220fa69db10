/** Properties of ranking, lifting and DRAW, checked over generated inputs with fast-check. */
import fc from "fast-check";
import { readNumber } from "../../src/core/values";
import { KH, col, outcome, plain } from "../support/kh-calls";

/** Cells a scores column may hold: numbers with many ties, numeric texts, blanks, texts and booleans. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }).map((n) => n * 5) },
  { weight: 2, arbitrary: fc.integer({ min: -20, max: 20 }).map((n) => n / 4) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "", "缺考", true, "85", "９０", "1,234", "50%") }
);
const groupCell = fc.constantFrom<unknown>("行政村", "机关站所", " 行政村 ", null);
const order = fc.constantFrom<unknown>(0, 1, null, -1);
const dense = fc.constantFrom<unknown>(true, false, null, "是");

/** The numeric value of a cell as §2.1 reads it, or undefined. */
const readable = (c: unknown): number | undefined => {
  const n = readNumber(c as never);
  return typeof n === "number" ? n : undefined;
};

describe("RANKIN", () => {
  test("lifted rank = per-cell rank, entry by entry (errors and blanks included)", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 30 }), fc.array(cell, { maxLength: 5 }), order, dense, (scores, extra, o, d) => {
        const asked = [...scores, ...extra];
        const lifted = plain(KH.rankIn(col(...asked), col(...scores), o, d)) as unknown[][];
        asked.forEach((s, i) => expect(lifted[i][0]).toEqual(outcome(() => KH.rankIn(s, col(...scores), o, d))));
      })
    );
  });

  test("lifted rank = per-cell rank within groups (group as a same-shaped range)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, groupCell), { minLength: 1, maxLength: 30 }),
        order,
        dense,
        (pairs, o, d) => {
          const scores = col(...pairs.map((p) => p[0]));
          const groups = col(...pairs.map((p) => p[1]));
          const lifted = plain(KH.rankIn(scores, scores, o, d, groups, groups)) as unknown[][];
          pairs.forEach(([s, g], i) => expect(lifted[i][0]).toEqual(outcome(() => KH.rankIn(s, scores, o, d, g, groups))));
        }
      )
    );
  });

  test("ranks agree with counting: competition = 1 + #better, dense = 1 + #distinct better", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 30 }), fc.boolean(), (scores, ascending) => {
        const values = scores.map(readable).filter((v): v is number => v !== undefined);
        fc.pre(values.length > 0);
        const better = (a: number, b: number) => (ascending ? a < b : a > b);
        for (const v of values) {
          const strictlyBetter = values.filter((w) => better(w, v));
          expect(KH.rankIn(v, col(...scores), ascending ? 1 : 0)).toBe(strictlyBetter.length + 1);
          expect(KH.rankIn(v, col(...scores), ascending ? 1 : 0, true)).toBe(new Set(strictlyBetter).size + 1);
        }
      })
    );
  });

  test("dense rank ≤ competition rank", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 30 }), order, (scores, o) => {
        const competition = KH.rankIn(col(...scores), col(...scores), o, false) as unknown[][];
        const denseRanks = KH.rankIn(col(...scores), col(...scores), o, true) as unknown[][];
        competition.forEach(([c], i) => {
          if (typeof c === "number") expect(denseRanks[i][0]).toBeLessThanOrEqual(c);
          else expect(plain(denseRanks[i][0])).toEqual(plain(c));
        });
      })
    );
  });

  test("ranks do not change when the scores are permuted", () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 30 }).chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length }))),
        order,
        dense,
        ([scores, permuted], o, d) => {
          expect(plain(KH.rankIn(col(...scores), col(...permuted), o, d))).toEqual(plain(KH.rankIn(col(...scores), col(...scores), o, d)));
        }
      )
    );
  });

  test("values equal to 9 decimals tie", () => {
    const values = col(0.1 + 0.2, 0.3, 0.300000001, 0.3000000001);
    expect(KH.rankIn(values, values)).toEqual(col(2, 2, 1, 2));
  });
});

describe("RANKBONUS and AWARD", () => {
  const tiers = fc.array(fc.tuple(fc.integer({ min: -4, max: 6 }), fc.integer({ min: -500, max: 1000 })), { minLength: 1, maxLength: 5 });

  test("RANKBONUS lifted = per-cell, and tied scores get the same amount", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 25 }), tiers, order, dense, (scores, t, o, d) => {
        const lifted = plain(KH.rankBonus(col(...scores), col(...scores), t, o, d)) as unknown[][];
        scores.forEach((s, i) => expect(lifted[i][0]).toEqual(outcome(() => KH.rankBonus(s, col(...scores), t, o, d))));
        const byValue = new Map<number, unknown>();
        scores.forEach((s, i) => {
          const v = readable(s);
          if (v === undefined) return;
          if (byValue.has(v)) expect(lifted[i][0]).toEqual(byValue.get(v));
          byValue.set(v, lifted[i][0]);
        });
      })
    );
  });

  test("AWARD lifted = per-cell", () => {
    const table = [
      ["一等奖", 1, 50],
      ["二等奖", 2, 30],
      ["三等奖", null, 10],
    ];
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 25 }), (scores) => {
        const lifted = plain(KH.award(col(...scores), col(...scores), table)) as unknown[][];
        scores.forEach((s, i) => expect(lifted[i][0]).toEqual(outcome(() => KH.award(s, col(...scores), table))));
      })
    );
  });
});

/** SPEC §2.4 written out again, independently of src/core/draw.ts (TextEncoder, BigInt arithmetic, bryc's mulberry32). */
function referenceDraw(items: unknown[], n: number, seed: number | string): string[] {
  const list = items
    .filter((c) => !(c === null || c === undefined || (typeof c === "string" && c.trim() === "")))
    .map((c) => (typeof c === "number" ? String(Number(c.toPrecision(15))) : typeof c === "boolean" ? (c ? "TRUE" : "FALSE") : String(c)));
  let h = 2166136261n;
  for (const byte of new TextEncoder().encode(typeof seed === "number" ? String(seed) : seed)) {
    h = ((h ^ BigInt(byte)) * 16777619n) % 4294967296n;
  }
  let a = Number(h);
  const rand = () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const m = list.length;
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (m - i));
    const tmp = list[i];
    list[i] = list[j];
    list[j] = tmp;
  }
  return list.slice(0, n);
}

describe("DRAW", () => {
  const itemCell = fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) },
    { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "", "  ", true, "张三", "李四") }
  );
  const seed = fc.oneof(fc.integer({ min: 0, max: 99999999 }), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ""));
  const drawCase = fc
    .tuple(fc.array(itemCell, { minLength: 1, maxLength: 40 }), seed)
    .filter(([items]) => items.some((c) => !(c === null || (typeof c === "string" && c.trim() === ""))))
    .chain(([items, s]) => {
      const m = items.filter((c) => !(c === null || (typeof c === "string" && c.trim() === ""))).length;
      return fc.tuple(fc.constant(items), fc.integer({ min: 1, max: m }), fc.constant(s));
    });

  test("equals an independent implementation of SPEC §2.4", () => {
    fc.assert(
      fc.property(drawCase, ([items, n, s]) => {
        expect(KH.draw(col(...items), n, s)).toEqual(referenceDraw(items, n, s).map((x) => [x]));
      })
    );
  });

  test("is deterministic and draws n distinct entries of the list", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }).filter((s) => s.trim() !== ""), { minLength: 1, maxLength: 40 }), seed, (items, s) => {
        const n = 1 + (items.length >> 1);
        const first = (KH.draw(col(...items), n, s) as string[][]).map((r) => r[0]);
        expect(KH.draw(col(...items), n, s)).toEqual(first.map((x) => [x]));
        expect(first).toHaveLength(n);
        expect(new Set(first).size).toBe(n);
        for (const x of first) expect(items).toContain(x);
      })
    );
  });

  test("a number seed and its text draw the same; the range's shape does not matter", () => {
    const items = ["甲村", "乙村", "丙村", "丁村", "戊村", "己村"];
    expect(KH.draw(col(...items), 3, 20251122)).toEqual(KH.draw(col(...items), 3, "20251122"));
    expect(KH.draw([items.slice(0, 3), items.slice(3)], 3, 7)).toEqual(KH.draw(col(...items), 3, 7));
  });

  // The expected list was also computed by a third implementation (Python) of §2.4.
  test("a fixed seed gives a fixed result (so the algorithm cannot change silently)", () => {
    const villages = ["甲村", "乙村", "丙村", "丁村", "戊村", "己村", "庚村", "辛村", "壬村", "癸村"];
    expect(KH.draw(col(...villages), 4, 20251122)).toEqual(col("丙村", "庚村", "癸村", "甲村"));
    expect(KH.draw(col(...villages), 4, 20251122)).toEqual(col(...referenceDraw(villages, 4, 20251122)));
  });
});
