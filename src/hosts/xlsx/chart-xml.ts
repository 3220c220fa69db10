/**
 * Native charts in the .xlsx (SPEC §4 Pictures) as DrawingML parts, in the element order of ISO/IEC 29500-1
 * (dml-chart.xsd, dml-spreadsheetDrawing.xsd): a sheet's <drawing> names one drawing part, whose two-cell anchors
 * each hold a graphic frame naming one chart part. A chart reads the sheet's own ranges (<c:f>), so Excel,
 * WPS and LibreOffice draw it from the cells, with or without the add-in.
 *
 * API: `chartXml(spec, sheet)`, `drawingXml(charts)` (charts: { spec, relId }), `sheetDrawingRels(target)`,
 * `drawingRels(targets)`; the relationship and content types.
 */
import { ChartSeries, ChartSpec, address, columnIndex, sheetRef } from "../../core/sheet-model";
import { parseArea } from "../render-plan";
import { REL_NS } from "./workbook-parts";
import { xmlEscape } from "./xml-text";

export const DRAWING_REL = `${REL_NS}/drawing`;
export const CHART_REL = `${REL_NS}/chart`;
export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const BAR_AXIS = 1001;
const VALUE_AXIS = 1002;

/** 'Sheet'!$B$5:$B$20 */
function reference(sheet: string, range: string): string {
  const a = parseArea(range);
  return `${sheetRef(sheet)}!${address(a.top, a.left, true)}:${address(a.bottom, a.right, true)}`;
}

const fill = (colour: string) => `<a:solidFill><a:srgbClr val="${colour.replace("#", "").toUpperCase()}"/></a:solidFill>`;

function text(t: string, size = 1200, bold = false): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlEscape(t)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function seriesHead(s: ChartSeries, idx: number): string {
  return `<c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${xmlEscape(s.name)}</c:v></c:tx>`;
}

function barSeries(s: ChartSeries, sheet: string, categories: string): string {
  const points = (s.pointColours ?? [])
    .map(
      (p) => `<c:dPt><c:idx val="${p.index}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(p.colour)}</c:spPr></c:dPt>`
    )
    .join("");
  return (
    `<c:ser>${seriesHead(s, 0)}<c:spPr>${fill(s.colour)}</c:spPr><c:invertIfNegative val="0"/>${points}` +
    `<c:cat><c:strRef><c:f>${xmlEscape(reference(sheet, categories))}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(reference(sheet, s.values))}</c:f></c:numRef></c:val></c:ser>`
  );
}

function lineSeries(s: ChartSeries, sheet: string, categories: string): string {
  return (
    `<c:ser>${seriesHead(s, 1)}<c:spPr><a:ln w="28575">${fill(s.colour)}</a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>` +
    `<c:cat><c:strRef><c:f>${xmlEscape(reference(sheet, categories))}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(reference(sheet, s.values))}</c:f></c:numRef></c:val><c:smooth val="0"/></c:ser>`
  );
}

export function chartXml(spec: ChartSpec, sheet: string): string {
  const axes = `<c:axId val="${BAR_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;
  const bars = `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${barSeries(spec.bars, sheet, spec.categories)}<c:gapWidth val="60"/>${axes}</c:barChart>`;
  const line = spec.line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lineSeries(spec.line, sheet, spec.categories)}<c:marker val="1"/>${axes}</c:lineChart>`
    : "";
  const format = spec.numberFormat ? `<c:numFmt formatCode="${xmlEscape(spec.numberFormat)}" sourceLinked="0"/>` : "";
  const catAx =
    `<c:catAx><c:axId val="${BAR_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:txPr><a:bodyPr rot="-2700000"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/>${format || `<c:numFmt formatCode="General" sourceLinked="1"/>`}<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${BAR_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${text(spec.title, 1400, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${bars}${line}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>` +
    `</c:chartSpace>`
  );
}

function anchor(spec: ChartSpec, relId: string, n: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(spec.anchor.from) as RegExpExecArray;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  const at = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(col, row)}</xdr:from><xdr:to>${at(col + spec.anchor.columns, row + spec.anchor.rows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${n + 1}" name="${xmlEscape(`图表 ${n}`)}" descr="${xmlEscape(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export function drawingXml(charts: readonly { spec: ChartSpec; relId: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}">${charts.map((c, i) => anchor(c.spec, c.relId, i + 1)).join("")}</xdr:wsDr>`
  );
}

function rels(list: readonly { id: string; type: string; target: string }[]): string {
  const tags = list.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlEscape(r.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}">${tags}</Relationships>`;
}

/** A worksheet's relationships: its drawing, as rId1. */
export function sheetDrawingRels(target: string): string {
  return rels([{ id: "rId1", type: DRAWING_REL, target }]);
}

/** A drawing's relationships: chart k as rId(k+1). */
export function drawingRels(targets: readonly string[]): string {
  return rels(targets.map((target, i) => ({ id: `rId${i + 1}`, type: CHART_REL, target })));
}
