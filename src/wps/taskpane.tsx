/**
 * The task pane in WPS: the same React pane as in Excel (src/taskpane/App), rendered at once — a WPS page has no
 * office.js to wait for — under the WPS-only bar with 收起 (pane-bar.tsx). The pane finds its host with
 * src/hosts/detect (WPS here).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { PaneBar, PaneRoot } from "./pane-bar";

const scope = globalThis as unknown as Record<string, unknown>;
const root = () => (scope.wps ?? scope.Application) as PaneRoot | undefined;

const container = document.getElementById("container");
// WPS is the 信创 desktop of Chinese government offices: the pane is always Chinese there.
if (container)
  createRoot(container).render(
    <>
      <PaneBar root={root} />
      <App locale="zh-CN" />
    </>
  );
