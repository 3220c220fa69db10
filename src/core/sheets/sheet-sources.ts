/**
 * Every column the scheme names, as the 得分 formulas read it through 读数 (SPEC §3.1): a data column directly; a
 * column of another sheet (`"1月!党建"`, 多表汇总) by ONE MATCH per unit and sheet — the unit's position among
 * that sheet's rows, found by name key (name-key-formulas.ts: compared as the core compares names) — and then an
 * INDEX per value; and the 加减分台账 by SUMIFS over 读数's copy of the ledger's name keys and points, so a new
 * ledger row (within the block, see below) recalculates at once.
 *
 * Names compare as the core's (name-key-formulas.ts), case included: MATCH's row is checked with EXACT.
 *
 * API: `new SheetSources(readings, scheme, table, result, workbook)` — made before any other reading, since it lays
 * out 读数's blocks; then `reading(ref, kind)` (ReadingCells, as Readings.read), `raw(ref)` (the raw cell a
 * reading reads: a data cell, or 读数's INDEX helper), `required(ref)` (a per-unit parameter: #N/A when blank, as
 * the core refuses it), `ledger()` (the unit's 台账加分 and 台账扣分 cells).
 *
 * Blocks: per other sheet, the name key of each of its rows below the header, down to its last row plus
 * BLOCK_MARGIN (LEDGER_MARGIN for the ledger, which grows all year); rows a clerk adds beyond that are not seen
 * until 龙虎榜 is generated again. Inserting rows inside the sheet's table moves the references with them.
 */
import { Scheme } from "../scheme/types";
import { schemeColumns } from "../scheme/parse";
import { DataTable } from "../data-table";
import { OtherSheets, WorkbookData, rowHolding, splitColumnRef } from "../scoring/other-sheets";
import { ledgerColumns, ledgerSums } from "../scoring/ledger";
import { ScoreResult } from "../scoring/types";
import { CellValue, ModelCell, columnLetter, sheetRef } from "../sheet-model";
import { Cell, cleanText, readNumber } from "../values";
import { numberReading, numberTextReading } from "./reading-formulas";
import { ReadingCells, ReadingKind, Readings, RawSource } from "./readings-sheet";
import { nameCriterion, nameCriterionFormula, nameKey, nameKeyFormula, nameStage, nameStageFormula } from "./name-key-formulas";
import { DATA_ROW, SHEET_ROW } from "./row-template";

export const BLOCK_MARGIN = 100;
export const LEDGER_MARGIN = 500;

interface Located {
  /** undefined: the data sheet. */
  sheet?: string;
  column: number;
}

interface OtherBlock {
  table: DataTable;
  /** The sheet's first row below the header (1-based), where the block starts. */
  firstRow: number;
  lastRow: number;
  keys: string;
  position?: string;
}

export class SheetSources {
  private readonly others: OtherSheets;
  private readonly blocks = new Map<string, OtherBlock>();
  private readonly raws = new Map<string, RawSource>();
  private unitCells?: { key: string; criterion: string };
  private ledgerCells?: { add: string; deduct: string };

  constructor(
    private readonly readings: Readings,
    private readonly scheme: Scheme,
    private readonly table: DataTable,
    private readonly result: ScoreResult,
    private readonly workbook: WorkbookData | undefined
  ) {
    this.others = new OtherSheets(scheme, table, workbook);
    for (const use of schemeColumns(scheme)) {
      const at = this.locate(use.column);
      if (at.sheet !== undefined && !this.blocks.has(at.sheet)) this.blocks.set(at.sheet, this.otherBlock(at.sheet));
    }
    if (scheme.ledger) this.ledgerCells = this.ledgerBlock();
  }

