/** What the playground adds to HyperFormula for Excel formulas: RANK/RANK.EQ, TRUE/FALSE literals, Chinese sheet names. */
import { HyperFormula } from "hyperformula";
import { excelRank, forHyperFormula, registerExcelExtras } from "../../src/playground/excel-extras";

describe("forHyperFormula", () => {
  test("turns the TRUE and FALSE literals into calls, never inside strings, names or calls", () => {
    expect(forHyperFormula("=IF(A1,TRUE,false)")).toBe("=IF(A1,TRUE(),FALSE())");
    expect(forHyperFormula('=IF(A1="TRUE",TRUE(),FALSE)')).toBe('=IF(A1="TRUE",TRUE(),FALSE())');
    expect(forHyperFormula("=KH.RANKIN(B3,$B$3:$B$18,0,FALSE)")).toBe("=KH.RANKIN(B3,$B$3:$B$18,0,FALSE())");
    expect(forHyperFormula("=TRUEX+FALSE_1")).toBe("=TRUEX+FALSE_1");
    expect(forHyperFormula("='TRUE'!A1")).toBe("='TRUE'!A1");
  });

  test("quotes sheet names that are not plain ASCII, leaves quoted and ASCII ones alone", () => {
    expect(forHyperFormula("=数据!A2+'得分'!B3+Sheet1!C4")).toBe("='数据'!A2+'得分'!B3+Sheet1!C4");
    expect(forHyperFormula('=SUM(村级考核!C3:C18)&"甲!乙"')).toBe("=SUM('村级考核'!C3:C18)&\"甲!乙\"");
  });
});

describe("RANK and RANK.EQ in HyperFormula", () => {
  test("rank as Excel's RANK: competition ranking, order, text skipped, #N/A for a number not in the range", () => {
    expect(excelRank(85, [90, 85, 85, 70], 0)).toBe(2);
    expect(excelRank(70, [90, 85, 85, 70], 0)).toBe(4);
    expect(excelRank(70, [90, 85, 85, 70], 1)).toBe(1);
    expect(excelRank(0.1 + 0.2, [0.3, 1], 0)).toBe(2);
    registerExcelExtras();
    const hf = HyperFormula.buildFromArray(
      [[90, "=RANK(A2,A1:A5)", "=RANK.EQ(A4,A1:A5,1)", "=RANK(60,A1:A5)"], [85, "=RANK(A1,A1:A5)"], [85], [70], ["缺考"]],
      { licenseKey: "gpl-v3" }
    );
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(2);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(1);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 1 })).toBe(1);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toMatchObject({ value: "#N/A" });
    hf.destroy();
  });
});
