/** The sample workbook of samples/: the scheme JSON and the data sheet, read from the CSV as Excel would open it. */
import * as fs from "fs";
import * as path from "path";
import { Cell } from "../../../src/core/values";

const SAMPLES = path.join(__dirname, "../../../samples");

export function sampleSchemeJson(): unknown {
  return JSON.parse(fs.readFileSync(path.join(SAMPLES, "village-assessment.scheme.json"), "utf8"));
}

/** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The sample data sheet. `asText` keeps every cell as the CSV's text; otherwise numbers become numbers and empty
 * fields blanks, as Excel shows a CSV it opened.
 */
export function sampleValues(file = "village-assessment.csv", asText = false): Cell[][] {
  const rows = parseCsv(fs.readFileSync(path.join(SAMPLES, file), "utf8").replace(/^\uFEFF/, ""));
  if (asText) return rows;
  return rows.map((r) => r.map((s) => (s === "" ? null : s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : s)));
}
