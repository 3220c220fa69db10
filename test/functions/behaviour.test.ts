/** Behaviour of the KH.* functions beyond the worked examples: lifting, groups, tables, arrays. */
import { KH, col, row } from "../support/kh-calls";

describe("RANKIN lifting and groups", () => {
  const scores = col(90, 85, 88, 85, 70, 95);
  const groups = col("行政村", "行政村", "机关站所", "行政村", "行政村", "机关站所");

  test("a range of scores gives an array of the same shape", () => {
    expect(KH.rankIn(scores, scores)).toEqual(col(2, 4, 3, 4, 6, 1));
    expect(KH.rankIn(row(90, 70), scores)).toEqual(row(2, 6));
    expect(
      KH.rankIn(
        [
          [90, 85],
          [null, 95],
        ],
        scores
      )
    ).toEqual([
      [2, 4],
      ["", 1],
    ]);
  });

  test("one group for all entries, or a group per entry", () => {
    expect(KH.rankIn(85, scores, 0, false, "行政村", groups)).toBe(2);
    expect(KH.rankIn(88, scores, 0, false, "机关站所", groups)).toBe(2);
    expect(KH.rankIn(scores, scores, 0, false, groups, groups)).toEqual(col(1, 2, 2, 2, 4, 1));
    expect(KH.rankIn(col(90, 70), scores, 0, false, [["行政村"]], groups)).toEqual(col(1, 4));
  });

  test("groups compare as trimmed, full-width-folded text", () => {
    expect(KH.rankIn(85, scores, 0, false, " 行政村　", groups)).toBe(2);
    expect(KH.rankIn(2, col(1, 2, 3), 0, false, "Ａ", col("A", "A", "B"))).toBe(1);
  });

  test("with groups given, a blank group is the group of blank cells", () => {
    expect(KH.rankIn(70, col(90, 70, 80), 0, false, null, col("村", null, ""))).toBe(2);
  });

  test("order and dense within groups", () => {
    expect(KH.rankIn(scores, scores, 1, true, groups, groups)).toEqual(col(3, 2, 1, 2, 1, 2));
  });

  test("text and booleans in scores are skipped; numeric texts count", () => {
    expect(KH.rankIn(85, col("90", "缺考", 85, true, "９５"))).toBe(3);
  });
});

describe("RANKBONUS", () => {
  const scores = col(90, 85, 85, 70, 70);

  test("tiers in any order, header rows skipped, ties share the better rank", () => {
    const tiers = [
      ["名次", "金额"],
      [-1, -200],
      [3, 500],
      [1, 1000],
    ];
    expect(KH.rankBonus(scores, scores, tiers)).toEqual(col(1000, 500, 500, -200, -200));
  });

  test("the smallest covering bound wins, on both ends", () => {
    const tiers = [
      [5, 100],
      [2, 300],
      [-3, -50],
      [-2, -100],
    ];
    // ranks 1,2,2,4,4; places from the bottom 5,3,3,1,1; positive tiers beat negative ones.
    expect(KH.rankBonus(scores, scores, tiers)).toEqual(col(300, 300, 300, 100, 100));
    expect(KH.rankBonus(scores, scores, [[-2, -100], [-4, -10]])).toEqual(col(0, -10, -10, -100, -100));
  });

  test("a blank amount is 0 and no match is 0", () => {
    expect(KH.rankBonus(90, scores, [[1, null]])).toBe(0);
    expect(KH.rankBonus(85, scores, [[1, 1000]])).toBe(0);
  });

  test("within groups", () => {
    const groups = col("村", "站", "村", "站", "村");
    expect(KH.rankBonus(scores, scores, [[1, 1000], [-1, -200]], 0, false, groups, groups)).toEqual(col(1000, 1000, 0, -200, -200));
  });
});

describe("TIER", () => {
  test("thresholds in any order; results numbers or texts; blank result → \"\"", () => {
    const table = [
      [60, "合格"],
      [90, "优秀"],
      [0, "不合格"],
      [80, "良好"],
    ];
    expect(KH.tier(90, table)).toBe("优秀");
    expect(KH.tier(59.99, table)).toBe("不合格");
    expect(KH.tier(-1, table, "无")).toBe("无");
    expect(KH.tier(5, [[0, null]])).toBe("");
  });

  test("a threshold counts when equal to 9 decimals", () => {
    expect(KH.tier(0.91 - 1e-12, row(0.91, 1000))).toBe(1000);
  });

  test("header rows and blank thresholds are skipped; thresholds may be percent texts", () => {
    expect(KH.tier(0.95, [["门槛", "奖励"], [null, 5], ["91%", 1000]])).toBe(1000);
  });

  test('otherwise may be a text, or "" given explicitly', () => {
    expect(KH.tier(10, row(60, "合格"), "不合格")).toBe("不合格");
    expect(KH.tier(10, row(60, "合格"), "")).toBe("");
  });
});

