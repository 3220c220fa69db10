/**
 * Saving a file the pane made (the Word bulletin), as each host's pane allows it (docs/host-facts.md, “Downloads
 * from the pane”):
 * - WPS: the ET Application's 另存为 dialog (`GetSaveAsFilename`) names the file, `wps.FileSystem
 *   .writeAsBinaryString` writes the bytes (binary-safe; `WriteFile` writes UTF-8 text and would break a .docx);
 * - Excel on the web and on Windows: a download through a Blob URL and `<a download>`;
 * - Excel on Mac (WKWebView) has no downloads: “unavailable”, and the pane shows the text to copy instead.
 *
 * API: `saveFile(kind, name, bytes, env?)` → SaveOutcome. `env` is the page's window (tests pass their own).
 */
import type { HostKind } from "../hosts/host";

export type SaveOutcome =
  { kind: "saved"; path: string } | { kind: "downloaded" } | { kind: "cancelled" } | { kind: "unavailable"; reason: string };

interface WpsRoot {
  GetSaveAsFilename?: (name?: string, filter?: string) => string | boolean;
  FileSystem?: { writeAsBinaryString?: (path: string, data: string) => boolean };
}

export interface SaveEnv {
  wps?: WpsRoot;
  Application?: WpsRoot;
  Office?: { context?: { diagnostics?: { platform?: string } } };
  document?: Document;
  URL?: { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
  Blob?: typeof Blob;
}

/** Bytes as a “binary string” (one char per byte, 0–255), what writeAsBinaryString takes. */
export function binaryString(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

function saveInWps(root: WpsRoot, name: string, bytes: Uint8Array): SaveOutcome {
  const write = root.FileSystem?.writeAsBinaryString;
  if (typeof root.GetSaveAsFilename !== "function" || typeof write !== "function") {
    return { kind: "unavailable", reason: "此版本 WPS 的加载项不能另存文件" };
  }
  const path = root.GetSaveAsFilename(name, "Word 文档 (*.docx),*.docx");
  if (typeof path !== "string" || !path) return { kind: "cancelled" };
  const target = /\.docx$/i.test(path) ? path : `${path}.docx`;
  if (!write.call(root.FileSystem, target, binaryString(bytes))) return { kind: "unavailable", reason: `无法写入 ${target}` };
  return { kind: "saved", path: target };
}

function download(env: SaveEnv, name: string, bytes: Uint8Array): SaveOutcome {
  if (env.Office?.context?.diagnostics?.platform === "Mac") return { kind: "unavailable", reason: "Mac 版 Excel 的任务窗格不能下载文件" };
  const url = env.URL;
  if (!env.document || !env.Blob || typeof url?.createObjectURL !== "function")
    return { kind: "unavailable", reason: "此环境不能下载文件" };
  const blob = new env.Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
  const href = url.createObjectURL(blob);
  const a = env.document.createElement("a");
  a.href = href;
  a.download = name;
  a.style.display = "none";
  env.document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the URL after the click returns.
  setTimeout(() => url.revokeObjectURL?.(href), 60_000);
  return { kind: "downloaded" };
}

export function saveFile(kind: HostKind, name: string, bytes: Uint8Array, env: SaveEnv = globalThis as unknown as SaveEnv): SaveOutcome {
  if (kind === "wps") {
    const root = env.wps ?? env.Application;
    return root ? saveInWps(root, name, bytes) : { kind: "unavailable", reason: "找不到 WPS 加载项接口" };
  }
  return download(env, name, bytes);
}
