/**
 * What ET does with a value assigned to Value2/Formula: the same as typing it into the cell. The double follows
 * Excel's rules, which ET copies: "=…" is a formula, a leading apostrophe makes text (and is not part of the
 * value), number-, percent-, date- and boolean-looking texts are converted, and a cell formatted as text ("@")
 * keeps whatever it gets as text.
 */
export type Stored = { value?: number | string | boolean; formula?: string; prefix?: boolean };

const DIGITS_FW = /[０-９．，－＋％]/g;
const fold = (s: string) => s.replace(DIGITS_FW, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

function asNumber(text: string): number | undefined {
  let s = fold(text).trim();
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 100;
    s = s.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return Number(s) / scale;
  if (/^\(\d+(\.\d*)?\)$/.test(s)) return -Number(s.slice(1, -1)) / scale;
  return undefined;
}

/** A rough date serial for date-looking text (the exact serial does not matter to the tests, only that it is a number). */
function asDate(text: string): number | undefined {
  const s = fold(text).trim();
  let m = /^(\d{1,4})[/-](\d{1,2})(?:[/-](\d{1,4}))?$/.exec(s) ?? /^(\d{1,4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(s);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)) / 86400000 + 25569;
  m = /^(\d{1,2})月(\d{1,2})日$/.exec(s) ?? /^(\d{1,4})年$/.exec(s);
  if (m) return 45000 + Number(m[1]);
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(s)) return 0.5;
  return undefined;
}

export function typeIn(input: unknown, textFormat: boolean): Stored {
  if (input === null || input === undefined || input === "") return {};
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new Error(`ET double: cannot store ${typeof input}`);
  if (textFormat) return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1), prefix: true };
  if (input.startsWith("=") && input.length > 1) return { formula: input };
  const n = asNumber(input);
  if (n !== undefined) return { value: n };
  if (/^[+\-@＋－＝]/.test(input)) return { formula: `=${input.replace(/^[@＝]/, "")}` };
  const d = asDate(input);
  if (d !== undefined) return { value: d };
  if (/^(true|false)$/i.test(input.trim())) return { value: input.trim().toLowerCase() === "true" };
  return { value: input };
}
