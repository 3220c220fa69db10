/** `kh verify`: every frozen record of a scored workbook 完好; a bulletin cell changed afterwards is named, exit 1. */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { SAMPLES, kh, scratch } from "./cli-support";

let dir: string;
beforeAll(async () => {
  dir = await scratch();
  await fs.copyFile(path.join(SAMPLES, "参保调度.xlsx"), path.join(dir, "参保调度.xlsx"));
  await fs.copyFile(path.join(SAMPLES, "参保调度.scheme.json"), path.join(dir, "参保调度.scheme.json"));
  const one = await kh(dir, ["score", "参保调度.xlsx", "--scheme", "参保调度.scheme.json", "-o", "第1次.xlsx", "--stage", "1"]);
  expect(one.code).toBe(0);
  const two = await kh(dir, ["score", "第1次.xlsx", "-o", "第2次.xlsx", "--stage", "2"]);
  expect(two.code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A copy of `file` with one number of a bulletin's table changed, as a clerk would in Excel. */
async function tamper(file: string, sheet: string, out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  const ws = wb.getWorksheet(sheet)!;
  let changed = "";
  ws.eachRow((row, r) => {
    // An exceljs cell, not an Office.js proxy: nothing to load or sync.
    const done = row.getCell(4).value;
    if (!changed && r > 5 && typeof done === "number") {
      row.getCell(4).value = done + 1;
      changed = `${r}`;
    }
  });
  expect(changed).not.toBe("");
  await wb.xlsx.writeFile(path.join(dir, out));
  return out;
}

describe("kh verify", () => {
  it("finds every bulletin of an untouched file 完好 and exits 0", async () => {
    const run = await kh(dir, ["verify", "第2次.xlsx"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^第1次调度通报：完好（[0-9a-f]{16}）$/);
    expect(lines[1]).toMatch(/^第2次调度通报：完好（[0-9a-f]{16}）$/);
    expect(lines[2]).toBe("共 2 份记录，全部完好");
  });

  it("names the bulletin whose cell was changed, and exits 1; the other stays 完好", async () => {
    const file = await tamper("第2次.xlsx", "第1次调度通报", "改过.xlsx");
    const run = await kh(dir, ["verify", file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^第1次调度通报：已被改动（记录的校验码 [0-9a-f]{16}，按现有内容应为 [0-9a-f]{16}）$/);
    expect(lines[1]).toMatch(/^第2次调度通报：完好/);
    expect(lines[2]).toBe("共 2 份记录，1 份已被改动：第1次调度通报");
  });

  it("says so when there is nothing to verify, and refuses a missing file with one line", async () => {
    const none = await kh(dir, ["verify", "参保调度.xlsx"]);
    expect(none).toMatchObject({ code: 0, stdout: "参保调度.xlsx：没有找到冻结的记录（调度通报、抽签记录），无需核验\n" });
    const missing = await kh(dir, ["verify", "没有.xlsx"]);
    expect(missing).toMatchObject({ code: 1, stderr: "错误：找不到文件：没有.xlsx\n" });
  });
});
