/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act } from "react";
import { createRoot, Root } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import { STRINGS } from "../../src/taskpane/i18n";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe("App", () => {
  test("renders the Chinese pane: title 考核助手 as the heading and what it does", () => {
    act(() => root.render(<App lang="zh" />));
    expect(container.querySelector("h1")?.textContent).toBe("考核助手");
    expect(container.textContent).toContain(STRINGS.zh.intro);
    expect(container.textContent).toContain(STRINGS.zh.functionsHint);
    expect(container.textContent).not.toContain(STRINGS.en.intro);
  });

  test("renders the English pane when asked", () => {
    act(() => root.render(<App lang="en" />));
    expect(container.querySelector("h1")?.textContent).toBe("考核助手");
    expect(container.textContent).toContain(STRINGS.en.subtitle);
    expect(container.textContent).toContain(STRINGS.en.intro);
    expect(container.textContent).not.toContain(STRINGS.zh.intro);
  });
});
