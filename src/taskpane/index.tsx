/** Entry of the task pane bundle: render once Office is ready (also when opened in a plain browser, host null). */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { pickLang } from "./i18n";

function render(displayLanguage: string | undefined): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(<App lang={pickLang(displayLanguage)} />);
}

if (typeof Office === "undefined") {
  // office.js did not load (no internet and no intranet copy configured): say so instead of a blank pane.
  const loading = document.getElementById("kh-loading");
  if (loading) {
    loading.textContent =
      "无法加载 office.js，请检查网络或按说明配置内网 office.js 地址（KH_OFFICE_JS_URL）。 office.js could not be loaded.";
  }
} else {
  Office.onReady(() => render(Office.context?.displayLanguage));
}
