/**
 * A column's formula built once, with placeholders for the unit's rows, and filled in per unit: building 200,000
 * formulas from scratch would cost seconds and much garbage.
 */

/** Placeholder for the unit's row on the data sheet (or, per column, the row its value is read from). */
export const DATA_ROW = "\u0001";
/** Placeholder for the unit's row on the generated sheets (得分 and 读数 share their rows). */
export const SHEET_ROW = "\u0002";

export class RowTemplate {
  private readonly parts: string[] = [];
  private readonly slots: boolean[] = [];

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
