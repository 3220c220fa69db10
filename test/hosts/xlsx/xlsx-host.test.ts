import { CellValue as ExcelCellValue, Workbook } from "exceljs";
import { MARKER_SHEET } from "../../../src/core/generated-sheets";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import {
  DATA_FORMULAS,
  DATA_MERGES,
  DATA_VALUES,
  FORMULA_LIKE_TEXTS,
  dispatchLogModel,
  leaderboardModel,
  scoresModel,
} from "../sample-models";
import { ModelCell, SheetModel } from "../../../src/core/sheet-model";
import { DATA_ROW, FilledCell, RowTemplate, SHEET_ROW } from "../../../src/core/sheets/row-template";
import { nodeCodec } from "../../../src/hosts/xlsx/node-codec";
import { webCodec } from "../../../src/hosts/xlsx/zip-io";
import { ooxmlProblems } from "./ooxml-check";
import { clerkDataWorkbook } from "./clerk-workbook";
import { cellXml, openZip, partText, rawEntries, sheetPath, sheetXml } from "./zip-helpers";

const NOW = "2025-11-22T08:00:00.000Z";

/** A clerk's workbook as Excel would save it: data sheet with a merged title, header on row 2, formulas, styles. */
function clerkWorkbook(): Workbook {
  const wb = clerkDataWorkbook();
  const ws = wb.getWorksheet("村级考核")!;
  ws.getCell("A1").font = { bold: true, size: 16 };
  ws.getRow(2).font = { bold: true };
  ws.getCell("C3").numFmt = "0.0";
  ws.getColumn(1).width = 14;
  ws.views = [{ state: "frozen", ySplit: 2, xSplit: 0, tabSelected: true } as never];
  wb.addWorksheet("说明").getCell("A1").value = "本表由目标办维护";
  return wb;
}

async function saved(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function reopened(host: XlsxHost): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await host.toBuffer());
}

describe("XlsxHost reading", () => {
  it("reads values, cached formula results and formulas, with the merged title row intact", async () => {
    const host = await XlsxHost.fromBuffer(await saved(clerkWorkbook()));
    expect(await host.readSheet("村级考核")).toEqual({
      name: "村级考核",
      values: DATA_VALUES,
      formulas: DATA_FORMULAS,
      merges: DATA_MERGES,
    });
    expect(await host.sheetNames()).toEqual(["村级考核", "说明"]);
    expect(await host.readSheet("不存在")).toBeUndefined();
  });

  it("flattens rich text and hyperlinks, gives dates as serial numbers and errors as their code", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("杂");
    ws.getCell("A1").value = { richText: [{ text: "牛颈" }, { font: { bold: true }, text: "村" }] };
    ws.getCell("B1").value = { text: "说明", hyperlink: "http://example.com" };
    ws.getCell("C1").value = new Date(Date.UTC(2025, 10, 22, 12, 0, 0));
    ws.getCell("C1").numFmt = "yyyy-mm-dd hh:mm";
    ws.getCell("D1").value = { error: "#N/A" } as ExcelCellValue;
    ws.getCell("E1").value = true;
    ws.getCell("F1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelCellValue;
    ws.getCell("G1").value = "";
    const host = await XlsxHost.fromBuffer(await saved(wb));
    const data = await host.readSheet("杂");
    // 2025-11-22 is serial 45983; noon is half a day.
    expect(data?.values).toEqual([["牛颈村", "说明", 45983.5, "#N/A", true, "#DIV/0!"]]);
    expect(data?.formulas).toEqual([[null, null, null, null, null, "=1/0"]]);
  });

  it("honours the 1904 date system", async () => {
    const wb = new Workbook();
    wb.properties.date1904 = true;
    wb.addWorksheet("日期").getCell("A1").value = new Date(Date.UTC(2025, 10, 22));
    const host = await XlsxHost.fromBuffer(await saved(wb));
    expect((await host.readSheet("日期"))?.values).toEqual([[45983 - 1462]]);
  });

  it("maps Excel's stored forms back: _xldudf_KH_ to KH., _xlfn. dropped, shared formulas translated", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("公式");
    ws.getCell("A1").value = 90;
    ws.getCell("A2").value = 85;
    ws.getCell("B1").value = { formula: "_xldudf_KH_RANKIN(A1,$A$1:$A$2)", result: 1 } as ExcelCellValue;
    ws.getCell("B2").value = { sharedFormula: "B1", result: 2 } as ExcelCellValue;
    ws.getCell("C1").value = { formula: "_xlfn.RANK.EQ(A1,$A$1:$A$2)", result: 1 } as ExcelCellValue;
    ws.getCell("D1").value = { formula: '"_xldudf_KH_X("&_xldudf_OTHER_F(1)', result: "x" } as ExcelCellValue;
    const host = await XlsxHost.fromBuffer(await saved(wb));
    expect((await host.readSheet("公式"))?.formulas).toEqual([
      [null, "=KH.RANKIN(A1,$A$1:$A$2)", "=RANK.EQ(A1,$A$1:$A$2)", '="_xldudf_KH_X("&_xldudf_OTHER_F(1)'],
      [null, "=KH.RANKIN(A2,$A$1:$A$2)", null, null],
    ]);
  });
});

