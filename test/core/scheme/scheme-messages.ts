/** The messages of the SchemeError a JSON scheme gives (the test fails when it parses). */
import { parseScheme } from "../../../src/core/scheme/parse";
import { SchemeError } from "../../../src/core/scheme/errors";

export function messages(json: unknown): string[] {
  try {
    parseScheme(json);
  } catch (e) {
    if (e instanceof SchemeError) return e.messages;
    throw e;
  }
  throw new Error("the scheme parsed");
}

/** The messages of the SchemeError `f` throws (the test fails when it throws none). */
export function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof SchemeError) return e.messages;
    throw e;
  }
  throw new Error("expected a SchemeError");
}
