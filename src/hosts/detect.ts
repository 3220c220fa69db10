/**
 * Which office the task pane runs in. WPS's add-in pages have the ET `Application` (also as `wps`) as globals;
 * Office.js reports Excel through Office.context.host; anything else (a plain browser, tests) is the in-memory
 * playground. WPS is checked first: a WPS page may also load an Office.js shim, never the other way round.
 */
export type DetectedHost = "excel" | "wps" | "memory";

export function detectHost(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): DetectedHost {
  const app = scope.Application ?? scope.wps;
  if (app && (typeof app === "object" || typeof app === "function")) return "wps";
  const office = scope.Office as { context?: { host?: unknown }; HostType?: { Excel?: unknown } } | undefined;
  try {
    const host = office?.context?.host;
    if (host !== undefined && host !== null && (host === office?.HostType?.Excel || host === "Excel")) return "excel";
  } catch {
    // Office.context throws before Office.onReady on some platforms
  }
  return "memory";
}
