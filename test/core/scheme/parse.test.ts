import { checkSchemeAgainstData, parseScheme, parseSchemeText } from "../../../src/core/scheme/parse";
import { messages } from "./scheme-messages";
import { SchemeError } from "../../../src/core/scheme/errors";
import { readDataTable } from "../../../src/core/data-table";
import { sampleSchemeJson, sampleValues } from "../scoring/sample";

/** A small valid scheme to break in each test. */
function base(): Record<string, any> {
  return {
    name: "测试方案",
    data: { sheet: "村级考核", headerRow: 1, name: "村名" },
    indicators: [
      { name: "党建工作", column: "党建", method: "points", points: 40 },
      { name: "常规工作", column: "常规", method: "points", points: 30 },
      { name: "参保率", column: "参保率", method: "target", points: 30, target: 0.91 },
    ],
  };
}

describe("parseScheme: normal form", () => {
  test("the sample parses without warnings and gets its defaults filled in", () => {
    const { scheme, warnings } = parseScheme(sampleSchemeJson());
    expect(warnings).toEqual([]);
    expect(scheme.indicators[4]).toEqual({
      name: "招商引资",
      column: "招商(万元)",
      method: "efficacy",
      points: 10,
      good: 1000,
      bad: 0,
      base: 0.6,
    });
    expect(scheme.indicators[5]).toEqual({
      name: "群众满意",
      column: "民调等级",
      method: "grade",
      points: 5,
      grades: { 优: 1, 良: 0.8, 中: 0.6, 差: 0.4 },
    });
    expect(scheme.indicators[7]).toEqual({ name: "信访", column: "信访排名", method: "rank", points: 10, step: 0.5 });
    expect(scheme.deduction).toEqual({ columns: ["扣分"], cap: null });
    expect(scheme.rewards?.byThreshold).toEqual({ column: "参保率", tiers: [[0.91, 1000]] });
  });

  test("a minimal scheme gets every default, and nothing else", () => {
    const { scheme } = parseScheme(base());
    expect(scheme).toEqual({
      name: "测试方案",
      data: { sheet: "村级考核", headerRow: 1, name: "村名" },
      indicators: [
        { name: "党建工作", column: "党建", method: "points", points: 40 },
        { name: "常规工作", column: "常规", method: "points", points: 30 },
        { name: "参保率", column: "参保率", method: "target", points: 30, target: 0.91, cap: 1 },
      ],
      vetoMode: "exclude",
      precision: 2,
      ranking: { dense: false },
      leaderboard: { top: 3, bottom: 3 },
    });
  });

  test("texts are trimmed; empty lists, sections and columns are left out; caps default to no cap", () => {
    const j = base();
    j.name = "  测试方案 ";
    j.data.group = "";
    j.vetoes = [];
    j.bonus = { columns: ["加分"] };
    j.deduction = { columns: [], cap: 3 };
    j.coefficient = " ";
    j.rewards = { byRank: [] };
    j.fines = [];
    j.progress = { done: "已参保户数", task: "任务户数" };
    j.leaderboard = { top: 5 };
    const { scheme } = parseScheme(j);
    expect(scheme.name).toBe("测试方案");
    expect(scheme.data).toEqual({ sheet: "村级考核", headerRow: 1, name: "村名" });
    expect(scheme).not.toHaveProperty("vetoes");
    expect(scheme).not.toHaveProperty("deduction");
    expect(scheme).not.toHaveProperty("coefficient");
    expect(scheme).not.toHaveProperty("rewards");
    expect(scheme).not.toHaveProperty("fines");
    expect(scheme.bonus).toEqual({ columns: ["加分"], cap: null });
    expect(scheme.progress).toEqual({ done: "已参保户数", task: "任务户数", stages: [0.3, 0.5, 0.7, 0.8, 0.9] });
    expect(scheme.leaderboard).toEqual({ top: 5, bottom: 3 });
  });

  test("comment keys and $schema are allowed", () => {
    const j = { $schema: "./scheme.schema.json", "//": "说明", ...base() };
    expect(parseScheme(j).scheme.name).toBe("测试方案");
  });

  test("parseSchemeText reads a file's text, BOM and all, and reports a syntax error", () => {
    expect(parseSchemeText("\uFEFF" + JSON.stringify(base())).scheme.indicators).toHaveLength(3);
    expect(() => parseSchemeText("{ name: 1 ")).toThrow(/^方案文件不是有效的 JSON：/);
  });
});

