/**
 * The WPS add-in root (`wps` / `window.Application` in a WPS JS add-in page) beyond the ET object model: task panes,
 * dialogs, the ribbon, PluginStorage and custom functions. Signatures as in Kingsoft's et-jsapi-declare typings
 * (index.d.ts, addon.et.d.ts).
 */
import { EtApplication } from "../hosts/wps/et";

export interface WpsTaskPane {
  ID: number;
  Visible: boolean;
  DockPosition: number;
}

/** Metadata as AddCustomFunction takes it: types "number", "string", "bool", "any", with "[][]" for a range. */
export interface WpsFunctionMetadata {
  description?: string;
  result: { type?: string };
  parameters: { name?: string; type?: string; description?: string }[];
}

export interface WpsAddinRoot extends EtApplication {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  ShowDialog(url: string, title?: string, width?: number, height?: number, isModal?: boolean): void;
  readonly PluginStorage: { getItem(key: string): string | null | undefined; setItem(key: string, value: string | number | boolean): void };
  ribbonUI?: unknown;
  /** WPS 12.1.0.20540 and later. */
  AddCustomFunction?(namespace: string, name: string, callback: (...args: unknown[]) => unknown, metadata?: WpsFunctionMetadata): void;
}

/** Kso.MsoCTPDockPosition.msoCTPDockPositionRight */
export const DOCK_RIGHT = 2;
