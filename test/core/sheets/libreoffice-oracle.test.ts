/**
 * LibreOffice agrees with the core: workbooks written by `kh score` (native formulas) — the sample, its dense and
 * 记零分 variants, one workbook per awkward value of SPEC §2.1 in every kind of column, random schemes, and every
 * workbook of the real-tables corpus that kh accepts (test/fixtures/issue9: two-row headers, totals rows, merged
 * 类别, Strict OOXML, x: prefixes, .xlsm, a file saved by LibreOffice…) — have
 * their cached values stripped and are recalculated by LibreOffice Calc; every cell of 得分 must then equal what the
 * core computed (numbers within 1e-9 of the rounded total, texts equal). Scheme version 2 too (SPEC §3.1): the
 * worked example and random v2 workbooks with month sheets and a ledger (v2-cases.ts), where 报酬 must equal the core
 * as well. One soffice run converts the whole batch.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { Workbook } from "exceljs";
import { CellValue } from "../../../src/core/sheet-model";
import { Cell } from "../../../src/core/values";
import { openXlsxFile } from "../../../src/hosts/xlsx/xlsx-file";
import { kh } from "../../cli/cli-support";
import { convertWithLibreOffice, describeWithLibreOffice, stripCachedValues } from "../../support/libreoffice";
import { sameCell } from "./hf-workbook";
import { randomCase } from "./random-scheme";
import { sampleSchemeJson, sampleValues } from "../scoring/sample";
import { AWKWARD_CASES, OracleCase } from "./awkward-cases";
import { CASES as CORPUS, FIXTURES } from "../../fixtures/issue9/corpus";

/** A corpus workbook kh accepts: its file and arguments (the scheme is beside it). */
interface CorpusRun {
  name: string;
  file: string;
  args: string[];
}

function corpusRuns(): CorpusRun[] {
  return CORPUS.filter((c) => c.expect.ok && !(c.args ?? []).includes("-o")).map((c, i) => ({
    name: `corpus-${i}-${path.basename(c.file, path.extname(c.file))}`,
    file: c.file,
    args: c.args ?? ["--scheme", "方案.json"],
  }));
}
import { LETTER_CASE, WORKED_CASE, WORKED_SCHEME, randomV2Case, sampleV2Case } from "./v2-cases";

jest.setTimeout(600_000);

/** The clerk's workbook: the data sheet first, then any other sheets (month sheets, a ledger: scheme version 2). */
async function writeData(file: string, sheets: Record<string, readonly (readonly Cell[])[]>): Promise<void> {
  const wb = new Workbook();
  for (const [sheet, values] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") ws.getCell(r + 1, c + 1).value = v;
      })
    );
  }
  await wb.xlsx.writeFile(file);
}

interface Prepared {
  c: OracleCase;
  expected: CellValue[][];
  /** 报酬's values as kh cached them (v2 schemes with pay). */
  pay?: CellValue[][];
  stripped: string;
  /** How many of 读数's columns kh wrote as one spilled formula (LibreOffice reads them as matrix formulas). */
  spilled?: number;
}

/** Every difference between the core's 得分 (what kh cached) and LibreOffice's. */
function differences(expected: CellValue[][], actual: CellValue[][]): string[] {
  const out: string[] = [];
  expected.forEach((row, r) =>
    row.forEach((want, k) => {
      const got = actual[r]?.[k] ?? null;
      if (!sameCell(want, got)) out.push(`R${r + 1}C${k + 1}: core ${JSON.stringify(want)}, LibreOffice ${JSON.stringify(got)}`);
    })
  );
  return out;
}

function cases(): OracleCase[] {
  const sample = sampleSchemeJson() as Record<string, unknown>;
  const values = sampleValues();
  const variant = (name: string, edit: (s: Record<string, any>) => void): OracleCase => {
    const scheme = JSON.parse(JSON.stringify(sample));
    edit(scheme);
    return { name, scheme, values };
  };
  const random = fc
    .sample(randomCase, { numRuns: 24, seed: 20251204 })
    .map((rc, i) => ({ name: `random-${i}`, scheme: rc.scheme, values: rc.values }));
  const v2 = fc.sample(randomV2Case, { numRuns: 30, seed: 20261204 }).map((c, i) => ({ ...c, name: `random-v2-${i}` }));
  const worked: OracleCase = { ...WORKED_CASE, values: WORKED_CASE.sheets[WORKED_SCHEME.data.sheet] };
  // 600 units: more rows than a block of the .xlsx writer (256), so each filled-down column is several shared
  // formulas, each with its own first cell.
  const many = [
    values[0],
    ...Array.from({ length: 600 }, (_, i) => values[1 + (i % (values.length - 1))].map((v, c) => (c === 0 ? `${v}${i}` : v))),
  ];
  return [
    { name: "sample", scheme: sample, values },
    { name: "sample-600", scheme: sample, values: many },
    variant("sample-dense", (s) => (s.ranking = { dense: true })),
    variant("sample-zero", (s) => (s.vetoMode = "zero")),
    variant("sample-dense-zero", (s) => ((s.ranking = { dense: true }), (s.vetoMode = "zero"))),
    ...AWKWARD_CASES(sample, values),
    ...random,
    worked,
    { ...sampleV2Case(), values: [] },
    { ...LETTER_CASE, values: [] },
    ...v2.map((c) => ({ ...c, values: c.sheets["数据"] })),
  ];
}

