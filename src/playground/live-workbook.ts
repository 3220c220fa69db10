/**
 * The playground's workbook: a MemoryWorkbook (what the pane reads and writes through the in-memory host) kept
 * calculated by HyperFormula with KH.* registered. The memory workbook holds what a clerk typed and the formulas;
 * HyperFormula computes, and every formula cell's value in the memory workbook is kept equal to its result, so
 * the pane reads the same numbers the grid shows.
 *
 * - A typed edit goes to both, and only the cells HyperFormula reports as changed are copied back.
 * - After the pane writes sheets or a file is opened, the engine is rebuilt from the memory workbook (a few
 *   hundred rows build in milliseconds; an incremental mirror of every host write would be a second renderer).
 * - Text stays text: constants go to HyperFormula with its text prefix "'", so "=abc", "92%" or "123" typed as
 *   text in the file are never parsed into a formula or a number.
 * - A formula HyperFormula cannot evaluate (a function it lacks) keeps the value it had, the one the core computed
 *   when it generated the sheet, and is marked stale, so a demonstration never shows #NAME? for a working file.
 */
import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { CellValue, address } from "../core/sheet-model";
import { MemoryCell, MemorySheet, MemoryWorkbook } from "../hosts/memory/memory-workbook";
import { KhFunctionSpec, buildKhEngine } from "./hyperformula-kh";
import { forHyperFormula, registerExcelExtras } from "./excel-extras";

/** A formula whose result in the page differs from the value it was written with (by the core, or by Excel). */
export interface Mismatch {
  sheet: string;
  address: string;
  formula: string;
  written: CellValue;
  computed: CellValue;
}

/** What the grid shows for one cell. */
export interface ShownCell {
  value: CellValue;
  /** With its leading "=". */
  formula?: string;
  /** An error's explanation (the code itself is the value, e.g. "#VALUE!"). */
  error?: string;
  /** A formula the page cannot recalculate: the value is the one it had when it was written. */
  stale?: boolean;
  /** A value spilled from an array formula elsewhere. */
  spilled?: boolean;
}

type Listener = () => void;

const key = (row: number, col: number) => `${row},${col}`;
const UNKNOWN_FUNCTION = /^Function name .+ not recognized\.?$/;

/** A constant or formula as HyperFormula should take it. */
export function rawContent(cell: MemoryCell | undefined): RawCellContent {
  // A spilled cell is the spilling formula's: HyperFormula fills it (a constant there would block the spill).
  if (!cell || cell.spilled) return null;
  if (cell.formula) return forHyperFormula(cell.formula);
  if (typeof cell.value === "string") return `'${cell.value}`;
  return cell.value;
}

/** What a clerk types into a cell: "" clears, "=…" is a formula, a plain number is a number, TRUE/FALSE are
 *  booleans, anything else is text (full-width digits or "92%" stay text for the KH.* functions to read). */
export function parseTyped(input: string): MemoryCell | undefined {
  if (input.trim() === "") return undefined;
  if (input.startsWith("=") && input.length > 1) return { value: null, formula: input };
  const t = input.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { value: Number(t) };
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  return { value: input };
}

export class LiveWorkbook {
  private hf: HyperFormula;
  private listeners = new Set<Listener>();
  /** Per sheet: the keys of stale formula cells, and errors' messages. */
  private stale = new Map<string, Set<string>>();
  private errors = new Map<string, Map<string, string>>();
  /** Bumped on every change, for React's useSyncExternalStore. */
  version = 0;
  /**
   * After the last rebuild (a write by the pane, a file opened): the formulas HyperFormula computed differently
   * from the value they were written with (formulas written without a value are not compared). For sheets the core generated this cross-checks the generated
   * formulas against the core's own results in a real formula engine; the browser tests expect none.
   */
  mismatches: Mismatch[] = [];

