/**
 * Entry of the task pane bundle. In Excel: wait for Office.onReady, check the requirement sets, render the pane on
 * the Excel host in Office's display language. In WPS (the same page, no office.js needed): render at once, in
 * Chinese, on the WPS host. With office.js missing outside WPS (no internet, no intranet copy): say so.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { detectHost } from "../hosts/detect";
import { App } from "./App";
import { boot } from "./boot";
import { Blocked } from "./Blocked";
import { pickLang, translator } from "./i18n";

function render(node: React.ReactNode): void {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(node);
}

function start(): void {
  const b = boot();
  if (b.ok) render(<App host={b.host} locale={b.locale} notes={b.notes} />);
  else render(<Blocked lang={pickLang(b.locale)} messages={b.messages} />);
}

if (detectHost() === "wps") {
  start();
} else if (typeof Office === "undefined") {
  const loading = document.getElementById("kh-loading");
  if (loading) loading.textContent = `${translator("zh")("officeJsMissing")} ${translator("en")("officeJsMissing")}`;
} else {
  Office.onReady(() => start());
}