describeWithLibreOffice("LibreOffice recalculates 得分 to the core's values", () => {
  let dir: string;
  let prepared: Prepared[];
  let recalculated: string[];

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-oracle-"));
    prepared = [];
    for (const c of cases()) {
      const sheet = (c.scheme.data as { sheet: string }).sheet;
      await writeData(path.join(dir, `${c.name}.xlsx`), c.sheets ?? { [sheet]: c.values });
      await fs.writeFile(path.join(dir, `${c.name}.json`), JSON.stringify(c.scheme));
      const run = await kh(dir, ["score", `${c.name}.xlsx`, "--scheme", `${c.name}.json`, "-o", `${c.name}-out.xlsx`]);
      if (run.code !== 0) throw new Error(`${c.name}: kh failed: ${run.stderr}`);
      const out = path.join(dir, `${c.name}-out.xlsx`);
      const { host } = await openXlsxFile(out, out, { model: false });
      const scores = await host.readSheet("得分");
      const pay = await host.readSheet("报酬");
      const spilled = (await host.readSheet("读数"))?.spills?.length ?? 0;
      const stripped = path.join(dir, "stripped", `${c.name}.xlsx`);
      await fs.mkdir(path.dirname(stripped), { recursive: true });
      await fs.writeFile(stripped, await stripCachedValues(await fs.readFile(out)));
      prepared.push({ c, expected: scores!.values, pay: pay?.values, stripped, spilled });
    }
    for (const run of corpusRuns()) {
      const ext = path.extname(run.file);
      const input = `${run.name}${ext}`;
      await fs.copyFile(path.join(FIXTURES, run.file), path.join(dir, input));
      for (const f of await fs.readdir(FIXTURES)) if (f.endsWith(".json")) await fs.copyFile(path.join(FIXTURES, f), path.join(dir, f));
      const outName = `${run.name}-out${ext}`;
      const r = await kh(dir, ["score", input, ...run.args, "-o", outName]);
      if (r.code !== 0) throw new Error(`${run.name}: kh failed: ${r.stderr}`);
      const out = path.join(dir, outName);
      const { host } = await openXlsxFile(out, out, { model: false });
      const scores = await host.readSheet("得分");
      const stripped = path.join(dir, "stripped", `${run.name}${ext}`);
      await fs.writeFile(stripped, await stripCachedValues(await fs.readFile(out)));
      prepared.push({ c: { name: run.name, scheme: {}, values: [] }, expected: scores!.values, stripped });
    }
    recalculated = await convertWithLibreOffice(
      prepared.map((p) => p.stripped),
      path.join(dir, "lo")
    );
  });

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("every case was written and recalculated", () => {
    expect(recalculated).toHaveLength(prepared.length);
    expect(prepared.length).toBeGreaterThan(40);
  });

  test("读数's readings reached LibreOffice as spilled column formulas (so the values below are the spilled ones)", () => {
    const spilled = prepared.filter((p) => (p.spilled ?? 0) > 0);
    expect(spilled.length).toBeGreaterThan(prepared.length / 2);
    expect(prepared[0].spilled).toBeGreaterThan(10); // the sample
  });

  test.each([...cases().map((c) => c.name), ...corpusRuns().map((r) => r.name)])(
    "%s: every cell of 得分 equals the core's",
    async (name) => {
      const k = prepared.findIndex((p) => p.c.name === name);
      const { host } = await openXlsxFile(recalculated[k], recalculated[k], { model: false });
      const scores = await host.readSheet("得分");
      expect(scores).toBeDefined();
      expect(differences(prepared[k].expected, scores!.values)).toEqual([]);
      if (prepared[k].pay) expect(differences(prepared[k].pay!, (await host.readSheet("报酬"))!.values)).toEqual([]);
    }
  );
});
