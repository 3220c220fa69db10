/**
 * The part of WPS 表格's ET object model (the VBA-like `Application` of a WPS JS add-in) that the WPS host uses.
 * Member names and enum values follow Kingsoft's et-jsapi-declare typings (lib.et.d.ts) and Excel's object model,
 * which ET mirrors. Only what the host touches is declared, so the test double in test/hosts/wps can implement
 * exactly this and nothing more.
 *
 * Some WPS builds expose a property as a method (`Count()`, `Name()`, `Address()`), so members that are read
 * through `prop()` in et-access.ts are typed as "value or function returning the value".
 */

/** A property some builds expose as a method. */
export type Prop<T> = T | (() => T);

export interface EtInterior {
  /** BGR integer: red + green·256 + blue·65536. */
  Color: number;
}

export interface EtFont {
  Color: number;
  Bold: boolean;
  Size: number;
}

export interface EtBorder {
  LineStyle: number;
  Weight: number;
}

export interface EtBorders {
  Item(index: number): EtBorder;
}

export interface EtFormatCondition {
  readonly Interior: EtInterior;
  readonly Font: EtFont;
}

export interface EtFormatConditions {
  readonly Count: Prop<number>;
  Add(type: number, operator?: unknown, formula1?: string, formula2?: string): EtFormatCondition;
  Delete(): void;
}

export interface EtRange {
  /** Cell values: a scalar for one cell, rows of values (1-based in COM, plain JS arrays here) for more. */
  Value2: unknown;
  /** Formulas (constants as entered text) in the same shape as Value2. */
  Formula: unknown;
  /** Dynamic-array formulas; missing on older builds. */
  Formula2?: unknown;
  NumberFormat: unknown;
  HorizontalAlignment: number;
  WrapText: boolean;
  ColumnWidth: number;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  readonly FormatConditions: EtFormatConditions;
  readonly Row: Prop<number>;
  readonly Column: Prop<number>;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Count: Prop<number>;
  /** true, false, or null when the range holds merged and unmerged cells. */
  readonly MergeCells: Prop<boolean | null>;
  readonly MergeArea: EtRange;
  /** 1-based row and column, as in VBA's Cells(r, c). */
  Item(row: number, column?: number): EtRange;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Merge(across?: boolean): void;
  Clear(): void;
  Select(): void;
}

export interface EtPageSetup {
  PaperSize: number;
  Orientation: number;
  PrintTitleRows: string;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  CenterFooter: string;
}

export interface EtWorksheet {
  Name: Prop<string>;
  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  Visible: number;
  readonly Cells: EtRange;
  readonly Columns: EtRange;
  readonly UsedRange: EtRange;
  readonly PageSetup: EtPageSetup;
  /** The default column width, in characters. */
  readonly StandardWidth: number;
  Range(address: string): EtRange;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: Prop<number>;
  /** 1-based index or sheet name. */
  Item(index: number | string): EtWorksheet;
  Add(before?: EtWorksheet, after?: EtWorksheet, count?: number, type?: number): EtWorksheet;
}

export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  ScrollRow: number;
  ScrollColumn: number;
}

export interface EtWorkbook {
  readonly Name: Prop<string>;
  readonly Sheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveWindow: EtWindow;
  readonly ActiveSheet: EtWorksheet;
  readonly Selection: EtRange;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
}

/** The enum values the host writes (Excel's, which ET shares). */
export const XL = {
  sheetVisible: -1,
  sheetVeryHidden: 2,
  left: -4131,
  center: -4108,
  right: -4152,
  continuous: 1,
  thin: 2,
  edgeLeft: 7,
  edgeTop: 8,
  edgeBottom: 9,
  edgeRight: 10,
  insideVertical: 11,
  insideHorizontal: 12,
  expression: 2,
  paperA4: 9,
  portrait: 1,
  landscape: 2,
} as const;
