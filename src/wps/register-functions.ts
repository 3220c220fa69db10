/**
 * The KH.* functions in WPS 表格: registered at load with wps.AddCustomFunction("KH", NAME, fn, metadata)
 * (WPS 12.1.0.20540 and later; synchronous only). WPS calls a function with what the cells hold: ranges as 2-D
 * arrays, and an omitted argument as undefined (or not at all). The functions expect what Excel passes, so each
 * call is adapted: missing arguments become null, a flat array becomes one row, and errors are thrown (a thrown
 * error shows as an error value in the cell; WPS has no CustomFunctions.Error to carry #DIV/0!, #N/A…, so the code
 * leads the message). Inside an array result, an error entry becomes its code as text ("#N/A").
 */
import { isFunctionError } from "../functions/errors";
import { WpsAddinRoot, WpsFunctionMetadata } from "./wps-addin";

export const NAMESPACE = "KH";

/** One function's WPS metadata, with the function's name (upper case, as in =KH.VETO). */
export interface NamedMetadata extends WpsFunctionMetadata {
  name: string;
}

type Fn = (...args: unknown[]) => unknown;

function adaptArgument(arg: unknown): unknown {
  if (arg === undefined) return null;
  if (Array.isArray(arg) && arg.length > 0 && !arg.some(Array.isArray)) return [arg];
  return arg;
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

/**
 * Register every function of `functions` that has metadata (matched by upper-cased export name: stagePct →
 * STAGEPCT). Returns the names registered; none when this WPS has no AddCustomFunction (before 12.1.0.20540).
 */
export function registerFunctions(
  root: Pick<WpsAddinRoot, "AddCustomFunction">,
  functions: Record<string, unknown>,
  metadata: readonly NamedMetadata[]
): string[] {
  if (typeof root.AddCustomFunction !== "function") return [];
  const byName = new Map<string, Fn>();
  for (const [key, value] of Object.entries(functions)) if (typeof value === "function") byName.set(key.toUpperCase(), value as Fn);
  const done: string[] = [];
  for (const { name, ...meta } of metadata) {
    const fn = byName.get(name);
    if (!fn) throw new Error(`函数 KH.${name} 有说明但没有实现`);
    root.AddCustomFunction(NAMESPACE, name, wpsCallable(fn, meta.parameters.length), meta);
    done.push(name);
  }
  return done;
}
