/**
 * kh mode's 名次 as one lifted KH.RANKIN per column (ModelCell.spill): the models carry it, and each host writes it
 * once in its anchor where it has dynamic arrays — Excel (ExcelApi 1.12), the .xlsx file (XLDAPR cell metadata, as
 * Excel saves a spill), the memory workbook — and per cell where it has not (Excel without, WPS by default). The
 * values it spills are checked in HyperFormula by test/core/sheets/scores-formulas (every kh formula gives the
 * core's value, on random schemes with groups, vetoes and dense ranking).
 */
import { dataRows, scheme as benchScheme } from "../../bench/score-workbook";
import { generateBoard } from "../../src/app/workflow";
import { parseScheme } from "../../src/core/scheme/parse";
import { SheetModel, columnLetter } from "../../src/core/sheet-model";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { EtApplication } from "../../src/hosts/wps/et";
import { WpsHost } from "../../src/hosts/wps/wps-host";
import { XlsxHost } from "../../src/hosts/xlsx/xlsx-host";
import { DoubleApplication } from "./wps/double/et-double";
import { putCells } from "./wps/double/fixtures";
import { Workbook } from "exceljs";
import { xlsxFromMemory } from "../../src/playground/xlsx-io";
import { FakeExcel } from "./excel/fake-excel";
import { khBoard, khCalls, khCallsIn } from "./real-scheme-board";
import { ooxmlProblems } from "./xlsx/ooxml-check";
import { cellXml, openZip, partText, sheetXml } from "./xlsx/zip-helpers";

const NOW = "2025-11-22T10:00:00.000";
const UNITS = 300;
const realScheme = () => parseScheme(benchScheme()).scheme;

/** The models one-click generation writes in kh mode, as a host receives them. */
const khModels = async (units = UNITS) => (await khBoard(units, (r) => `单位${r + 1}`)).models;

/** Where a model holds its spilled formulas: sheet, row, column and the spill's rows. */
function spillsIn(models: SheetModel[]) {
  return models.flatMap((m) =>
    m.cells.flatMap((row, r) => row.flatMap((c, k) => (c?.spill ? [{ sheet: m.name, row: r, col: k, ...c.spill }] : [])))
  );
}

