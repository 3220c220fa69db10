/**
 * The ET double takes one formula for a whole range as ET (like Excel's Range.Formula / FormulaR1C1) does: the
 * same relative formula in every cell, A1 references moving with the cell, stored and read back in A1.
 */
import { cellAt, workbook } from "./double/fixtures";

const r1c1 = (range: unknown) => range as { FormulaR1C1: unknown; Formula2R1C1: unknown };

test("FormulaR1C1 on a column range", () => {
  const app = workbook({ 得分: [] });
  const sheet = app.sheet("得分")!;
  r1c1(sheet.Range("N2:N5001")).FormulaR1C1 = '=IF(RC[-1]="否决","",COUNTIFS(R2C2:R5001C2,RC[-12]))';
  expect(cellAt(sheet, "N2")?.formula).toBe('=IF(M2="否决","",COUNTIFS($B$2:$B$5001,B2))');
  expect(cellAt(sheet, "N5001")?.formula).toBe('=IF(M5001="否决","",COUNTIFS($B$2:$B$5001,B5001))');
});

test("Formula2R1C1, and Formula with one A1 formula for a block", () => {
  const app = workbook({ 表: [] });
  const sheet = app.sheet("表")!;
  r1c1(sheet.Range("A1:A2")).Formula2R1C1 = "=R1C2*2";
  sheet.Range("C2:D3").Formula = "=A2+$B$1";
  expect([cellAt(sheet, "A2")?.formula, cellAt(sheet, "C2")?.formula, cellAt(sheet, "D3")?.formula]).toEqual([
    "=$B$1*2",
    "=A2+$B$1",
    "=B3+$B$1",
  ]);
});