  constructor(
    readonly memory: MemoryWorkbook,
    private readonly specs: readonly KhFunctionSpec[]
  ) {
    this.hf = this.build();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  /** The memory workbook's sheets changed wholesale (the pane wrote sheets, or another file was opened). */
  reload(next?: MemoryWorkbook): void {
    if (next) {
      this.memory.sheets = next.sheets;
      this.memory.active = next.active;
    }
    this.hf.destroy();
    this.hf = this.build();
    this.notify();
  }

  setActive(name: string): void {
    if (this.memory.active === name) return;
    this.memory.active = name;
    this.notify();
  }

  sheet(name: string): MemorySheet | undefined {
    return this.memory.sheets.find((s) => s.name === name);
  }

  /** The cell as the grid shows it (0-based row and column). */
  shown(sheetName: string, row: number, col: number): ShownCell {
    const cell = this.sheet(sheetName)?.cells[row]?.[col];
    const k = key(row, col);
    if (cell?.formula) {
      const out: ShownCell = { value: cell.value, formula: cell.formula };
      const error = this.errors.get(sheetName)?.get(k);
      if (error) out.error = error;
      if (this.stale.get(sheetName)?.has(k)) out.stale = true;
      return out;
    }
    if (cell && cell.value !== null && !cell.spilled) return { value: cell.value };
    const id = this.hf.getSheetId(sheetName);
    if (id === undefined || !this.hf.isCellPartOfArray({ sheet: id, row, col })) return { value: null };
    const v = this.hf.getCellValue({ sheet: id, row, col });
    return { ...valueOf(v), spilled: true };
  }

  /** A clerk typed `input` into a cell: store it and recalculate what depends on it. */
  edit(sheetName: string, row: number, col: number, input: string): void {
    const sheet = this.sheet(sheetName);
    const id = this.hf.getSheetId(sheetName);
    if (!sheet || id === undefined) throw new Error(`没有名为「${sheetName}」的工作表`);
    const cell = parseTyped(input);
    while (sheet.cells.length <= row) sheet.cells.push([]);
    const cells = sheet.cells[row];
    const old = cells[col];
    cells[col] = cell && old?.style ? { ...cell, style: old.style } : cell;
    this.stale.get(sheetName)?.delete(key(row, col));
    const changes = this.hf.setCellContents({ sheet: id, row, col }, [[rawContent(cell)]]);
    for (const change of changes) {
      if (!("address" in change) || !("row" in change.address)) continue;
      const name = this.hf.getSheetName(change.address.sheet);
      if (name !== undefined) this.absorb(name, change.address.row, change.address.col, change.newValue);
    }
    this.absorb(sheetName, row, col, this.hf.getCellValue({ sheet: id, row, col }));
    this.notify();
  }

  private build(): HyperFormula {
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of this.memory.sheets) sheets[s.name] = s.cells.map((row) => Array.from(row ?? [], rawContent));
    registerExcelExtras();
    const hf = buildKhEngine(this.specs, sheets, { useArrayArithmetic: true, useColumnIndex: true });
    this.stale.clear();
    this.errors.clear();
    this.mismatches = [];
    for (const s of this.memory.sheets) {
      const id = hf.getSheetId(s.name);
      if (id === undefined) continue;
      s.cells.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell?.formula) return;
          const written = cell.value;
          this.absorb(s.name, r, c, hf.getCellValue({ sheet: id, row: r, col: c }));
          // A formula written without a result (null) has nothing to compare.
          if (written !== null && !this.stale.get(s.name)?.has(key(r, c)) && !sameValue(written, cell.value)) {
            this.mismatches.push({ sheet: s.name, address: address(r, c), formula: cell.formula, written, computed: cell.value });
          }
        })
      );
    }
    return hf;
  }

  /** Copy a computed value into the memory workbook's formula cell (spilled values are read from the engine). */
  private absorb(sheetName: string, row: number, col: number, v: unknown): void {
    const cell = this.sheet(sheetName)?.cells[row]?.[col];
    if (!cell?.formula) return;
    const k = key(row, col);
    const errors = mapOf(this.errors, sheetName, () => new Map<string, string>());
    const stale = mapOf(this.stale, sheetName, () => new Set<string>());
    const shown = valueOf(v);
    if (
      v instanceof DetailedCellError &&
      v.type === "NAME" &&
      UNKNOWN_FUNCTION.test(v.message) &&
      cell.value !== null &&
      !isErrorText(cell.value)
    ) {
      stale.add(k);
      errors.delete(k);
      return;
    }
    stale.delete(k);
    cell.value = shown.value;
    if (shown.error) errors.set(k, shown.error);
    else errors.delete(k);
  }

  private notify(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }
}

/** Equal as a clerk would see it: numbers to 9 significant digits, a blank and "" alike. */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return (a ?? "") === (b ?? "");
}

function mapOf<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

function isErrorText(v: CellValue): boolean {
  return typeof v === "string" && /^#[A-Z/0]+[!?A]?$/.test(v);
}

/** A HyperFormula value as a cell value: errors as their code text, with the message beside. */
function valueOf(v: unknown): { value: CellValue; error?: string } {
  if (v instanceof DetailedCellError) return { value: v.value, error: v.message || v.value };
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v };
  return { value: String(v) };
}
