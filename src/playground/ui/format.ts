/**
 * How the grid shows a value: the common Excel number formats of generated sheets ("0.00", "0.0%", "#,##0", "0",
 * "@") and Excel's General format (up to 11 significant digits, no trailing zeros) for the rest.
 */
import { CellValue } from "../../core/sheet-model";

function decimalsOf(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

function general(v: number): string {
  if (!Number.isFinite(v)) return "#NUM!";
  if (v === 0) return "0";
  const abs = Math.abs(v);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = v.toExponential(5).split("e");
    return `${mantissa.replace(/\.?0+$/, "")}E${exponent}`;
  }
  return String(Number(v.toPrecision(11)));
}

export function formatValue(v: CellValue, numberFormat?: string): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (!numberFormat || numberFormat === "General" || numberFormat === "@") return general(v);
  const format = numberFormat.split(";")[0];
  if (format.includes("%")) return `${(v * 100).toFixed(decimalsOf(format))}%`;
  if (/[0#]/.test(format)) {
    const d = decimalsOf(format);
    if (format.includes(",")) return v.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
    return v.toFixed(d);
  }
  return general(v);
}

/** Error codes a formula can produce, shown in red. */
export function isErrorValue(v: CellValue): boolean {
  return typeof v === "string" && /^#(N\/A|VALUE!|DIV\/0!|NUM!|REF!|NAME\?|NULL!|SPILL!|CYCLE!|ERROR!|CALC!)$/.test(v);
}
