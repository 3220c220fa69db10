import { columnStats, detectTable, isTotalName, numberColumns } from "../../src/core/table-detect";
import { guessRoles, pointsInHeader } from "../../src/core/role-guess";
import type { Cell } from "../../src/core/values";

const plain: Cell[][] = [
  ["村名", "类别", "党建", "参保率", "计生否决", "加分", "扣分", "规模系数"],
  ["牛颈村", "行政村", 19.6, 0.805, "否", 6, 1, 1],
  ["西牛村", "行政村", 15.5, 0.977, "否", 1, 0, 0.95],
  ["大坪社区", "社区", 15.6, 0.847, "是", 3, 0, 1],
  ["龙湾社区", "社区", 19.3, 0.815, "否", 4, 3.5, 1],
];

describe("detectTable", () => {
  test("a plain table: header on row 1, name and group columns, numeric columns", () => {
    const t = detectTable(plain)!;
    expect(t.headerRow).toBe(1);
    expect(t.unitRows).toEqual([2, 3, 4, 5]);
    expect(t.columns[t.nameColumn].header).toBe("村名");
    expect(t.columns[t.groupColumn!].header).toBe("类别");
    expect(t.columns.filter((c) => c.kind === "number").map((c) => c.header)).toEqual(["党建", "参保率", "加分", "扣分", "规模系数"]);
  });

  test("a named unit is never taken for a total because its numbers happen to add or average up", () => {
    const equal: Cell[][] = [
      ["单位", "年终"],
      ["1组", 100],
      ["2组", 100],
      ["3组", 100],
    ]; // 3组 = the average
    expect(detectTable(equal)!.unitRows).toEqual([2, 3, 4]);
    const adding: Cell[][] = [
      ["单位", "得分"],
      ["甲", 10],
      ["乙", 20],
      ["丙", 30],
    ]; // 丙 = 甲 + 乙
    expect(detectTable(adding)!.unitRows).toEqual([2, 3, 4]);
    const unnamed: Cell[][] = [
      ["单位", "党建", "综治"],
      ["甲", 10, 5],
      ["乙", 20, 6],
      [null, 30, 11],
    ];
    expect(detectTable(unnamed)!.unitRows).toEqual([2, 3]);
  });

  test("title rows and a merged title cell above the header", () => {
    const values: Cell[][] = [["2025年度村级目标管理考核数据"], [null, null, "制表：镇目标办"], ...plain];
    const t = detectTable(values, ["A1:H1"])!;
    expect(t.headerRow).toBe(3);
    expect(t.unitRows).toEqual([4, 5, 6, 7]);
    expect(t.columns[t.nameColumn].letter).toBe("A");
  });

  test("merged header cells give every covered column the merged text", () => {
    const values: Cell[][] = [
      ["单位", "类别", "民主评议", null, "党建"],
      ["甲村", "行政村", 8, 2, 18],
      ["乙村", "行政村", 6, 4, 17],
    ];
    const t = detectTable(values, ["C1:D1"])!;
    expect(t.columns.map((c) => c.header)).toEqual(["单位", "类别", "民主评议", "民主评议", "党建"]);
  });

  test("a blank column in the middle does not end the table", () => {
    const values: Cell[][] = [
      ["村名", "党建", null, "常规"],
      ["甲村", 18, null, 17],
      ["乙村", 16, null, 19],
    ];
    const t = detectTable(values)!;
    expect(t.columns.map((c) => c.kind)).toEqual(["text", "number", "empty", "number"]);
    expect(t.columns[3].header).toBe("常规");
  });

  test("numbers stored as text (full-width, thousands separators, percent) count as numbers", () => {
    const values: Cell[][] = [
      ["村名", "税收", "参保率"],
      ["甲村", "１，２３４", "92%"],
      ["乙村", "1,050", "８８．５％"],
    ];
    const t = detectTable(values)!;
    expect(t.columns[1]).toMatchObject({ kind: "number", min: 1050, max: 1234 });
    expect(t.columns[2]).toMatchObject({ kind: "number", min: 0.885, max: 0.92 });
  });

  test("a totals row at the bottom is not a unit, also when 合计 stands merged in the 序号 column", () => {
    const values: Cell[][] = [
      ["序号", "村名", "党建"],
      [1, "甲村", 18],
      [2, "乙村", 16],
      ["合 计", null, 34],
    ];
    const t = detectTable(values, ["A4:B4"])!;
    expect(t.columns[t.nameColumn].header).toBe("村名");
    expect(t.unitRows).toEqual([2, 3]);
    expect(t.totalRows).toEqual([4]);
  });

  test("a column of grades is not taken for the group column", () => {
    const values: Cell[][] = [
      ["村名", "民调等级", "党建"],
      ["甲村", "优", 18],
      ["乙村", "良", 16],
      ["丙村", "优", 15],
      ["丁村", "良", 14],
      ["戊村", "优", 13],
      ["己村", "良", 12],
    ];
    expect(detectTable(values)!.groupColumn).toBeUndefined();
  });

  test("with a selection, the table at or above it is taken", () => {
    const values: Cell[][] = [...plain, [], ["单位", "得分", "备注"], ["农办", 90, "x"], ["财政所", 85, "y"]];
    expect(detectTable(values, [], 8)!.headerRow).toBe(7);
    expect(detectTable(values)!.headerRow).toBe(1);
  });

  test("a two-row header, totals and a footer: the pane sees the units kh scores", () => {
    const values: Cell[][] = [
      ["2025年度考核"],
      ["村名", "类别", "常规工作", null],
      [null, null, "党建", "综治"],
      ["甲村", "行政村", 18, 17],
      ["乙村", null, 16, 15],
      ["丙社区", "社区", 15, 14],
      ["合计", null, 49, 46],
      [],
      ["制表人：张三　审核人：李四"],
    ];
    const t = detectTable(values, ["A1:D1", "A2:A3", "B2:B3", "C2:D2", "B4:B5"])!;
    expect([t.headerRow, t.headerBottom]).toEqual([2, 3]);
    expect(t.columns.map((c) => c.header)).toEqual(["村名", "类别", "常规工作/党建", "常规工作/综治"]);
    expect(t.unitRows).toEqual([4, 5, 6]);
    expect(t.totalRows).toEqual([7, 9]);
    expect(t.columns[t.groupColumn!].header).toBe("类别");
  });

  test("the words of totals rows", () => {
    const totals = [
      "合计",
      "合 计",
      "合计：",
      "全镇合计",
      "一片区小计",
      "小计（一片区）",
      "平均",
      "平均分",
      "镇平均值",
      "总计",
      "汇总",
      "Total",
      "全镇",
      "合计数",
    ];
    expect(totals.filter((t) => !isTotalName(t))).toEqual([]);
    expect(["甲村", "合计村", "城区社区", "平均村委会", "小计划", 12].filter(isTotalName)).toEqual([]);
  });

  test("no table at all", () => {
    expect(detectTable([["只有一行标题"]])).toBeUndefined();
    expect(detectTable([])).toBeUndefined();
  });
});

