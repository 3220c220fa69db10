import { DataError, readDataTable } from "../../src/core/data-table";
import { sampleValues } from "./scoring/sample";

const spec = { sheet: "村级考核", headerRow: 1, name: "村名", group: "类别" };

function error(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("readDataTable", () => {
  test("reads the sample: 16 units with their groups and sheet rows", () => {
    const t = readDataTable(sampleValues(), spec);
    expect(t.units).toHaveLength(16);
    expect(t.units[0]).toEqual({ name: "牛颈村", group: "行政村", row: 2 });
    expect(t.units[6]).toEqual({ name: "大坪社区", group: "社区", row: 8 });
    expect(t.units[15]).toEqual({ name: "东坑村", group: "行政村", row: 17 });
    expect(t.column("参保率")).toBe(4);
    expect(t.value(t.units[1], t.column("参保率"))).toBe(0.977);
    expect(t.address(t.units[1], t.column("参保率"))).toBe("村级考核!E3");
  });

  test("headers are matched trimmed, full-width folded and ignoring inner whitespace; letters address columns", () => {
    const values = [
      ["  单位 ", "招商（万元）", "参保率\n(%)", 2024],
      ["甲村", 100, 0.9, 1],
    ];
    const t = readDataTable(values, { sheet: "表1", headerRow: 1, name: "单位" });
    expect(t.column("招商(万元)")).toBe(1);
    expect(t.column("招商（万元）")).toBe(1);
    expect(t.column("参保率(%)")).toBe(2);
    expect(t.column("2024")).toBe(3);
    expect(t.column("C")).toBe(2);
    expect(t.column("d")).toBe(3);
    expect(t.headers).toEqual(["单位", "招商（万元）", "参保率\n(%)", "2024"]);
    expect(t.units[0]).toEqual({ name: "甲村", group: "", row: 2 });
  });

  test("a header wins over a letter of the same text", () => {
    const t = readDataTable(
      [
        ["单位", "A", "x"],
        ["甲", 1, 2],
      ],
      { sheet: "S", headerRow: 1, name: "单位" }
    );
    expect(t.column("A")).toBe(1);
    expect(t.column("C")).toBe(2);
  });

  test("a missing column names the column and the sheet", () => {
    const t = readDataTable(sampleValues(), spec);
    expect(() => t.column("参保率(%)")).toThrow("数据列“参保率(%)”在“村级考核”中不存在");
    expect(t.findColumn("ZZ")).toEqual({ error: "数据列“ZZ”在“村级考核”中不存在" });
  });

  test("two columns with the same header are ambiguous only when used", () => {
    const t = readDataTable(
      [
        ["单位", "备注", "分", "备注"],
        ["甲", "", 1, ""],
      ],
      { sheet: "S", headerRow: 1, name: "单位" }
    );
    expect(t.column("分")).toBe(2);
    expect(() => t.column("备注")).toThrow("数据列“备注”在“S”中有2列（B列、D列）");
  });

  test("header row below a title; blank, totals and repeated header rows are not units", () => {
    const values = [
      ["2025年度考核表"],
      [],
      ["序号", "单位", "得分"],
      [1, "甲村", 80],
      [null, "", null],
      [2, " 乙村 ", 70],
      [null, "单位", "得分"],
      [3, "丙村", 60],
      [null, "合 计", 210],
      [null, "总计", 210],
      [null, "小计", 210],
    ];
    const t = readDataTable(values, { sheet: "S", headerRow: 3, name: "单位" });
    expect(t.units.map((u) => [u.name, u.row])).toEqual([
      ["甲村", 4],
      ["乙村", 6],
      ["丙村", 8],
    ]);
  });

  test("duplicate unit names name both rows", () => {
    const values = sampleValues();
    values[9][0] = "牛颈村";
    const e = error(() => readDataTable(values, spec));
    expect(e.messages).toEqual(["“村级考核”中单位“牛颈村”重复：第2行和第10行"]);
  });

  test("a missing name or group column, or an empty header row, is a DataError", () => {
    expect(error(() => readDataTable(sampleValues(), { ...spec, name: "单位" })).messages).toEqual([
      "单位列：数据列“单位”在“村级考核”中不存在",
    ]);
    expect(error(() => readDataTable(sampleValues(), { ...spec, group: "分类" })).messages).toEqual([
      "分组列：数据列“分类”在“村级考核”中不存在",
    ]);
    expect(error(() => readDataTable(sampleValues(), { ...spec, name: "单位", headerRow: 40 })).message).toBe(
      "“村级考核”的第40行（表头行）是空的，请检查方案中的表头行"
    );
  });

  test("numbers as names and groups read as their text", () => {
    const t = readDataTable(
      [
        ["编号", "组"],
        [101, 1],
        [102, 2],
      ],
      { sheet: "S", headerRow: 1, name: "编号", group: "组" }
    );
    expect(t.units).toEqual([
      { name: "101", group: "1", row: 2 },
      { name: "102", group: "2", row: 3 },
    ]);
  });
});

describe("readDataTable on a clerk's awkward table", () => {
  const sheet = "村级考核";
  test("a two-row header: 常规工作 merged over 党建 | 综治 | 计生, found by the joined or the lowest text", () => {
    const values = [
      ["2025年度村级考核"],
      ["村名", "类别", "常规工作", null, null, "加分"],
      [null, null, "党建", "综治", "计生", null],
      ["甲村", "行政村", 18, 17, 16, 1],
      ["乙村", "行政村", 16, 15, 14, 0],
    ];
    const merges = ["A1:F1", "A2:A3", "B2:B3", "C2:E2", "F2:F3"];
    for (const headerRow of [2, 3]) {
      const t = readDataTable(values, { sheet, headerRow, name: "村名", group: "类别" }, { merges });
      expect(t.headers).toEqual(["村名", "类别", "常规工作/党建", "常规工作/综治", "常规工作/计生", "加分"]);
      expect([t.headerRow, t.headerBottom]).toEqual([2, 3]);
      expect(t.column("党建")).toBe(2);
      expect(t.column("常规工作/综治")).toBe(3);
      expect(t.column("常规工作／计生")).toBe(4);
      expect(t.units.map((u) => u.name)).toEqual(["甲村", "乙村"]);
    }
  });

  test("the same lowest header under two captions is ambiguous, the joined one is not", () => {
    const values = [
      ["村名", "上半年", null, "下半年", null],
      [null, "党建", "综治", "党建", "综治"],
      ["甲村", 1, 2, 3, 4],
      ["乙村", 5, 6, 7, 8],
    ];
    const t = readDataTable(values, { sheet, headerRow: 1, name: "村名" }, { merges: ["A1:A2", "B1:C1", "D1:E1"] });
    expect(t.column("下半年/党建")).toBe(3);
    expect(() => t.column("党建")).toThrow("有2列（B列、D列）");
  });

  test("totals, subtotals, averages and footers are not units", () => {
    const values = [
      ["村名", "片区", "党建", "综治"],
      ["甲村", "一片", 18, 10],
      ["乙村", "一片", 16, 12],
      ["一片区小计", null, 34, 22],
      ["丙村", "二片", 15, 11],
      ["丁村", "二片", 17, 9],
      ["二片区小计", null, 32, 20],
      ["全镇合计", null, 66, 42],
      ["平均", null, 16.5, 10.5],
      ["合计：", null, 66, 42],
      [null, null, 66, 42],
      ["镇级", null, 66, 42],
      [],
      ["制表人：张三　审核人：李四　填报日期：2025年12月20日"],
    ];
    const t = readDataTable(values, { sheet, headerRow: 1, name: "村名", group: "片区" }, { merges: ["A14:D14"] });
    expect(t.units.map((u) => u.name)).toEqual(["甲村", "乙村", "丙村", "丁村"]);
    expect(t.totalRows).toEqual([4, 7, 8, 9, 10, 11, 12, 14]);
  });

  test("an Excel Table's totals row (SUBTOTAL) and a 合计 below a blank row are not units", () => {
    const values = [["单位", "得分"], ["甲", 18], ["乙", 16], ["汇总", 34], [], ["全镇", 34]];
    const formulas = [[], [], [], [null, "=SUBTOTAL(109,[得分])"]];
    const t = readDataTable(values, { sheet, headerRow: 1, name: "单位" }, { formulas });
    expect(t.units.map((u) => u.name)).toEqual(["甲", "乙"]);
  });

  test("a unit whose score happens to be the average of those above stays a unit", () => {
    const values = [
      ["单位", "得分"],
      ["甲", 18],
      ["乙", 16],
      ["丙", 17],
      ["丁", 19],
    ];
    expect(readDataTable(values, { sheet, headerRow: 1, name: "单位" }).units).toHaveLength(4);
  });

  test("类别 merged over each group's rows: every row has its group; sourceRow is the merge's first row", () => {
    const values = [
      ["村名", "类别", "党建"],
      ["甲村", "行政村", 18],
      ["乙村", null, 16],
      ["丙社区", "社区", 15],
      ["丁社区", null, 14],
    ];
    const t = readDataTable(values, { sheet, headerRow: 1, name: "村名", group: "类别" }, { merges: ["B2:B3", "B4:B5"] });
    expect(t.units.map((u) => u.group)).toEqual(["行政村", "行政村", "社区", "社区"]);
    expect(t.sourceRow(t.units[1], 1)).toBe(2);
    expect(t.sourceRow(t.units[1], 2)).toBe(3);
    expect(t.address(t.units[3], 1)).toBe("村级考核!B4");
  });

  test("a blank group cell in a table with groups is reported by cell", () => {
    const values = [
      ["村名", "类别", "党建"],
      ["甲村", "行政村", 18],
      ["乙村", "", 16],
    ];
    expect(error(() => readDataTable(values, { sheet, headerRow: 1, name: "村名", group: "类别" })).messages).toEqual([
      "村级考核!B3：单位“乙村”的分组（类别）是空的，请填写",
    ]);
  });

  test("a header moved since the scheme was saved is found, with a note", () => {
    const values = [["新加的标题"], ["村名", "党建"], ["甲村", 1], ["乙村", 2]];
    const t = readDataTable(values, { sheet, headerRow: 1, name: "村名" });
    expect(t.units.map((u) => u.row)).toEqual([3, 4]);
    expect(t.notes).toEqual(["“村级考核”的表头在第2行（方案中的表头行是第1行），已按第2行读取"]);
  });

  test("dates and formulas without a result in used columns are reported by cell", () => {
    const values = [
      ["村名", "党建", "综治"],
      ["甲村", 45721, null],
      ["乙村", 16, 3],
    ];
    const formulas = [[], [], [null, null, "=1+"]];
    const notes = { B2: "date", C2: "uncached" } as const;
    const t = readDataTable(values, { sheet, headerRow: 1, name: "村名" }, { notes, formulas });
    expect(t.cellProblems([1, 2])).toEqual([
      "村级考核!B2：单位“甲村”的“党建”是日期（2025-03-05），不是数值：请把单元格格式改为“常规”或“数值”后重新填写",
      "村级考核!C2：公式没有计算结果（文件保存时未计算）：请在 Excel 或 WPS 中打开并保存后再试",
    ]);
  });

  test("only the columns asked for count, a merged cell once, in unit then column order", () => {
    const values = [
      ["村名", "党建", "综治", "填报日期"],
      ["甲村", 45721, null, 45722],
      ["乙村", 16, null, 45722],
    ];
    const formulas = [[], [null, null, "=1+"], []];
    const notes = { B2: "date", C2: "uncached", D2: "date", D3: "date", c3: "date" } as const;
    const t = readDataTable(values, { sheet, headerRow: 1, name: "村名" }, { notes, formulas, merges: ["C2:C3"] });
    expect(t.cellProblems([2, 1])).toEqual([
      "村级考核!C2：公式“=1+”没有计算结果（文件保存时未计算）：请在 Excel 或 WPS 中打开并保存后再试",
      "村级考核!B2：单位“甲村”的“党建”是日期（2025-03-05），不是数值：请把单元格格式改为“常规”或“数值”后重新填写",
    ]);
  });
});

test("zero-width characters pasted from web pages are not part of names, groups or headers", () => {
  const values = [
    ["\ufeff村名", "类别\u200b", "党建"],
    ["\u200b甲村\u200b", "行政村\ufeff", 1],
    ["乙\u200b村", "行政村", 2],
  ];
  const t = readDataTable(values, { sheet: "S", headerRow: 1, name: "村名", group: "类别" });
  expect(t.units.map((u) => [u.name, u.group])).toEqual([
    ["甲村", "行政村"],
    ["乙村", "行政村"],
  ]);
});

test("a two-row header without merges (常规工作 written once): joined, found from either row", () => {
  const values = [
    ["村名", "类别", "常规工作", null, "加分"],
    [null, null, "党建", "综治", null],
    ["甲村", "行政村", 18, 17, 1],
    ["乙村", "行政村", 16, 15, 0],
    ["XX镇人民政府（盖章）"],
    ["2025年12月20日"],
  ];
  for (const headerRow of [1, 2]) {
    const t = readDataTable(values, { sheet: "S", headerRow, name: "村名", group: "类别" });
    expect(t.headers).toEqual(["村名", "类别", "常规工作/党建", "常规工作/综治", "加分"]);
    expect(t.column("常规工作-综治")).toBe(3);
    expect(t.column("常规工作综治")).toBe(3);
    expect(t.units.map((u) => u.name)).toEqual(["甲村", "乙村"]);
    expect(t.totalRows).toEqual([5, 6]);
  }
});
