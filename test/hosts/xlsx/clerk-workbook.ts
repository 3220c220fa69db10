/** The sample clerk's data sheet (merged title, header on row 2, formulas with cached results) as an exceljs workbook. */
import { CellValue as ExcelCellValue, Workbook } from "exceljs";
import { DATA_FORMULAS, DATA_MERGES, DATA_VALUES } from "../sample-models";

export function clerkDataWorkbook(): Workbook {
  const wb = new Workbook();
  const ws = wb.addWorksheet("村级考核");
  DATA_VALUES.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = DATA_FORMULAS[r][c];
      ws.getCell(r + 1, c + 1).value = formula ? ({ formula: formula.slice(1), result: value } as ExcelCellValue) : value;
    })
  );
  ws.mergeCells(DATA_MERGES[0]);
  return wb;
}

/** The same with a clerk's own sheet named 龙虎榜, saved: where a generated 龙虎榜 must not go. */
export async function clerkWorkbookWithOwnBoard(): Promise<Uint8Array> {
  const wb = clerkDataWorkbook();
  wb.addWorksheet("龙虎榜").getCell("A1").value = "我自己的榜";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
