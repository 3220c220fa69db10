/**
 * The ribbon callbacks named in wps/ribbon.xml. WPS calls them by name on the add-in page's window and expects plain
 * (not async) functions. 打开考核助手 shows or hides the task pane (the same pane bundle as in Excel); 函数说明
 * opens the help page in a dialog.
 */
import { DOCK_RIGHT, WpsAddinRoot, WpsTaskPane } from "./wps-addin";

export const BUTTON_PANE = "khOpenPane";
export const BUTTON_HELP = "khHelp";
const PANE_KEY = "kh_taskpane_id";

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

/** `baseUrl` is the add-in folder's URL (where index.html is), ending in "/". */
export function createRibbon(app: () => WpsAddinRoot, baseUrl: () => string): RibbonCallbacks {
  function existingPane(root: WpsAddinRoot): WpsTaskPane | undefined {
    const id = root.PluginStorage.getItem(PANE_KEY);
    if (!id) return undefined;
    try {
      return root.GetTaskPane(Number(id)) ?? undefined;
    } catch {
      return undefined; // the pane was closed for good (or WPS restarted): make a new one
    }
  }

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

  return {
    OnAddinLoad(ribbonUI: unknown): boolean {
      const root = app();
      if (typeof root.ribbonUI !== "object" || root.ribbonUI === null) root.ribbonUI = ribbonUI;
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      if (control.Id === BUTTON_PANE) togglePane();
      else if (control.Id === BUTTON_HELP) app().ShowDialog(`${baseUrl()}help.html`, "考核助手 · 函数说明", 720, 640, false);
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
