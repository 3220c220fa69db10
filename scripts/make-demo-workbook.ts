/**
 * Regenerates the sample workbooks in samples/ from the CSV files (run: npx tsx scripts/make-demo-workbook.ts).
 *
 * - samples/村级考核.xlsx: sheet 村级考核 as a clerk lays it out — a title row "2025年度村级目标管理考核数据" merged
 *   across the table, the headers on row 2, one row per village; 参保率 shown as a percentage.
 * - samples/村级考核.scheme.json: samples/village-assessment.scheme.json with data.headerRow = 2 to match.
 * - samples/参保调度.xlsx: sheet 参保调度 from pension-dispatch.csv (headers on row 1): the staged dispatch data.
 * - samples/二版考核.xlsx (scheme version 2, SPEC §3.1): sheet 村级考核 from v2-village.csv under a title row
 *   (per-unit 任务户数, 满意/基本满意/不满意 votes, 集体经济奖金), the work group's monthly sheets 1月–3月 from
 *   v2-month-*.csv (each under its own title, units in their own order, one missing in 2月, a stray space), and the
 *   加减分台账 from v2-ledger.csv; samples/二版考核.scheme.json is v2-village.scheme.json.
 */
import { Workbook, Worksheet } from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";

const SAMPLES = path.join(__dirname, "..", "samples");
/** Fixed document dates, so a regenerated file differs only where its content does. */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

/** CSV rows (the sample files have no quoted fields, but a quoted one is read right). */
export function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const cells: string[] = [];
      let cur = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (ch === '"') quoted = false;
          else cur += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ",") {
          cells.push(cur);
          cur = "";
        } else cur += ch;
      }
      cells.push(cur);
      return cells;
    });
}

/** A CSV field as a cell: numbers as numbers, empty as an empty cell, anything else as text. */
function cellOf(text: string): string | number | null {
  const t = text.trim();
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

function newWorkbook(): Workbook {
  const wb = new Workbook();
  wb.creator = "考核助手";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** The header row and data rows of a table starting at `headerRow` (1-based), styled as a clerk would. */
function writeTable(ws: Worksheet, rows: string[][], headerRow: number, percentColumns: string[] = []): void {
  const [header, ...data] = rows;
  header.forEach((h, c) => {
    const cell = ws.getCell(headerRow, c + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
  data.forEach((row, r) => row.forEach((text, c) => (ws.getCell(headerRow + 1 + r, c + 1).value = cellOf(text))));
  header.forEach((h, c) => {
    const column = ws.getColumn(c + 1);
    column.width = Math.max(8, [...h].length * 2 + 2);
    if (percentColumns.includes(h)) column.numFmt = "0.0%";
  });
  ws.views = [{ state: "frozen", xSplit: 1, ySplit: headerRow, topLeftCell: `B${headerRow + 1}` }];
}

async function villageWorkbook(): Promise<void> {
  const rows = parseCsv(await fs.readFile(path.join(SAMPLES, "village-assessment.csv"), "utf8"));
  const wb = newWorkbook();
  const ws = wb.addWorksheet("村级考核");
  const title = ws.getCell(1, 1);
  title.value = "2025年度村级目标管理考核数据";
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(1, 1, 1, rows[0].length);
  ws.getRow(1).height = 28;
  writeTable(ws, rows, 2, ["参保率"]);
  await wb.xlsx.writeFile(path.join(SAMPLES, "村级考核.xlsx"));

  const scheme = JSON.parse(await fs.readFile(path.join(SAMPLES, "village-assessment.scheme.json"), "utf8"));
  scheme.data.headerRow = 2;
  await fs.writeFile(path.join(SAMPLES, "村级考核.scheme.json"), `${JSON.stringify(scheme, null, 2)}\n`);
}

async function dispatchWorkbook(): Promise<void> {
  const rows = parseCsv(await fs.readFile(path.join(SAMPLES, "pension-dispatch.csv"), "utf8"));
  const wb = newWorkbook();
  writeTable(wb.addWorksheet("参保调度"), rows, 1);
  await wb.xlsx.writeFile(path.join(SAMPLES, "参保调度.xlsx"));
}

/** A sheet with a merged title row above its table (headers on row 2). */
function titledSheet(wb: Workbook, name: string, title: string, rows: string[][]): void {
  const ws = wb.addWorksheet(name);
  const cell = ws.getCell(1, 1);
  cell.value = title;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(1, 1, 1, rows[0].length);
  writeTable(ws, rows, 2);
}

async function v2Workbook(): Promise<void> {
  const csv = async (file: string) => parseCsv(await fs.readFile(path.join(SAMPLES, file), "utf8"));
  const wb = newWorkbook();
  titledSheet(wb, "村级考核", "2025年度村级综合考核数据", await csv("v2-village.csv"));
  for (const m of [1, 2, 3]) titledSheet(wb, `${m}月`, `2025年${m}月各组打分`, await csv(`v2-month-${m}.csv`));
  writeTable(wb.addWorksheet("加减分台账"), await csv("v2-ledger.csv"), 1);
  await wb.xlsx.writeFile(path.join(SAMPLES, "二版考核.xlsx"));
  await fs.copyFile(path.join(SAMPLES, "v2-village.scheme.json"), path.join(SAMPLES, "二版考核.scheme.json"));
}

async function run(): Promise<void> {
  await villageWorkbook();
  await dispatchWorkbook();
  await v2Workbook();
  process.stdout.write("已生成 samples/村级考核.xlsx、samples/村级考核.scheme.json、samples/参保调度.xlsx、samples/二版考核.xlsx、samples/二版考核.scheme.json\n");
}

if (require.main === module) {
  run().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  });
}
