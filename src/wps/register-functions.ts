/**
 * The KH.* functions in WPS 表格: registered at load with wps.AddCustomFunction("KH", NAME, fn, metadata)
 * (WPS 12.1.0.20540 and later on Windows, present on the Linux 12.8.2.x builds; synchronous only), each on its
 * own so that one WPS refuses does not stop the rest. WPS calls a function with what the cells hold, not as Excel
 * does (docs/host-facts.md, WPS 表格): an omitted argument arrives as the COM "parameter not found" marker
 * −2147352572, a cell given to a scalar parameter may arrive as a Range object ({ Value2 }), a range as 2-D rows
 * (a flat list on some builds). The functions expect what Excel passes, so each call is adapted: omitted arguments
 * become null, a Range becomes its Value2 as rows (a single cell as its value), a flat array becomes one row, and
 * errors are thrown (a thrown error shows as an error value in the cell; WPS has no CustomFunctions.Error to carry
 * #DIV/0!, #N/A…, so the code leads the message). Inside an array result, an error entry becomes its code as text.
 */
import { isFunctionError } from "../functions/errors";
import { WpsAddinRoot, WpsFunctionMetadata } from "./wps-addin";

export const NAMESPACE = "KH";

/** DISP_E_PARAMNOTFOUND: what WPS passes for an argument left out of the formula. */
export const PARAM_NOT_FOUND = -2147352572;

/** One function's WPS metadata, with the function's name (upper case, as in =KH.VETO). */
export interface NamedMetadata extends WpsFunctionMetadata {
  name: string;
}

type Fn = (...args: unknown[]) => unknown;

function isRange(arg: unknown): arg is { Value2: unknown } {
  return typeof arg === "object" && arg !== null && !Array.isArray(arg) && "Value2" in arg;
}

function adaptArgument(arg: unknown): unknown {
  const value = isRange(arg) ? arg.Value2 : arg;
  if (value === undefined || value === PARAM_NOT_FOUND) return null;
  // A flat list is one row (a build that passes a one-row range so, or a one-row Range's Value2).
  if (Array.isArray(value) && value.length > 0 && !value.some(Array.isArray)) return [value];
  return value;
}

function adaptResult(result: unknown): unknown {
  if (!Array.isArray(result)) return result;
  return result.map((row) =>
    Array.isArray(row) ? row.map((v) => (isFunctionError(v) ? v.code : v)) : isFunctionError(row) ? row.code : row
  );
}

/** An error as WPS gets it: a plain Error whose message starts with the Excel error code. */
export function wpsError(e: unknown): Error {
  if (isFunctionError(e)) {
    const err = new Error(`${e.code} ${e.message}`);
    err.name = e.code;
    return err;
  }
  return e instanceof Error ? e : new Error(String(e));
}

/** `fn` as WPS should call it: `arity` parameters, Excel-shaped arguments, errors thrown with their code. */
export function wpsCallable(fn: Fn, arity: number): Fn {
  return (...args: unknown[]) => {
    const adapted = Array.from({ length: Math.max(arity, args.length) }, (_, i) => adaptArgument(args[i]));
    try {
      return adaptResult(fn(...adapted));
    } catch (e) {
      throw wpsError(e);
    }
  };
}

export interface Registration {
  /** Names registered. */
  registered: string[];
  /** Names WPS refused, with its reason. */
  failed: { name: string; reason: string }[];
}

/**
 * Register every function of `functions` that has metadata (matched by upper-cased export name: stagePct →
 * STAGEPCT). None when this WPS has no AddCustomFunction (before 12.1.0.20540). A function with metadata but no
 * implementation is our bug, and throws.
 */
export function registerFunctions(
  root: Pick<WpsAddinRoot, "AddCustomFunction">,
  functions: Record<string, unknown>,
  metadata: readonly NamedMetadata[]
): Registration {
  const result: Registration = { registered: [], failed: [] };
  if (typeof root.AddCustomFunction !== "function") return result;
  const byName = new Map<string, Fn>();
  for (const [key, value] of Object.entries(functions)) if (typeof value === "function") byName.set(key.toUpperCase(), value as Fn);
  for (const { name } of metadata) if (!byName.has(name)) throw new Error(`函数 KH.${name} 有说明但没有实现`);
  for (const { name, ...meta } of metadata) {
    try {
      root.AddCustomFunction(NAMESPACE, name, wpsCallable(byName.get(name)!, meta.parameters.length), meta);
      result.registered.push(name);
    } catch (e) {
      result.failed.push({ name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}
