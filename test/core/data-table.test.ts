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
      { sheet: "S", headerRow: 1, name: "单位" },
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
      { sheet: "S", headerRow: 1, name: "单位" },
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
    expect(error(() => readDataTable(sampleValues(), { ...spec, name: "单位" })).messages).toEqual(["单位列：数据列“单位”在“村级考核”中不存在"]);
    expect(error(() => readDataTable(sampleValues(), { ...spec, group: "分类" })).messages).toEqual(["分组列：数据列“分类”在“村级考核”中不存在"]);
    expect(error(() => readDataTable(sampleValues(), { ...spec, headerRow: 40 })).message).toBe(
      "“村级考核”的第40行（表头行）是空的，请检查方案中的表头行",
    );
  });

  test("numbers as names and groups read as their text", () => {
    const t = readDataTable(
      [
        ["编号", "组"],
        [101, 1],
        [102, 2],
      ],
      { sheet: "S", headerRow: 1, name: "编号", group: "组" },
    );
    expect(t.units).toEqual([
      { name: "101", group: "1", row: 2 },
      { name: "102", group: "2", row: 3 },
    ]);
  });
});
