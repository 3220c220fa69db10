/**
 * One-click generation (得分, 龙虎榜, 奖惩兑现 of src/app/workflow) with the real scheme shape — 40 indicators of every
 * method, 3 groups, vetoes, bonus, deduction, coefficient, grades, awards, rewards, fines (bench/score-workbook's
 * scheme) — on the fake Excel and on the ET double, measured as the hosts see it: for Excel the UTF-8 bytes of each
 * request and the syncs; for WPS the calls into the ET object model. Shared by bench/excel-host.ts and the tests
 * that assert the structure (constant syncs, payload growing sub-linearly).
 */
import { dataRows, scheme } from "../../bench/score-workbook";
import { generateBoard } from "../../src/app/workflow";
import { parseScheme } from "../../src/core/scheme/parse";
import { SheetModel } from "../../src/core/sheet-model";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { EtApplication } from "../../src/hosts/wps/et";
import { WpsHost } from "../../src/hosts/wps/wps-host";
import { FakeExcel } from "./excel/fake-excel";
import { DoubleApplication } from "./wps/double/et-double";
import { putCells } from "./wps/double/fixtures";

const NOW = "2025-11-22T10:00:00.000";

/** Long Chinese unit names (22 characters, 66 UTF-8 bytes), as a county's full names of village committees run. */
export const longName = (r: number) => `某某县城关镇第${String(r + 1).padStart(5, "0")}号行政村村民委员会`;

export interface ExcelPass {
  syncs: number;
  /** UTF-8 bytes of each request of the write, in order. */
  requests: number[];
  payload: number;
  largest: number;
  /** Office.js actions queued (property sets and method calls). */
  actions: number;
}

export interface WpsPass {
  /** Property reads, property writes and method calls on ET objects. */
  calls: number;
  /** Cells handed over in arrays (Value2/Formula assignments). */
  arrayCells: number;
  /** Calls per member name ("Range", "Interior", "Color" …), to see where they go. */
  members: Map<string, number>;
}

const realScheme = () => parseScheme(scheme()).scheme;

/** The write of a first generation and of a refresh on the fake Excel, with or without a request budget. */
export async function excelBoard(
  units: number,
  budget?: number,
  name: (r: number) => string = longName,
  mode: { formulas?: "native" | "kh"; dynamicArrays?: boolean } = {}
): Promise<{ first: ExcelPass; refresh: ExcelPass; excel: FakeExcel }> {
  const excel = new FakeExcel();
  excel.workbook.addSheet("数据", dataRows(units, name));
  const passes: ExcelPass[] = [];
  class Measured extends ExcelHost {
    override async writeSheets(models: SheetModel[], options: { activate?: string; now?: string } = {}) {
      excel.reset();
      const result = await super.writeSheets(models, options);
      const requests = excel.requestBytes.filter((b) => b > 0);
      passes.push({
        syncs: excel.syncs,
        requests,
        payload: requests.reduce((a, b) => a + b, 0),
        largest: Math.max(0, ...requests),
        actions: excel.log.length,
      });
      return result;
    }
  }
  const host = new Measured(excel.run, { maxRequestBytes: budget, dynamicArrays: mode.dynamicArrays });
  const s = realScheme();
  await generateBoard(host, { scheme: s, now: NOW, formulas: mode.formulas });
  await generateBoard(host, { scheme: s, now: NOW, formulas: mode.formulas });
  // The first generation also writes 考核方案 (a JSON scheme is saved into the workbook): both passes do.
  return { first: passes[0], refresh: passes[1], excel };
}

/** Counts every property read, property write and method call made on ET objects, as WPS's JS bridge sees them. */
function counted(app: DoubleApplication, pass: { current: WpsPass }): EtApplication {
  const targets = new WeakMap<object, object>();
  const unwrap = (v: unknown) => (typeof v === "object" && v !== null && targets.has(v) ? targets.get(v) : v);
  const wrap = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
    const proxy = new Proxy(v, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof key === "symbol") return value;
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            pass.current.calls++;
            pass.current.members.set(key, (pass.current.members.get(key) ?? 0) + 1);
            return wrap((value as (...a: unknown[]) => unknown).apply(target, args.map(unwrap)));
          };
        }
        pass.current.calls++;
        pass.current.members.set(key, (pass.current.members.get(key) ?? 0) + 1);
        return wrap(value);
      },
      set(target, key, value) {
        pass.current.calls++;
        if (typeof key === "string") pass.current.members.set(`${key}=`, (pass.current.members.get(`${key}=`) ?? 0) + 1);
        if (Array.isArray(value)) pass.current.arrayCells += value.reduce((n, row) => n + (Array.isArray(row) ? row.length : 1), 0);
        return Reflect.set(target, key, unwrap(value), target);
      },
    });
    targets.set(proxy, v);
    return proxy;
  };
  return wrap(app) as EtApplication;
}

/** The write of a first generation and of a refresh through the ET double, in calls into the ET object model. */
export async function wpsBoard(units: number): Promise<{ first: WpsPass; refresh: WpsPass }> {
  const app = new DoubleApplication({}, ["数据"]);
  putCells(app.sheet("数据")!, dataRows(units, longName));
  const pass = { current: { calls: 0, arrayCells: 0, members: new Map<string, number>() } };
  const passes: WpsPass[] = [];
  class Measured extends WpsHost {
    override async writeSheets(models: SheetModel[], options: { activate?: string; now?: string } = {}) {
      pass.current = { calls: 0, arrayCells: 0, members: new Map() };
      const result = await super.writeSheets(models, options);
      passes.push(pass.current);
      return result;
    }
  }
  const host = new Measured(counted(app, pass));
  const s = realScheme();
  await generateBoard(host, { scheme: s, now: NOW });
  await generateBoard(host, { scheme: s, now: NOW });
  return { first: passes[0], refresh: passes[1] };
}

/** KH.* calls a formula makes per recalculation. */
export const khCallsIn = (f: string | undefined) => (f ? (f.match(/\bKH\.[A-Z]+\(/g)?.length ?? 0) : 0);

/** KH.* calls of a grid of cells per recalculation (each formula cell calls its KH functions once). */
export const khCallsOf = (cells: readonly (readonly ({ formula?: string } | undefined)[])[]) =>
  cells.reduce((k, row) => k + row.reduce((j, c) => j + khCallsIn(c?.formula), 0), 0);

/** One-click generation in kh mode on the memory host (which spills): the models it was given, and the host. */
export async function khBoard(units: number, name: (r: number) => string = longName): Promise<{ models: SheetModel[]; host: MemoryHost }> {
  const models: SheetModel[] = [];
  class Capture extends MemoryHost {
    override async writeSheets(m: SheetModel[], options: { activate?: string; now?: string } = {}) {
      models.push(...m);
      return super.writeSheets(m, options);
    }
  }
  const host = new Capture({ sheets: [sheetOfValues("数据", dataRows(units, name))] });
  await generateBoard(host, { scheme: realScheme(), now: NOW, formulas: "kh" });
  return { models, host };
}

/** KH.* calls per recalculation in kh mode: 名次 spilled (the memory workbook) and per cell (the models' formulas). */
export async function khCalls(units: number): Promise<{ lifted: number; perCell: number }> {
  const { models, host } = await khBoard(units);
  return {
    lifted: host.workbook.sheets.reduce((n, s) => n + khCallsOf(s.cells), 0),
    perCell: models.reduce((n, m) => n + khCallsOf(m.cells), 0),
  };
}
