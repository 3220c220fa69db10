/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS 表格's ET object model (the VBA-like `Application` of a WPS JS add-in) that the WPS host uses,
 * checked against Kingsoft's own declarations (the `et-jsapi-declare` typings: lib.et.d.ts, namespace Et): every
 * member is written `Decl<Et.X, "Member">` (Kingsoft's type) or `As<Et.X, "Member", T>` (Kingsoft's member, with
 * the type real builds give it), so a member name Kingsoft does not declare fails `tsc`. Only what the host touches
 * is declared, so the test double in test/hosts/wps can implement exactly this and nothing more.
 *
 * Where `As` replaces Kingsoft's type, the reason is one of docs/host-facts.md (WPS 表格): some builds expose a
 * property as a method (`Count()`, `Name()`), read through `prop()` in et-access.ts; Value2/Formula hold a scalar
 * for one cell and rows for more (Kingsoft types them `string | any[]`); enum-typed members take plain numbers.
 */

/** Kingsoft's declaration of member `K` of `T`. */
type Decl<T, K extends keyof T> = T[K];
/** Member `K` of `T` (it must exist in Kingsoft's declaration), typed as real builds give it. */
type As<T, K extends keyof T, Actual> = K extends keyof T ? Actual : never;

/** A property some builds expose as a method. */
export type Prop<T> = T | (() => T);

export interface EtInterior {
  /** BGR integer: red + green·256 + blue·65536 (Kingsoft: any). */
  Color: As<Et.Interior, "Color", number>;
}

export interface EtFont {
  Color: Decl<Et.Font, "Color">;
  Bold: Decl<Et.Font, "Bold">;
  Size: Decl<Et.Font, "Size">;
}

export interface EtBorder {
  LineStyle: As<Et.Border, "LineStyle", number>;
  Weight: Decl<Et.Border, "Weight">;
}

export interface EtBorders {
  Item: As<Et.Borders, "Item", (index: number) => EtBorder>;
}

export interface EtFormatCondition {
  readonly Interior: As<Et.FormatCondition, "Interior", EtInterior>;
  readonly Font: As<Et.FormatCondition, "Font", EtFont>;
}

export interface EtFormatConditions {
  readonly Count: Prop<Decl<Et.FormatConditions, "Count">>;
  Add: As<Et.FormatConditions, "Add", (type: number, operator?: unknown, formula1?: string, formula2?: string) => EtFormatCondition>;
  Delete: Decl<Et.FormatConditions, "Delete">;
}

export interface EtRange {
  /** Cell values: a scalar for one cell, rows of values (1-based in COM, plain JS arrays here) for more. */
  Value2: As<Et.Range, "Value2", unknown>;
  /** Formulas (constants as entered text) in the same shape as Value2; takes a 2-D array for a range. */
  Formula: As<Et.Range, "Formula", unknown>;
  NumberFormat: As<Et.Range, "NumberFormat", unknown>;
  HorizontalAlignment: As<Et.Range, "HorizontalAlignment", number>;
  WrapText: Decl<Et.Range, "WrapText">;
  ColumnWidth: Decl<Et.Range, "ColumnWidth">;
  readonly Interior: As<Et.Range, "Interior", EtInterior>;
  readonly Font: As<Et.Range, "Font", EtFont>;
  readonly Borders: As<Et.Range, "Borders", EtBorders>;
  readonly FormatConditions: As<Et.Range, "FormatConditions", EtFormatConditions>;
  readonly Row: Prop<Decl<Et.Range, "Row">>;
  readonly Column: Prop<Decl<Et.Range, "Column">>;
  readonly Rows: As<Et.Range, "Rows", EtRange>;
  readonly Columns: As<Et.Range, "Columns", EtRange>;
  readonly Count: Prop<Decl<Et.Range, "Count">>;
  /** true, false, or null when the range holds merged and unmerged cells. */
  readonly MergeCells: As<Et.Range, "MergeCells", Prop<boolean | null>>;
  readonly MergeArea: As<Et.Range, "MergeArea", EtRange>;
  /** 1-based row and column, as in VBA's Cells(r, c). */
  Item: As<Et.Range, "Item", (row: number, column?: number) => EtRange>;
  Address: As<Et.Range, "Address", (rowAbsolute?: boolean, columnAbsolute?: boolean) => string>;
  Merge: Decl<Et.Range, "Merge">;
  Clear: As<Et.Range, "Clear", () => void>;
  Select: As<Et.Range, "Select", () => void>;
  /** Position and size in points (where a chart over these cells goes). */
  readonly Left: Prop<Decl<Et.Range, "Left">>;
  readonly Top: Prop<Decl<Et.Range, "Top">>;
  readonly Width: Prop<Decl<Et.Range, "Width">>;
  readonly Height: Prop<Decl<Et.Range, "Height">>;
}

