/**
 * One check of where `kh` may write, done before anything is read or worked out, so a refusal writes nothing:
 * - the output must not be the input (or the scheme file) — compared by the file itself (device and inode, which
 *   also catches another spelling on a case-insensitive file system, a link, "./a/../a.xlsx") and by real path,
 *   case-insensitively where the folder's file system is;
 * - its extension must be one the content can open as: .xlsx, or .xlsm for a macro-enabled workbook (Excel
 *   refuses a file whose extension and content type disagree);
 * - it must not be a folder, and its parent must be a folder (or not exist yet).
 * Every refusal is a WorkbookFileError: one Chinese line naming the file.
 */
import { promises as fs, Stats } from "fs";
import * as path from "path";
import { WorkbookFileError } from "../hosts/xlsx/xlsx-file";

export const OUTPUT_EXTENSIONS = [".xlsx", ".xlsm"];

async function statOf(file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch {
    return undefined;
  }
}

/** Does the folder's file system ignore case (Windows, macOS by default)? Tried on the folder's own name. */
async function caseInsensitive(dir: string): Promise<boolean> {
  const base = path.basename(dir);
  const swapped = base.replace(/\p{L}/gu, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()));
  if (swapped === base) return process.platform === "win32" || process.platform === "darwin";
  const [a, b] = await Promise.all([statOf(dir), statOf(path.join(path.dirname(dir), swapped))]);
  return !!a && !!b && a.ino === b.ino && a.dev === b.dev;
}

async function realPath(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    // Not there yet: the real folder and the name as given.
    try {
      return path.join(await fs.realpath(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Are two paths the same file? */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([statOf(a), statOf(b)]);
  if (sa && sb && sa.ino !== 0 && sa.ino === sb.ino && sa.dev === sb.dev) return true;
  const [ra, rb] = await Promise.all([realPath(a), realPath(b)]);
  if (ra === rb) return true;
  return ra.toLowerCase() === rb.toLowerCase() && (await caseInsensitive(path.dirname(ra)));
}

/** The extension a workbook's copy must have. */
export function outputExtension(macroEnabled: boolean): string {
  return macroEnabled ? ".xlsm" : ".xlsx";
}

/** The nearest existing ancestor of a path that is not a folder, if any ("a/b.txt" in "a/b.txt/c.xlsx"). */
async function fileInTheWay(file: string): Promise<string | undefined> {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const s = await statOf(dir);
    if (s) return s.isDirectory() ? undefined : dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

export interface OutputCheck {
  input: string;
  output: string;
  /** The output as the clerk gave it (or the default), for messages. */
  shown: string;
  /** Other files the output must not overwrite, with how to name them (the scheme JSON). */
  protect?: { file: string; what: string }[];
}

/** Throws WorkbookFileError when `kh` must not write `output` (see the note above). */
export async function checkOutputPath(check: OutputCheck): Promise<void> {
  const { input, output, shown } = check;
  const ext = path.extname(output).toLowerCase();
  if (!OUTPUT_EXTENSIONS.includes(ext)) {
    throw new WorkbookFileError(
      `输出文件 ${shown} 的扩展名应为 .xlsx（启用宏的工作簿为 .xlsm）：kh 只写 Excel 工作簿，不写 ${ext || "无扩展名的文件"}`
    );
  }
  if (await sameFile(input, output)) {
    throw new WorkbookFileError(`输出文件 ${shown} 就是输入的工作簿本身：kh 从不改动原文件，请用 -o 指定另一个文件名`);
  }
  for (const p of check.protect ?? []) {
    if (await sameFile(p.file, output)) throw new WorkbookFileError(`输出文件 ${shown} 就是${p.what}：请用 -o 指定另一个文件名`);
  }
  const s = await statOf(output);
  if (s?.isDirectory())
    throw new WorkbookFileError(`输出路径 ${shown} 是文件夹：请在 -o 中给出文件名，如 ${path.join(shown, "考核结果.xlsx")}`);
  const blocker = await fileInTheWay(path.resolve(output));
  if (blocker) throw new WorkbookFileError(`无法写入 ${shown}：路径中的 ${blocker} 是文件，不是文件夹`);
}

/** The output must have the extension of the input's content (.xlsm for macros): a WorkbookFileError otherwise. */
export function checkOutputKind(output: string, shown: string, macroEnabled: boolean, input: string): void {
  const want = outputExtension(macroEnabled);
  if (path.extname(output).toLowerCase() === want) return;
  throw new WorkbookFileError(
    macroEnabled
      ? `${input} 是启用宏的工作簿（.xlsm）：输出文件 ${shown} 也应为 .xlsm，宏才能保留、Excel 才能打开`
      : `${input} 不含宏：输出文件 ${shown} 应为 .xlsx（.xlsm 只用于启用宏的工作簿）`
  );
}
