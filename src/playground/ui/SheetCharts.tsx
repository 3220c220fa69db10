/**
 * The playground's drawing of a sheet's native charts (SPEC §4 Pictures), as Excel, WPS and LibreOffice draw the
 * .xlsx's chart parts: bars of the series (per-point colours: 龙榜 red, 虎榜 grey), the requirement as a line, from
 * the sheet's own cells. Plain SVG, no charting library and no network.
 */
import * as React from "react";
import { ChartSpec } from "../../core/sheet-model";
import { MemorySheet } from "../../hosts/memory/memory-workbook";
import { parseArea } from "../../hosts/render-plan";

const W = 340;
const H = 220;
const PAD = { left: 36, right: 8, top: 28, bottom: 56 };

/** The cells of a one-column (or one-row) range, in order. */
function rangeValues(sheet: MemorySheet, a1: string): (string | number | boolean | null)[] {
  const a = parseArea(a1);
  const out: (string | number | boolean | null)[] = [];
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(sheet.cells[r]?.[c]?.value ?? null);
  return out;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

function ChartSvg({ spec, sheet }: { spec: ChartSpec; sheet: MemorySheet }): React.JSX.Element {
  const labels = rangeValues(sheet, spec.categories).map((v) => String(v ?? ""));
  const bars = rangeValues(sheet, spec.bars.values).map(num);
  const line = spec.line ? rangeValues(sheet, spec.line.values).map(num) : [];
  const max = Math.max(1e-9, ...bars, ...line) * 1.1;
  const percent = spec.numberFormat?.includes("%");
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(1, bars.length);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const colourAt = (i: number) => spec.bars.pointColours?.find((p) => p.index === i)?.colour ?? spec.bars.colour;
  const tick = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(Math.round(v)));
  return (
    <svg role="img" aria-label={spec.title} viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="chart">
      <text x={W / 2} y={16} textAnchor="middle" fontSize="12" fontWeight="bold">
        {spec.title}
      </text>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y((max * f) / 1.1)} y2={y((max * f) / 1.1)} stroke="#e1e1e1" />
          <text x={PAD.left - 4} y={y((max * f) / 1.1) + 3} textAnchor="end" fontSize="9">
            {tick((max * f) / 1.1)}
          </text>
        </g>
      ))}
      {bars.map((v, i) => (
        <rect
          key={i}
          data-testid="chart-bar"
          x={PAD.left + i * step + step * 0.15}
          y={y(v)}
          width={step * 0.7}
          height={PAD.top + plotH - y(v)}
          fill={colourAt(i)}
        >
          <title>{`${labels[i]}：${percent ? `${(v * 100).toFixed(1)}%` : v}`}</title>
        </rect>
      ))}
      {line.length > 0 && (
        <polyline
          data-testid="chart-line"
          fill="none"
          stroke={spec.line?.colour}
          strokeWidth="2"
          points={line.map((v, i) => `${PAD.left + (i + 0.5) * step},${y(v)}`).join(" ")}
        />
      )}
      {labels.map((l, i) => (
        <text
          key={i}
          fontSize="8"
          textAnchor="end"
          transform={`translate(${PAD.left + (i + 0.5) * step},${PAD.top + plotH + 6}) rotate(-60)`}
        >
          {l}
        </text>
      ))}
    </svg>
  );
}

export function SheetCharts({ sheet }: { sheet: MemorySheet }): React.JSX.Element | null {
  if (!sheet.charts?.length) return null;
  return (
    <aside className="sheet-charts" aria-label={`${sheet.name} 的图表`}>
      {sheet.charts.map((c, i) => (
        <ChartSvg key={i} spec={c} sheet={sheet} />
      ))}
    </aside>
  );
}
