/**
 * Entry of the WPS add-in (dist/wps/main.js, loaded by the add-in's index.html when WPS 表格 starts): puts the
 * ribbon callbacks of ribbon.xml on the page's window and registers the KH.* functions. The metadata is made at
 * build time (wps/build/functions-metadata.js) and put here by webpack as __KH_WPS_FUNCTIONS__; the same list is
 * the add-in folder's functions.json, which manifest.xml names so that WPS knows the functions before this page runs.
 */
import * as functions from "../functions/functions";
import { NamedMetadata, registerFunctions } from "./register-functions";
import { addinFolder, createRibbon } from "./ribbon";
import { WpsAddinRoot } from "./wps-addin";

declare const __KH_WPS_FUNCTIONS__: NamedMetadata[];

const scope = globalThis as unknown as Record<string, unknown>;
const root = (): WpsAddinRoot => (scope.wps ?? scope.Application) as WpsAddinRoot;

const ribbon = createRibbon(root, () => addinFolder(scope.location));
// ribbon.xml names the callbacks bare (OnAction…); ribbon.OnAction works too, as in Kingsoft's templates.
Object.assign(scope, ribbon, { ribbon });

try {
  const { registered, failed } = registerFunctions(root(), functions, __KH_WPS_FUNCTIONS__);
  if (registered.length === 0 && failed.length === 0)
    console.warn("考核助手：此 WPS 版本不支持加载项自定义函数（Windows 需要 12.1.0.20540 或更高版本），KH.* 函数不可用。");
  for (const { name, reason } of failed) console.error(`考核助手：注册 KH.${name} 失败：${reason}`);
} catch (e) {
  console.error("考核助手：注册 KH.* 函数失败", e);
}
