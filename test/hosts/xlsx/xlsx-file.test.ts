import { Workbook } from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { SheetNumberError } from "../../../src/core/generated-sheets";
import { lazyModel } from "../../../src/core/sheet-rows";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { nodeCodec } from "../../../src/hosts/xlsx/node-codec";
import { openXlsxFile, saveXlsxFile } from "../../../src/hosts/xlsx/xlsx-file";
import { isOle, isZip, unkeptParts, zipEntryNames } from "../../../src/hosts/xlsx/zip-entries";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-xlsx-file-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function workbookBytes(): Promise<Uint8Array> {
  const wb = new Workbook();
  wb.addWorksheet("村级考核").getCell("A1").value = "村名";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function put(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

describe("zip-entries", () => {
  it("lists the parts of a zip from its central directory", async () => {
    const bytes = await workbookBytes();
    expect(isZip(bytes)).toBe(true);
    expect(isOle(bytes)).toBe(false);
    const names = zipEntryNames(bytes) ?? [];
    expect(names).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"]));
    expect(zipEntryNames(new TextEncoder().encode("PK\u0003\u0004 not really"))).toBeUndefined();
  });

  it("names the parts exceljs would not save back", () => {
    expect(
      unkeptParts(["xl/workbook.xml", "xl/charts/chart1.xml", "xl/vbaProject.bin", "xl/pivotCache/pivotCacheDefinition1.xml"])
    ).toEqual(["图表", "数据透视表", "宏（VBA）"]);
    expect(unkeptParts(["xl/workbook.xml", "xl/media/image1.png"])).toEqual([]);
  });
});

describe("openXlsxFile", () => {
  it("opens a workbook and reports what the saved copy will lack", async () => {
    const zip = await JSZip.loadAsync(await workbookBytes());
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    const file = await put("有图表.xlsx", await zip.generateAsync({ type: "uint8array" }));
    const { host, unkept } = await openXlsxFile(file);
    expect(await host.sheetNames()).toEqual(["村级考核"]);
    expect(unkept).toEqual(["图表"]);
  });

  it.each([
    ["a missing file", async () => path.join(dir, "没有.xlsx"), "找不到文件：没有.xlsx"],
    [
      "a folder",
      async () => (await fs.mkdir(path.join(dir, "文件夹.xlsx")), path.join(dir, "文件夹.xlsx")),
      "文件夹.xlsx 是文件夹，不是 .xlsx 工作簿",
    ],
    ["a text file", async () => put("数据.xlsx", "村名,党建\n牛颈村,19.6\n"), "数据.xlsx 不是 .xlsx 工作簿文件"],
    [
      "an old .xls",
      async () => put("旧.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      "旧.xls 是旧版 .xls 文件或加密的工作簿",
    ],
    [
      "a zip that is no workbook",
      async () => {
        const zip = new JSZip();
        zip.file("word/document.xml", "<w:document/>");
        return put("文档.xlsx", await zip.generateAsync({ type: "uint8array" }));
      },
      "文档.xlsx 不是 .xlsx 工作簿文件（其中没有 Excel 工作簿）",
    ],
    [
      "a damaged workbook",
      async () => {
        const zip = await JSZip.loadAsync(await workbookBytes());
        zip.file("xl/workbook.xml", "<workbook><sheets><sheet");
        return put("坏.xlsx", await zip.generateAsync({ type: "uint8array" }));
      },
      "无法读取工作簿 坏.xlsx：文件可能已损坏",
    ],
  ])("refuses %s with one clear line", async (_what, make, message) => {
    const file = await make();
    const error = await openXlsxFile(file, path.basename(file)).then(
      () => undefined,
      (e: Error) => e
    );
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain("\n");
  });
});

describe("saveXlsxFile", () => {
  it("writes the workbook, creating the folder, and leaves no temporary file", async () => {
    const host = await XlsxHost.fromBuffer(await workbookBytes());
    const out = path.join(dir, "输出", "结果.xlsx");
    await saveXlsxFile(host, out);
    expect(await fs.readdir(path.join(dir, "输出"))).toEqual(["结果.xlsx"]);
    expect(await (await openXlsxFile(out)).host.sheetNames()).toEqual(["村级考核"]);
  });

  it("writes a generated sheet's file from its pieces as they are: the file is the bytes toBuffer joins", async () => {
    const host = await XlsxHost.fromBuffer(await workbookBytes());
    const cells = Array.from({ length: 3000 }, (_, r) => [{ value: `单位${r}` }, { value: r * 1.5, formula: `=B${r + 1}*1` }]);
    await host.writeSheets([{ name: "得分", kind: "scores", cells }], { now: "2025-12-20T08:00:00Z" });
    host.codec = nodeCodec; // as saveXlsxFile saves
    const pieces = await host.toPieces();
    expect(pieces.length).toBeGreaterThan(3);
    const out = path.join(dir, "结果.xlsx");
    await saveXlsxFile(host, out);
    const saved = await fs.readFile(out);
    expect(saved.length).toBe(pieces.reduce((n, p) => n + p.length, 0));
    const zip = await JSZip.loadAsync(saved, { checkCRC32: true });
    expect(Object.keys(zip.files)).toContain("xl/worksheets/sheet2.xml");
    const back = (await openXlsxFile(out)).host;
    expect(await back.sheetNames()).toEqual(["村级考核", "得分", "KH_标记"]);
    expect((await back.readSheet("得分"))?.values[2999]).toEqual(["单位2999", 4498.5]);
  });

  it("keeps the old file and leaves nothing behind when the save fails", async () => {
    const out = await put("结果.xlsx", "旧内容");
    const host = await XlsxHost.fromBuffer(await workbookBytes());
    host.toPieces = () => Promise.reject(new Error("磁盘已满"));
    await expect(saveXlsxFile(host, out, "结果.xlsx")).rejects.toThrow("无法写入 结果.xlsx：磁盘已满");
    expect(await fs.readFile(out, "utf8")).toBe("旧内容");
    expect(await fs.readdir(dir)).toEqual(["结果.xlsx"]);
  });

  it.each([
    ["NaN", NaN, "B2", "NaN"],
    ["beyond Excel's largest", 1e308, "B2", "1e+308"],
    ["-Infinity below the body", -Infinity, "B3002", "-Infinity"],
  ])(
    "refuses a number Excel cannot show (%s) as it writes it: the message names the sheet and cell, the old file stays",
    async (_, bad, cell, shown) => {
      const out = await put("结果.xlsx", "旧内容");
      const host = await XlsxHost.fromBuffer(await workbookBytes());
      // A lazy model (its rows made as written, as 得分's are), and a plain one after it that is fine.
      const body = Array.from({ length: 3000 }, (_, i) => (cell === "B2" && i === 0 ? bad : i * 1.5));
      const scores = lazyModel(
        { name: "得分", kind: "scores" },
        {
          head: [[{ value: "单位" }, { value: "总分" }]],
          count: body.length,
          row: (i) => [{ value: `单位${i}` }, { value: body[i], formula: `=${i}*1.5` }],
          tail: cell === "B3002" ? [[{ value: "合计" }, { value: bad }]] : [],
        }
      );
      // writeSheets leaves the check to the save (planWrite's checkNumbers: false), which does not walk the rows.
      await host.writeSheets([scores, { name: "龙虎榜", kind: "leaderboard", cells: [[{ value: 1 }]] }], { now: "2025-12-20T08:00:00Z" });
      const message = `工作表“得分”的 ${cell} 不是有效的数值（${shown}）：超出 Excel 能表示的范围`;
      await expect(host.toBuffer()).rejects.toThrow(message);
      const failed = await saveXlsxFile(host, out, "结果.xlsx").catch((e: Error) => e);
      expect(failed).toBeInstanceOf(SheetNumberError);
      // Not "无法写入 结果.xlsx": the number is the data's problem, not the file's.
      expect((failed as Error).message.startsWith(message)).toBe(true);
      expect(await fs.readFile(out, "utf8")).toBe("旧内容");
      expect(await fs.readdir(dir)).toEqual(["结果.xlsx"]);
    }
  );

  it("says so when the target cannot be written", async () => {
    await put("占用", "一个文件");
    const host = await XlsxHost.fromBuffer(await workbookBytes());
    await expect(saveXlsxFile(host, path.join(dir, "占用", "结果.xlsx"), "占用/结果.xlsx")).rejects.toThrow("无法写入 占用/结果.xlsx");
    expect(await fs.readdir(dir)).toEqual(["占用"]);
  });
});
