import { displayWidth, leaderboardText, showNumber, textTable } from "../../src/cli/text-table";
import { UnitResult } from "../../src/core/unit-result";

const unit = (name: string, group: string, rank: number, total: number, mark = "", reward = 0): UnitResult => ({
  name,
  group,
  scores: {},
  subtotal: total,
  bonus: 0,
  deduction: 0,
  coefficient: 1,
  total,
  vetoed: mark === "否决",
  rank,
  mark,
  grade: "",
  award: "",
  reward,
  fines: 0,
  missing: [],
  disqualified: [],
});

describe("terminal tables", () => {
  it("counts Chinese and full-width characters as two columns", () => {
    expect(displayWidth("牛颈村")).toBe(6);
    expect(displayWidth("A1")).toBe(2);
    expect(displayWidth("招商（万元）")).toBe(12);
    expect(displayWidth("出生率‰")).toBe(7);
  });

  it("lines columns up by display width, numbers to the right", () => {
    const text = textTable(
      [
        ["名次", "单位", "总分"],
        ["1", "大坪社区", "93.5"],
        ["10", "村", "7"],
      ],
      [true, false, true]
    );
    expect(text.split("\n")).toEqual(["名次  单位      总分", "   1  大坪社区  93.5", "  10  村           7"]);
    expect(showNumber(80.125)).toBe("80.13");
    expect(showNumber(1000)).toBe("1000");
  });

  it("prints the 龙虎榜 per group, best first, ties in input order", () => {
    const text = leaderboardText(
      [
        unit("乙村", "行政村", 2, 80),
        unit("社区一", "社区", 1, 90, "龙榜", 1000),
        unit("甲村", "行政村", 1, 85, "龙榜"),
        unit("丙村", "行政村", 2, 80, "虎榜"),
      ],
      "考核 · 龙虎榜",
      0
    );
    expect(text).toBe(
      [
        "考核 · 龙虎榜",
        "",
        "【行政村】",
        "名次  单位  总分  标记  等次  奖项  奖励",
        "   1  甲村    85  龙榜",
        "   2  乙村    80",
        "   2  丙村    80  虎榜",
        "",
        "【社区】",
        "名次  单位    总分  标记  等次  奖项  奖励",
        "   1  社区一    90  龙榜              1000",
      ].join("\n")
    );
  });
});
