/**
 * KH.* in a real formula engine (HyperFormula): formulas typed as a clerk types them evaluate to what the plain
 * calls return, ranges and spilled arrays included.
 */
import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { buildKhEngine } from "../support/hyperformula-kh";
import { KH, col, outcome } from "../support/kh-calls";

const N = 39; // rows 2..40, as in =KH.RANKIN(B2,$B$2:$B$40)

/** A reproducible column of scores with ties, a text and a blank among them. */
function makeUnits(): { name: string; score: RawCellContent; group: string; veto: string; add: number; deduct: number }[] {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: N }, (_, i) => ({
    name: `第${i + 1}村`,
    score: i === 7 ? "缺考" : i === 20 ? null : 60 + Math.floor(next() * 20) * 2,
    group: next() < 0.5 ? "行政村" : "机关站所",
    veto: next() < 0.1 ? "是" : "否",
    add: Math.floor(next() * 4),
    deduct: -Math.floor(next() * 3),
  }));
}

const units = makeUnits();
const scores = col(...units.map((u) => u.score));
const groups = col(...units.map((u) => u.group));
const names = col(...units.map((u) => u.name));
const tiers = [
  [1, 1000],
  [3, 500],
  [-1, -200],
];

/** A cell as HyperFormula shows it, errors as {code, message} like `outcome` gives. */
function shown(hf: HyperFormula, sheet: string, rowIndex: number, colIndex: number): unknown {
  const v = hf.getCellValue({ sheet: hf.getSheetId(sheet) as number, row: rowIndex, col: colIndex });
  if (v instanceof DetailedCellError) return { code: v.value, message: v.message };
  return v === null ? "" : v;
}

/** What a formula cell must show: a blank result ("") shows as an empty text. */
const expected = (call: () => unknown) => {
  const v = outcome(call);
  return Array.isArray(v) ? v[0][0] : v;
};