describe("STAGEPCT / STAGEGAP with a schedule", () => {
  test("a custom schedule of percent texts, blanks skipped", () => {
    expect(KH.stagePct(45, 100, 2, row("30%", null, "60%"))).toBeCloseTo(0.75, 12);
    expect(KH.stageGap(45, 100, 2, row("30%", null, "60%"))).toBe(15);
  });
  test("the 1e-9 tolerance: 70% of 100 needs 70, not 71", () => {
    expect(KH.stageGap(69, 100, 3)).toBe(1);
    expect(KH.stageGap(70, 100, 3)).toBe(0);
  });
});

describe("LIMITSCORE / ADJUST / BLEND / VOTESCORE / PERFPAY details", () => {
  test("LIMITSCORE deducts per started step, never below 0; limit 0 scores 0 above it", () => {
    expect(KH.limitScore(14.01, 14, 10, 1, 2)).toBe(8);
    expect(KH.limitScore(40, 14, 10, 1, 2)).toBe(0);
    expect(KH.limitScore(1, 0, 10)).toBe(0);
  });
  test("ADJUST: deductions count by absolute value; caps on both sides", () => {
    expect(KH.adjust(80, col(3, 4), col(-2, -9), 5, 10)).toBe(75);
    expect(KH.adjust(80, null, null)).toBe(80);
  });
  test("BLEND skips texts among the periodic scores, as SUM does", () => {
    expect(KH.blend(row(80, "缺", 90), 70, 0.4)).toBeCloseTo(76, 12);
  });
  test("VOTESCORE with any number of categories given weights", () => {
    expect(KH.voteScore(row(6, 2, 1, 1), row(1, 0.8, 0.5, 0))).toBeCloseTo(81, 12);
  });
  test("PERFPAY caps at the full amount and pays from the passing score up", () => {
    expect(KH.perfPay(120, 2000)).toBe(2000);
    expect(KH.perfPay(60, 2000, 100, 60)).toBe(1200);
  });
});

describe("LAGSTREAK", () => {
  test("count as a range aligned with ranks", () => {
    expect(KH.lagStreak(row(8, 9, 9, 3), row(10, 10, 12, 12), 3)).toBe(2);
  });
  test("text ranks are skipped like blanks", () => {
    expect(KH.lagStreak(row(30, "缺", 31), 32)).toBe(2);
  });
  test("no dispatch in the bottom gives 0", () => {
    expect(KH.lagStreak(row(1, 2, 3), 32)).toBe(0);
  });
});

describe("AWARD", () => {
  test("tied units share the award past the quota and all count against it", () => {
    const table = [
      ["一等奖", 1, 90],
      ["二等奖", 2, 80],
      ["三等奖", null, 60],
    ];
    const scores = col(95, 95, 88, 85, 70, 50);
    expect(KH.award(scores, scores, table)).toEqual(col("一等奖", "一等奖", "二等奖", "二等奖", "三等奖", ""));
  });
  test("rows with a blank award are skipped", () => {
    expect(KH.award(95, row(95), [[null, 1, 0], ["优秀", 1, 90]])).toBe("优秀");
  });
});

describe("DRAW", () => {
  test("returns a vertical array of the drawn entries as displayed text", () => {
    const out = KH.draw([[1, 0.1 + 0.2, true]], 3, "seed");
    expect(out).toHaveLength(3);
    expect(out.every((r: unknown[]) => r.length === 1)).toBe(true);
    expect(out.map((r: unknown[]) => r[0]).sort()).toEqual(["0.3", "1", "TRUE"]);
  });
});

describe("LEADERBOARD", () => {
  const names = col("甲村", "乙村", "丙村", "丁村", "戊村", "己村");
  const scores = col(88, 95, null, 88, 70, 60);

  test("best first, ties keep input order, units without a score are left out", () => {
    expect(KH.leaderboard(names, scores, 1, 1)).toEqual([
      [1, "乙村", 95, "龙榜"],
      [2, "甲村", 88, ""],
      [2, "丁村", 88, ""],
      [4, "戊村", 70, ""],
      [5, "己村", 60, "虎榜"],
    ]);
  });

  test("defaults: top 3, bottom 3; a unit in both is 龙榜", () => {
    expect(KH.leaderboard(names, scores).map((r: unknown[]) => r[3])).toEqual(["龙榜", "龙榜", "龙榜", "虎榜", "虎榜"]);
  });

  test("ascending and dense", () => {
    expect(KH.leaderboard(names, scores, 0, 0, 1, true).map((r: unknown[]) => [r[0], r[1]])).toEqual([
      [1, "己村"],
      [2, "戊村"],
      [3, "甲村"],
      [3, "丁村"],
      [4, "乙村"],
    ]);
  });

  test("tied last units are all 虎榜", () => {
    expect(KH.leaderboard(col("a", "b", "c", "d"), col(9, 8, 7, 7), 0, 1).map((r: unknown[]) => r[3])).toEqual(["", "", "虎榜", "虎榜"]);
  });
});