/** A colour of a chart part: `RGB` is a BGR integer like Interior.Color (red + green·256 + blue·65536). */
export interface EtColorFormat {
  RGB: Decl<Kso.ColorFormat, "RGB">;
}

export interface EtChartFormat {
  readonly Fill: As<Kso.MsoChartFormat, "Fill", { readonly ForeColor: As<Kso.FillFormat, "ForeColor", EtColorFormat> }>;
  readonly Line: As<Kso.MsoChartFormat, "Line", { readonly ForeColor: As<Kso.LineFormat, "ForeColor", EtColorFormat> }>;
}

export interface EtChartPoint {
  readonly Format: As<Kso.ChartPoint, "Format", EtChartFormat>;
}

export interface EtSeries {
  Name: Decl<Kso.MsoSeries, "Name">;
  /** A worksheet range (Kingsoft: any). */
  Values: As<Kso.MsoSeries, "Values", EtRange>;
  XValues: As<Kso.MsoSeries, "XValues", EtRange>;
  /** XlChartType as a number (xlLine 4). */
  ChartType: As<Kso.MsoSeries, "ChartType", number>;
  readonly Format: As<Kso.MsoSeries, "Format", EtChartFormat>;
  /** 1-based point (Kingsoft: `Points(Index?): any`). */
  Points: As<Kso.MsoSeries, "Points", (index: number) => EtChartPoint>;
  Delete: As<Kso.MsoSeries, "Delete", () => unknown>;
}

export interface EtSeriesCollection {
  readonly Count: Prop<Decl<Kso.SeriesCollection, "Count">>;
  Item: As<Kso.SeriesCollection, "Item", (index: number) => EtSeries>;
  NewSeries: As<Kso.SeriesCollection, "NewSeries", () => EtSeries>;
}

export interface EtAxis {
  MinimumScale: Decl<Kso.MsoAxis, "MinimumScale">;
  readonly TickLabels: As<Kso.MsoAxis, "TickLabels", { NumberFormat: Decl<Kso.MsoTickLabels, "NumberFormat"> }>;
}

export interface EtChart {
  /** XlChartType as a number (xlColumnClustered 51). */
  ChartType: As<Et.Chart, "ChartType", number>;
  HasTitle: Decl<Et.Chart, "HasTitle">;
  readonly ChartTitle: As<Et.Chart, "ChartTitle", { Text: Decl<Et.ChartTitle, "Text"> }>;
  HasLegend: Decl<Et.Chart, "HasLegend">;
  readonly Legend: As<Et.Chart, "Legend", { Position: As<Et.Legend, "Position", number> }>;
  /** Without an index, the collection. */
  SeriesCollection: As<Et.Chart, "SeriesCollection", () => EtSeriesCollection>;
  /** xlValue 2 (Kingsoft: a TypedIDispatch<Kso.Axes>; with a type, one axis as in Excel's `Axes(xlValue)`). */
  Axes: As<Et.Chart, "Axes", (type: number) => EtAxis>;
}

