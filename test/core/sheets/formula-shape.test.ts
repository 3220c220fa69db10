/**
 * Formulas a clerk can read: no generated formula is longer than 300 characters or nests functions deeper than 8,
 * for the sample and for random schemes, native and kh; kh-mode KH.* calls get plain ranges and cells as arguments
 * (no array expressions such as `$B$3:$B$18&$O$3:$O$18`, which Excel's implicit intersection may reduce to one value
 * in a file without dynamic-array metadata).
 */
import fc from "fast-check";
import { parseScheme } from "../../../src/core/scheme/parse";
import { schemeSheet, schemeSheetLayout } from "../../../src/core/scheme/scheme-sheet";
import { readDataTable } from "../../../src/core/data-table";
import { scoreUnits } from "../../../src/core/scoring/score-units";
import { SheetModel } from "../../../src/core/sheet-model";
import { scoresSheets } from "../../../src/core/sheets/scores-sheet";
import { Cell } from "../../../src/core/values";
import { sampleSchemeJson, sampleValues } from "../scoring/sample";
import { randomCase } from "./random-scheme";
import { V2Case, WORKED_CASE, randomV2Case } from "./v2-cases";
import { workbookData } from "../../../src/core/scoring/other-sheets";

const MAX_LENGTH = 300;
const MAX_NESTING = 8;

/** Depth of nested function calls (a name followed by "("); strings and sheet names are skipped. */
export function functionNesting(formula: string): number {
  const stack: boolean[] = [];
  let depth = 0;
  let max = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const close = ch;
      i++;
      while (i < formula.length && !(formula[i] === close && formula[i + 1] !== close)) i += formula[i] === close ? 2 : 1;
      continue;
    }
    if (ch === "(") {
      const isCall = /[A-Za-z0-9_.]$/.test(formula.slice(0, i));
      stack.push(isCall);
      if (isCall) max = Math.max(max, ++depth);
    } else if (ch === ")") {
      if (stack.pop()) depth--;
    }
  }
  return max;
}

/** The arguments of each KH.* call in a formula, as written. */
function khArguments(formula: string): string[] {
  const out: string[] = [];
  const re = /KH\.[A-Z]+\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(formula))) {
    let depth = 0;
    let arg = "";
    for (let i = m.index + m[0].length; i < formula.length; i++) {
      const ch = formula[i];
      if (ch === "(") depth++;
      if (ch === ")" && depth-- === 0) break;
      if (ch === "," && depth === 0) {
        out.push(arg);
        arg = "";
      } else arg += ch;
    }
    out.push(arg);
  }
  return out;
}

function models(json: unknown, values: Cell[][], mode: "native" | "kh"): SheetModel[] {
  const { scheme } = parseScheme(json);
  const table = readDataTable(values, scheme.data);
  const result = scoreUnits(scheme, table);
  const { scores, readings } = scoresSheets({ scheme, table, result, layout: schemeSheetLayout(scheme), formulas: mode });
  return [schemeSheet(scheme), scores, ...(readings ? [readings] : [])];
}

/** A scheme-version-2 case's generated sheets: 考核方案, 得分, 读数 and 报酬. */
function v2Models(c: V2Case, mode: "native" | "kh"): SheetModel[] {
  const { scheme } = parseScheme(c.scheme);
  const workbook = workbookData(c.sheets);
  const table = readDataTable(c.sheets[scheme.data.sheet], scheme.data);
  const result = scoreUnits(scheme, table, { workbook });
  const out = scoresSheets({ scheme, table, result, layout: schemeSheetLayout(scheme), formulas: mode, workbook });
  return [schemeSheet(scheme), out.scores, ...(out.readings ? [out.readings] : []), ...(out.pay ? [out.pay] : [])];
}

/** Every formula a host may write: each cell's own, and a column's spilled formula (读数's lifted readings). */
function formulas(ms: SheetModel[]): { sheet: string; formula: string }[] {
  return ms.flatMap((m) =>
    m.cells.flatMap((row) =>
      row.flatMap((c) => [c?.formula, c?.spill?.formula].filter((f): f is string => !!f).map((formula) => ({ sheet: m.name, formula })))
    )
  );
}

function tooBig(ms: SheetModel[]): string[] {
  return formulas(ms)
    .filter((f) => f.formula.length > MAX_LENGTH || functionNesting(f.formula) > MAX_NESTING)
    .map((f) => `${f.sheet}: ${f.formula.length} chars, nesting ${functionNesting(f.formula)}: ${f.formula}`);
}

test("the nesting counter counts calls, not brackets or strings", () => {
  expect(functionNesting('=IF(A1,MIN(MAX(B1,0),(1+2)),"((")')).toBe(3);
  expect(functionNesting("='a(b'!A1+SUM(1)")).toBe(1);
});

describe.each(["native", "kh"] as const)("%s formulas", (mode) => {
  test("the sample's formulas are within 300 characters and nesting 8", () => {
    const ms = models(sampleSchemeJson(), sampleValues(), mode);
    expect(formulas(ms).length).toBeGreaterThan(100);
    expect(tooBig(ms)).toEqual([]);
  });

  test("scheme version 2: the worked example's and random v2 schemes' formulas are too", () => {
    expect(tooBig(v2Models(WORKED_CASE, mode))).toEqual([]);
    fc.assert(
      fc.property(randomV2Case, (c) => {
        expect(tooBig(v2Models(c, mode))).toEqual([]);
      }),
      { numRuns: 40 }
    );
  });

  test("random schemes' formulas are too", () => {
    fc.assert(
      fc.property(randomCase, ({ scheme, values }) => {
        expect(tooBig(models(scheme, values, mode))).toEqual([]);
      }),
      { numRuns: 40 }
    );
  });
});

test("kh mode hands KH.* plain cells and ranges, never array expressions", () => {
  fc.assert(
    fc.property(randomCase, ({ scheme, values }) => {
      const args = formulas(models(scheme, values, "kh")).flatMap((f) => khArguments(f.formula));
      const range = String.raw`(?:'[^']*'!)?\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+`;
      const combined = new RegExp(String.raw`${range}\s*[&=<>*+/-]|[&=<>*+/-]\s*${range}`);
      expect(combined.test("$B$3:$B$18&$O$3:$O$18")).toBe(true); // the form Excel may reduce to one value
      const expressions = args.filter((a) => combined.test(a));
      expect(expressions).toEqual([]);
    }),
    { numRuns: 40 }
  );
});
