/**
 * Driving the pane as a clerk does, with Testing Library: find controls by role and accessible name, click, type.
 * Fluent's popups (Dropdown listboxes) are portalled to document.body, so options are looked up on screen.
 */
import { READINGS_SHEET } from "../../src/core/sheets/readings-sheet";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel, UserEvent } from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { WorkbookHost } from "../../src/hosts/host";
import { MARKER_SHEET } from "../../src/core/generated-sheets";
import { SelectableHost } from "./support";
import "./fast-styles";

export interface Driver {
  user: UserEvent;
  unmount(): void;
  tab(name: string): Promise<void>;
  choose(combobox: HTMLElement, option: string | RegExp): Promise<void>;
  fill(input: HTMLElement, text: string): Promise<void>;
  /** The notice shown on the current tab once its title matches, and check that it took the focus. */
  notice(title: string | RegExp, focused?: boolean): Promise<HTMLElement>;
  /** The group of fields of one column on the 方案 tab, opened. */
  column(title: string): Promise<HTMLElement>;
}

export async function renderPane(host: WorkbookHost, locale: string): Promise<Driver> {
  // Pointer-events checks walk computed styles up the tree on every click; Fluent sets none that block a click.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const { unmount } = render(<App host={host} locale={locale} />);
  await screen.findByRole("tablist", {}, { timeout: 5000 });
  const driver: Driver = {
    user,
    unmount,
    tab: async (name) => {
      await user.click(screen.getByRole("tab", { name }));
    },
    choose: async (combobox, option) => {
      await user.click(combobox);
      const listbox = await screen.findByRole("listbox");
      await user.click(within(listbox).getByRole("option", { name: option }));
    },
    fill: async (input, text) => {
      await user.clear(input);
      if (text) await user.type(input, text);
    },
    notice: async (title, focused = true) => {
      const el = await waitFor(
        () => {
          const found = screen.getAllByTestId("notice").find((n) => (typeof title === "string" ? n.textContent?.includes(title) : title.test(n.textContent ?? "")));
          if (!found) throw new Error(`no notice ${String(title)}; shown: ${screen.queryAllByTestId("notice").map((n) => n.textContent).join(" | ")}`);
          return found;
        },
        { timeout: 10000 }
      );
      if (focused) await waitFor(() => expect(document.activeElement).toBe(el));
      return el;
    },
    column: async (title) => {
      const existing = screen.queryByRole("group", { name: title });
      if (existing) return existing;
      await user.click(screen.getByRole("button", { name: new RegExp(`^${title.replace(/[()]/g, "\\$&")}(\\s|$)`) }));
      return screen.getByRole("group", { name: title });
    },
  };
  return driver;
}

/** The cells of a sheet as values, from A1. */
export async function cells(host: WorkbookHost, sheet: string): Promise<unknown[][]> {
  return (await host.readSheet(sheet))?.values ?? [];
}

/** The sheets a clerk sees (not the very hidden marker sheet). */
/** The sheets a clerk sees: not the markers nor 读数 (both very hidden). */
export async function visibleSheets(host: SelectableHost): Promise<string[]> {
  return (await host.sheetNames()).filter((n) => n !== MARKER_SHEET && n !== READINGS_SHEET);
}
