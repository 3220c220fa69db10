/** Each function's errors: the Excel code and the Chinese message a clerk reads. */
import { KhFunctionError, functionError } from "../../src/functions/errors";
import { KH, col, errorOf, row } from "../support/kh-calls";
import { ExcelCustomFunctionsError, installExcelErrors } from "./excel-error";

const scores = col(90, 85, 85, 70);

describe.each([
  // [function, call, code, exact Chinese message]
  ["VETO: unrecognised flag", () => KH.veto(92, "大概"), "#VALUE!", "无法识别的标记：大概（应为 是/否、√/×、TRUE/FALSE 或 1/0）"],
  [
    "VETO: unrecognised flag inside a range",
    () => KH.veto(92, row("否", "待定")),
    "#VALUE!",
    "无法识别的标记：待定（应为 是/否、√/×、TRUE/FALSE 或 1/0）",
  ],
  ["VETO: score is text", () => KH.veto("缺考", "否"), "#VALUE!", "无法识别的数值：缺考（分数）"],
  ["STAGEPCT: stage beyond the schedule", () => KH.stagePct(40, 100, 6), "#NUM!", "调度阶段应为 1 到 5 的整数，而不是 6"],
  ["STAGEPCT: stage not an integer", () => KH.stagePct(40, 100, 1.5), "#NUM!", "调度阶段应为 1 到 5 的整数，而不是 1.5"],
  ["STAGEPCT: task 0", () => KH.stagePct(1, 0), "#DIV/0!", "任务数应大于 0，而不是 0"],
  ["STAGEPCT: text in the schedule", () => KH.stagePct(40, 100, 1, row("30%", "一半")), "#VALUE!", "无法识别的数值：一半"],
  ["STAGEGAP: stage 0 (blank)", () => KH.stageGap(40, 100, null), "#NUM!", "调度阶段应为 1 到 5 的整数，而不是 0"],
  ["STAGEGAP: negative task", () => KH.stageGap(40, -5, 1), "#DIV/0!", "任务数应大于 0，而不是 -5"],
  [
    "STAGEGAP: stage beyond a custom schedule",
    () => KH.stageGap(40, 100, 3, row(0.5, 1)),
    "#NUM!",
    "调度阶段应为 1 到 2 的整数，而不是 3",
  ],
  ["RANKIN: score not among the scores", () => KH.rankIn(60, scores), "#N/A", "分数 60 不在排名区域中"],
  [
    "RANKIN: score not in its group",
    () => KH.rankIn(70, scores, 0, false, "机关", col("村", "村", "机关", "村")),
    "#N/A",
    "分数 70 不在分组“机关”的排名区域中",
  ],
  ["RANKIN: score is text", () => KH.rankIn("缺考", scores), "#VALUE!", "无法识别的数值：缺考（分数）"],
  ["RANKIN: order is text", () => KH.rankIn(85, scores, "降序"), "#VALUE!", "无法识别的数值：降序（排序方式）"],
  [
    "RANKIN: dense is not a flag",
    () => KH.rankIn(85, scores, 0, "也许"),
    "#VALUE!",
    "无法识别的选项：也许（中国式排名应为 TRUE/FALSE、是/否 或 1/0）",
  ],
  [
    "RANKIN: group without groups",
    () => KH.rankIn(85, scores, 0, false, "村"),
    "#VALUE!",
    "给出了分组（group），却没有给出分组区域（groups）",
  ],
  [
    "RANKIN: groups shaped unlike scores",
    () => KH.rankIn(85, scores, 0, false, "村", col("村", "村")),
    "#VALUE!",
    "分组区域（groups）应与分数区域（scores）形状相同",
  ],
  [
    "RANKIN: group range shaped unlike score",
    () => KH.rankIn(col(90, 85), scores, 0, false, col("村", "村", "村"), col("村", "村", "村", "村")),
    "#VALUE!",
    "分组（group）应为单个值，或与分数（score）区域形状相同",
  ],
  ["RANKBONUS: tiers of one column", () => KH.rankBonus(90, scores, col(1, 3)), "#VALUE!", "奖惩档次（tiers）应为至少2列的区域"],
  ["RANKBONUS: amount is text", () => KH.rankBonus(90, scores, row(1, "一千")), "#VALUE!", "奖惩档次中有无法识别的金额：一千"],
  ["RANKBONUS: score not among the scores", () => KH.rankBonus(60, scores, row(1, 1000)), "#N/A", "分数 60 不在排名区域中"],
  ["TIER: value is text", () => KH.tier("良", row(80, "良好")), "#VALUE!", "无法识别的数值：良（数值）"],
  ["TIER: table of one column", () => KH.tier(85, col(80, 90)), "#VALUE!", "分档表（table）应为至少2列的区域"],
  ["TARGETSCORE: target 0", () => KH.targetScore(95, 0, 20), "#DIV/0!", "目标值应大于 0，而不是 0"],
  ["TARGETSCORE: actual is text", () => KH.targetScore("缺考", 100, 20), "#VALUE!", "无法识别的数值：缺考（实际值）"],
  [
    "LIMITSCORE: step without deduct",
    () => KH.limitScore(16, 14, 10, 1),
    "#VALUE!",
    "逆向指标的扣分步长（step）与每步扣分（deduct）须同时给出",
  ],
  ["LIMITSCORE: step 0", () => KH.limitScore(16, 14, 10, 0, 2), "#VALUE!", "扣分步长应大于 0，而不是 0"],
  ["EFFICACY: bad = good", () => KH.efficacy(9, 6, 6), "#DIV/0!", "功效系数法的满意值与不允许值不能相同"],
  ["ADJUST: text among the bonuses", () => KH.adjust(80, row(2, "创新")), "#VALUE!", "加分中有无法识别的数值：创新"],
  ["ADJUST: text among the deductions", () => KH.adjust(80, null, col(1, "通报")), "#VALUE!", "扣分中有无法识别的数值：通报"],
  ["ADJUST: cap is text", () => KH.adjust(80, 3, null, "五分"), "#VALUE!", "无法识别的数值：五分（加分上限）"],
  ["BLEND: weight above 1", () => KH.blend(row(80), 70, 1.5), "#NUM!", "平时成绩权重应在 0 到 1 之间，而不是 1.5"],
  ["BLEND: weight below 0", () => KH.blend(row(80), 70, "-10%"), "#NUM!", "平时成绩权重应在 0 到 1 之间，而不是 -0.1"],
  [
    "VOTESCORE: four categories and no weights",
    () => KH.voteScore(row(5, 3, 1, 1)),
    "#VALUE!",
    "票数有4类，须给出同样多的权重（默认权重只适用于 满意/基本满意/不满意 三类）",
  ],
  ["VOTESCORE: weights unlike votes", () => KH.voteScore(row(5, 3, 2), row(1, 0.5)), "#VALUE!", "票数有3类，权重却有2个"],
  ["VOTESCORE: no votes", () => KH.voteScore(row(0, null, 0)), "#DIV/0!", "没有票数，无法计算评议得分"],
  ["VOTESCORE: a vote count is text", () => KH.voteScore(row(5, "三", 2)), "#VALUE!", "无法识别的数值：三（票数）"],
  [
    "LAGSTREAK: counts not aligned with ranks",
    () => KH.lagStreak(row(30, 31, 32), row(32, 32)),
    "#VALUE!",
    "参评单位数（count）有2项，名次（ranks）却有3项，应一一对应",
  ],
  ["LAGSTREAK: count is text", () => KH.lagStreak(row(30, 31), "全部"), "#VALUE!", "无法识别的数值：全部（参评单位数）"],
  ["AWARD: score not among the scores", () => KH.award(60, row(95, 88), row("一等奖", 1, 90)), "#N/A", "分数 60 不在参评分数（scores）中"],
  ["AWARD: quota is text", () => KH.award(95, row(95, 88), row("一等奖", "一名", 90)), "#VALUE!", "无法识别的数值：一名（“一等奖”的名额）"],
  ["AWARD: negative quota", () => KH.award(95, row(95, 88), row("一等奖", -1, 90)), "#VALUE!", "“一等奖”的名额不能为负数：-1"],
  ["AWARD: table of two columns", () => KH.award(95, row(95, 88), row("一等奖", 1)), "#VALUE!", "奖项表（table）应为至少3列的区域"],
  ["DRAW: more than the items", () => KH.draw(col("甲", "乙", "丙"), 5, 1), "#NUM!", "抽取个数 5 超过了名单中的 3 项"],
  ["DRAW: n = 0", () => KH.draw(col("甲", "乙"), 0, 1), "#VALUE!", "抽取个数应为正整数，而不是 0"],
  ["DRAW: n not an integer", () => KH.draw(col("甲", "乙"), 1.5, 1), "#VALUE!", "抽取个数应为正整数，而不是 1.5"],
  ["DRAW: no seed", () => KH.draw(col("甲", "乙"), 1, null), "#VALUE!", "缺少抽签种子（seed），无法复核抽签结果"],
  [
    "LEADERBOARD: names not aligned with scores",
    () => KH.leaderboard(col("甲", "乙"), col(90)),
    "#VALUE!",
    "单位（names）有2项，分数（scores）却有1项，应一一对应",
  ],
  ["LEADERBOARD: no numeric score", () => KH.leaderboard(col("甲", "乙"), col(null, "缺考")), "#N/A", "没有可排名的分数"],
  ["PERFPAY: full 0", () => KH.perfPay(85, 2000, 0), "#DIV/0!", "满分应大于 0，而不是 0"],
  ["PERFPAY: amount is text", () => KH.perfPay(85, "两千"), "#VALUE!", "无法识别的数值：两千（绩效金额）"],
])("%s", (_name, call, code, message) => {
  test(`${code} ${message} (WPS and the command line show the message)`, () => {
    expect(errorOf(call)).toEqual({ code, message });
  });

  test(`in Excel: ${code}${code === "#VALUE!" || code === "#N/A" ? " with the message" : ", bare"}`, () => {
    const uninstall = installExcelErrors();
    try {
      // Excel shows the message only with #VALUE! and #N/A: the fake drops the others' as Excel does.
      const shown = code === "#VALUE!" || code === "#N/A" ? message : undefined;
      expect(errorOf(call)).toEqual({ code, message: shown });
    } finally {
      uninstall();
    }
  });
});

