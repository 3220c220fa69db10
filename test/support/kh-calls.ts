/**
 * Calling the KH.* exports from tests as Excel or a Node caller would: any value for any parameter (the exports'
 * range parameters are typed any[][] for the metadata, yet also take a bare value).
 */
import * as F from "../../src/functions/functions";
import { FunctionError, isFunctionError } from "../../src/functions/errors";

type Loose<T> = { [K in keyof T]: (...args: any[]) => any };
export const KH = F as unknown as Loose<typeof F>;

/** The error a call throws; fails the test when it returns instead. */
export function errorOf(call: () => unknown): FunctionError {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    if (isFunctionError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`expected an error, got ${JSON.stringify(result)}`);
}

/** A value or an error object reduced to plain data, so results can be compared with toEqual. */
export function plain(v: unknown): unknown {
  if (isFunctionError(v)) return { code: v.code, message: v.message };
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/** The result of a call, or its thrown error as plain data (so a lifted entry and a per-cell call compare). */
export function outcome(call: () => unknown): unknown {
  try {
    return plain(call());
  } catch (e) {
    if (isFunctionError(e)) return plain(e);
    throw e;
  }
}

/** A column range from values: [[a], [b], …]. */
export const col = (...values: unknown[]) => values.map((v) => [v]);
/** A row range from values: [[a, b, …]]. */
export const row = (...values: unknown[]) => [values];
