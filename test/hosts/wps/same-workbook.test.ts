/**
 * Same workbook on every host: one clerk's workbook and the same generated sheets (the real 考核方案 sheet of the
 * sample scheme, and the shared sample models for 得分, 龙虎榜 and 调度记录, written in two batches) rendered by the
 * Excel host (on the Excel fake of test/hosts/excel), the WPS host (on the ET double) and the .xlsx host (through a
 * saved file) give the same sheet names and order, values, formulas, merged areas, markers, and per cell the same
 * fills (and, between Excel and WPS, which run the same sheet plan, the same number formats).
 */
import { Worksheet } from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { MARKER_SHEET } from "../../../src/core/generated-sheets";
import { parseScheme } from "../../../src/core/scheme/parse";
import { schemeSheet } from "../../../src/core/scheme/scheme-sheet";
import { SheetModel } from "../../../src/core/sheet-model";
import { ExcelHost } from "../../../src/hosts/excel/excel-host";
import { SheetData, WorkbookHost } from "../../../src/hosts/host";
import { EtApplication } from "../../../src/hosts/wps/et";
import { colourOf } from "../../../src/hosts/wps/et-access";
import { WpsHost } from "../../../src/hosts/wps/wps-host";
import { XlsxHost } from "../../../src/hosts/xlsx/xlsx-host";
import { FakeExcel } from "../excel/fake-excel";
import { clerkWorkbookWithOwnBoard } from "../xlsx/clerk-workbook";
import { DATA_FORMULAS, DATA_VALUES, dispatchLogModel, leaderboardModel, scoresModel } from "../sample-models";
import { DoubleApplication } from "./double/et-double";
import { putCells } from "./double/fixtures";

const NOW = "2025-11-22T08:00:00.000Z";
const ROOT = path.resolve(__dirname, "../../..");

function sampleSchemeSheet(): SheetModel {
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, "samples/village-assessment.scheme.json"), "utf8").replace(/^\ufeff/, ""));
  return schemeSheet(parseScheme(json).scheme);
}

const BATCHES = (): SheetModel[][] => [
  [sampleSchemeSheet(), scoresModel(), leaderboardModel(), dispatchLogModel(1)],
  [scoresModel("KH."), dispatchLogModel(2)],
];

/** A cell's look that must agree across hosts. */
interface Look {
  fill?: string;
  numberFormat?: string;
}
type Looks = Map<string, Look>;

interface Rendered {
  host: WorkbookHost;
  looks(sheet: string): Looks;
}

const key = (r: number, c: number) => `${r},${c}`;
const format = (f: string | undefined) => (f === undefined || f === "General" ? undefined : f);

async function viaExcel(): Promise<Rendered> {
  const excel = new FakeExcel();
  const data = excel.workbook.addSheet("村级考核", DATA_VALUES);
  DATA_FORMULAS.forEach((row, r) => row.forEach((f, c) => f && (data.ensure(r, c).formula = f)));
  data.merges.push({ top: 0, left: 0, bottom: 0, right: 3 });
  excel.workbook.addSheet("龙虎榜", [["我自己的榜"]]);
  const host = new ExcelHost(excel.run, { isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= 1.13 });
  for (const batch of BATCHES()) await host.writeSheets(batch, { activate: "龙虎榜", now: NOW });
  return {
    host,
    looks(name) {
      const out: Looks = new Map();
      for (const [r, c, cell] of excel.workbook.sheet(name).entries()) {
        const look = { fill: cell.fill?.toUpperCase(), numberFormat: format(cell.numberFormat) };
        if (look.fill || look.numberFormat) out.set(key(r, c), look);
      }
      return out;
    },
  };
}

async function viaWps(): Promise<Rendered> {
  const app = new DoubleApplication({}, ["村级考核", "龙虎榜"]);
  const data = app.sheet("村级考核")!;
  putCells(
    data,
    DATA_VALUES.map((row, r) => row.map((v, c) => DATA_FORMULAS[r][c] ?? v))
  );
  data.merges.push({ r0: 1, c0: 1, r1: 1, c1: 4 });
  putCells(app.sheet("龙虎榜")!, [["我自己的榜"]]);
  const host = new WpsHost(app as unknown as EtApplication);
  for (const batch of BATCHES()) await host.writeSheets(batch, { activate: "龙虎榜", now: NOW });
  return {
    host,
    looks(name) {
      const out: Looks = new Map();
      for (const [k, cell] of app.sheet(name)!.cells) {
        const [r, c] = k.split(",").map(Number);
        const look = { fill: cell.fill === undefined ? undefined : colourOf(cell.fill), numberFormat: format(cell.numberFormat) };
        if (look.fill || look.numberFormat) out.set(key(r - 1, c - 1), look);
      }
      return out;
    },
  };
}

