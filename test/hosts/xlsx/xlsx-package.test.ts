/**
 * Saving by patching the package: a clerk's workbook as Excel saves it keeps every part we do not own byte for
 * byte (the raw zip entries: compressed bytes, CRC and method), the output is valid OOXML as far as it can be
 * checked offline (and by an independent reader, Python's zipfile and xml.etree), and the workbook-level parts
 * change only where they list our sheets, styles and print titles.
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { MARKER_SHEET } from "../../../src/core/generated-sheets";
import { nodeCodec } from "../../../src/hosts/xlsx/node-codec";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { dispatchLogModel, leaderboardModel, scoresModel } from "../sample-models";
import { EXCEL_DATA_SHEET, EXCEL_FORMULAS, EXCEL_NOTE_SHEET, EXCEL_VALUES, excelLikeParts, excelLikeWorkbook } from "./excel-like";
import { ooxmlProblems } from "./ooxml-check";
import { openZip, partText, rawEntries, sheetXml } from "./zip-helpers";

const NOW = "2025-11-22T08:00:00.000Z";
const KEPT = [
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/_rels/sheet1.xml.rels",
  "xl/sharedStrings.xml",
  "xl/theme/theme1.xml",
  "xl/drawings/drawing1.xml",
  "xl/drawings/_rels/drawing1.xml.rels",
  "xl/charts/chart1.xml",
  "xl/printerSettings/printerSettings1.bin",
  "xl/calcChain.xml",
  "docProps/app.xml",
  "docProps/core.xml",
  "_rels/.rels",
];

async function written(
  bytes: Uint8Array,
  activate?: string,
  models = [scoresModel(), leaderboardModel(), dispatchLogModel(1)]
): Promise<Uint8Array> {
  const host = await XlsxHost.fromBuffer(bytes, { model: false, codec: nodeCodec });
  await host.writeSheets(models, { activate, now: NOW });
  return host.toBuffer();
}

describe("the clerk's parts are kept byte for byte", () => {
  it("every part we do not own is the same raw zip entry, and the data sheet too when no tab is activated", async () => {
    const input = await excelLikeWorkbook();
    const output = await written(input);
    const before = rawEntries(input);
    const after = rawEntries(output);
    for (const name of [...KEPT, "xl/worksheets/sheet1.xml"]) {
      expect([name, after.get(name)]).toEqual([name, before.get(name)]);
    }
    expect(after.get("xl/printerSettings/printerSettings1.bin")?.method).toBe(0);
    expect(await ooxmlProblems(output)).toEqual([]);
  });

  it("activating a sheet of ours takes tabSelected off the clerk's sheet, and changes nothing else of it", async () => {
    const input = await excelLikeWorkbook();
    const output = await written(input, "龙虎榜");
    const original = excelLikeParts().get("xl/worksheets/sheet1.xml") as string;
    expect(original).toContain(`<sheetView tabSelected="1" workbookViewId="0">`);
    expect(await sheetXml(output, EXCEL_DATA_SHEET)).toBe(original.replace(` tabSelected="1"`, ""));
    const after = rawEntries(output);
    for (const name of KEPT) expect([name, after.get(name)]).toEqual([name, rawEntries(input).get(name)]);
    expect(await sheetXml(output, "龙虎榜")).toMatch(/<sheetView tabSelected="1" workbookViewId="0">/);
    const workbook = await partText(await openZip(output), "xl/workbook.xml");
    expect(workbook).toMatch(/<workbookView xWindow="0" yWindow="0" windowWidth="22260" windowHeight="12645" activeTab="3"\/>/);
    expect(await ooxmlProblems(output)).toEqual([]);
  });

  it("looks at the head of a big clerk's sheet alone: takes tabSelected off it, or keeps it byte for byte", async () => {
    // Rows that compress to well over the 16 KB of a sheet's head that is inflated first.
    const rows = Array.from({ length: 4000 }, (_, i) => `<row r="${i + 9}"><c r="A${i + 9}"><v>${(i * 7919) % 100003}</v></c></row>`).join(
      ""
    );
    const big = (selected: boolean) => (parts: Map<string, string | Uint8Array>) => {
      const xml = (parts.get("xl/worksheets/sheet1.xml") as string).replace("</sheetData>", `${rows}</sheetData>`);
      parts.set("xl/worksheets/sheet1.xml", selected ? xml : xml.replace(` tabSelected="1"`, ""));
    };
    const selected = await excelLikeWorkbook(big(true));
    const original = (await sheetXml(selected, EXCEL_DATA_SHEET)) as string;
    expect(rawEntries(selected).get("xl/worksheets/sheet1.xml")!.data.length).toBeGreaterThan(1 << 15);
    expect(await sheetXml(await written(selected, "龙虎榜"), EXCEL_DATA_SHEET)).toBe(original.replace(` tabSelected="1"`, ""));
    const plain = await excelLikeWorkbook(big(false));
    const [kept, before] = [await written(plain, "龙虎榜"), plain].map((z) => rawEntries(z).get("xl/worksheets/sheet1.xml")!);
    expect([kept.method, kept.crc, kept.size]).toEqual([before.method, before.crc, before.size]);
    expect(Buffer.from(kept.data).equals(Buffer.from(before.data))).toBe(true);
  });

  it("reads the clerk's sheets back the same, through exceljs too", async () => {
    const output = await written(await excelLikeWorkbook(), "龙虎榜");
    for (const opened of [await XlsxHost.fromBuffer(output, { model: false }), await XlsxHost.fromBuffer(output)]) {
      expect(await opened.readSheet(EXCEL_DATA_SHEET)).toEqual({
        name: EXCEL_DATA_SHEET,
        values: EXCEL_VALUES,
        formulas: EXCEL_FORMULAS,
        merges: ["A1:C1"],
      });
    }
    const exceljs = await XlsxHost.fromBuffer(output);
    const ws = exceljs.workbook.getWorksheet(EXCEL_DATA_SHEET);
    expect(ws?.getCell("B3").numFmt).toBe('0.0"分"');
    expect(exceljs.workbook.getWorksheet(EXCEL_NOTE_SHEET)?.getCell("A1").value).toBe("本表由目标办维护 ");
  });
});

describe("sheets deflated on zlib's threads", () => {
  it("hold the places and content they would have with a deflater done at once, on the main thread", async () => {
    // The same save with a deflater that is done at once (each piece deflated whole, on the main thread).
    const atOnce = {
      ...nodeCodec,
      deflater: (level: number) => (data: Uint8Array, last: boolean) => [
        zlib.deflateRawSync(data, { level, ...(last ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }) }),
      ],
    };
    const input = await excelLikeWorkbook();
    const threaded = await written(input);
    const host = await XlsxHost.fromBuffer(input, { model: false, codec: atOnce });
    await host.writeSheets([scoresModel(), leaderboardModel(), dispatchLogModel(1)], { now: NOW });
    const direct = await host.toBuffer();
    const [a, b] = [await openZip(threaded), await openZip(direct)];
    const names = (zip: typeof a) => Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    expect(names(a)).toEqual(names(b));
    for (const name of names(b)) expect([name, await partText(a, name)]).toEqual([name, await partText(b, name)]);
    expect(await ooxmlProblems(threaded)).toEqual([]);
  });

  it("a failure deflating one is the save's error, not an unhandled rejection", async () => {
    const failing = {
      ...nodeCodec,
      deflater: () => (_data: Uint8Array, last: boolean) =>
        last ? Promise.reject(new Error("压缩失败")) : Promise.resolve([new Uint8Array(0)]),
    };
    const unhandled: unknown[] = [];
    const note = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", note);
    try {
      const host = await XlsxHost.fromBuffer(await excelLikeWorkbook(), { model: false, codec: failing });
      await host.writeSheets([scoresModel(), leaderboardModel(), dispatchLogModel(1)], { now: NOW });
      await expect(host.toBuffer()).rejects.toThrow("压缩失败");
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", note);
    }
  });
});

describe("the workbook-level parts", () => {
  it("lists our sheets after the clerk's, very hidden markers, print titles by position, the clerk's names kept", async () => {
    const output = await written(await excelLikeWorkbook(), "龙虎榜");
    const workbook = await partText(await openZip(output), "xl/workbook.xml");
    const sheets = [...workbook.matchAll(/<sheet [^>]*>/g)].map((m) => m[0]);
    expect(sheets).toEqual([
      `<sheet name="${EXCEL_DATA_SHEET}" sheetId="1" r:id="rId1"/>`,
      `<sheet name="${EXCEL_NOTE_SHEET}" sheetId="2" r:id="rId2"/>`,
      `<sheet name="得分" sheetId="3" r:id="rId7"/>`,
      `<sheet name="龙虎榜" sheetId="4" r:id="rId8"/>`,
      `<sheet name="调度记录" sheetId="5" r:id="rId9"/>`,
      `<sheet name="${MARKER_SHEET}" sheetId="6" state="veryHidden" r:id="rId10"/>`,
    ]);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">${EXCEL_DATA_SHEET}!$1:$2</definedName>`);
    expect(workbook).toContain(`<definedName name="数据区">${EXCEL_DATA_SHEET}!$A$2:$C$5</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;得分&apos;!$1:$1</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="3">&apos;龙虎榜&apos;!$1:$2</definedName>`);
    const rels = await partText(await openZip(output), "xl/_rels/workbook.xml.rels");
    expect(rels).toContain(
      `<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/>`
    );
    const types = await partText(await openZip(output), "[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
  });

  it("appends our styles after the clerk's, and reuses them on the next run instead of growing the file", async () => {
    const original = excelLikeParts().get("xl/styles.xml") as string;
    const once = await written(await excelLikeWorkbook());
    const styles = await partText(await openZip(once), "xl/styles.xml");
    const list = (xml: string, name: string) => new RegExp(`<${name}[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? "";
    for (const name of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"]) {
      expect(list(styles, name).startsWith(list(original, name))).toBe(true);
    }
    expect(list(styles, "cellXfs").length).toBeGreaterThan(list(original, "cellXfs").length);
    // Our fonts take the face of the workbook's default font (宋体, GB2312).
    const face = `<name val="宋体"/><family val="2"/><charset val="134"/><scheme val="minor"/>`;
    expect(list(styles, "fonts")).toContain(`<font><b/><sz val="11"/><color theme="1"/>${face}</font>`);
    expect(list(styles, "fonts")).toContain(`<font><sz val="9"/><color rgb="FFC00000"/>${face}</font>`);
    const twice = await written(once);
    expect(await partText(await openZip(twice), "xl/styles.xml")).toBe(styles);
  });

  it("drops the calculation chain once a sheet that was in the file is replaced, and the replaced sheet's own relationships", async () => {
    const first = await written(await excelLikeWorkbook());
    expect(rawEntries(first).has("xl/calcChain.xml")).toBe(true);
    // Excel saved our 得分 with printer settings of its own.
    const zip = await openZip(first);
    const scores = (await partText(zip, "xl/_rels/workbook.xml.rels")).match(/Id="rId7"[^>]*Target="([^"]+)"/)?.[1];
    expect(scores).toBe("worksheets/sheet3.xml");
    zip.file("xl/worksheets/_rels/sheet3.xml.rels", excelLikeParts().get("xl/worksheets/_rels/sheet1.xml.rels") as string);
    const second = await written(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), "得分");
    const after = rawEntries(second);
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect(after.has("xl/worksheets/_rels/sheet3.xml.rels")).toBe(false);
    const z2 = await openZip(second);
    expect(await partText(z2, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(await partText(z2, "[Content_Types].xml")).not.toContain("calcChain");
    expect(after.get("xl/worksheets/_rels/sheet1.xml.rels")).toEqual(rawEntries(first).get("xl/worksheets/_rels/sheet1.xml.rels"));
    expect(await ooxmlProblems(second)).toEqual([]);
  });

  it("works on a package with no styles part, no shared strings, no book views and no defined names", async () => {
    const input = await excelLikeWorkbook((parts) => {
      parts.delete("xl/styles.xml");
      parts.delete("xl/sharedStrings.xml");
      parts.delete("xl/calcChain.xml");
      parts.set(
        "xl/worksheets/sheet1.xml",
        (parts.get("xl/worksheets/sheet2.xml") as string).replace(/<sheetData>.*<\/sheetData>/, "<sheetData/>")
      );
      parts.set("xl/worksheets/sheet2.xml", parts.get("xl/worksheets/sheet1.xml") as string);
      parts.set(
        "xl/_rels/workbook.xml.rels",
        (parts.get("xl/_rels/workbook.xml.rels") as string).replace(/<Relationship Id="rId[456]"[^>]*\/>/g, "")
      );
      parts.set(
        "xl/workbook.xml",
        (parts.get("xl/workbook.xml") as string).replace(/<bookViews>.*<\/bookViews>/, "").replace(/<definedNames>.*<\/definedNames>/, "")
      );
      parts.set(
        "[Content_Types].xml",
        (parts.get("[Content_Types].xml") as string).replace(
          /<Override PartName="\/xl\/(styles|sharedStrings|calcChain)\.xml"[^>]*\/>/g,
          ""
        )
      );
    });
    const output = await written(input, "龙虎榜");
    expect(await ooxmlProblems(output)).toEqual([]);
    const back = await XlsxHost.fromBuffer(output);
    expect(await back.sheetNames()).toEqual([EXCEL_DATA_SHEET, EXCEL_NOTE_SHEET, "得分", "龙虎榜", "调度记录", MARKER_SHEET]);
    expect(back.workbook.getWorksheet("得分")?.getCell("A1").font?.bold).toBe(true);
    expect((back.workbook.views[0] as { activeTab: number }).activeTab).toBe(3);
  });
});

describe("an independent reader (Python's zipfile and xml.etree)", () => {
  const python = spawnSync("python3", ["--version"]).status === 0;
  (python ? it : it.skip)("finds every CRC right, every part well formed and typed, and reads the cells we wrote", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-xlsx-py-"));
    try {
      const first = await written(await excelLikeWorkbook(), "龙虎榜");
      const second = await written(first, "得分", [scoresModel("KH."), dispatchLogModel(2)]);
      const file = path.join(dir, "out.xlsx");
      await fs.writeFile(file, second);
      const run = spawnSync("python3", [path.join(__dirname, "check_xlsx.py"), file], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      const sheets = JSON.parse(run.stdout) as Record<
        string,
        { state: string | null; cells: Record<string, [string, string | null, unknown]> }
      >;
      expect(Object.keys(sheets)).toEqual([EXCEL_DATA_SHEET, EXCEL_NOTE_SHEET, "得分", "龙虎榜", "调度记录", MARKER_SHEET]);
      expect(sheets[MARKER_SHEET].state).toBe("veryHidden");
      const scores = sheets["得分"].cells;
      expect(scores.A2).toEqual(["inlineStr", "牛颈村", null]);
      expect(scores.C2).toEqual(["n", "19.6", ["&apos;村级考核&apos;!C3".replace(/&apos;/g, "'"), "shared", "0", "C2:C4"]]);
      expect(scores.C3).toEqual(["n", "15.5", ["", "shared", "0", null]]);
      expect(scores.E2[2]).toEqual(["_xldudf_KH_RANK(D2,D$2:D$4)", "shared", "1", "E2:E4"]);
      expect(scores.F2).toEqual(["inlineStr", "=1+1", null]);
      expect(scores.E5).toEqual(["e", "#N/A", ["NA()", null, null, null]]);
      expect(sheets["调度记录"].cells.A5).toEqual(["inlineStr", "第2次", null]);
      expect(sheets[EXCEL_DATA_SHEET].cells.A3).toEqual(["s", "牛颈村", null]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