  /** Where a column reference is, as the core resolves it (scoring/sources.ts resolveOne). */
  locate(ref: string): Located {
    const onData = this.table.findColumn(ref);
    if ("index" in onData) return { column: onData.index };
    const { sheet, column } = splitColumnRef(ref);
    if (sheet === undefined || this.others.isDataSheet(sheet)) return { column: this.table.column(column) };
    return { sheet, column: this.others.table(sheet, "").column(column) };
  }

  private grid(sheet: string): readonly (readonly Cell[])[] {
    return this.workbook?.grid(sheet) ?? [];
  }

  /** Stage and key columns for the names in column `col` of `sheet`, rows first..last. */
  private keyBlock(sheet: string, col: number, first: number, last: number): string {
    const grid = this.grid(sheet);
    const at = `${sheetRef(sheet)}!${columnLetter(col)}`;
    const stage: ModelCell[] = [];
    const key: ModelCell[] = [];
    const stageColumn = columnLetter(this.readings.nextColumn);
    for (let r = first; r <= last; r++) {
      const v = grid[r - 1]?.[col] ?? null;
      stage.push({ value: nameStage(v), formula: nameStageFormula(`${at}${r}`) });
      key.push({ value: nameKey(v), formula: nameKeyFormula(`${stageColumn}${this.readings.firstRow + r - first}`) });
    }
    this.readings.block(`${sheet}单位（整理）`, stage);
    return this.readings.block(`${sheet}单位（名称键）`, key).range;
  }

  private extent(sheet: string, headerRow: number, margin: number): { first: number; last: number } {
    const first = headerRow + 1;
    return { first, last: Math.max(this.grid(sheet).length, first) + margin };
  }

  private otherBlock(sheet: string): OtherBlock {
    const table = this.others.table(sheet, "");
    const { first, last } = this.extent(sheet, table.spec.headerRow, BLOCK_MARGIN);
    return { table, firstRow: first, lastRow: last, keys: this.keyBlock(sheet, table.nameColumn, first, last) };
  }

  /** The unit's name key, and that key as a MATCH/SUMIFS criterion (wildcards escaped). */
  private unitKey(): { key: string; criterion: string } {
    if (this.unitCells) return this.unitCells;
    const col = this.table.nameColumn;
    const cells = this.table.units.map((u) => this.table.value(u, col));
    const source = `${sheetRef(this.table.sheet)}!${columnLetter(col)}${DATA_ROW}`;
    const stage = this.readings.helper("单位（整理）", nameStageFormula(source), cells.map(nameStage));
    const key = this.readings.helper("单位（名称键）", nameKeyFormula(stage.cell), cells.map(nameKey));
    const crit = this.readings.helper("单位（查找条件）", nameCriterionFormula(key.cell), cells.map(nameCriterion));
    this.unitCells = { key: key.cell, criterion: crit.cell };
    return this.unitCells;
  }

  private criterion(): string {
    return this.unitKey().criterion;
  }

  /**
   * The unit's position among the sheet's block rows (0: not on that sheet): one MATCH per unit and sheet, and the
   * row it found checked with EXACT (MATCH ignores case; the core does not).
   */
  private position(sheet: string, b: OtherBlock): string {
    if (b.position) return b.position;
    const values = this.table.units.map((_, i) => {
      const row = this.others.rowOf(sheet, i);
      return row ? row.row - b.firstRow + 1 : 0;
    });
    const { key, criterion } = this.unitKey();
    const found = this.readings.helper(`${sheet}查找`, `=IFERROR(MATCH(${criterion},${b.keys},0),0)`, values).cell;
    const checked = `=IF(${found}=0,0,IF(EXACT(INDEX(${b.keys},${found}),${key}),${found},0))`;
    b.position = this.readings.helper(`${sheet}行位置`, checked, values).cell;
    return b.position;
  }

