/**
 * The task pane in WPS: the same React pane as in Excel (src/taskpane/App), rendered at once — a WPS page has no
 * office.js to wait for. The pane finds its host with src/hosts/detect (WPS here).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";

const container = document.getElementById("container");
// WPS is the 信创 desktop of Chinese government offices: the pane is always Chinese there.
if (container) createRoot(container).render(<App locale="zh-CN" />);
