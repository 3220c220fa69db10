/**
 * 读数's readings as one spilled formula a column (Readings.columnSpill, RowTemplate.lift): where every engine can
 * answer a column's formula over whole ranges, its first unit's cell carries it as ModelCell.spill and every cell
 * keeps its own formula for hosts without dynamic arrays. The spilled values are checked against the core by
 * LibreOffice (libreoffice-oracle.test.ts, which also checks that the spills reach it) and HyperFormula
 * (scores-formulas.test.ts, spilled and per cell).
 */
import { readDataTable } from "../../../src/core/data-table";
import { parseScheme } from "../../../src/core/scheme/parse";
import { schemeSheetLayout } from "../../../src/core/scheme/scheme-sheet";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { ModelCell, SheetModel } from "../../../src/core/sheet-model";
import { DATA_ROW, RowTemplate, SHEET_ROW } from "../../../src/core/sheets/row-template";
import { scoresSheets } from "../../../src/core/sheets/scores-sheet";
import { Cell } from "../../../src/core/values";
import { sampleSchemeJson, sampleValues } from "../scoring/sample";

describe("RowTemplate.lift", () => {
  test("each placeholder's reference becomes the absolute range of its rows (data rows or sheet rows)", () => {
    const t = new RowTemplate(`=IF(ISNUMBER('数据'!C${DATA_ROW}),'数据'!$C${DATA_ROW},TRIM(AB${SHEET_ROW}))`);
    expect(t.lift([2, 501], [3, 502])).toBe(`=IF(ISNUMBER('数据'!$C$2:$C$501),'数据'!$C$2:$C$501,TRIM($AB$3:$AB$502))`);
    expect(t.fill(2, 3)).toBe(`=IF(ISNUMBER('数据'!C2),'数据'!$C2,TRIM(AB3))`);
  });

  test("nothing where a placeholder follows no column letters, or the data rows are wanted and do not follow each other", () => {
    expect(new RowTemplate(`=ROW(${SHEET_ROW})`).lift([2, 9], [3, 10])).toBeUndefined();
    expect(new RowTemplate(`=A1${SHEET_ROW}`).lift([2, 9], [3, 10])).toBeUndefined();
    expect(new RowTemplate(`=TRIM('数据'!B${DATA_ROW})`).lift(undefined, [3, 10])).toBeUndefined();
    expect(new RowTemplate(`=TRIM(B${SHEET_ROW})`).lift(undefined, [3, 10])).toBe("=TRIM($B$3:$B$10)");
  });
});

function readings(json: unknown, values: Cell[][]): SheetModel {
  const { scheme } = parseScheme(json);
  const table = readDataTable(values, scheme.data);
  const result = scoreUnits(scheme, table);
  const { readings } = scoresSheets({ scheme, table, result, layout: schemeSheetLayout(scheme), formulas: "native" });
  return readings as SheetModel;
}

/** The spilled formula narrowed to its first row: each `$C$3:$C$40` range made `C3`. */
const firstRowOf = (spill: string) => spill.replace(/\$([A-Z]+)\$(\d+):\$[A-Z]+\$\d+/g, "$1$2");

/** 读数's unit columns (from B) with their first unit cell: row 3 of the sheet (two title rows). */
function unitColumns(m: SheetModel): { header: string; first: ModelCell }[] {
  return m.cells[1].slice(1).map((h, k) => ({ header: String(h.value), first: m.cells[2][k + 1] }));
}

describe("读数's columns", () => {
  const values = sampleValues();
  const units = values.length - 1;

  test("each reading of the sample is one spilled formula over every unit, the first row's own formula over ranges", () => {
    const model = readings(sampleSchemeJson(), values);
    const columns = unitColumns(model).filter((c) => /（(原文|数值|是否)）$/.test(c.header));
    expect(columns.length).toBeGreaterThan(10);
    for (const { header, first } of columns) {
      expect({ header, rows: first.spill?.rows }).toEqual({ header, rows: units });
      expect(firstRowOf(first.spill!.formula)).toBe(first.formula);
    }
    // Every cell below keeps its own formula, for hosts that do not spill.
    for (let r = 3; r < 2 + units; r++) expect(model.cells[r][1].formula).toMatch(/^=/);
  });

  test("a column whose formula uses ROW() stays a formula per cell (中国式排名's first-of-key helper)", () => {
    const json = { ...(sampleSchemeJson() as Record<string, unknown>), ranking: { dense: true } };
    const cols = unitColumns(readings(json, values));
    const withRow = cols.filter((c) => /ROW\(\)/.test(c.first.formula ?? ""));
    expect(withRow.length).toBeGreaterThan(0);
    for (const c of withRow) expect(c.first.spill).toBeUndefined();
  });

  test("a column whose formula lifted would pass 300 characters (a long data sheet name) stays per cell", () => {
    const json = sampleSchemeJson() as { data: Record<string, unknown> };
    const long = { ...json, data: { ...json.data, sheet: "数".repeat(48) } };
    const short = unitColumns(readings(json, values));
    const cols = unitColumns(readings(long, values));
    for (const c of cols) expect(c.first.spill?.formula.length ?? 0).toBeLessThanOrEqual(300);
    // Spilled with the sample's name, per cell with the long one: the limit, not the functions, kept them per cell.
    const kept = cols.filter((c, k) => short[k].first.spill && !c.first.spill);
    expect(kept.length).toBeGreaterThan(0);
    expect(cols.some((c) => c.first.spill)).toBe(true); // shorter readings of the same sheet still spill
  });

  test("where the units' data rows do not follow each other (a 小计 row between them), the data readings are per cell", () => {
    const gapped = [...values.slice(0, 5), ["小计", ...values[1].slice(1).map(() => null)], ...values.slice(5)];
    const model = readings(sampleSchemeJson(), gapped);
    const cols = unitColumns(model).filter((c) => /'[^']*'!\$?[A-Z]+\d/.test(c.first.formula ?? ""));
    const dataReadings = cols.filter((c) =>
      c.first.formula!.includes(`'${(sampleSchemeJson() as { data: { sheet: string } }).data.sheet}'!`)
    );
    expect(dataReadings.length).toBeGreaterThan(10);
    for (const c of dataReadings) expect({ header: c.header, spill: c.first.spill }).toEqual({ header: c.header, spill: undefined });
  });
});