describe("lifted results carry per-entry errors instead of failing the whole array", () => {
  test("RANKIN over a range with a text and an absent score", () => {
    const out = KH.rankIn(col(85, "缺考", 60, null), scores);
    expect(out[0][0]).toBe(2);
    expect(out[1][0]).toMatchObject({ code: "#VALUE!", message: "无法识别的数值：缺考（分数）" });
    expect(out[2][0]).toMatchObject({ code: "#N/A", message: "分数 60 不在排名区域中" });
    expect(out[3][0]).toBe("");
  });

  test("an error in an argument that applies to all entries fails the whole call", () => {
    expect(errorOf(() => KH.rankIn(col(85, 70), scores, "降序")).code).toBe("#VALUE!");
  });
});

describe("error objects", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  test("outside Excel the fallback class carries code and message", () => {
    let thrown: unknown;
    try {
      KH.targetScore(95, 0, 20);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(KhFunctionError);
    expect(thrown).toMatchObject({ code: "#DIV/0!", message: "目标值应大于 0，而不是 0" });
  });

  test("in Excel they are CustomFunctions.Error with the ErrorCode value", () => {
    const FakeCustomFunctionsError = ExcelCustomFunctionsError;
    installExcelErrors();
    let thrown: unknown;
    try {
      KH.rankIn(60, scores);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
    expect(thrown).toMatchObject({ code: "#N/A", message: "分数 60 不在排名区域中" });
    expect(functionError("#NUM!", "x")).toBeInstanceOf(FakeCustomFunctionsError);
    // Lifted entries are CustomFunctions.Error objects too.
    expect(KH.rankIn(col(60), scores)[0][0]).toBeInstanceOf(FakeCustomFunctionsError);
  });

  test("a bug (not a KhError) is not disguised as a clerk's input error", () => {
    const broken = new Proxy([[85]], {
      get(target, key) {
        if (key === Symbol.iterator) throw new TypeError("broken range");
        return Reflect.get(target, key);
      },
    });
    expect(() => KH.rankIn(85, broken)).toThrow(TypeError);
  });
});
