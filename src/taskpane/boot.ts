/**
 * Which host the pane works on, and whether this Excel can run it: detectHost (src/hosts/detect) picks Excel,
 * WPS or the in-memory playground; in Excel the requirement sets are checked first (src/hosts/requirements).
 */
import { detectHost } from "../hosts/detect";
import { officeExcelHost } from "../hosts/excel";
import { WorkbookHost } from "../hosts/host";
import { MemoryHost } from "../hosts/memory/memory-host";
import { checkRequirements } from "../hosts/requirements";
import { wpsHost } from "../hosts/wps";

export type Boot = { ok: true; host: WorkbookHost; locale: string; notes: string[] } | { ok: false; messages: string[]; locale: string };

/** Call after Office.onReady in Excel, or at once in WPS and in a plain browser. */
export function boot(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): Boot {
  const kind = detectHost(scope);
  if (kind === "wps") {
    const host = wpsHost();
    if (host) return { ok: true, host, locale: "zh-CN", notes: [] };
  }
  if (kind === "excel") {
    const locale = Office.context.displayLanguage;
    const check = checkRequirements((name, version) => Office.context.requirements.isSetSupported(name, version));
    if (!check.ok) return { ok: false, messages: check.messages, locale };
    return { ok: true, host: officeExcelHost(), locale, notes: check.messages };
  }
  // A plain browser: an empty in-memory workbook (the playground passes its own host to App instead).
  return { ok: true, host: new MemoryHost(), locale: typeof navigator !== "undefined" ? navigator.language : "zh-CN", notes: [] };
}
