/**
 * Where a ChartSpec sits on its sheet, the same for every host: its anchor's top-left cell and `columns` × `rows`
 * cells from there. The .xlsx host's two-cell anchor ends at the corner after the last of them (chart-xml.ts);
 * Excel's `chart.setPosition(start, end)` covers start to end inclusive; WPS takes the points of that range.
 */
import { ChartSpec, columnIndex } from "../core/sheet-model";
import { Area, areaText } from "./render-plan";

export function chartCells(spec: ChartSpec): Area {
  const m = /^([A-Z]{1,3})(\d+)$/i.exec(spec.anchor.from);
  if (!m || !(spec.anchor.columns >= 1) || !(spec.anchor.rows >= 1))
    throw new Error(
      `图表“${spec.title}”的位置 ${spec.anchor.from}（${spec.anchor.columns} 列 × ${spec.anchor.rows} 行）无效，未写入任何内容。`
    );
  const left = columnIndex(m[1]);
  const top = Number(m[2]) - 1;
  return { top, left, bottom: top + spec.anchor.rows - 1, right: left + spec.anchor.columns - 1 };
}

/** The A1 text of the cells a chart covers, e.g. "A30:H47". */
export function chartCellsText(spec: ChartSpec): string {
  return areaText(chartCells(spec));
}
