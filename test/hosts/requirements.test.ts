import { REQUIREMENTS, checkRequirements } from "../../src/hosts/requirements";

/** An isSetSupported for an Office build that has each set up to the given version. */
const minor = (v: string) => Number(v.split(".")[1]);
const office = (have: Record<string, string>) => (name: string, version: string) =>
  name in have && minor(version) <= minor(have[name]);

describe("checkRequirements", () => {
  it("passes on a current Microsoft 365 build", () => {
    const check = checkRequirements(
      office({ ExcelApi: "1.17", SharedRuntime: "1.2", CustomFunctionsRuntime: "1.4" })
    );
    expect(check).toEqual({ ok: true, missing: [], messages: [] });
  });

  it("names each missing required set in Chinese and says what it is for", () => {
    // Excel 2019 perpetual: ExcelApi up to 1.8, no custom functions, no shared runtime.
    const check = checkRequirements(office({ ExcelApi: "1.8" }));
    expect(check.ok).toBe(false);
    expect(check.missing.map((r) => `${r.name} ${r.version}`)).toEqual([
      "SharedRuntime 1.1",
      "CustomFunctionsRuntime 1.3",
      "ExcelApi 1.9",
      "ExcelApi 1.13",
    ]);
    expect(check.messages[0]).toBe(
      "当前 Excel 不支持 SharedRuntime 1.1（用于任务窗格与 KH 函数共用运行环境），考核助手无法运行。请使用 Microsoft 365 版 Excel（Windows 或 Mac 更新到最新版本，或使用 Excel 网页版）。"
    );
    expect(check.messages[2]).toContain("ExcelApi 1.9（用于生成工作表");
  });

  it("treats a missing optional set as a reduced feature, not a failure", () => {
    const check = checkRequirements(
      office({ ExcelApi: "1.12", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" })
    );
    expect(check.ok).toBe(true);
    expect(check.messages).toEqual([
      "当前 Excel 不支持 ExcelApi 1.13（用于读取工作表时识别合并单元格），该功能将不可用，其他功能不受影响。",
    ]);
  });

  it("counts an isSetSupported that throws as not supported", () => {
    const check = checkRequirements(() => {
      throw new Error("old Office");
    });
    expect(check.missing).toHaveLength(REQUIREMENTS.length);
    expect(check.ok).toBe(false);
  });
});
