/**
 * The task pane's identity between the add-in's pages: the ribbon (index.html) creates the pane and keeps its ID in
 * PluginStorage, which WPS shares between all pages of one add-in (et-jsapi-declare index.d.ts, PluginStorage); the
 * pane page reads it back to hide itself (收起), because on real machines the ribbon cannot always close a docked pane.
 */
import { WpsAddinRoot, WpsTaskPane } from "./wps-addin";

export const PANE_KEY = "kh_taskpane_id";

/** The pane made earlier in this WPS session, if it still exists. */
export function existingPane(root: Pick<WpsAddinRoot, "PluginStorage" | "GetTaskPane">): WpsTaskPane | undefined {
  const id = root.PluginStorage.getItem(PANE_KEY);
  if (!id) return undefined;
  try {
    return root.GetTaskPane(Number(id)) ?? undefined;
  } catch {
    return undefined; // the pane was closed for good (or WPS restarted): make a new one
  }
}

/** Hide the pane (it stays alive: the ribbon button shows it again). False when there is no pane to hide. */
export function hidePane(root: Pick<WpsAddinRoot, "PluginStorage" | "GetTaskPane">): boolean {
  const pane = existingPane(root);
  if (!pane) return false;
  pane.Visible = false;
  return true;
}
