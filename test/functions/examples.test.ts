/** SPEC §2.3: every worked example, one assertion each, through the exported KH.* functions. */
import { KH, col, errorOf, row } from "../support/kh-calls";

const scores = col(90, 85, 85, 70);
const bonusTiers = [
  [1, 1000],
  [3, 500],
  [-1, -200],
];
const awardTable = [
  ["一等奖", 1, 90],
  ["二等奖", 2, 80],
];
const awardScores = row(95, 88, 88, 85, 79);

describe("VETO", () => {
  test('VETO(92, "否") = 92', () => expect(KH.veto(92, "否")).toBe(92));
  test('VETO(92, "是") = 0', () => expect(KH.veto(92, "是")).toBe(0));
  test('VETO(92, {"否","√"}, 59) = 59', () => expect(KH.veto(92, row("否", "√"), 59)).toBe(59));
  test('VETO(92, "大概") → #VALUE!', () => expect(errorOf(() => KH.veto(92, "大概")).code).toBe("#VALUE!"));
});

describe("STAGEPCT", () => {
  test("STAGEPCT(40, 100) = 0.4", () => expect(KH.stagePct(40, 100)).toBe(0.4));
  test("STAGEPCT(40, 100, 2) = 0.8", () => expect(KH.stagePct(40, 100, 2)).toBeCloseTo(0.8, 12));
  test("STAGEPCT(40, 100, 6) → #VALUE!", () => expect(errorOf(() => KH.stagePct(40, 100, 6)).code).toBe("#VALUE!"));
  test("STAGEPCT(1, 0) → #DIV/0!", () => expect(errorOf(() => KH.stagePct(1, 0)).code).toBe("#DIV/0!"));
});

describe("STAGEGAP", () => {
  test("STAGEGAP(40, 100, 3) = 30", () => expect(KH.stageGap(40, 100, 3)).toBe(30));
  test("STAGEGAP(75, 100, 3) = 0", () => expect(KH.stageGap(75, 100, 3)).toBe(0));
  test("STAGEGAP(0, 7, 1) = 3", () => expect(KH.stageGap(0, 7, 1)).toBe(3));
});

describe("RANKIN over {90, 85, 85, 70}", () => {
  test("RANKIN(85, …) = 2", () => expect(KH.rankIn(85, scores)).toBe(2));
  test("RANKIN(70, …) = 4", () => expect(KH.rankIn(70, scores)).toBe(4));
  test("RANKIN(70, …, 0, TRUE) = 3", () => expect(KH.rankIn(70, scores, 0, true)).toBe(3));
  test("RANKIN(70, …, 1) = 1", () => expect(KH.rankIn(70, scores, 1)).toBe(1));
});

describe("RANKBONUS with tiers {1, 1000; 3, 500; -1, -200} over {90, 85, 85, 70}", () => {
  test("90 → 1000", () => expect(KH.rankBonus(90, scores, bonusTiers)).toBe(1000));
  test("each 85 → 500", () => expect(KH.rankBonus(col(85, 85), scores, bonusTiers)).toEqual(col(500, 500)));
  test("70 → −200", () => expect(KH.rankBonus(70, scores, bonusTiers)).toBe(-200));
});

describe("TIER", () => {
  test("TIER(0.92, {0.91, 1000}) = 1000", () => expect(KH.tier(0.92, row(0.91, 1000))).toBe(1000));
  test("TIER(0.9, {0.91, 1000}) = 0", () => expect(KH.tier(0.9, row(0.91, 1000))).toBe(0));
  test('TIER(85, {90,"优秀"; 80,"良好"; 60,"合格"; 0,"不合格"}) = "良好"', () =>
    expect(
      KH.tier(85, [
        [90, "优秀"],
        [80, "良好"],
        [60, "合格"],
        [0, "不合格"],
      ])
    ).toBe("良好"));
});

