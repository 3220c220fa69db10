/**
 * The WPS add-in root (`wps` / `window.Application` in a WPS JS add-in page) beyond the ET object model: task panes,
 * dialogs, the ribbon, PluginStorage and custom functions, taken from Kingsoft's et-jsapi-declare typings
 * (index.d.ts WPS.AddonRoot, addon.et.d.ts WPS.EtAddonRoot), so a member name they lack fails tsc.
 */
import { EtApplication } from "../hosts/wps/et";

export type WpsTaskPane = Pick<WPS.CustomTaskpane, "ID" | "Visible" | "DockPosition">;

type AddCustomFunction = WPS.EtAddonRoot["AddCustomFunction"];

/** AddCustomFunction's fourth argument: { description?, result: { type? }, parameters: { name?, type?, description? }[] }. */
export type WpsFunctionMetadata = NonNullable<Parameters<AddCustomFunction>[3]>;

export interface WpsAddinRoot
  extends EtApplication, Pick<WPS.AddonRoot, "CreateTaskPane" | "GetTaskPane" | "ShowDialog" | "PluginStorage" | "ribbonUI"> {
  /** WPS 12.1.0.20540 and later (Windows); missing on older builds. */
  AddCustomFunction?: AddCustomFunction;
}

/** Kso.MsoCTPDockPosition.msoCTPDockPositionRight */
export const DOCK_RIGHT = 2;