describe("parseScheme: warnings", () => {
  test("points not summing to 100", () => {
    const j = base();
    j.indicators[2].points = 25;
    expect(parseScheme(j).warnings).toEqual(["方案：各指标分值合计为 95，不是 100"]);
  });

  test("a parameter the method does not use is ignored, with a warning", () => {
    const j = base();
    j.indicators[0].target = 5;
    const { scheme, warnings } = parseScheme(j);
    expect(warnings).toEqual(["方案第1个指标（党建工作）：“目标值”（target）对直接打分无效，已忽略"]);
    expect(scheme.indicators[0]).not.toHaveProperty("target");
  });
});

describe("parseScheme: errors name the field", () => {
  test("target needs its target", () => {
    const j = base();
    delete j.indicators[2].target;
    expect(messages(j)).toEqual(["方案第3个指标（参保率）：缺少“目标值”（target），完成率法须填写"]);
  });

  test("a target must be above 0, and so must a cap", () => {
    const j = base();
    j.indicators[2].target = 0;
    j.indicators[2].cap = -1;
    expect(messages(j)).toEqual([
      "方案第3个指标（参保率）：“目标值”（target）应大于 0，而不是 0",
      "方案第3个指标（参保率）：“封顶倍数”（cap）应大于 0，而不是 -1",
    ]);
  });

  test("limit needs its limit; step and deduct both or neither", () => {
    const j = base();
    j.indicators[2] = { name: "出生率", column: "出生率‰", method: "limit", points: 30, step: 1 };
    expect(messages(j)).toEqual([
      "方案第3个指标（出生率）：缺少“限值”（limit），逆向指标须填写",
      "方案第3个指标（出生率）：缺少“每步扣分”（deduct）：步长与每步扣分须同时填写（或都不填）",
    ]);
    j.indicators[2] = { name: "出生率", column: "出生率‰", method: "limit", points: 30, limit: 14, deduct: 2 };
    expect(messages(j)).toEqual(["方案第3个指标（出生率）：缺少“步长”（step）：步长与每步扣分须同时填写（或都不填）"]);
    j.indicators[2] = { name: "出生率", column: "出生率‰", method: "limit", points: 30, limit: 14, step: 0, deduct: 2 };
    expect(messages(j)).toEqual(["方案第3个指标（出生率）：“步长”（step）应大于 0，而不是 0"]);
  });

  test("efficacy needs good and bad, and they must differ", () => {
    const j = base();
    j.indicators[2] = { name: "招商引资", column: "招商", method: "efficacy", points: 30 };
    expect(messages(j)).toEqual([
      "方案第3个指标（招商引资）：缺少“满意值”（good），功效系数法须填写",
      "方案第3个指标（招商引资）：缺少“不允许值”（bad），功效系数法须填写",
    ]);
    j.indicators[2] = { name: "招商引资", column: "招商", method: "efficacy", points: 30, good: 5, bad: 5 };
    expect(messages(j)).toEqual(["方案第3个指标（招商引资）：“不允许值”（bad）不能与“满意值”相同（都是 5）"]);
    j.indicators[2] = { name: "招商引资", column: "招商", method: "efficacy", points: 30, good: 5, bad: 0, base: 1.5 };
    expect(messages(j)).toEqual(["方案第3个指标（招商引资）：“基础分”（base）应在 0 到 1 之间，而不是 1.5"]);
  });

  test("grade factors: at least one, none negative", () => {
    const j = base();
    j.indicators[2] = { name: "群众满意", column: "民调", method: "grade", points: 30, grades: {} };
    expect(messages(j)).toEqual(["方案第3个指标（群众满意）：“等次系数”（grades）至少要有一个等次"]);
    j.indicators[2].grades = { 优: 1, 差: -0.4 };
    expect(messages(j)).toEqual(["方案第3个指标（群众满意）：“等次系数”（grades.差）应不小于 0，而不是 -0.4"]);
  });

  test("wrong types, unknown methods and misspelt fields", () => {
    const j = base();
    j.indicators[0].points = "二十";
    j.indicators[1].method = "average";
    j.indicators[2].taget = j.indicators[2].target;
    delete j.indicators[2].target;
    expect(messages(j)).toEqual([
      "方案第1个指标（党建工作）：“分值”（points）应为数值，而不是“二十”",
      "方案第2个指标（常规工作）：“方法”（method）应为 points（直接打分）、target（完成率法）、limit（逆向指标）、efficacy（功效系数法）、grade（定性等次）、benchmark（标杆法）、rank（排名赋分）、vote（民主评议） 之一，而不是“average”",
      "方案第3个指标（参保率）：不认识的字段“taget”（拼写有误？）",
      "方案第3个指标（参保率）：缺少“目标值”（target），完成率法须填写",
    ]);
  });

  test("top-level fields", () => {
    const j = base();
    delete j.data.sheet;
    j.data.headerRow = 0;
    j.precision = 2.5;
    j.vetoMode = "none";
    j.indicators = [];
    expect(messages(j)).toEqual([
      "方案：缺少“数据表”（data.sheet）",
      "方案：“表头行”（data.headerRow）应不小于 1，而不是 0",
      "方案：“考核指标”（indicators）至少要有1项",
      "方案：“否决方式”（vetoMode）应为 exclude、zero 之一，而不是“none”",
      "方案：“小数位数”（precision）应为整数，而不是 2.5",
    ]);
  });

  test("not an object at all", () => {
    expect(messages([1, 2])).toEqual(["方案：应为一个 JSON 对象（{…}），而不是 [1,2]"]);
  });

  test("duplicate indicator names", () => {
    const j = base();
    j.indicators[2].name = "党建工作";
    expect(messages(j)).toEqual(["方案第3个指标（党建工作）：“指标名称”（name）“党建工作”与第1个指标重复"]);
  });

  test("rows of the grade, award, reward and fine tables", () => {
    const j = base();
    j.grades = [
      [90, "优秀"],
      [90, "良好"],
    ];
    j.awards = [["一等奖", 1.5, 90]];
    j.rewards = { byRank: [[0, 100]], byThreshold: { column: "参保率", tiers: [["91%", 1000]] } };
    j.fines = [{ column: "缺签次数" }];
    j.progress = { done: "已参保户数", task: "任务户数", stages: [0.3, 0] };
    expect(messages(j)).toEqual([
      "方案第1个奖项：“名额”应为整数，而不是 1.5",
      "方案的达标奖励第1档：“达标值”应为数值，而不是“91%”",
      "方案第1个罚款：缺少“每次金额”（amount）",
      "方案的各阶段要求：“第2项”（progress.stages[1]）应大于 0，而不是 0",
      "方案第2个等次：“最低分” 90 重复",
      "方案第1个按名次奖励：“名次”不能为 0（正数 k 表示前 k 名，负数 −k 表示倒数 k 名）",
    ]);
  });
});

