/**
 * The .xlsx host on a large workbook: a data sheet of n units × 20 columns read back, and a 得分-like model of the
 * same size (a formula and a style in every row) written and saved, against the in-memory host doing the same.
 * The host opens the package as the command line does (no exceljs model, Node's zlib); "exceljs load" is what
 * building the exceljs model as well would add. What a township or county workbook looks like is well under 2,000
 * units; the goal is that kh stays under a second of host work there.
 */
import { Workbook } from "exceljs";
import { performance } from "perf_hooks";
import { ModelCell, SheetModel, columnLetter } from "../src/core/sheet-model";
import { MemoryHost } from "../src/hosts/memory/memory-host";
import { sheetOfValues } from "../src/hosts/memory/memory-workbook";
import { nodeCodec } from "../src/hosts/xlsx/node-codec";
import { XlsxHost } from "../src/hosts/xlsx/xlsx-host";

const COLUMNS = 20;

function dataValues(n: number): (string | number)[][] {
  const header = Array.from({ length: COLUMNS }, (_, c) => (c === 0 ? "村名" : `指标${c}`));
  return [header, ...Array.from({ length: n }, (_, r) => Array.from({ length: COLUMNS }, (_, c) => (c === 0 ? `单位${r + 1}` : ((r * 31 + c * 7) % 100) / 2)))];
}

function scoresModel(n: number): SheetModel {
  const cells: ModelCell[][] = [Array.from({ length: COLUMNS + 1 }, (_, c) => ({ value: c === COLUMNS ? "名次" : `列${c}` }))];
  for (let r = 0; r < n; r++) {
    const row: ModelCell[] = Array.from({ length: COLUMNS }, (_, c) => ({ value: c === 0 ? `单位${r + 1}` : r + c, formula: c === 0 ? undefined : `='数据'!${columnLetter(c)}${r + 2}` }));
    row.push({ value: r + 1, formula: `=RANK(B${r + 2},B$2:B$${n + 1})` });
    cells.push(row);
  }
  return {
    name: "得分",
    kind: "scores",
    cells,
    formats: [{ range: `A1:${columnLetter(COLUMNS)}1`, bold: true, fill: "#D9E1F2" }, { range: `B2:${columnLetter(COLUMNS - 1)}${n + 1}`, numberFormat: "0.00", border: true }],
    freeze: { rows: 1, columns: 1 },
  };
}

async function timed<T>(body: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const out = await body();
  return [out, performance.now() - start];
}

const ms = (t: number) => `${t.toFixed(0).padStart(6)} ms`;

export async function run(): Promise<void> {
  for (const n of [200, 2000]) {
    const wb = new Workbook();
    const ws = wb.addWorksheet("数据");
    dataValues(n).forEach((row) => ws.addRow(row));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

    const [, model] = await timed(() => new Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
    const [host, load] = await timed(() => XlsxHost.fromBuffer(bytes, { model: false, codec: nodeCodec }));
    const [, read] = await timed(() => host.readSheet("数据"));
    const [, write] = await timed(() => host.writeSheets([scoresModel(n)], { now: "2025-01-01T00:00:00Z" }));
    const [, save] = await timed(() => host.toBuffer());
    const memory = new MemoryHost({ sheets: [sheetOfValues("数据", dataValues(n))] });
    const [, memWrite] = await timed(() => memory.writeSheets([scoresModel(n)], { now: "2025-01-01T00:00:00Z" }));
    console.log(
      `${String(n).padStart(5)} units × ${COLUMNS}: open ${ms(load)}  read ${ms(read)}  write ${ms(write)}  save ${ms(save)}   ` +
        `(exceljs load ${ms(model)}, memory host write ${ms(memWrite)})`
    );
  }
}
