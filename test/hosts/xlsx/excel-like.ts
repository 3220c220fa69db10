/**
 * A clerk's workbook the way Excel 2016 saves one (hand-written XML, zipped by JSZip): a data sheet that is the
 * selected tab, with a frozen pane, shared strings (one rich, one with a phonetic guide), a shared formula, a
 * merged title, a conditional format, a custom number format, printer settings and a chart; a second sheet; a
 * named range and print titles; a calculation chain. The parts xlsx-package must keep as they are.
 */
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;

export const EXCEL_DATA_SHEET = "数据";
export const EXCEL_NOTE_SHEET = "说明";

/** What reading 数据 gives (values; formulas in FORMULAS). */
export const EXCEL_VALUES = [
  ["2025年度考核数据", null, null],
  ["单位", "党建", "合计"],
  ["牛颈村", 19.6, 39.2],
  ["西牛村", 15.5, 31],
  ["大坪社区", 15.6, 31.2],
];
export const EXCEL_FORMULAS = [
  [null, null, null],
  [null, null, null],
  [null, null, "=B3*2"],
  [null, null, "=B4*2"],
  [null, null, "=B5*2"],
];

const sheet1 =
  HEAD +
  `<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  `<dimension ref="A1:C5"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>` +
  `<selection pane="bottomLeft" activeCell="B3" sqref="B3"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>` +
  `<cols><col min="1" max="1" width="14.625" customWidth="1"/></cols><sheetData>` +
  `<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c></row>` +
  `<row r="2" spans="1:3"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c></row>` +
  `<row r="3" spans="1:3"><c r="A3" t="s"><v>4</v></c><c r="B3" s="2"><v>19.600000000000001</v></c><c r="C3"><f t="shared" ref="C3:C5" si="0">B3*2</f><v>39.200000000000003</v></c></row>` +
  `<row r="4" spans="1:3"><c r="A4" t="s"><v>5</v></c><c r="B4" s="2"><v>15.5</v></c><c r="C4"><f t="shared" si="0"/><v>31</v></c></row>` +
  `<row r="5" spans="1:3"><c r="A5" t="s"><v>6</v></c><c r="B5" s="2"><v>15.6</v></c><c r="C5"><f t="shared" si="0"/><v>31.2</v></c></row>` +
  `</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>` +
  `<conditionalFormatting sqref="B3:B5"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>16</formula></cfRule></conditionalFormatting>` +
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>` +
  `<drawing r:id="rId2"/></worksheet>`;

const sheet2 =
  HEAD +
  `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
  `<sheetFormatPr defaultRowHeight="13.5"/><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData>` +
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

const strings =
  HEAD +
  `<sst xmlns="${MAIN}" count="8" uniqueCount="8">` +
  `<si><r><rPr><b/><sz val="16"/><rFont val="宋体"/><charset val="134"/></rPr><t>2025年度</t></r><r><rPr><sz val="16"/><rFont val="宋体"/><charset val="134"/></rPr><t>考核数据</t></r></si>` +
  `<si><t>单位</t></si><si><t>党建</t></si><si><t>合计</t></si>` +
  `<si><t>牛颈村</t><rPh sb="0" eb="3"><t>ニウジン</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>` +
  `<si><t>西牛村</t></si><si><t>大坪社区</t></si><si><t xml:space="preserve">本表由目标办维护 </t></si></sst>`;

const styles =
  HEAD +
  `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  `<numFmts count="1"><numFmt numFmtId="176" formatCode="0.0&quot;分&quot;"/></numFmts>` +
  `<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>` +
  `<font><b/><sz val="16"/><color theme="1"/><name val="宋体"/><family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><alignment horizontal="center" vertical="center"/></xf>` +
  `<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>` +
  `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

const workbook =
  HEAD +
  `<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
  `<fileVersion appName="xl" lastEdited="6" lowestEdited="6" rupBuild="14420"/><workbookPr filterPrivacy="1" defaultThemeVersion="164011"/>` +
  `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="22260" windowHeight="12645"/></bookViews>` +
  `<sheets><sheet name="${EXCEL_DATA_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${EXCEL_NOTE_SHEET}" sheetId="2" r:id="rId2"/></sheets>` +
  `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">${EXCEL_DATA_SHEET}!$1:$2</definedName><definedName name="数据区">${EXCEL_DATA_SHEET}!$A$2:$C$5</definedName></definedNames>` +
  `<calcPr calcId="162913"/></workbook>`;

/** A relationships part; a type without "http" is one of officeDocument's. */
const rels = (list: [string, string, string][]) =>
  HEAD +
  `<Relationships xmlns="${PKG}">` +
  list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.startsWith("http") ? type : `${R}/${type}`}" Target="${target}"/>`)
    .join("") +
  `</Relationships>`;

const contentTypes =
  HEAD +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
  `<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
  `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
  `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
  `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
  `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

/** The parts, by name (the printer settings are binary and stored uncompressed, as some tools do). */
export function excelLikeParts(): Map<string, string | Uint8Array> {
  return new Map<string, string | Uint8Array>([
    ["[Content_Types].xml", contentTypes],
    [
      "_rels/.rels",
      rels([
        ["rId3", "extended-properties", "docProps/app.xml"],
        ["rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
        ["rId1", "officeDocument", "xl/workbook.xml"],
      ]),
    ],
    ["xl/workbook.xml", workbook],
    [
      "xl/_rels/workbook.xml.rels",
      rels([
        ["rId6", "calcChain", "calcChain.xml"],
        ["rId5", "sharedStrings", "sharedStrings.xml"],
        ["rId4", "styles", "styles.xml"],
        ["rId3", "theme", "theme/theme1.xml"],
        ["rId2", "worksheet", "worksheets/sheet2.xml"],
        ["rId1", "worksheet", "worksheets/sheet1.xml"],
      ]),
    ],
    ["xl/worksheets/sheet1.xml", sheet1],
    ["xl/worksheets/sheet2.xml", sheet2],
    [
      "xl/worksheets/_rels/sheet1.xml.rels",
      rels([
        ["rId2", "drawing", "../drawings/drawing1.xml"],
        ["rId1", "printerSettings", "../printerSettings/printerSettings1.bin"],
      ]),
    ],
    ["xl/printerSettings/printerSettings1.bin", new Uint8Array(Array.from({ length: 256 }, (_, i) => (i * 37) % 256))],
    [
      "xl/drawings/drawing1.xml",
      HEAD +
        `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>`,
    ],
    ["xl/drawings/_rels/drawing1.xml.rels", rels([["rId1", "chart", "../charts/chart1.xml"]])],
    ["xl/charts/chart1.xml", HEAD + `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`],
    [
      "xl/theme/theme1.xml",
      HEAD + `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements/></a:theme>`,
    ],
    ["xl/styles.xml", styles],
    ["xl/sharedStrings.xml", strings],
    ["xl/calcChain.xml", HEAD + `<calcChain xmlns="${MAIN}"><c r="C3" i="1"/><c r="C4"/><c r="C5"/></calcChain>`],
    [
      "docProps/app.xml",
      HEAD +
        `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
    ],
    [
      "docProps/core.xml",
      HEAD +
        `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>目标办</dc:creator></cp:coreProperties>`,
    ],
  ]);
}

/** The workbook's bytes; `edit` may change parts first. */
export async function excelLikeWorkbook(edit?: (parts: Map<string, string | Uint8Array>) => void): Promise<Uint8Array> {
  const parts = excelLikeParts();
  edit?.(parts);
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content, { compression: typeof content === "string" ? "DEFLATE" : "STORE" });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