export interface EtChartObject {
  readonly Chart: As<Et.ChartObject, "Chart", EtChart>;
}

export interface EtChartObjects {
  readonly Count: Prop<Decl<Et.ChartObjects, "Count">>;
  /** Left, top, width and height in points. */
  Add: As<Et.ChartObjects, "Add", (left: number, top: number, width: number, height: number) => EtChartObject>;
  /** Every chart object of the sheet. */
  Delete: As<Et.ChartObjects, "Delete", () => unknown>;
}

export interface EtPageSetup {
  PaperSize: As<Et.PageSetup, "PaperSize", number>;
  Orientation: As<Et.PageSetup, "Orientation", number>;
  PrintTitleRows: Decl<Et.PageSetup, "PrintTitleRows">;
  Zoom: Decl<Et.PageSetup, "Zoom">;
  FitToPagesWide: Decl<Et.PageSetup, "FitToPagesWide">;
  FitToPagesTall: Decl<Et.PageSetup, "FitToPagesTall">;
  CenterFooter: Decl<Et.PageSetup, "CenterFooter">;
}

export interface EtWorksheet {
  Name: Prop<Decl<Et.Worksheet, "Name">>;
  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  Visible: As<Et.Worksheet, "Visible", number>;
  readonly Cells: As<Et.Worksheet, "Cells", EtRange>;
  readonly Columns: As<Et.Worksheet, "Columns", EtRange>;
  readonly UsedRange: As<Et.Worksheet, "UsedRange", EtRange>;
  readonly PageSetup: As<Et.Worksheet, "PageSetup", EtPageSetup>;
  /** The default column width, in characters. */
  readonly StandardWidth: Decl<Et.Worksheet, "StandardWidth">;
  Range: As<Et.Worksheet, "Range", (address: string) => EtRange>;
  Activate: Decl<Et.Worksheet, "Activate">;
  Delete: Decl<Et.Worksheet, "Delete">;
  /** Without an index, the sheet's ChartObjects collection (Kingsoft: `ChartObjects | ChartObject`). */
  ChartObjects: As<Et.Worksheet, "ChartObjects", () => EtChartObjects>;
}

export interface EtSheets {
  readonly Count: Prop<Decl<Et.Sheets, "Count">>;
  /** 1-based index or sheet name. */
  Item: As<Et.Sheets, "Item", (index: number | string) => EtWorksheet>;
  Add: As<Et.Sheets, "Add", (before?: EtWorksheet, after?: EtWorksheet, count?: number, type?: number) => EtWorksheet>;
}

export interface EtWindow {
  FreezePanes: Decl<Et.Window, "FreezePanes">;
  SplitRow: Decl<Et.Window, "SplitRow">;
  SplitColumn: Decl<Et.Window, "SplitColumn">;
  ScrollRow: Decl<Et.Window, "ScrollRow">;
  ScrollColumn: Decl<Et.Window, "ScrollColumn">;
}

export interface EtWorkbook {
  readonly Name: Prop<Decl<Et.Workbook, "Name">>;
  readonly Sheets: As<Et.Workbook, "Sheets", EtSheets>;
  readonly ActiveSheet: As<Et.Workbook, "ActiveSheet", EtWorksheet>;
}

export interface EtApplication {
  readonly ActiveWorkbook: As<Et.Application, "ActiveWorkbook", EtWorkbook | null>;
  readonly ActiveWindow: As<Et.Application, "ActiveWindow", EtWindow>;
  readonly ActiveSheet: As<Et.Application, "ActiveSheet", EtWorksheet>;
  readonly Selection: As<Et.Application, "Selection", EtRange>;
  ScreenUpdating: Decl<Et.Application, "ScreenUpdating">;
  DisplayAlerts: Decl<Et.Application, "DisplayAlerts">;
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
  columnClustered: 51,
  line: 4,
  valueAxis: 2,
  legendBottom: -4107,
} as const;
