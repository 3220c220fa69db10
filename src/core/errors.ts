/**
 * Errors the core raises. The core knows nothing of Office, so it carries the Excel error code as text;
 * `src/functions/` turns a KhError into a `CustomFunctions.Error` with the matching code.
 */
export type ErrorCode = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A";

export class KhError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message);
    this.name = "KhError";
  }
}

export const valueError = (message: string) => new KhError("#VALUE!", message);
export const divZeroError = (message: string) => new KhError("#DIV/0!", message);
export const numError = (message: string) => new KhError("#NUM!", message);
export const naError = (message: string) => new KhError("#N/A", message);
