/**
 * The task pane in WPS: the same React pane as in Excel (src/taskpane/App), rendered at once — a WPS page has no
 * office.js to wait for. The pane finds its host with src/hosts/detect (WPS here).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { pickLang } from "../taskpane/i18n";

const container = document.getElementById("container");
if (container) createRoot(container).render(<App lang={pickLang(navigator.language)} />);
