/**
 * The host the task pane gets in the playground: the in-memory host over the live workbook, plus what the page
 * adds — after every write the formulas are recalculated and the grid redrawn (on the sheet the write activated),
 * and the selection is the grid's selected cell, so 解释 works on the cell a clerk clicked.
 */
import { GeneratedMarker, SheetModel, address } from "../core/sheet-model";
import { SheetData, WorkbookHost, WriteResult } from "../hosts/host";
import { MemoryHost } from "../hosts/memory/memory-host";
import { LiveWorkbook } from "./live-workbook";

export interface GridSelection {
  sheet: string;
  row: number;
  col: number;
}

export class PlaygroundHost implements WorkbookHost {
  readonly kind = "memory" as const;
  private readonly memoryHost: MemoryHost;

  constructor(
    readonly live: LiveWorkbook,
    private readonly selected: () => GridSelection | undefined
  ) {
    this.memoryHost = new MemoryHost(live.memory);
  }

  sheetNames(): Promise<string[]> {
    return this.memoryHost.sheetNames();
  }

  readSheet(name: string): Promise<SheetData | undefined> {
    return this.memoryHost.readSheet(name);
  }

  readMarkers(): Promise<GeneratedMarker[]> {
    return this.memoryHost.readMarkers();
  }

  async writeSheets(models: SheetModel[], options?: { activate?: string; now?: string }): Promise<WriteResult> {
    const result = await this.memoryHost.writeSheets(models, options);
    this.live.reload();
    return result;
  }

  async selection(): Promise<{ sheet: string; address: string } | undefined> {
    const s = this.selected();
    return s && { sheet: s.sheet, address: address(s.row, s.col) };
  }
}
