/**
 * The Office.js cost of writing the generated sheets (得分: 17 columns of values and live formulas, grey rows for
 * vetoed units; 龙虎榜: values, merged title, conditional formats) for 1,000 and 10,000 units, measured on the fake
 * Excel object model of the tests: context.sync() calls, range property assignments, and payload bytes (JSON size of
 * every value, formula and format assigned). Host time is the add-in's own JavaScript (rendering and planning);
 * Excel's time to apply the requests is not measured here.
 */
import { ExcelHost } from "../src/hosts/excel/excel-host";
import { WEB_REQUEST_BYTES } from "../src/hosts/excel/index";
import { FakeExcel } from "../test/hosts/excel/fake-excel";
import { generatedModels } from "../test/hosts/excel/models";

interface Row {
  units: number;
  pass: string;
  syncs: number;
  ranges: number;
  calls: number;
  bytes: number;
  largest: number;
  ms: number;
}

async function measure(units: number, budget?: number): Promise<Row[]> {
  const excel = new FakeExcel();
  excel.workbook.addSheet("村级考核", [["村名"], ["第1村"]]);
  const host = new ExcelHost(excel.run, { maxRequestBytes: budget });
  const rows: Row[] = [];
  for (const pass of ["first write", "refresh"]) {
    const models = generatedModels(units);
    excel.reset();
    // The time covers the host's JavaScript and the fake applying the requests; Excel's own time is not in it.
    const t = performance.now();
    await host.writeSheets(models, { activate: "龙虎榜", now: "2025-11-22T10:00:00.000Z" });
    const ms = performance.now() - t;
    rows.push({
      units,
      pass: budget ? `${pass} (web, ${(budget / 1e6).toFixed(0)} MB requests)` : pass,
      syncs: excel.syncs,
      ranges: excel.rangeWrites,
      calls: excel.log.length - excel.rangeWrites,
      bytes: excel.bytes,
      largest: Math.max(...excel.requestBytes),
      ms,
    });
  }
  return rows;
}

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

export async function run(): Promise<void> {
  const rows: Row[] = [];
  for (const units of [1000, 10000]) rows.push(...(await measure(units)));
  for (const units of [1000, 10000]) rows.push(...(await measure(units, WEB_REQUEST_BYTES)));

  console.log(
    "units  | pass                              | syncs | range assignments | other calls | payload bytes | largest request | ms (host+fake)"
  );
  for (const r of rows) {
    console.log(
      [
        String(r.units).padStart(6),
        r.pass.padEnd(33),
        String(r.syncs).padStart(5),
        fmt(r.ranges).padStart(17),
        fmt(r.calls).padStart(11),
        fmt(r.bytes).padStart(13),
        fmt(r.largest).padStart(15),
        fmt(r.ms).padStart(14),
      ].join(" | ")
    );
  }
  const pick = (units: number, pass: string) =>
    rows.find((r) => r.units === units && r.pass === pass)!;
  for (const pass of ["first write", "refresh"]) {
    const a = pick(1000, pass);
    const b = pick(10000, pass);
    console.log(
      `${pass}, 10,000 vs 1,000 units: syncs ${b.syncs}/${a.syncs} = ${(b.syncs / a.syncs).toFixed(2)} (constant, ≤ 4); ` +
        `payload ×${(b.bytes / a.bytes).toFixed(2)} (linear ≈ ×10); range assignments ×${(b.ranges / a.ranges).toFixed(2)} ` +
        `(grows only with the per-row fills of vetoed units); bytes per unit ${fmt(a.bytes / 1000)} → ${fmt(b.bytes / 10000)}`
    );
  }
  console.log(
    `Excel on the web refuses requests over 5 MB: with ${(WEB_REQUEST_BYTES / 1e6).toFixed(0)} MB requests the write takes ` +
      `${pick(1000, `first write (web, 4 MB requests)`).syncs} syncs for 1,000 units and ${pick(10000, `first write (web, 4 MB requests)`).syncs} for 10,000.`
  );
}

if (require.main === module) void run();
