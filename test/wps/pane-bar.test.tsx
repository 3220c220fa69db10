/**
 * @jest-environment jsdom
 *
 * The WPS pane's 收起 button: it finds the pane by the ID the ribbon kept in PluginStorage and hides it (the ribbon
 * can show it again); without a pane it says what to do instead.
 */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import "../taskpane/fast-styles";
import { PaneBar, PaneRoot } from "../../src/wps/pane-bar";
import { PANE_KEY } from "../../src/wps/pane";
import { createRibbon } from "../../src/wps/ribbon";
import { WpsAddinRoot } from "../../src/wps/wps-addin";

function fakeRoot() {
  const storage = new Map<string, string>();
  const panes: { ID: number; Visible: boolean; DockPosition: number }[] = [];
  const root = {
    PluginStorage: { getItem: (k: string) => storage.get(k) ?? "", setItem: (k: string, v: unknown) => void storage.set(k, String(v)) },
    CreateTaskPane: () => {
      const pane = { ID: 77 + panes.length, Visible: false, DockPosition: 0 };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => {
      const pane = panes.find((p) => p.ID === id);
      if (!pane) throw new Error("no such pane");
      return pane;
    },
  };
  return { root, panes, storage };
}

test("收起 hides the pane the ribbon opened, found through PluginStorage's id", () => {
  const { root, panes, storage } = fakeRoot();
  const ribbon = createRibbon(
    () => root as unknown as WpsAddinRoot,
    () => "file:///addin/"
  );
  ribbon.OnAction({ Id: "khOpenPane" });
  expect(storage.get(PANE_KEY)).toBe("77");
  expect(panes[0].Visible).toBe(true);

  render(<PaneBar root={() => root as unknown as PaneRoot} />);
  fireEvent.click(screen.getByRole("button", { name: "收起" }));
  expect(panes[0].Visible).toBe(false);
  expect(screen.queryByRole("status")).toBeNull();

  // the ribbon shows the same pane again
  ribbon.OnAction({ Id: "khOpenPane" });
  expect(panes).toHaveLength(1);
  expect(panes[0].Visible).toBe(true);
});

test("without a pane id (or outside WPS) it says to use the ribbon button", () => {
  const { root } = fakeRoot();
  const { unmount } = render(<PaneBar root={() => root as unknown as PaneRoot} />);
  fireEvent.click(screen.getByRole("button", { name: "收起" }));
  expect(screen.getByRole("status").textContent).toContain("功能区");
  unmount();
  render(<PaneBar root={() => undefined} />);
  fireEvent.click(screen.getByRole("button", { name: "收起" }));
  expect(screen.getByRole("status").textContent).toContain("功能区");
});