describe("a sheet of KH.* formulas", () => {
  const data: RawCellContent[][] = [["单位", "得分", "类别", "否决", "加分", "扣分", "名次", "COUNTIF名次", "组内名次", "奖惩", "否决后", "调整后", "整列名次"]];
  units.forEach((u, i) => {
    const r = i + 2;
    data.push([
      u.name,
      u.score,
      u.group,
      u.veto,
      u.add,
      u.deduct,
      `=KH.RANKIN(B${r},$B$2:$B$40)`,
      `=COUNTIF($B$2:$B$40,">"&B${r})+1`,
      `=KH.RANKIN(B${r},$B$2:$B$40,0,TRUE(),C${r},$C$2:$C$40)`,
      `=KH.RANKBONUS(B${r},$B$2:$B$40,'档次'!$A$1:$B$3)`,
      `=KH.VETO(B${r},D${r})`,
      `=KH.ADJUST(B${r},E${r},F${r},2)`,
      i === 0 ? "=KH.RANKIN(B2:B40,B2:B40)" : null,
    ]);
  });
  const hf = buildKhEngine({
    数据: data,
    档次: tiers,
    榜: [["=KH.LEADERBOARD('数据'!A2:A40,'数据'!B2:B40,3,3)", null, null, null, "=KH.DRAW('数据'!A2:A40,5,20251122)"]],
    杂项: [
      ['=KH.VETO(92,{"否","√"},59)', "=KH.TIER(85,'分级'!A1:B4)", "=KH.STAGEPCT(40,100,2)", "=KH.STAGEGAP(0,7,1)", "=KH.RANKIN(61,'数据'!B2:B40)"],
      ["=KH.TARGETSCORE(95,100,20)", "=KH.LIMITSCORE(16.5,14,10,1,2)", "=KH.EFFICACY(5.81,6,12)", "=KH.BLEND({80,\"\",90},70,0.4)", "=KH.VOTESCORE({8,2,0})"],
      ["=KH.LAGSTREAK({30,5,31,\"\",32,30},32,3)", "=KH.PERFPAY(85,2000)", "=KH.AWARD(88,{95;88;88;85;79},{\"一等奖\",1,90;\"二等奖\",2,80})", '=KH.VETO(92,"大概")', "=KH.ADJUST(80,,{30,40})"],
      ["=KH.RANKIN(70,{90;85;85;70},,TRUE())", "=KH.TARGETSCORE(1/0,100,20)", "=KH.STAGEPCT(40,100,,{0.5,1})", null, null],
    ],
    分级: [
      [90, "优秀"],
      [80, "良好"],
      [60, "合格"],
      [0, "不合格"],
    ],
  });
  afterAll(() => hf.destroy());

  // HyperFormula has no RANK; COUNTIF(range,">"&x)+1 is the native formula with RANK's meaning.
  test("=KH.RANKIN(B2,$B$2:$B$40) per cell equals the plain call, and the native COUNTIF rank where the score is a number", () => {
    units.forEach((u, i) => {
      expect(shown(hf, "数据", i + 1, 6)).toEqual(expected(() => KH.rankIn(u.score, scores)));
      if (typeof u.score === "number") expect(shown(hf, "数据", i + 1, 6)).toBe(shown(hf, "数据", i + 1, 7));
    });
    expect(shown(hf, "数据", 8, 6)).toEqual({ code: "#VALUE!", message: "无法识别的数值：缺考（分数）" });
    expect(shown(hf, "数据", 21, 6)).toBe("");
  });

  test("group ranking, RANKBONUS with a tiers range, VETO with a flag cell, ADJUST with cells and a cap", () => {
    units.forEach((u, i) => {
      expect(shown(hf, "数据", i + 1, 8)).toEqual(expected(() => KH.rankIn(u.score, scores, 0, true, u.group, groups)));
      expect(shown(hf, "数据", i + 1, 9)).toEqual(expected(() => KH.rankBonus(u.score, scores, tiers)));
      expect(shown(hf, "数据", i + 1, 10)).toEqual(expected(() => KH.veto(u.score, u.veto)));
      expect(shown(hf, "数据", i + 1, 11)).toEqual(expected(() => KH.adjust(u.score, u.add, u.deduct, 2)));
    });
  });

  test("a lifted RANKIN spills down the column and equals the per-cell formulas", () => {
    units.forEach((_u, i) => expect(shown(hf, "数据", i + 1, 12)).toEqual(shown(hf, "数据", i + 1, 6)));
  });

  test("LEADERBOARD spills a 4-column table equal to the plain call (rows past its end stay empty)", () => {
    const board = KH.leaderboard(names, scores, 3, 3) as unknown[][];
    board.forEach((r, i) => r.forEach((v, j) => expect(shown(hf, "榜", i, j)).toEqual(v)));
    expect(hf.getCellValue({ sheet: hf.getSheetId("榜") as number, row: board.length, col: 0 })).toBeNull();
  });

  test("DRAW spills a column equal to the plain call", () => {
    const drawn = KH.draw(names, 5, 20251122) as string[][];
    drawn.forEach(([v], i) => expect(shown(hf, "榜", i, 4)).toBe(v));
    expect(drawn).toHaveLength(5);
  });

  test("worked examples typed as formulas, with inline arrays and omitted arguments", () => {
    const at = (r: number, c: number) => shown(hf, "杂项", r, c);
    expect(at(0, 0)).toBe(59);
    expect(at(0, 1)).toBe("良好");
    expect(at(0, 2)).toBeCloseTo(0.8, 12);
    expect(at(0, 3)).toBe(3);
    expect(at(0, 4)).toEqual({ code: "#N/A", message: "分数 61 不在排名区域中" }); // scores are even
    expect(at(1, 0)).toBeCloseTo(19, 12);
    expect(at(1, 1)).toBe(4);
    expect(at(1, 2)).toBeCloseTo(58.7333333333, 9);
    expect(at(1, 3)).toBeCloseTo(76, 12);
    expect(at(1, 4)).toBeCloseTo(92, 12);
    expect(at(2, 0)).toBe(3);
    expect(at(2, 1)).toBe(1700);
    expect(at(2, 2)).toBe("二等奖");
    expect(at(2, 3)).toEqual({ code: "#VALUE!", message: "无法识别的标记：大概（应为 是/否、√/×、TRUE/FALSE 或 1/0）" });
    expect(at(2, 4)).toBe(10);
    expect(at(3, 0)).toBe(3);
    expect((at(3, 1) as { code: string }).code).toBe("#DIV/0!"); // an error argument passes through
    expect(at(3, 2)).toBeCloseTo(0.4, 12);
  });

  test("a changed input recalculates the KH.* formulas", () => {
    const sheet = hf.getSheetId("数据") as number;
    const best = Math.max(...units.map((u) => (typeof u.score === "number" ? u.score : -Infinity)));
    hf.setCellContents({ sheet, row: 2, col: 1 }, [[best + 1]]);
    expect(shown(hf, "数据", 2, 6)).toBe(1);
    expect(shown(hf, "数据", 2, 12)).toBe(1);
    expect(shown(hf, "数据", 2, 9)).toBe(1000);
  });
});
