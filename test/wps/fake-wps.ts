/**
 * A fake WPS add-in page to run the built main.js in: the globals a WPS JS add-in page has (`wps`, `Application`,
 * `window`, `location`, `devicePixelRatio`), recording AddCustomFunction, CreateTaskPane and ShowDialog calls, and
 * doing what WPS does where docs/host-facts.md says so: `ribbonUI` is a getter-only property (Kingsoft declares
 * it read-only), and KH.* functions are called as WPS calls them (test/hosts/wps/double/custom-functions.ts: the
 * omitted-argument marker, Range objects for cells).
 */
import * as vm from "vm";
import { wpsArguments } from "../hosts/wps/double/custom-functions";
import { DoubleApplication } from "../hosts/wps/double/et-double";

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

export interface FakeWpsOptions {
  /** false: a WPS before 12.1.0.20540, without AddCustomFunction. */
  customFunctions?: boolean;
  /** Names AddCustomFunction throws for (a simulated failure, as a failing COM call would). */
  failRegistering?: string[];
  /** The page's location (default ADDIN_URL). */
  href?: string;
  devicePixelRatio?: number;
  /** "writable": a build where the add-in may set ribbonUI (as wpsjs's templates do); default read-only. */
  ribbonUI?: "readonly" | "writable";
}

export function fakeWps(options: FakeWpsOptions = {}) {
  const registered: Registered[] = [];
  const panes: FakePane[] = [];
  const dialogs: { url: string; title?: string; width?: number; height?: number }[] = [];
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
    ShowDialog(url: string, title?: string, width?: number, height?: number) {
      dialogs.push({ url, title, width, height });
    },
  };
  // Read-only, as et-jsapi-declare declares it: assigning it throws in strict code.
  if (options.ribbonUI !== "writable")
    Object.defineProperty(root, "ribbonUI", { get: () => undefined, enumerable: true, configurable: false });
  if (options.customFunctions !== false) {
    root.AddCustomFunction = (namespace: string, name: string, fn: Registered["fn"], metadata?: Registered["metadata"]) => {
      if (options.failRegistering?.includes(name)) throw new Error(`simulated failure registering ${name}`);
      registered.push({ namespace, name, fn, metadata });
    };
  }
  const href = options.href ?? ADDIN_URL;
  const context: Record<string, unknown> = {
    wps: root,
    Application: root,
    location: { href, toString: () => href },
    devicePixelRatio: options.devicePixelRatio ?? 1,
    console: { log() {}, error: (...a: unknown[]) => warnings.push(a), warn: (...a: unknown[]) => warnings.push(a) },
    navigator: { language: "zh-CN" },
  };
  context.window = context;
  context.globalThis = context;
  vm.createContext(context);
  const fn = (name: string) => {
    const r = registered.find((x) => x.name === name);
    if (!r) throw new Error(`KH.${name} is not registered`);
    return r;
  };
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
    /** =KH.NAME(constants…) as WPS calls it: undefined marks an argument left out. */
    call(name: string, ...args: unknown[]): unknown {
      const r = fn(name);
      return r.fn(...wpsArguments(r.metadata?.parameters ?? [], args));
    },
    /** =KH.NAME(cells…): every argument typed into cells of an ET double sheet first. */
    callOnCells(name: string, ...args: unknown[]): unknown {
      const r = fn(name);
      const sheet = new DoubleApplication({}, ["数据"]).sheet("数据")!;
      return r.fn(...wpsArguments(r.metadata?.parameters ?? [], args, sheet));
    },
    /** The function exactly as registered, for calls the tests shape themselves. */
    raw(name: string): Registered["fn"] {
      return fn(name).fn;
    },
  };
}
