/**
 * CustomFunctions.Error as Excel shows it, for tests that install it as the global. Excel shows a custom message only
 * with #VALUE! and #N/A; for #DIV/0!, #NUM! and the rest "a custom error message can't be used" (Microsoft,
 * CustomFunctions.ErrorCode enum; "Handle and return errors from your custom function"). So this fake keeps the
 * message only for those two codes: a test then sees exactly what the clerk sees.
 */
const WITH_MESSAGE = ["#VALUE!", "#N/A"];

export class ExcelCustomFunctionsError {
  readonly message?: string;

  constructor(
    readonly code: string,
    message?: string
  ) {
    if (WITH_MESSAGE.includes(code)) this.message = message;
  }
}

/** Install the fake as `CustomFunctions.Error` (as Excel's runtime provides it); returns the uninstaller. */
export function installExcelErrors(): () => void {
  const scope = globalThis as { CustomFunctions?: unknown };
  scope.CustomFunctions = { Error: ExcelCustomFunctionsError };
  return () => delete scope.CustomFunctions;
}
