/**
 * A fake WPS add-in page to run the built main.js in: the globals a WPS JS add-in page has (`wps`, `Application`,
 * `window`, `location`), recording AddCustomFunction, CreateTaskPane and ShowDialog calls.
 */
import * as vm from "vm";

export interface Registered {
  namespace: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  metadata?: { description?: string; result: { type?: string }; parameters: { name?: string; type?: string; description?: string }[] };
}

export interface FakePane {
  ID: number;
  url: string;
  title?: string;
  Visible: boolean;
  DockPosition: number;
}

export const ADDIN_URL = "file:///home/clerk/.local/share/Kingsoft/wps/jsaddons/kaohe_0.1.0/index.html";

export function fakeWps(options: { customFunctions?: boolean } = {}) {
  const registered: Registered[] = [];
  const panes: FakePane[] = [];
  const dialogs: { url: string; title?: string }[] = [];
  const storage = new Map<string, string>();
  const warnings: unknown[][] = [];
  const root: Record<string, unknown> = {
    ActiveWorkbook: null,
    PluginStorage: {
      getItem: (k: string) => storage.get(k) ?? "",
      setItem: (k: string, v: unknown) => void storage.set(k, String(v)),
    },
    CreateTaskPane(url: string, title?: string): FakePane {
      const pane = { ID: 1000 + panes.length, url, title, Visible: false, DockPosition: 0 };
      panes.push(pane);
      return pane;
    },
    GetTaskPane(id: number): FakePane {
      const pane = panes.find((p) => p.ID === id);
      if (!pane) throw new Error("no such task pane");
      return pane;
    },
    ShowDialog(url: string, title?: string) {
      dialogs.push({ url, title });
    },
  };
  if (options.customFunctions !== false) {
    root.AddCustomFunction = (namespace: string, name: string, fn: Registered["fn"], metadata?: Registered["metadata"]) => {
      registered.push({ namespace, name, fn, metadata });
    };
  }
  const context: Record<string, unknown> = {
    wps: root,
    Application: root,
    location: { href: ADDIN_URL, toString: () => ADDIN_URL },
    console: { log() {}, error: (...a: unknown[]) => warnings.push(a), warn: (...a: unknown[]) => warnings.push(a) },
    navigator: { language: "zh-CN" },
  };
  context.window = context;
  context.globalThis = context;
  vm.createContext(context);
  return {
    context,
    root,
    registered,
    panes,
    dialogs,
    warnings,
    run(code: string) {
      vm.runInContext(code, context, { filename: "main.js" });
    },
    /** KH.NAME as WPS calls it. */
    call(name: string, ...args: unknown[]): unknown {
      const r = registered.find((x) => x.name === name);
      if (!r) throw new Error(`KH.${name} is not registered`);
      return r.fn(...args);
    },
  };
}
