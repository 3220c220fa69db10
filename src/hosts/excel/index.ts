/**
 * The Excel host as the add-in builds it: batches through `Excel.run`, requests cut to Excel on the web's 5 MB
 * limit there, and optional features switched by the requirement sets Office reports.
 */
import { ExcelHost } from "./excel-host";

export { ExcelHost } from "./excel-host";
export type { ExcelHostOptions } from "./excel-host";
export type { ExcelRun, ExcelWriteResult } from "./write-sheets";

/** A request budget under Excel on the web's 5 MB limit, with room for the request's own envelope. */
export const WEB_REQUEST_BYTES = 4_000_000;

/** The host for the running add-in (call after Office.onReady). */
export function officeExcelHost(): ExcelHost {
  const onWeb = Office.context.platform === Office.PlatformType.OfficeOnline;
  return new ExcelHost((batch) => Excel.run(batch), {
    maxRequestBytes: onWeb ? WEB_REQUEST_BYTES : undefined,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}
