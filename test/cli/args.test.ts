import { UsageError, parseArgs } from "../../src/cli/args";

describe("parseArgs", () => {
  it("reads kh score with every option, in either --name value or --name=value form", () => {
    expect(parseArgs(["score", "村级考核.xlsx"])).toEqual({ command: "score", workbook: "村级考核.xlsx", formulas: "native", json: false });
    expect(parseArgs(["score", "--scheme", "方案.json", "a.xlsx", "-o", "out.xlsx", "--stage=2", "--formulas", "kh", "--json"])).toEqual({
      command: "score",
      workbook: "a.xlsx",
      scheme: "方案.json",
      output: "out.xlsx",
      stage: 2,
      formulas: "kh",
      json: true,
    });
    expect(parseArgs(["score", "a.xlsx", "--formulas=values"])).toMatchObject({ formulas: "values" });
  });

  it("reads several workbooks for kh score, and kh init, bulletin and verify with their options", () => {
    expect(parseArgs(["score", "a.xlsx", "b.xlsx", "--stage", "2"])).toMatchObject({
      workbook: "a.xlsx",
      workbooks: ["a.xlsx", "b.xlsx"],
      stage: 2,
    });
    expect(parseArgs(["init", "a.xlsx"])).toEqual({ command: "init", workbook: "a.xlsx", write: false });
    expect(parseArgs(["init", "a.xlsx", "--sheet=数据", "-o", "s.json", "--write"])).toEqual({
      command: "init",
      workbook: "a.xlsx",
      sheet: "数据",
      output: "s.json",
      write: true,
    });
    expect(parseArgs(["bulletin", "a.xlsx", "--stage", "3", "--scheme", "s.json", "-o", "b.docx"])).toEqual({
      command: "bulletin",
      workbook: "a.xlsx",
      stage: 3,
      scheme: "s.json",
      output: "b.docx",
    });
    expect(parseArgs(["bulletin", "a.xlsx"])).toEqual({ command: "bulletin", workbook: "a.xlsx" });
    expect(parseArgs(["verify", "a.xlsx"])).toEqual({ command: "verify", workbook: "a.xlsx" });
  });

  it("answers help and version", () => {
    expect(parseArgs([])).toEqual({ command: "help" });
    expect(parseArgs(["--help"])).toEqual({ command: "help" });
    expect(parseArgs(["score", "-h"])).toEqual({ command: "help" });
    expect(parseArgs(["--version"])).toEqual({ command: "version" });
  });

  it.each([
    [["rank", "a.xlsx"], "未知命令：rank"],
    [["score"], "缺少工作簿文件"],
    [["init"], "缺少工作簿文件：kh init"],
    [["init", "a.xlsx", "b.xlsx"], "多余的参数：b.xlsx"],
    [["init", "a.xlsx", "--stage", "2"], "kh init 没有选项 --stage"],
    [["init", "a.xlsx", "--write=yes"], "--write 不带值"],
    [["bulletin", "a.xlsx", "--stage", "0"], "--stage 应为正整数"],
    [["verify", "a.xlsx", "-o", "x"], "kh verify 没有选项 -o"],
    [["score", "a.xlsx", "--bogus"], "未知选项：--bogus"],
    [["score", "a.xlsx", "-o"], "选项 -o 后面缺少值"],
    [["score", "a.xlsx", "--scheme", "--json"], "选项 --scheme 后面缺少值"],
    [["score", "a.xlsx", "--stage", "0"], "--stage 应为正整数"],
    [["score", "a.xlsx", "--stage", "二"], "--stage 应为正整数（第几次调度），而不是：二"],
    [["score", "a.xlsx", "--formulas", "excel"], "--formulas 应为 native、kh 或 values 之一，而不是：excel"],
    [["score", "a.xlsx", "--json=yes"], "--json 不带值"],
  ])("rejects %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