  /** The raw cell a column reference reads for the unit, with each unit's value. */
  raw(ref: string): RawSource {
    const at = this.locate(ref);
    if (at.sheet === undefined) return this.readings.dataSource(at.column);
    const key = `${at.sheet}!${at.column}`;
    const known = this.raws.get(key);
    if (known) return known;
    const b = this.blocks.get(at.sheet) as OtherBlock;
    const pos = this.position(at.sheet, b);
    const l = columnLetter(at.column);
    const range = `${sheetRef(at.sheet)}!$${l}$${b.firstRow}:$${l}$${b.lastRow}`;
    const index = `INDEX(${range},${pos})`;
    const header = `${at.sheet}!${b.table.headers[at.column] || l}`;
    const values = this.table.units.map((_, i): CellValue => {
      const row = this.others.rowOf(at.sheet as string, i);
      const v = row ? b.table.value(row, at.column) : null;
      return v === undefined || v === null ? "" : v;
    });
    const cell = this.readings.helper(`${header}（取值）`, `=IF(${pos}=0,"",IF(ISBLANK(${index}),"",${index}))`, values).cell;
    const src: RawSource = { key, header, source: cell, raw: values };
    this.raws.set(key, src);
    return src;
  }

  reading(ref: string, kind: ReadingKind): ReadingCells {
    return this.readings.read(this.raw(ref), kind);
  }

  /** A per-unit parameter's number: #N/A for a blank cell (the core refuses it), else the reading's value. */
  required(ref: string): string {
    const r = this.reading(ref, "number");
    const src = this.raw(ref);
    const values = src.raw.map((v) => {
      const n = readNumber(v);
      return typeof n === "number" ? n : 0;
    });
    return this.readings.once(
      `required:${src.key}`,
      () => this.readings.helper(`${src.header}（参数）`, `=IF(${r.text}="",NA(),${r.value})`, values).cell
    );
  }

  /** The unit's 台账 sums (positive points, |negative points|), when the scheme has a ledger. */
  ledger(): { add: string; deduct: string } | undefined {
    return this.ledgerCells;
  }

  private ledgerBlock(): { add: string; deduct: string } {
    const ledger = this.scheme.ledger as NonNullable<Scheme["ledger"]>;
    const grid = this.grid(ledger.sheet);
    const headerRow = ledger.headerRow ?? rowHolding(grid, ledger.unit);
    const cols = ledgerColumns(ledger, grid, headerRow);
    const { first, last } = this.extent(ledger.sheet, headerRow, LEDGER_MARGIN);
    const keys = this.keyBlock(ledger.sheet, cols.unit, first, last);
    const at = `${sheetRef(ledger.sheet)}!${columnLetter(cols.points)}`;
    const text: ModelCell[] = [];
    const value: ModelCell[] = [];
    const textColumn = columnLetter(this.readings.nextColumn);
    for (let r = first; r <= last; r++) {
      const v = grid[r - 1]?.[cols.points] ?? null;
      const n = readNumber(v);
      text.push({
        value: typeof v === "number" ? v : v === null || v === undefined ? "" : cleanText(String(v)).replace(/ /g, ""),
        formula: numberTextReading(`${at}${r}`),
      });
      const t = `${textColumn}${this.readings.firstRow + r - first}`;
      value.push({ value: typeof n === "number" ? n : 0, formula: numberReading(`${at}${r}`, t) });
    }
    this.readings.block(`${ledger.sheet}分值（原文）`, text);
    const points = this.readings.block(`${ledger.sheet}分值（数值）`, value).range;
    const crit = this.criterion();
    const sums = this.result.details.map((d) => ledgerSums(d.ledger));
    const sum = (sign: string) => `SUMIFS(${points},${keys},"="&${crit},${points},"${sign}0")`;
    return {
      add: this.readings.helper(
        "台账加分",
        `=${sum(">")}`,
        sums.map((s) => s.add)
      ).cell,
      deduct: this.readings.helper(
        "台账扣分",
        `=-${sum("<")}`,
        sums.map((s) => s.deduct)
      ).cell,
    };
  }
}

export { SHEET_ROW };