describe("checkSchemeAgainstData", () => {
  const table = () => readDataTable(sampleValues(), { sheet: "村级考核", headerRow: 1, name: "村名", group: "类别" });

  test("the sample scheme fits the sample data", () => {
    expect(() => checkSchemeAgainstData(parseScheme(sampleSchemeJson()).scheme, table())).not.toThrow();
  });

  test("every missing column is named with where the scheme uses it", () => {
    const j = sampleSchemeJson() as Record<string, any>;
    j.indicators[2].column = "参保率(%)";
    j.vetoes = ["计生否决", "综治否决"];
    j.coefficient = "系数";
    j.fines[1].column = "旷工";
    j.progress.task = "任务数";
    const { scheme } = parseScheme(j);
    let e: SchemeError | undefined;
    try {
      checkSchemeAgainstData(scheme, table());
    } catch (x) {
      e = x as SchemeError;
    }
    expect(e).toBeInstanceOf(SchemeError);
    expect(e?.messages).toEqual([
      "方案第3个指标（参保率）：数据列“参保率(%)”在“村级考核”中不存在",
      "方案第2个否决项：数据列“综治否决”在“村级考核”中不存在",
      "方案的系数列：数据列“系数”在“村级考核”中不存在",
      "方案第2个罚款：数据列“旷工”在“村级考核”中不存在",
      "方案的任务数列：数据列“任务数”在“村级考核”中不存在",
    ]);
    expect(e?.message).toBe(e?.messages.join("\n"));
  });

  test("columns may be given by letter", () => {
    const j = base();
    j.indicators[0].column = "C";
    expect(() => checkSchemeAgainstData(parseScheme(j).scheme, table())).not.toThrow();
  });
});
