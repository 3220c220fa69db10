/**
 * Errors as the KH.* functions hand them to the host. In Excel the global `CustomFunctions.Error` is what turns
 * into #VALUE!, #N/A… in the cell; in Node (tests, the command line) and in WPS there is no such global, so a
 * fallback with the same `code` / `message` shape stands in for it.
 */
import { ErrorCode, KhError } from "../core/errors";

/** What every error we return or throw looks like, whichever class carries it. */
export interface FunctionError {
  code: ErrorCode;
  /** Shown by WPS and the command line; Excel shows it only with #VALUE! and #N/A and drops it for the others. */
  message?: string;
}

/** Stand-in for CustomFunctions.Error where that global does not exist. */
export class KhFunctionError extends Error implements FunctionError {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message);
    this.name = "KhFunctionError";
  }
}

const ERROR_CODES: readonly string[] = ["#VALUE!", "#DIV/0!", "#NUM!", "#N/A"];

/** Is this one of our function errors (from CustomFunctions or the fallback)? */
export function isFunctionError(v: unknown): v is FunctionError {
  return (
    typeof v === "object" &&
    v !== null &&
    ERROR_CODES.includes((v as FunctionError).code) &&
    ["string", "undefined"].includes(typeof (v as FunctionError).message)
  );
}

/** A host error object for a code and Chinese message. Looked up at call time: tests may install the global. */
export function functionError(code: ErrorCode, message: string): FunctionError {
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    // ErrorCode's values are exactly these texts ("#VALUE!" = ErrorCode.invalidValue …).
    return new CustomFunctions.Error(code as CustomFunctions.ErrorCode, message) as FunctionError;
  }
  return new KhFunctionError(code, message);
}

/** A core KhError as a host error; anything else (a bug) is left alone so it is not disguised as bad input. */
export function toFunctionError(e: unknown): FunctionError {
  if (e instanceof KhError) return functionError(e.code, e.message);
  throw e;
}

/** Run a function body, throwing core errors as host errors (Excel shows a thrown CustomFunctions.Error). */
export function guard<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toFunctionError(e);
  }
}

/** One entry of a lifted (array) result: its value, or its error as an error object in the array. */
export function entry<T>(body: () => T): T | FunctionError {
  try {
    return body();
  } catch (e) {
    return toFunctionError(e);
  }
}