async function viaXlsx(): Promise<Rendered> {
  let host = await XlsxHost.fromBuffer(await clerkWorkbookWithOwnBoard());
  for (const batch of BATCHES()) {
    await host.writeSheets(batch, { activate: "龙虎榜", now: NOW });
    host = await XlsxHost.fromBuffer(await host.toBuffer()); // through a saved file each time
  }
  const saved = host;
  return {
    host: saved,
    looks(name) {
      const out: Looks = new Map();
      (saved.workbook.getWorksheet(name) as Worksheet).eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const argb = (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
          const look = { fill: argb ? `#${argb.slice(2).toUpperCase()}` : undefined, numberFormat: format(cell.numFmt) };
          if (look.fill || look.numberFormat) out.set(key(r - 1, c - 1), look);
        })
      );
      return out;
    },
  };
}

/**
 * What must agree of a sheet as read: values (for constants: a formula's value is whatever that host computed or
 * cached), formulas, merged areas; trailing blank rows and columns do not count.
 */
function comparable(data: SheetData | undefined) {
  if (!data) return undefined;
  const cells = data.values.map((row, r) =>
    row.map((v, c) => {
      const f = data.formulas?.[r]?.[c] ?? null;
      return f !== null ? { formula: f } : v === "" ? null : v;
    })
  );
  while (cells.length && cells[cells.length - 1].every((x) => x === null)) cells.pop();
  const width = Math.max(0, ...cells.map((row) => row.reduce<number>((w, x, c) => (x === null ? w : c + 1), 0)));
  return { cells: cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null)), merges: [...(data.merges ?? [])].sort() };
}

const sorted = (looks: Looks) => [...looks.entries()].sort(([a], [b]) => a.localeCompare(b));

describe("the Excel, WPS and .xlsx hosts make the same workbook", () => {
  let excel: Rendered;
  let wps: Rendered;
  let xlsx: Rendered;
  beforeAll(async () => {
    [excel, wps, xlsx] = await Promise.all([viaExcel(), viaWps(), viaXlsx()]);
  }, 60_000);

  const visible = async (h: WorkbookHost) => (await h.sheetNames()).filter((n) => n !== MARKER_SHEET);

  test("the same sheets, in the same order; the clerk's 龙虎榜 kept", async () => {
    const names = await visible(wps.host);
    expect(names).toEqual(["村级考核", "龙虎榜", "考核方案", "得分", "龙虎榜(考核助手)", "调度记录"]);
    expect(await visible(excel.host)).toEqual(names);
    expect(await visible(xlsx.host)).toEqual(names);
    expect((await wps.host.readSheet("龙虎榜"))?.values).toEqual([["我自己的榜"]]);
  });

  test("the same values, formulas and merged areas on every sheet", async () => {
    for (const name of await visible(wps.host)) {
      const mine = comparable(await wps.host.readSheet(name));
      expect({ name, ...comparable(await excel.host.readSheet(name)) }).toEqual({ name, ...mine });
      expect({ name, ...comparable(await xlsx.host.readSheet(name)) }).toEqual({ name, ...mine });
    }
  });

  test("the same markers", async () => {
    const markers = await wps.host.readMarkers();
    expect(markers.map((m) => m.sheet)).toEqual(["考核方案", "得分", "龙虎榜(考核助手)", "调度记录"]);
    expect(await excel.host.readMarkers()).toEqual(markers);
    expect(await xlsx.host.readMarkers()).toEqual(markers);
  });

  test("the same fills cell by cell on every host; the same number formats in Excel and WPS", async () => {
    const fills = (looks: Looks) => sorted(looks).flatMap(([k, l]) => (l.fill ? [[k, l.fill]] : []));
    let compared = 0;
    for (const name of ["考核方案", "得分", "龙虎榜(考核助手)", "调度记录"]) {
      const mine = sorted(wps.looks(name));
      compared += mine.length;
      // Excel and WPS carry out the same sheet plan, Text format on formula-like texts included
      expect({ name, looks: sorted(excel.looks(name)) }).toEqual({ name, looks: mine });
      // the .xlsx host guards text its own way (exceljs never reinterprets a string), so only fills are compared
      expect({ name, fills: fills(xlsx.looks(name)) }).toEqual({ name, fills: fills(wps.looks(name)) });
    }
    expect(compared).toBeGreaterThan(20);
    expect(sorted(wps.looks("龙虎榜(考核助手)"))).toEqual(expect.arrayContaining([["2,0", { fill: "#FFC7CE" }]]));
  });
});
