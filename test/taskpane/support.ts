/**
 * The pane's tests work on the in-memory host loaded with the sample. The memory host has no selection of its
 * own; this one keeps one per sheet and reports it on the active sheet, as Excel does (activating 龙虎榜 after a
 * generate moves the selection there).
 */
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { MemoryWorkbook, sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import type { CellValue } from "../../src/core/sheet-model";
import { sampleValues } from "../core/scoring/sample";

export class SelectableHost extends MemoryHost {
  private readonly selected = new Map<string, string>();

  constructor(workbook?: MemoryWorkbook) {
    super(workbook);
  }

  /** Activate a sheet and select a cell on it. */
  select(sheet: string, address: string): void {
    this.workbook.active = sheet;
    this.selected.set(sheet, address);
  }

  async selection(): Promise<{ sheet: string; address: string } | undefined> {
    const sheet = this.workbook.active ?? this.workbook.sheets[0]?.name;
    return sheet ? { sheet, address: this.selected.get(sheet) ?? "A1" } : undefined;
  }

  /** Every sheet's name and cell values (formulas too), to compare a workbook before and after. */
  snapshot(except: readonly string[] = []): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.workbook.sheets) if (!except.includes(s.name)) out[s.name] = JSON.parse(JSON.stringify(s));
    return out;
  }
}

/** The sample data sheet (samples/village-assessment.csv) as 村级考核, optionally under title rows. */
export function sampleWorkbook(
  options: { title?: string; extraSheets?: { name: string; values: CellValue[][] }[]; edit?: (values: CellValue[][]) => void } = {}
): SelectableHost {
  const values = sampleValues() as CellValue[][];
  options.edit?.(values);
  const rows = options.title ? [[options.title], ...values] : values;
  const width = values[0].length;
  const merges = options.title ? [`A1:${String.fromCharCode(64 + width)}1`] : [];
  const sheets = [sheetOfValues("村级考核", rows, { merges }), ...(options.extraSheets ?? []).map((s) => sheetOfValues(s.name, s.values))];
  const host = new SelectableHost({ sheets });
  host.select("村级考核", options.title ? "C5" : "C4");
  return host;
}
