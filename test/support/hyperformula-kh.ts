/**
 * The KH.* functions in HyperFormula for tests and benchmarks (GPL v3 licence key, never in the add-in). The adapter
 * itself is src/playground/hyperformula-kh.ts (the playground runs it in the browser); this file adds what needs
 * Node: the functions' metadata read from functions.ts by custom-functions-metadata's parser, the same one the
 * webpack plugin runs. `buildKhEngine(sheets)` returns a HyperFormula instance where `=KH.RANKIN(B2,$B$2:$B$40)`
 * calls the exact function exported by src/functions/functions.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { parseTree } from "custom-functions-metadata";
import { ConfigParams, HyperFormula, RawCellContent } from "hyperformula";
import {
  KhFunctionMetadata,
  KhFunctionSpec,
  buildKhEngine as buildEngine,
  khFunctionSpecsFrom,
  registerKhFunctions as register,
} from "../../src/playground/hyperformula-kh";

export type { KhFunctionMetadata, KhFunctionSpec, KhParameter } from "../../src/playground/hyperformula-kh";

export const FUNCTIONS_SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

/** Every @customfunction of functions.ts with its calling convention (what functions.json says). */
export function khFunctionMetadata(): KhFunctionMetadata[] {
  const parsed = parseTree(fs.readFileSync(FUNCTIONS_SOURCE, "utf8"), FUNCTIONS_SOURCE);
  const errors = parsed.extras.flatMap((e) => e.errors);
  if (errors.length) throw new Error(`functions.ts metadata errors:\n${errors.join("\n")}`);
  return parsed.functions.map((f) => ({
    id: f.id,
    parameters: f.parameters.map((p) => ({ name: p.name, matrix: p.dimensionality === "matrix", optional: !!p.optional })),
    matrixResult: f.result?.dimensionality === "matrix",
  }));
}

/** Every @customfunction of functions.ts, matched to its export by the upper-cased name. */
export function khFunctionSpecs(): KhFunctionSpec[] {
  return khFunctionSpecsFrom(khFunctionMetadata());
}

let registered: KhFunctionSpec[] | undefined;

/** Register KH.* with HyperFormula (once per process). */
export function registerKhFunctions(): KhFunctionSpec[] {
  registered ??= register(khFunctionSpecs());
  return registered;
}

/** A HyperFormula instance over the given sheets (or one sheet's rows) with KH.* registered. */
export function buildKhEngine(
  sheets: Record<string, RawCellContent[][]> | RawCellContent[][],
  config: Partial<ConfigParams> = {}
): HyperFormula {
  return buildEngine(registerKhFunctions(), sheets, config);
}
