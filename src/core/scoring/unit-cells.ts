/**
 * Reading one unit's cells through column sources, collecting its errors, each naming the cell. A unit with no row
 * on another sheet reads as blank there. With a trace, every cell read is recorded (for 解释).
 */
import { Cell, readFlag, readNumber, showCell } from "../values";
import { badNumber } from "./indicator-score";
import { CellRead, ColumnSource } from "./sources";

/** One cell read, for 解释. */
export interface TracedRead {
  /** 数据列, 平时成绩列, 分母列, 目标值, 评议票数列（满意）… */
  label: string;
  /** The column as the scheme writes it. */
  ref: string;
  /** undefined when the unit has no row on that sheet. */
  address?: string;
  value: Cell;
}

export class UnitCells {
  readonly errors: string[] = [];
  constructor(
    private readonly unit: number,
    private readonly trace?: TracedRead[]
  ) {}

  /** The unit's cell; undefined when the unit is not on that sheet. */
  cell(src: ColumnSource, label = src.ref): CellRead | undefined {
    const c = src.cell(this.unit);
    if (this.trace) this.trace.push({ label, ref: src.ref, address: c?.address, value: c ? c.value : null });
    return c;
  }

  /** The unit's value, blank when the unit is not on that sheet; no cell object unless tracing. */
  value(src: ColumnSource, label?: string): Cell {
    return this.trace ? this.cell(src, label)?.value : src.value(this.unit);
  }

  /** Where the unit's value of a source is (the reference itself when the unit is not on that sheet). */
  address(src: ColumnSource): string {
    return src.cell(this.unit)?.address ?? src.ref;
  }

  /** A number, or `blank` when the cell is blank or cannot be read (the latter is an error). */
  number(src: ColumnSource, blank: number, label?: string): number {
    const n = this.optionalNumber(src, label);
    return n === null ? blank : n;
  }

  /** A number or null for blank or absent (unreadable → null and an error). */
  optionalNumber(src: ColumnSource, label?: string): number | null {
    const v = this.value(src, label);
    const n = readNumber(v);
    if (n === undefined) this.errors.push(badNumber(this.address(src), v));
    return typeof n === "number" ? n : null;
  }

  /** A number that must be there (a per-unit parameter, a per value): blank, absent or unreadable is an error. */
  required(src: ColumnSource, label: string): number | undefined {
    const c = this.cell(src, label);
    const n = c ? readNumber(c.value) : null;
    if (!c) this.errors.push(`“${src.sheet}”中没有这个单位的行，无法读取${label}（${src.ref}）`);
    else if (n === null) this.errors.push(`${c.address}：${label}为空`);
    else if (n === undefined) this.errors.push(badNumber(c.address, c.value));
    return typeof n === "number" ? n : undefined;
  }

  flag(src: ColumnSource, label?: string): boolean {
    const v = this.value(src, label);
    const f = readFlag(v);
    if (f === undefined) {
      this.errors.push(`${this.address(src)}：无法识别的否决标记“${showCell(v)}”（应为 是/否、√/×、1/0）`);
      return false;
    }
    return f;
  }
}
