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

  it("answers help and version", () => {
    expect(parseArgs([])).toEqual({ command: "help" });
    expect(parseArgs(["--help"])).toEqual({ command: "help" });
    expect(parseArgs(["score", "-h"])).toEqual({ command: "help" });
    expect(parseArgs(["--version"])).toEqual({ command: "version" });
  });

  it.each([
    [["rank", "a.xlsx"], "未知命令：rank"],
    [["score"], "缺少工作簿文件"],
    [["score", "a.xlsx", "b.xlsx"], "多余的参数：b.xlsx"],
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
