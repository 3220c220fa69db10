/**
 * The Excel host as the add-in builds it: batches through `Excel.run`, requests cut to Excel on the web's 5 MB
 * limit there, and optional features switched by the requirement sets Office reports.
 */
import { ExcelHost } from "./excel-host";

export { ExcelHost } from "./excel-host";
export type { ExcelHostOptions } from "./excel-host";
export type { ExcelRun, ExcelWriteResult } from "./write-sheets";

/**
 * A request budget under Excel on the web's 5 MB limit for a request or a response. The estimate it is compared with
 * counts UTF-8 bytes and rounds each action's envelope up (apply-ops ACTION_BYTES), so half a megabyte is spare.
 */
export const WEB_REQUEST_BYTES = 4_500_000;

/** The host for the running add-in (call after Office.onReady). */
export function officeExcelHost(): ExcelHost {
  const onWeb = Office.context.platform === Office.PlatformType.OfficeOnline;
  return new ExcelHost((batch) => Excel.run(batch), {
    maxRequestBytes: onWeb ? WEB_REQUEST_BYTES : undefined,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}
