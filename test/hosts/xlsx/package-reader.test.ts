/**
 * The package reader gives what the exceljs reader (xlsx-read) gives, sheet by sheet, on every kind of workbook
 * we have: the samples, a workbook as Excel saves one, exceljs-made ones with every kind of cell, and our own
 * output (shared formulas, inline strings). And the XML Excel writes that exceljs never does, read right.
 */
import { CellValue as ExcelCellValue, Workbook } from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { generateBoard } from "../../../src/app/workflow";
import { parseScheme } from "../../../src/core/scheme/parse";
import { SheetData } from "../../../src/hosts/host";
import { columnIndex } from "../../../src/core/sheet-model";
import { PackageReader, parseSheet } from "../../../src/hosts/xlsx/package-reader";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { readWorksheet } from "../../../src/hosts/xlsx/xlsx-read";
import { webCodec } from "../../../src/hosts/xlsx/zip-io";
import { excelLikeWorkbook } from "./excel-like";

const SAMPLES = path.join(__dirname, "..", "..", "..", "samples");

/** Every sheet read both ways. */
const rowOf = (a1: string) => Number(/\d+/.exec(a1)![0]) - 1;
const colOf = (a1: string) => columnIndex(/^[A-Z]+/.exec(a1)![0]);

async function expectSameReads(bytes: Uint8Array): Promise<void> {
  const reader = await PackageReader.open(bytes, webCodec);
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(reader.sheets.map((s) => s.name)).toEqual(wb.worksheets.map((ws) => ws.name));
  expect(reader.date1904).toBe(!!wb.properties.date1904);
  // A formula whose cached result is the empty text (读数's reading of a blank cell) reads "" here and null in
  // exceljs, which drops empty results; both are a blank to the core (values.ts isBlank).
  // exceljs also loses the difference between an empty cached result and none, so its "uncached" note on such a
  // cell is left out where the package reader read the cached "".
  // exceljs does not report spill ranges (dynamic arrays): the anchor's formula and the results below read alike.
  const blankAlike = (d: SheetData | undefined) =>
    d && { ...d, values: d.values.map((r) => r.map((v) => (v === "" ? null : v))), spills: undefined };
  for (const ws of wb.worksheets) {
    const ours = await reader.readSheet(ws.name);
    const theirs = readWorksheet(ws, reader.date1904);
    if (theirs?.notes && ours) {
      const notes = Object.fromEntries(
        Object.entries(theirs.notes).filter(([a, n]) => !(n === "uncached" && ours.values[rowOf(a)]?.[colOf(a)] === ""))
      );
      theirs.notes = Object.keys(notes).length ? notes : undefined;
      if (!theirs.notes) delete theirs.notes;
    }
    expect([ws.name, blankAlike(ours)]).toEqual([ws.name, blankAlike(theirs)]);
  }
}

async function exceljsBytes(build: (wb: Workbook) => void): Promise<Uint8Array> {
  const wb = new Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the package reader reads as exceljs does", () => {
  it.each(["村级考核.xlsx", "参保调度.xlsx"])("samples/%s", async (file) => {
    await expectSameReads(new Uint8Array(await fs.readFile(path.join(SAMPLES, file))));
  });

  it("a workbook as Excel saves it (shared strings with runs, a shared formula, a merged title)", async () => {
    await expectSameReads(await excelLikeWorkbook());
  });

  it("every kind of cell exceljs writes", async () => {
    const bytes = await exceljsBytes((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("杂");
      ws.getCell("A1").value = { richText: [{ text: "牛颈" }, { font: { bold: true }, text: "村" }] };
      ws.getCell("B1").value = { text: "说明", hyperlink: "http://example.com" };
      ws.getCell("C1").value = new Date(Date.UTC(2025, 10, 22, 12, 0, 0));
      ws.getCell("D1").value = { error: "#N/A" } as ExcelCellValue;
      ws.getCell("E1").value = true;
      ws.getCell("F1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelCellValue;
      ws.getCell("G1").value = "";
      ws.getCell("A2").value = 90;
      ws.getCell("A3").value = 85;
      ws.getCell("B2").value = { formula: "_xldudf_KH_RANKIN(A2,$A$2:$A$3)", result: 1 } as ExcelCellValue;
      ws.getCell("B3").value = { sharedFormula: "B2", result: 2 } as ExcelCellValue;
      ws.getCell("C2").value = { formula: '"x&y"&A2', result: "x&y90" } as ExcelCellValue;
      ws.getCell("D2").value = { formula: "A2>1", result: true } as ExcelCellValue;
      ws.getCell("E5").value = -0.000001;
      ws.getCell("E6").numFmt = "0.00"; // styled, no value
      ws.mergeCells("A8:C9");
      ws.getCell("A8").value = "合并";
      wb.addWorksheet("空");
    });
    await expectSameReads(bytes);
  });

  it("our own output: shared formulas, inline strings, the very hidden markers", async () => {
    const input = new Uint8Array(await fs.readFile(path.join(SAMPLES, "村级考核.xlsx")));
    const scheme = parseScheme(JSON.parse(await fs.readFile(path.join(SAMPLES, "村级考核.scheme.json"), "utf8"))).scheme;
    for (const formulas of ["native", "kh"] as const) {
      const host = await XlsxHost.fromBuffer(input, { model: false });
      await generateBoard(host, { scheme, formulas, now: "2025-11-22T16:00:00" });
      await expectSameReads(await host.toBuffer());
    }
  });
});