describe("TARGETSCORE", () => {
  test("TARGETSCORE(95, 100, 20) = 19", () => expect(KH.targetScore(95, 100, 20)).toBeCloseTo(19, 12));
  test("TARGETSCORE(130, 100, 20, 1.2) = 24", () => expect(KH.targetScore(130, 100, 20, 1.2)).toBeCloseTo(24, 12));
  test("TARGETSCORE(-5, 100, 20) = 0", () => expect(KH.targetScore(-5, 100, 20)).toBe(0));
});

describe("LIMITSCORE", () => {
  test("LIMITSCORE(15, 14, 10) = 9.333…", () => expect(KH.limitScore(15, 14, 10)).toBeCloseTo(28 / 3, 12));
  test("LIMITSCORE(16.5, 14, 10, 1, 2) = 4", () => expect(KH.limitScore(16.5, 14, 10, 1, 2)).toBe(4));
  test("LIMITSCORE(13, 14, 10) = 10", () => expect(KH.limitScore(13, 14, 10)).toBe(10));
});

describe("EFFICACY", () => {
  test("EFFICACY(9, 6, 12) = 80", () => expect(KH.efficacy(9, 6, 12)).toBeCloseTo(80, 12));
  test("EFFICACY(5.81, 6, 12) = 58.733…", () => expect(KH.efficacy(5.81, 6, 12)).toBeCloseTo(58.7333333333, 9));
  test("EFFICACY(15, 12, 6) = 40 (reverse)", () => expect(KH.efficacy(15, 12, 6)).toBeCloseTo(40, 12));
  test("EFFICACY(30, 12, 6) = 0 (clamped)", () => expect(KH.efficacy(30, 12, 6)).toBe(0));
  test("EFFICACY(3, 12, 6) = 100 (clamped)", () => expect(KH.efficacy(3, 12, 6)).toBe(100));
});

describe("ADJUST", () => {
  test("ADJUST(80, {2, 3}, {-1, 4}, 4) = 79", () => expect(KH.adjust(80, row(2, 3), row(-1, 4), 4)).toBe(79));
  test("ADJUST(80, , {30, 40}) = 10 (no cap)", () => expect(KH.adjust(80, null, row(30, 40))).toBe(10));
});

describe("BLEND", () => {
  test("BLEND({80, , 90}, 70, 0.4) = 76", () => expect(KH.blend(row(80, null, 90), 70, 0.4)).toBeCloseTo(76, 12));
  test("BLEND({,}, 70, 0.4) = 70", () => expect(KH.blend(row(null, null), 70, 0.4)).toBe(70));
});

describe("VOTESCORE", () => {
  test("VOTESCORE({8, 2, 0}) = 92", () => expect(KH.voteScore(row(8, 2, 0))).toBeCloseTo(92, 12));
  test("VOTESCORE({5, 3, 2}, {1, 0.8, 0.5}, 10) = 8.4", () => expect(KH.voteScore(row(5, 3, 2), row(1, 0.8, 0.5), 10)).toBeCloseTo(8.4, 12));
});

describe("LAGSTREAK", () => {
  test("LAGSTREAK({30, 5, 31, , 32, 30}, 32, 3) = 3", () => expect(KH.lagStreak(row(30, 5, 31, null, 32, 30), 32, 3)).toBe(3));
});

describe("AWARD with {一等奖,1,90; 二等奖,2,80} over {95, 88, 88, 85, 79}", () => {
  test("95 → 一等奖", () => expect(KH.award(95, awardScores, awardTable)).toBe("一等奖"));
  test("88 → 二等奖 (both tied units)", () => expect(KH.award(row(88, 88), awardScores, awardTable)).toEqual(row("二等奖", "二等奖")));
  test('85 → ""', () => expect(KH.award(85, awardScores, awardTable)).toBe(""));
  test('79 → ""', () => expect(KH.award(79, awardScores, awardTable)).toBe(""));
});

describe("PERFPAY", () => {
  test("PERFPAY(85, 2000) = 1700", () => expect(KH.perfPay(85, 2000)).toBe(1700));
  test("PERFPAY(55, 2000, 100, 60) = 0", () => expect(KH.perfPay(55, 2000, 100, 60)).toBe(0));
});
