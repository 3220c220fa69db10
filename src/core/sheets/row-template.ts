/**
 * A column's formula built once, with placeholders for the unit's rows, and filled in per unit: building 200,000
 * formulas from scratch would cost seconds and much garbage. A cell of such a column is a FilledCell: it keeps the
 * template and its rows, and makes its formula's text only when asked — the hosts write a filled-down column as
 * one formula (a shared formula, an R1C1 range), so at 5,000 units the 700,000 formulas (184 MB of two-byte text)
 * are never made; see templateOf.
 */
import { CellValue, ModelCell } from "../sheet-model";

/** Placeholder for the unit's row on the data sheet (or, per column, the row its value is read from). */
export const DATA_ROW = "\u0001";
/** Placeholder for the unit's row on the generated sheets (得分 and 读数 share their rows). */
export const SHEET_ROW = "\u0002";

export class RowTemplate {
  private readonly parts: string[] = [];
  private readonly slots: boolean[] = [];
  /**
   * Whether every placeholder stands alone as a number (no digit on either side of it), so filling in other rows
   * changes only those numbers: "A1" + row would read 15 for 5 and 110 for 10. Only then can a host take two cells'
   * rows going up by one for the formula moved down a row (formula-runs).
   */
  readonly separate: boolean;

  constructor(text: string) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== DATA_ROW && ch !== SHEET_ROW) continue;
      this.parts.push(text.slice(start, i));
      this.slots.push(ch === DATA_ROW);
      start = i + 1;
    }
    this.parts.push(text.slice(start));
    const digit = (s: string, at: number) => /[0-9]/.test(s.charAt(at));
    this.separate = this.slots.every((_, i) => !digit(this.parts[i], this.parts[i].length - 1) && !digit(this.parts[i + 1], 0));
  }

  /**
   * The formula over a run of rows at once: each placeholder's reference (`C` + row) made the absolute range of the
   * run (`$C$3:$C$5002`, the data rows for DATA_ROW, the sheet rows for SHEET_ROW), for one spilled (array) formula
   * in place of a filled-down column. Undefined when a placeholder does not follow a reference's column letters, or
   * the run has no data rows (`dataRows` undefined: they do not follow each other) and the formula needs them.
   */
  lift(dataRows: readonly [number, number] | undefined, sheetRows: readonly [number, number]): string | undefined {
    const out: string[] = [];
    for (let i = 0; i < this.slots.length; i++) {
      const m = /(^|[^A-Za-z0-9_.$])\$?([A-Z]{1,3})$/.exec(this.parts[i]);
      if (!m) return undefined;
      const rows = this.slots[i] ? dataRows : sheetRows;
      if (!rows) return undefined;
      const [first, last] = rows;
      out.push(this.parts[i].slice(0, m.index + m[1].length), `$${m[2]}$${first}:$${m[2]}$${last}`);
    }
    out.push(this.parts[this.parts.length - 1]);
    return out.join("");
  }

  /**
   * The formula of one row. Joined, not concatenated with +=: that makes a rope of a dozen pieces per formula, which
   * every later look at the text (the search for shared formulas compares each with the one above) flattens into a
   * copy — at 700,000 formulas, a third of kh's time in the garbage collector.
   */
  fill(dataRow: number, sheetRow: number): string {
    const out: (string | number)[] = [this.parts[0]];
    for (let i = 0; i < this.slots.length; i++) out.push(this.slots[i] ? dataRow : sheetRow, this.parts[i + 1]);
    return out.join("");
  }
}

/** A cell whose formula is `template` filled in for its rows: the text made on each read of `formula`, never kept. */
export class FilledCell implements ModelCell {
  spill?: ModelCell["spill"];

  constructor(
    public value: CellValue,
    readonly template: RowTemplate,
    readonly dataRow: number,
    readonly sheetRow: number
  ) {}

  get formula(): string {
    return this.template.fill(this.dataRow, this.sheetRow);
  }
}

/** The template and rows a cell's formula is made from, when it is a FilledCell. */
export function templateOf(cell: ModelCell | undefined): FilledCell | undefined {
  return cell instanceof FilledCell ? cell : undefined;
}