describe("the models", () => {
  test("得分's 名次 carries one lifted KH.RANKIN over the whole column, the per-cell formulas kept as the fallback", async () => {
    const models = await khModels();
    // 得分's one spill (读数's lifted readings are test/core/sheets/spilled-readings.test.ts's).
    const spills = spillsIn(models).filter((s) => s.sheet === "得分");
    expect(spills.map((s) => [s.sheet, s.row, s.rows])).toEqual([["得分", 2, UNITS]]);
    const scores = models.find((m) => m.name === "得分") as SheetModel;
    const { col, formula } = spills[0];
    expect(formula).toMatch(/^=KH\.RANKIN\(\$[A-Z]+\$3:\$[A-Z]+\$302,\$[A-Z]+\$3:\$[A-Z]+\$302,0,(TRUE|FALSE),/);
    expect(khCallsIn(formula)).toBe(1);
    for (let r = 2; r < 2 + UNITS; r++) expect(scores.cells[r][col].formula).toMatch(/^=KH\.RANKIN\([A-Z]+\d+,/);
  }, 60_000);
});

describe("KH calls per recalculation (kh mode)", () => {
  test("at most 22 per unit and 1 per ranked column where the host spills; one KH.RANKIN per unit more where not", async () => {
    const counts: number[] = [];
    for (const units of [100, 300]) {
      const { host } = await khBoard(units);
      const { lifted: calls, perCell } = await khCalls(units);
      expect(calls).toBeLessThanOrEqual(22 * units + 1);
      // Per cell (the models' own formulas, as a host without dynamic arrays writes them): one KH.RANKIN per unit.
      expect(perCell - calls).toBe(units - 1);
      const rankins = host.workbook.sheets.flatMap((s) => s.cells.flat()).filter((c) => c?.formula?.includes("KH.RANKIN("));
      expect(rankins).toHaveLength(1);
      counts.push(calls);
    }
    // Linear in the units with the lifted call a constant: 200 more units cost the per-unit calls alone.
    const perUnit = (counts[1] - counts[0]) / 200;
    expect(perUnit).toBeLessThanOrEqual(22);
    expect(counts[0] - 100 * perUnit).toBeLessThanOrEqual(1 + 1e-9);
  }, 60_000);

  test("the memory workbook keeps the spilled results under the anchor, marked spilled, with no formula", async () => {
    const host = new MemoryHost({ sheets: [sheetOfValues("数据", dataRows(50))] });
    await generateBoard(host, { scheme: realScheme(), now: NOW, formulas: "kh" });
    const scores = host.workbook.sheets.find((s) => s.name === "得分")!;
    const col = scores.cells[1].findIndex((c) => c?.value === "名次");
    const column = scores.cells.slice(2, 52).map((row) => row[col]);
    expect(column[0]?.formula).toMatch(/^=KH\.RANKIN\(\$/);
    expect(column.slice(1).every((c) => c?.spilled && c.formula === undefined && typeof c.value === "number")).toBe(true);
    const data = await host.readSheet("得分");
    expect(data?.spills).toEqual([`${columnLetter(col)}3:${columnLetter(col)}52`]);
    expect(data?.formulas?.slice(3, 52).map((r) => r[col])).toEqual(new Array(49).fill(null));
    expect(data?.values.slice(2, 52).map((r) => r[col])).toEqual(column.map((c) => c?.value));
  }, 60_000);
});

describe("the playground's .xlsx download (exceljs)", () => {
  test("saves the spill as an array formula over its range, the results below; a blocked spill as a plain formula", async () => {
    const host = new MemoryHost({ sheets: [sheetOfValues("数据", dataRows(20))] });
    await generateBoard(host, { scheme: realScheme(), now: NOW, formulas: "kh" });
    const scores = host.workbook.sheets.find((s) => s.name === "得分")!;
    const col = scores.cells[1].findIndex((c) => c?.value === "名次");
    const letter = columnLetter(col);
    const saved = async () => {
      const wb = new Workbook();
      await wb.xlsx.load((await xlsxFromMemory(host.workbook)) as unknown as ArrayBuffer);
      return wb.getWorksheet("得分")!;
    };
    const anchor = (await saved()).getCell(`${letter}3`).value as { formula: string; shareType?: string; ref?: string };
    expect(anchor).toMatchObject({ shareType: "array", ref: `${letter}3:${letter}22` });
    expect(anchor.formula).toMatch(/^_xldudf_KH_RANKIN\(\$/);
    expect((await saved()).getCell(`${letter}4`).value).toBe(scores.cells[3][col]?.value);
    scores.cells[10][col] = { value: 99 }; // typed over a spilled cell
    const blocked = (await saved()).getCell(`${letter}3`).value as { formula: string; shareType?: string };
    expect(blocked.shareType).toBeUndefined();
    expect(blocked.formula).toMatch(/^_xldudf_KH_RANKIN\(\$/);
  }, 60_000);
});

describe("Excel", () => {
  async function rankColumn(dynamicArrays: boolean | undefined, isSetSupported?: (n: string, v: string) => boolean) {
    const excel = new FakeExcel();
    excel.workbook.addSheet("数据", dataRows(UNITS));
    const host = new ExcelHost(excel.run, { dynamicArrays, isSetSupported });
    await generateBoard(host, { scheme: realScheme(), now: NOW, formulas: "kh" });
    const sheet = excel.workbook.sheet("得分");
    const col = [...Array(80).keys()].find((c) => sheet.get(1, c)?.value === "名次") as number;
    return Array.from({ length: UNITS }, (_, i) => sheet.get(2 + i, col));
  }

  test("with dynamic arrays (ExcelApi 1.12): the anchor holds the lifted formula, the spill range is left empty", async () => {
    const cells = await rankColumn(undefined, (name, version) => name === "ExcelApi" && Number(version) <= 1.13);
    expect(cells[0]?.formula).toMatch(/^=KH\.RANKIN\(\$[A-Z]+\$3:\$[A-Z]+\$302,/);
    expect(cells.slice(1).every((c) => !c || (c.formula === undefined && (c.value === null || c.value === "")))).toBe(true);
  }, 60_000);

  test("without: each cell its own KH.RANKIN (one R1C1 formula for the column)", async () => {
    const cells = await rankColumn(false);
    expect(cells.every((c, i) => c?.formula?.startsWith(`=KH.RANKIN(`) && c.formula.includes(`${3 + i},`))).toBe(true);
  }, 60_000);
});

describe("WPS", () => {
  async function rankWrites(options?: { dynamicArrays?: boolean }) {
    const app = new DoubleApplication({}, ["数据"]);
    putCells(app.sheet("数据")!, dataRows(UNITS));
    await generateBoard(new WpsHost(app as unknown as EtApplication, options), { scheme: realScheme(), now: NOW, formulas: "kh" });
    const scores = app.sheet("得分")!;
    const col = [...Array(80).keys()].find((c) => scores.Cells.Item(2, c + 1).Value2 === "名次") as number;
    const letter = columnLetter(col);
    const writes = app.written.filter((w) => w.sheet === "得分" && w.address.replace(/\$/g, "").startsWith(`${letter}3`));
    const formulas = Array.from({ length: UNITS }, (_, i) => scores.Cells.Item(3 + i, col + 1).Formula as string);
    return { writes, formulas, letter };
  }

  test("by default (spilling not known in WPS): per cell, as one FormulaR1C1 on the column", async () => {
    const { writes, formulas } = await rankWrites();
    expect(writes.map((w) => w.property)).toEqual(["FormulaR1C1"]);
    expect(formulas.every((f, i) => f.startsWith("=KH.RANKIN(") && f.includes(`${3 + i},`))).toBe(true);
  }, 60_000);

  test("with dynamicArrays: the lifted formula once, through Formula2 on the anchor", async () => {
    const { writes, formulas, letter } = await rankWrites({ dynamicArrays: true });
    expect(writes.map((w) => [w.address.replace(/\$/g, ""), w.property])).toEqual([[`${letter}3`, "Formula2"]]);
    expect(formulas[0]).toMatch(/^=KH\.RANKIN\(\$/);
  }, 60_000);
});

describe(".xlsx", () => {
  async function written(): Promise<{ host: XlsxHost; bytes: Uint8Array; models: SheetModel[] }> {
    const models = (await khModels(40)).filter((m) => m.name === "得分" || m.name === "读数" || m.name === "考核方案");
    const host = new XlsxHost();
    await host.writeSheets(models, { now: NOW });
    return { host, bytes: await host.toBuffer(), models };
  }

  test("the anchor as Excel saves a spill: cm=1, t=array over the column, results below; XLDAPR metadata, its type and rel", async () => {
    const { bytes, models } = await written();
    const xml = await sheetXml(bytes, "得分");
    const [spill] = spillsIn(models);
    const letter = columnLetter(spill.col);
    expect(cellXml(xml, `${letter}3`)).toMatch(
      new RegExp(`^<c r="${letter}3"[^>]* cm="1"><f t="array" ref="${letter}3:${letter}42">_xldudf_KH_RANKIN\\(\\$`)
    );
    expect(cellXml(xml, `${letter}4`)).toMatch(/^<c r="[A-Z]+4"[^>]*><v>\d+<\/v><\/c>$/);
    const zip = await openZip(bytes);
    expect(await partText(zip, "xl/metadata.xml")).toMatch(/name="XLDAPR".*fDynamic="1".*<cellMetadata count="1"><bk><rc t="1" v="0"\/>/);
    expect(await partText(zip, "[Content_Types].xml")).toContain(
      `<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>`
    );
    expect(await partText(zip, "xl/_rels/workbook.xml.rels")).toMatch(/relationships\/sheetMetadata" Target="metadata.xml"/);
    expect(await ooxmlProblems(bytes)).toEqual([]);
  }, 60_000);

  test("reads back: the anchor's formula as typed, the spill range as its values; written again, one metadata part", async () => {
    const { bytes, models } = await written();
    const [spill] = spillsIn(models);
    const scores = models.find((m) => m.name === "得分") as SheetModel;
    const back = await XlsxHost.fromBuffer(bytes, { model: false });
    const data = await back.readSheet("得分");
    expect(data?.formulas?.[2][spill.col]).toBe(spill.formula);
    expect(data?.spills).toEqual([`${columnLetter(spill.col)}3:${columnLetter(spill.col)}42`]);
    expect(data?.formulas?.slice(3, 42).map((r) => r[spill.col])).toEqual(new Array(39).fill(null));
    expect(data?.values.slice(2, 42).map((r) => r[spill.col])).toEqual(scores.cells.slice(2, 42).map((r) => r[spill.col].value));
    await back.writeSheets(models, { now: NOW });
    const again = await openZip(await back.toBuffer());
    expect(Object.keys(again.files).filter((f) => /metadata\d*\.xml$/.test(f))).toEqual(["xl/metadata.xml"]);
    expect(cellXml(await sheetXml(await back.toBuffer(), "得分"), `${columnLetter(spill.col)}3`)).toContain(`cm="1"`);
  }, 60_000);
});
