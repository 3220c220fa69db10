/**
 * The KH.* functions in a real formula engine: HyperFormula (GPL v3 licence key). Used by the playground (a
 * development and demonstration page, built by its own webpack config into dist/playground/) and by the tests and
 * benchmarks (test/support/hyperformula-kh.ts). Never imported by the add-in bundles: webpack.config.js forbids it.
 *
 * Arguments are handed over as Excel does, by the functions' metadata (what custom-functions-metadata makes of
 * functions.ts, the same data as functions.json): a parameter declared as a range (`any[][]`) always gets a 2-D
 * array (a single value as [[x]]), a scalar parameter a single value; blank cells and omitted arguments arrive as
 * null. An error value in any argument is passed through (the function is not called), as Excel does. The metadata
 * is passed in because reading it needs Node (tests) or the build (the playground's webpack config).
 *
 * Dotted names: HyperFormula accepts `KH.RANKIN` as a function id as it is (its own functions include
 * `CHISQ.TEST`, `F.DIST`…), so no renaming is needed. Array results spill: RANKIN, RANKBONUS and AWARD to the
 * shape of `score`, DRAW to `n` rows when `n` is a literal (else to the number of items), LEADERBOARD to 4 columns
 * and one row per entry of `names`; HyperFormula fixes a spill's size when parsing, so rows beyond the result
 * stay empty.
 */
import {
  ArraySize,
  CellError,
  ConfigParams,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  RawCellContent,
  SimpleRangeValue,
} from "hyperformula";
import * as KH from "../functions/functions";
import { isFunctionError } from "../functions/errors";

export interface KhParameter {
  name: string;
  matrix: boolean;
  optional: boolean;
}

/** How Excel calls one function: what functions.json says about it. */
export interface KhFunctionMetadata {
  /** Metadata id, e.g. RANKIN; the formula name is KH.RANKIN. */
  id: string;
  parameters: KhParameter[];
  matrixResult: boolean;
}

export interface KhFunctionSpec extends KhFunctionMetadata {
  implementation: (...args: unknown[]) => unknown;
}

/** Each function's metadata matched to its export of functions.ts by the upper-cased name. */
export function khFunctionSpecsFrom(
  metadata: readonly KhFunctionMetadata[],
  exports: Record<string, unknown> = KH as unknown as Record<string, unknown>
): KhFunctionSpec[] {
  return metadata.map((f) => {
    const exportName = Object.keys(exports).find((k) => k.toUpperCase() === f.id);
    const implementation = exportName ? exports[exportName] : undefined;
    if (typeof implementation !== "function") throw new Error(`no export of functions.ts for ${f.id}`);
    return { ...f, implementation: implementation as KhFunctionSpec["implementation"] };
  });
}

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
};

type Cell = number | string | boolean | null;
class PassError {
  constructor(readonly error: CellError) {}
}

/** A HyperFormula value as Excel would hand it to a custom function. */
function toCell(v: unknown): Cell {
  if (v === EmptyValue || v === undefined || v === null) return null;
  if (v instanceof CellError) throw new PassError(v);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // Rich numbers (percent, currency, dates) carry their raw value in `val`.
  const raw = (v as { val?: unknown }).val;
  if (typeof raw === "number") return raw;
  throw new Error(`unexpected HyperFormula value ${String(v)}`);
}

function toArgument(v: unknown, p: KhParameter | undefined): Cell | Cell[][] {
  if (v instanceof SimpleRangeValue) {
    const grid = v.rawData().map((row) => row.map(toCell));
    if (!p?.matrix && grid.length === 1 && grid[0].length === 1) return grid[0][0];
    return grid;
  }
  const c = toCell(v);
  if (p?.matrix && !(c === null && p.optional)) return [[c]];
  return c;
}

/** A result (or a thrown error) of a KH function as a HyperFormula value. */
function fromResult(v: unknown): unknown {
  if (isFunctionError(v)) return new CellError(ERROR_TYPES[v.code], v.message);
  if (Array.isArray(v)) return SimpleRangeValue.onlyValues(v.map((row: unknown[]) => row.map((c) => fromResult(c))) as never);
  if (v === null || v === undefined) return EmptyValue;
  return v;
}

function call(spec: KhFunctionSpec, args: unknown[]): unknown {
  let cells: unknown[];
  try {
    cells = spec.parameters.map((p, i) => toArgument(args[i], p));
  } catch (e) {
    if (e instanceof PassError) return e.error;
    throw e;
  }
  try {
    return fromResult(spec.implementation(...cells));
  } catch (e) {
    if (isFunctionError(e)) return fromResult(e);
    throw e;
  }
}

interface SizeAst {
  type: string;
  value?: unknown;
  args: SizeAst[];
}
type Sizer = (ast: SizeAst, argSize: (i: number) => ArraySize) => ArraySize;

const cellsIn = (s: ArraySize) => s.width * s.height;
/** Spill size of the functions that return arrays, known when the formula is parsed. */
const SIZERS: Record<string, Sizer> = {
  RANKIN: (_ast, size) => new ArraySize(size(0).width, size(0).height),
  RANKBONUS: (_ast, size) => new ArraySize(size(0).width, size(0).height),
  AWARD: (_ast, size) => new ArraySize(size(0).width, size(0).height),
  DRAW: (ast, size) => {
    const n = ast.args[1];
    if (n && n.type === "NUMBER" && typeof n.value === "number" && n.value >= 1) return new ArraySize(1, Math.trunc(n.value));
    return new ArraySize(1, Math.max(1, cellsIn(size(0))));
  },
  LEADERBOARD: (_ast, size) => new ArraySize(4, Math.max(1, cellsIn(size(0)))),
};

let registered: KhFunctionSpec[] | undefined;

/** Register KH.* with HyperFormula (once per process or page; later calls return the first registration). */
export function registerKhFunctions(specs: readonly KhFunctionSpec[]): KhFunctionSpec[] {
  if (registered) return registered;
  class KhPlugin extends FunctionPlugin {}
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};
  const proto = KhPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of specs) {
    const name = `KH.${spec.id}`;
    const method = `kh${spec.id}`;
    implemented[name] = {
      method,
      parameters: spec.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional })),
      vectorizationForbidden: true,
    };
    translations[name] = name;
    proto[method] = function (this: any, ast: { args: unknown[] }, state: unknown) {
      return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => call(spec, args));
    };
    if (spec.matrixResult) {
      const sizer = SIZERS[spec.id];
      if (!sizer) throw new Error(`no spill size rule for ${name}`);
      implemented[name].sizeOfResultArrayMethod = `${method}Size`;
      proto[`${method}Size`] = function (this: any, ast: SizeAst, state: unknown) {
        return sizer(ast, (i) => (ast.args[i] ? this.arraySizeForAst(ast.args[i], state) : ArraySize.scalar()));
      };
    }
  }
  (KhPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(KhPlugin, { enGB: translations, enUS: translations });
  registered = [...specs];
  return registered;
}

/** A HyperFormula instance over the given sheets (or one sheet's rows) with KH.* registered. */
export function buildKhEngine(
  specs: readonly KhFunctionSpec[],
  sheets: Record<string, RawCellContent[][]> | RawCellContent[][],
  config: Partial<ConfigParams> = {}
): HyperFormula {
  registerKhFunctions(specs);
  const options: Partial<ConfigParams> = { licenseKey: "gpl-v3", ...config };
  return Array.isArray(sheets) ? HyperFormula.buildFromArray(sheets, options) : HyperFormula.buildFromSheets(sheets, options);
}
