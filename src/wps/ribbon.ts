/**
 * The ribbon callbacks named in wps/ribbon.xml. WPS calls them by name on the add-in page's window and expects plain
 * (not async) functions. 打开考核助手 shows or hides the task pane (the same pane bundle as in Excel); 函数说明
 * opens the help page in a dialog.
 */
import { PANE_KEY, existingPane } from "./pane";
import { DOCK_RIGHT, WpsAddinRoot } from "./wps-addin";

export const BUTTON_PANE = "khOpenPane";
export const BUTTON_HELP = "khHelp";
/** The help dialog's size in CSS pixels; ShowDialog takes device pixels (wpsjs's templates multiply likewise). */
const HELP_SIZE = { width: 720, height: 640 };

export interface RibbonControl {
  Id: string;
}

export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
  OnGetEnabled(control: RibbonControl): boolean;
  OnGetVisible(control: RibbonControl): boolean;
}

/**
 * The add-in folder's URL (where index.html is), ending in "/", from the page's location. Decoded first, as
 * wpsjs's templates do (js/util.js GetUrlPath: decodeURI(document.location)): WPS wants the pane URL with the
 * folder as it is on disk (C:\Users\张三\…), and some builds give the page's location already decoded.
 */
export function addinFolder(location: unknown): string {
  const href = String(location ?? "");
  let decoded = href;
  try {
    decoded = decodeURI(href);
  } catch {
    // a "%" that is not an escape: the location was not encoded
  }
  return decoded.replace(/[^/]*([?#].*)?$/, "");
}

/** `baseUrl` is the add-in folder's URL (where index.html is), ending in "/". */
export function createRibbon(app: () => WpsAddinRoot, baseUrl: () => string, pixelRatio: () => number = screenPixelRatio): RibbonCallbacks {
  function togglePane(): void {
    const root = app();
    const pane = existingPane(root);
    if (pane) {
      pane.Visible = !pane.Visible;
      return;
    }
    const created = root.CreateTaskPane(`${baseUrl()}taskpane.html`, "考核助手");
    root.PluginStorage.setItem(PANE_KEY, String(created.ID));
    try {
      created.DockPosition = DOCK_RIGHT;
    } catch {
      // some builds fix the dock position; the pane still opens
    }
    created.Visible = true;
  }

  function showHelp(): void {
    const ratio = pixelRatio();
    const scale = Number.isFinite(ratio) && ratio > 0 ? ratio : 1;
    const { width, height } = HELP_SIZE;
    app().ShowDialog(`${baseUrl()}help.html`, "考核助手 · 函数说明", Math.round(width * scale), Math.round(height * scale), false);
  }

  return {
    OnAddinLoad(ribbonUI: unknown): boolean {
      const root = app();
      // Kingsoft's typings declare ribbonUI read-only, and a build where it is a getter-only property throws on
      // assignment in strict code: keep WPS's own then.
      try {
        if (typeof root.ribbonUI !== "object" || root.ribbonUI === null) (root as { ribbonUI?: unknown }).ribbonUI = ribbonUI;
      } catch {
        // WPS keeps its own ribbonUI
      }
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      if (control.Id === BUTTON_PANE) togglePane();
      else if (control.Id === BUTTON_HELP) showHelp();
      return true;
    },
    GetImage(control: RibbonControl): string {
      return control.Id === BUTTON_HELP ? "images/help.svg" : "images/kaohe.svg";
    },
    OnGetEnabled(): boolean {
      return true;
    },
    OnGetVisible(): boolean {
      return true;
    },
  };
}

function screenPixelRatio(): number {
  return Number((globalThis as { devicePixelRatio?: unknown }).devicePixelRatio ?? 1);
}