describe("XML that Excel and other tools write", () => {
  const sheet = (data: string, extra = "") =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${data}</sheetData>${extra}</worksheet>`;

  it("cells and rows without r (positions follow on), ISO dates, empty values, escapes", () => {
    const xml = sheet(
      `<row><c t="inlineStr"><is><t>甲</t></is></c><c><v>1</v></c></row>` +
        `<row><c r="B2" t="d"><v>2025-11-22T12:00:00</v></c><c t="str"><v>a_x000D_b</v></c><c><v></v></c></row>` +
        `<row r="4"><c r="A4" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></is></c>` +
        `<c r="B4" t="e"><v>#REF!</v></c><c r="C4" t="b"><v>0</v></c><c r="D4" t="s"><v>1</v></c></row>`
    );
    expect(parseSheet("x", xml, ["零", "一 & 二"], false)).toEqual({
      name: "x",
      values: [
        ["甲", 1, null, null],
        [null, 45983.5, "a\rb", null],
        [null, null, null, null],
        ["富文本 ", "#REF!", false, "一 & 二"],
      ],
      formulas: [
        [null, null, null, null],
        [null, null, null, null],
        [null, null, null, null],
        [null, null, null, null],
      ],
      merges: [],
      notes: { B2: "date" },
    });
    expect(parseSheet("x", sheet(`<row r="1"><c r="A1" t="d"><v>2025-11-22</v></c></row>`), [], true).values).toEqual([[45983 - 1462]]);
  });

  it("shared formulas moved in both directions, and text in quotes left alone", () => {
    const xml = sheet(
      `<row r="2"><c r="B2"><f t="shared" ref="B2:C3" si="4">SUM($A2:A2)+COUNTIF(A:A,"A2")+ROWS(2:2)</f><v>1</v></c><c r="C2"><f t="shared" si="4"/><v>2</v></c></row>` +
        `<row r="3"><c r="B3"><f t="shared" si="4"/><v>3</v></c><c r="C3"><f t="shared" si="4"/><v>4</v></c></row>`
    );
    expect(parseSheet("x", xml, [], false).formulas).toEqual([
      [null, null, null],
      [null, '=SUM($A2:A2)+COUNTIF(A:A,"A2")+ROWS(2:2)', '=SUM($A2:B2)+COUNTIF(B:B,"A2")+ROWS(2:2)'],
      [null, '=SUM($A3:A3)+COUNTIF(A:A,"A2")+ROWS(3:3)', '=SUM($A3:B3)+COUNTIF(B:B,"A2")+ROWS(3:3)'],
    ]);
  });

  it("gives rows without a formula one shared row of nulls, and a row with one its own", () => {
    const xml = sheet(
      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><f>A1+1</f><v>2</v></c></row>` +
        `<row r="3"><c r="B3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c></row>`
    );
    const { formulas } = parseSheet("x", xml, [], false);
    expect(formulas).toEqual([
      [null, null],
      ["=A1+1", null],
      [null, null],
      [null, null],
    ]);
    expect(formulas![0]).toBe(formulas![2]);
    expect(formulas![3]).toBe(formulas![0]);
    expect(formulas![1]).not.toBe(formulas![0]);
  });

  it("refuses what is not a workbook", async () => {
    await expect(PackageReader.open(new TextEncoder().encode("PK\u0003\u0004 not really"), webCodec)).rejects.toThrow("不是 zip 文件");
    const truncated = await excelLikeWorkbook((parts) => parts.set("xl/workbook.xml", "<workbook><sheets><sheet"));
    await expect(PackageReader.open(truncated, webCodec)).rejects.toThrow("workbook.xml 不完整");
    const cut = await excelLikeWorkbook((parts) =>
      parts.set("xl/worksheets/sheet1.xml", (parts.get("xl/worksheets/sheet1.xml") as string).slice(0, 900))
    );
    await expect((await PackageReader.open(cut, webCodec)).readSheet("数据")).rejects.toThrow("数据");
  });
});
