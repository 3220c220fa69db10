/**
 * Entry of the playground (dist/playground/index.html): the task pane beside an in-browser workbook, no Excel.
 * `?lang=en` shows the pane in English. `window.khPlayground` gives the live workbook and the host to a console
 * (and to the browser tests).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { pickLang } from "../taskpane/i18n";
import { KhFunctionMetadata, khFunctionSpecsFrom } from "./hyperformula-kh";
import { LiveWorkbook } from "./live-workbook";
import { GridSelection, PlaygroundHost } from "./playground-host";
import { Playground, Sample } from "./ui/Playground";

/** The KH.* functions' metadata, put here by webpack.playground.config.js (what functions.json says). */
declare const __KH_FUNCTION_METADATA__: KhFunctionMetadata[];

const SAMPLES: Sample[] = ["村级考核.xlsx", "参保调度.xlsx", "二版考核.xlsx"].map((file) => ({ file, url: `samples/${encodeURIComponent(file)}` }));

function main(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const live = new LiveWorkbook({ sheets: [] }, khFunctionSpecsFrom(__KH_FUNCTION_METADATA__));
  const selection: { current: GridSelection | undefined } = { current: undefined };
  const host = new PlaygroundHost(live, () => selection.current);
  const lang = pickLang(new URLSearchParams(location.search).get("lang") ?? "zh-CN");
  (window as unknown as { khPlayground: unknown }).khPlayground = { live, host };
  createRoot(container).render(<Playground live={live} host={host} selection={selection} lang={lang} samples={SAMPLES} />);
}

main();