describe("guessRoles", () => {
  test("guesses from header text and values", () => {
    const values: Cell[][] = [
      ["序号", "村名", "类别", "党建(20分)", "参保率", "民调等级", "安全事故", "加分", "扣分", "规模系数", "上年名次", "缺签次数"],
      [1, "甲村", "行政村", 18, 0.92, "优", "否", 2, 1, 1, 3, 0],
      [2, "乙村", "社区", 16, 0.88, "良", "√", 0, 0, 0.95, 1, 2],
    ];
    const t = detectTable(values)!;
    const roles = guessRoles(t, values).map((g) => [g.column.header, g.role, g.method, g.points]);
    expect(roles).toEqual([
      ["序号", "ignore", undefined, undefined],
      ["村名", "name", undefined, undefined],
      ["类别", "group", undefined, undefined],
      ["党建(20分)", "indicator", "points", 20],
      ["参保率", "indicator", "target", 10],
      ["民调等级", "indicator", "grade", 5],
      ["安全事故", "veto", undefined, undefined],
      ["加分", "bonus", undefined, undefined],
      ["扣分", "deduction", undefined, undefined],
      ["规模系数", "coefficient", undefined, undefined],
      ["上年名次", "previousRank", undefined, undefined],
      ["缺签次数", "fine", undefined, undefined],
    ]);
  });

  test("points written in a header", () => {
    expect(pointsInHeader("党建工作20分")).toBe(20);
    expect(pointsInHeader("常规（7.5 分）")).toBe(7.5);
    expect(pointsInHeader("党建")).toBeUndefined();
    expect(pointsInHeader("常规工作(40分)/党建(20分)")).toBe(20);
    expect(pointsInHeader("常规工作(40分)/党建")).toBe(40);
  });
});

test("numberColumns, counted a row at a time, calls numbers the columns columnStats does", () => {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const kinds: (() => Cell)[] = [
    () => null,
    () => "",
    () => " ",
    () => next() * 100,
    () => "12.5",
    () => "８０",
    () => "优",
    () => "—",
    () => true,
  ];
  for (let trial = 0; trial < 200; trial++) {
    const width = 1 + Math.floor(next() * 8);
    // Rows of different lengths (a row may stop before the last column), some missing altogether.
    const values: Cell[][] = Array.from({ length: 30 }, () => {
      const bias = Math.floor(next() * kinds.length);
      return Array.from({ length: Math.floor(next() * (width + 1)) }, () =>
        kinds[next() < 0.6 ? bias : Math.floor(next() * kinds.length)]()
      );
    });
    const rows = Array.from({ length: 35 }, (_, r) => r).filter(() => next() < 0.7);
    const expected = columnStats(values, rows, [])
      .filter((c) => c.kind === "number")
      .map((c) => c.index);
    expect(numberColumns(values, rows)).toEqual(expected);
  }
});