describe("XlsxHost writing", () => {
  it("writes formulas with cached results, and Excel's stored forms of KH.* and newer functions, filled-down ones shared", async () => {
    const host = await XlsxHost.fromBuffer(await saved(clerkWorkbook()));
    const kh = scoresModel("KH.");
    kh.cells[1][3] = { value: 0.5, formula: "=RANK.EQ(D2,D$2:D$4)/2" };
    await host.writeSheets([kh], { now: NOW });
    const bytes = await host.toBuffer();
    const xml = await sheetXml(bytes, "得分");
    // A column of formulas that differ only in their relative rows is one shared formula, as Excel saves it.
    expect(cellXml(xml, "C2")).toMatch(/<f t="shared" ref="C2:C4" si="0">&apos;村级考核&apos;!C3<\/f><v>19.6<\/v>/);
    expect(cellXml(xml, "C3")).toMatch(/<f t="shared" si="0"\/><v>15.5<\/v>/);
    expect(cellXml(xml, "E2")).toMatch(/<f t="shared" ref="E2:E4" si="1">_xldudf_KH_RANK\(D2,D\$2:D\$4\)<\/f><v>1<\/v>/);
    expect(cellXml(xml, "D2")).toMatch(/<f>_xlfn.RANK.EQ\(D2,D\$2:D\$4\)\/2<\/f><v>0.5<\/v>/);
    expect(cellXml(xml, "E5")).toMatch(/t="e".*<f>NA\(\)<\/f><v>#N\/A<\/v>/);
    expect(cellXml(xml, "D5")).toMatch(/t="b".*<v>1<\/v>/);
    for (const back of [
      await XlsxHost.fromBuffer(bytes, { model: false }),
      await XlsxHost.fromBuffer(bytes).then((h) => (h.workbook, h)),
    ]) {
      const data = await back.readSheet("得分");
      expect(data?.formulas?.map((row) => row[4])).toEqual([
        null,
        "=KH.RANK(D2,D$2:D$4)",
        "=KH.RANK(D3,D$2:D$4)",
        "=KH.RANK(D4,D$2:D$4)",
        "=NA()",
      ]);
      expect(data?.formulas?.map((row) => row[2])).toEqual([null, "='村级考核'!C3", "='村级考核'!C4", "='村级考核'!C5", null]);
      expect(data?.values[1]).toEqual(["牛颈村", "行政村", 19.6, 0.5, 1, "=1+1"]);
    }
  });

  it("writes a long sheet's rows once each, a shared formula at most a block of 256 rows long, read back cell for cell", async () => {
    // 700 units: a column filled from a template, a column whose formula changes shape at row 256 (the last row of
    // the first block, on its own there), values, and a row of nothing below the body; the head (<dimension>) is
    // written after the rows and put before them.
    const units = 700;
    const filled = new RowTemplate(`='村级考核'!C${DATA_ROW}*2+D${SHEET_ROW}`);
    const body: ModelCell[][] = Array.from({ length: units }, (_, i) => [
      { value: `单位${i + 1}` },
      new FilledCell(i * 2, filled, i + 3, i + 2),
      { value: i, formula: i < 254 ? `=A${i + 2}&"甲"` : `=B${i + 2}+1` },
      { value: i % 3 ? i / 7 : null },
    ]);
    const model: SheetModel = {
      name: "得分",
      kind: "scores",
      cells: [["单位", "乘积", "文字", "数"].map((value) => ({ value })), ...body, []],
    };
    const host = await XlsxHost.fromBuffer(await saved(clerkWorkbook()), { model: false });
    // As the command line saves: Node's zlib, its head deflated on its own and put before the rows' stream.
    host.codec = nodeCodec;
    await host.writeSheets([model], { now: NOW });
    const bytes = await host.toBuffer();
    const xml = await sheetXml(bytes, "得分");
    expect(xml.indexOf(`<dimension ref="A1:D${units + 1}"/>`)).toBeGreaterThan(0);
    expect(xml.indexOf("<dimension")).toBeLessThan(xml.indexOf("<sheetData>"));
    const refs = (column: string) =>
      [...xml.matchAll(new RegExp(`<f t="shared" ref="(${column}\\d+:${column}\\d+)"`, "g"))].map((m) => m[1]);
    // Blocks are rows 1–256, 257–512, 513–701 of the sheet (its title row first).
    expect(refs("B")).toEqual(["B2:B256", "B257:B512", "B513:B701"]);
    expect(refs("C")).toEqual(["C2:C255", "C257:C512", "C513:C701"]);
    expect(cellXml(xml, "C256")).toMatch(/<c r="C256"><f>B256\+1<\/f><v>254<\/v><\/c>/);
    // exceljs, an independent reader, gives every cell its own formula back from the shared ones.
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const back = new Map<string, [string | undefined, unknown]>();
    wb.getWorksheet("得分")!.eachRow((row) =>
      row.eachCell((cell) => back.set(cell.address, cell.formula ? [`=${cell.formula}`, cell.result] : [undefined, cell.value]))
    );
    body.forEach((row, i) =>
      row.forEach((cell, c) => expect(back.get(`${"ABCD"[c]}${i + 2}`) ?? [undefined, null]).toEqual([cell.formula, cell.value]))
    );
  });

  it("stores texts that look like formulas as inline text, never a formula, in Text format", async () => {
    const host = new XlsxHost();
    await host.writeSheets([scoresModel()], { now: NOW });
    const bytes = await host.toBuffer();
    const xml = await sheetXml(bytes, "得分");
    const texts = ["F2", "F3", "F4", "B5", "C5"].map((ref) => {
      const c = cellXml(xml, ref);
      expect(c).toMatch(/t="inlineStr"/);
      expect(c).not.toMatch(/<f>/);
      return /<t(?: xml:space="preserve")?>(.*)<\/t>/.exec(c)?.[1].replace(/&quot;/g, '"');
    });
    expect(texts).toEqual(FORMULA_LIKE_TEXTS);
    const reloaded = (await XlsxHost.fromBuffer(bytes)).workbook.getWorksheet("得分");
    expect(reloaded?.getCell("F2").numFmt).toBe("@");
    expect(reloaded?.getCell("F2").value).toBe("=1+1");
    for (const back of [
      await XlsxHost.fromBuffer(bytes, { model: false }),
      await XlsxHost.fromBuffer(bytes).then((h) => (h.workbook, h)),
    ]) {
      const data = await back.readSheet("得分");
      expect([data?.values[1][5], data?.values[2][5], data?.values[3][5], data?.values[4][1], data?.values[4][2]]).toEqual(
        FORMULA_LIKE_TEXTS
      );
      expect(data?.formulas?.[1][5]).toBeNull();
    }
  });

  it("renders formats, merges, widths, frozen panes, conditional formats and A4 print setup", async () => {
    const host = new XlsxHost();
    await host.writeSheets([scoresModel(), leaderboardModel()], { now: NOW });
    const bytes = await host.toBuffer();
    expect(await ooxmlProblems(bytes)).toEqual([]);
    const scores = await sheetXml(bytes, "得分");
    expect(scores).toMatch(/<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"\/>/);
    expect(scores).toMatch(/<col min="1" max="1" width="12"/);
    expect(scores).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(scores).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(scores).toMatch(/<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页<\/oddFooter>/);
    const board = await sheetXml(bytes, "龙虎榜");
    expect(board).toMatch(/<mergeCell ref="A1:D1"\/>/);
    expect(board).toMatch(
      /<conditionalFormatting sqref="A3:D4"><cfRule type="expression" dxfId="\d+" priority="1"><formula>\$D3=&quot;龙榜&quot;<\/formula>/
    );
    expect(board).toMatch(/<pageSetup paperSize="9" orientation="portrait"/);
    const workbook = await partText(await openZip(bytes), "xl/workbook.xml");
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;龙虎榜&apos;!\$1:\$2<\/definedName>/);
    expect(workbook).toMatch(new RegExp(`<sheet name="${MARKER_SHEET}" sheetId="\\d+" state="veryHidden"`));
    const styles = await partText(await openZip(bytes), "xl/styles.xml");
    expect(styles).toMatch(
      /<dxf><font><color rgb="FFFFFFFF"\/><\/font><fill><patternFill><bgColor rgb="FFFF0000"\/><\/patternFill><\/fill><\/dxf>/
    );

    const ws = (await XlsxHost.fromBuffer(bytes)).workbook.getWorksheet("得分");
    expect(ws?.getCell("A1").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" }, bgColor: { indexed: 64 } });
    expect(ws?.getCell("A1").font?.bold).toBe(true);
    expect(ws?.getCell("A1").alignment?.horizontal).toBe("center");
    expect(ws?.getCell("F1").border?.left?.style).toBe("thin");
    expect(ws?.getCell("D2").numFmt).toBe("0.00");
    expect(ws?.getCell("F2").font).toMatchObject({ size: 9, color: { argb: "FFC00000" } });
    expect(ws?.getCell("F2").font?.bold).toBeFalsy();
    expect(ws?.getCell("F2").alignment?.wrapText).toBe(true);
  });

  it("makes the activated sheet the only selected tab", async () => {
    const host = await XlsxHost.fromBuffer(await saved(clerkWorkbook()));
    await host.writeSheets([scoresModel(), leaderboardModel()], { activate: "龙虎榜", now: NOW });
    const bytes = await host.toBuffer();
    expect(await partText(await openZip(bytes), "xl/workbook.xml")).toMatch(/activeTab="3"/);
    expect(await sheetXml(bytes, "村级考核")).not.toMatch(/tabSelected/);
    expect(await sheetXml(bytes, "龙虎榜")).toMatch(/tabSelected="1"/);
  });

  it("leaves a clerk's sheets exactly as they were: the same raw zip entries, shared strings and all", async () => {
    const original = await saved(clerkWorkbook());
    const host = await XlsxHost.fromBuffer(original);
    await host.writeSheets([scoresModel(), leaderboardModel(), dispatchLogModel(1)], { now: NOW });
    const after = await host.toBuffer();
    const before = rawEntries(original);
    const kept = rawEntries(after);
    for (const name of [
      await sheetPath(original, "村级考核"),
      await sheetPath(original, "说明"),
      "xl/sharedStrings.xml",
      "xl/theme/theme1.xml",
      "docProps/core.xml",
    ]) {
      expect([name, kept.get(name)]).toEqual([name, before.get(name)]);
    }
    const a = (await XlsxHost.fromBuffer(original)).workbook.getWorksheet("村级考核");
    const b = (await XlsxHost.fromBuffer(after)).workbook.getWorksheet("村级考核");
    for (let r = 1; r <= DATA_VALUES.length; r++) {
      for (let c = 1; c <= DATA_VALUES[0].length; c++) {
        expect(b?.getCell(r, c).value).toEqual(a?.getCell(r, c).value);
        expect(b?.getCell(r, c).style).toEqual(a?.getCell(r, c).style);
      }
    }
  });

  it("puts a model whose name a clerk's sheet has under 名称(考核助手), and refreshes that one next time", async () => {
    const wb = clerkWorkbook();
    wb.addWorksheet("得分").getCell("A1").value = "我自己的得分表";
    const host = await XlsxHost.fromBuffer(await saved(wb));
    expect((await host.writeSheets([scoresModel()], { now: NOW })).written).toEqual(["得分(考核助手)"]);
    const again = await reopened(host);
    expect((await again.writeSheets([scoresModel()], { now: NOW })).written).toEqual(["得分(考核助手)"]);
    expect(await again.sheetNames()).toEqual(["村级考核", "说明", "得分", "得分(考核助手)", MARKER_SHEET]);
    expect((await again.readSheet("得分"))?.values).toEqual([["我自己的得分表"]]);
  });

  it("replaces its own sheets in place, in the same tab position, with nothing of the old content left", async () => {
    const host = await XlsxHost.fromBuffer(await saved(clerkWorkbook()));
    await host.writeSheets([scoresModel(), leaderboardModel()], { now: NOW });
    // A sheet added after ours (through the exceljs model, which the save then starts from).
    const second = await reopened(host);
    second.workbook.addWorksheet("后加的表").getCell("A1").value = 1;
    const smaller = { ...leaderboardModel(), cells: leaderboardModel().cells.slice(0, 2), formats: [], conditionalFormats: [], merges: [] };
    await second.writeSheets([smaller], { now: "2025-11-23T08:00:00.000Z" });
    const third = await reopened(second);
    expect(await third.sheetNames()).toEqual(["村级考核", "说明", "得分", "龙虎榜", MARKER_SHEET, "后加的表"]);
    expect((await third.readSheet("龙虎榜"))?.values.length).toBe(2);
    const xml = await sheetXml(await third.toBuffer(), "龙虎榜");
    expect(xml).not.toMatch(/conditionalFormatting|mergeCell|FFC7CE/);
    expect((await third.readMarkers()).map((m) => [m.sheet, m.generatedAt])).toEqual([
      ["得分", NOW],
      ["龙虎榜", "2025-11-23T08:00:00.000Z"],
    ]);
  });

  it("appends log rows below the existing ones across saves, keeping the header once", async () => {
    const host = new XlsxHost();
    await host.writeSheets([dispatchLogModel(1)], { now: NOW });
    const next = await reopened(host);
    await next.writeSheets([dispatchLogModel(2)], { now: NOW });
    expect((await (await reopened(next)).readSheet("调度记录"))?.values).toEqual([
      ["调度", "单位", "名次"],
      ["第1次", "牛颈村", 1],
      ["第1次", "西牛村", 2],
      ["第2次", "牛颈村", 2],
      ["第2次", "西牛村", 3],
    ]);
  });

  it("checks every model before touching the workbook", async () => {
    const original = await saved(clerkWorkbook());
    const host = await XlsxHost.fromBuffer(original);
    // Nothing written: the file saves as it was opened.
    expect(await host.toBuffer()).toEqual(original);
    const badColour = { ...leaderboardModel(), formats: [{ range: "A1", fill: "red" }] };
    await expect(host.writeSheets([scoresModel(), badColour], { now: NOW })).rejects.toThrow("无法识别的颜色：red");
    const overlapping = { ...leaderboardModel(), merges: ["A1:D1", "C1:C2"] };
    await expect(host.writeSheets([scoresModel(), overlapping], { now: NOW })).rejects.toThrow("合并区域重叠");
    expect(await host.sheetNames()).toEqual(["村级考核", "说明"]);
    expect(await host.toBuffer()).toEqual(original);
  });
});

describe("XlsxHost between saves", () => {
  async function session(batches: SheetModel[][], saveBetween: boolean): Promise<XlsxHost> {
    let host = await XlsxHost.fromBuffer(await saved(clerkWorkbook()), { model: false });
    for (const [i, batch] of batches.entries()) {
      if (i > 0 && saveBetween) host = await XlsxHost.fromBuffer(await host.toBuffer(), { model: false });
      await host.writeSheets(batch, { activate: batch[0].name, now: NOW });
    }
    return host;
  }

  it("reads what it wrote the same before saving as after, and as a host saved between the writes", async () => {
    const batches = [
      [scoresModel(), leaderboardModel(), dispatchLogModel(1)],
      [scoresModel("KH."), dispatchLogModel(2)],
      [dispatchLogModel(3)],
    ];
    const unsaved = await session(batches, false);
    const between = await session(batches, true);
    const reopenedUnsaved = await XlsxHost.fromBuffer(await unsaved.toBuffer(), { model: false });
    const names = await unsaved.sheetNames();
    expect(names).toEqual(["村级考核", "说明", "得分", "龙虎榜", "调度记录", MARKER_SHEET]);
    expect(await between.sheetNames()).toEqual(names);
    for (const name of names) {
      const pending = await unsaved.readSheet(name);
      expect([name, await reopenedUnsaved.readSheet(name)]).toEqual([name, pending]);
      expect([name, await between.readSheet(name)]).toEqual([name, pending]);
    }
    expect((await unsaved.readSheet("调度记录"))?.values.map((r) => r[0])).toEqual([
      "调度",
      "第1次",
      "第1次",
      "第2次",
      "第2次",
      "第3次",
      "第3次",
    ]);
    expect(await ooxmlProblems(await unsaved.toBuffer())).toEqual([]);
    expect(await ooxmlProblems(await between.toBuffer())).toEqual([]);
  });

  it("appends to a log sheet in the file without touching the rows it had", async () => {
    const first = await session([[dispatchLogModel(1)]], false);
    const bytes = await first.toBuffer();
    const host = await XlsxHost.fromBuffer(bytes, { model: false });
    await host.writeSheets([dispatchLogModel(2)], { now: NOW });
    const rows = (xml: string) => /<sheetData>(.*)<\/sheetData>/s.exec(xml)?.[1] ?? "";
    const before = rows(await sheetXml(bytes, "调度记录"));
    const after = rows(await sheetXml(await host.toBuffer(), "调度记录"));
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toMatch(/^<row r="4">.*第2次.*<row r="5">/);
  });

  it("saves edits made through the exceljs model, with the generated sheets patched on", async () => {
    const host = await XlsxHost.fromBuffer(await saved(clerkWorkbook()));
    host.workbook.getWorksheet("村级考核")!.getCell("C3").value = 20;
    await host.writeSheets([scoresModel()], { now: NOW });
    const back = await XlsxHost.fromBuffer(await host.toBuffer(), { model: false });
    expect((await back.readSheet("村级考核"))?.values[2][2]).toBe(20);
    expect((await back.readSheet("得分"))?.values[1][0]).toBe("牛颈村");
  });

  it("opens without the exceljs model when asked, and then has no `workbook`", async () => {
    const host = await XlsxHost.fromBuffer(await saved(clerkWorkbook()), { model: false });
    expect(() => host.workbook).toThrow("没有载入 exceljs 模型");
    expect(await host.readSheet("村级考核")).toEqual({
      name: "村级考核",
      values: DATA_VALUES,
      formulas: DATA_FORMULAS,
      merges: DATA_MERGES,
    });
  });

  it("keeps any text as text: XML's special characters, ones XML cannot hold, Excel's _x escapes, spaces", async () => {
    const texts = [`a&b<c>"d'`, "tab\tnew\nline", " lead", "trail ", "_x0041_", "\u0001ctl\u001f", "emoji 😀", "lone \ud800 surrogate"];
    const model: SheetModel = {
      name: "A&B'<榜>",
      kind: "leaderboard",
      cells: [texts.map((value) => ({ value })), [{ value: 1, formula: '="<&>"&"_x0041_"' }]],
    };
    const host = new XlsxHost();
    expect((await host.writeSheets([model], { now: NOW })).written).toEqual(["A&B'<榜>"]);
    const bytes = await host.toBuffer();
    expect(await ooxmlProblems(bytes)).toEqual([]);
    expect(await sheetXml(bytes, "A&B'<榜>")).toContain("<t>_x005F_x0041_</t>");
    const back = await XlsxHost.fromBuffer(bytes, { model: false });
    const data = await back.readSheet("A&B'<榜>");
    expect(data?.values[0]).toEqual([`a&b<c>"d'`, "tab\tnew\nline", " lead", "trail ", "_x0041_", "ctl", "emoji 😀", "lone  surrogate"]);
    expect(data?.formulas?.[1][0]).toBe('="<&>"&"_x0041_"');
    expect(await host.readSheet("A&B'<榜>")).toEqual(data);
  });

  it("saves the same workbook with Node's zlib at level 1 and with the web streams codec", async () => {
    const host = await session([[scoresModel(), leaderboardModel()]], false);
    host.codec = nodeCodec;
    host.compressionLevel = 1;
    const fast = await host.toBuffer();
    host.codec = webCodec;
    const web = await host.toBuffer();
    for (const bytes of [fast, web]) {
      expect(await ooxmlProblems(bytes)).toEqual([]);
      const back = await XlsxHost.fromBuffer(bytes, { model: false, codec: bytes === web ? webCodec : nodeCodec });
      for (const name of await host.sheetNames()) expect(await back.readSheet(name)).toEqual(await host.readSheet(name));
    }
  });
});
