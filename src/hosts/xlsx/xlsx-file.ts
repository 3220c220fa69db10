/**
 * .xlsx files on disk (Node only): opening with one clear Chinese line for each way a file can be wrong, and saving
 * atomically — the workbook goes to a temporary file in the target's folder and is renamed over the target only
 * when it is complete, so a failure never leaves a half-written file behind.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { SheetNumberError } from "../../core/generated-sheets";
import { nodeCodec } from "./node-codec";
import { OpenOptions, XlsxHost } from "./xlsx-host";
import { PackageError } from "./package-reader";
import { isOle, isZip, unkeptParts, zipEntryNames } from "./zip-entries";

/** A problem with a file, worded for the clerk. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}

export interface OpenedWorkbook {
  host: XlsxHost;
  /** Parts of the file the saved copy will not have (charts, pivot tables, macros…), named for a clerk. */
  unkept: string[];
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

async function readBytes(file: string, shown: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(`找不到文件：${shown}`);
    if (code === "EISDIR") throw new WorkbookFileError(`${shown} 是文件夹，不是 .xlsx 工作簿`);
    if (code === "EACCES" || code === "EPERM") throw new WorkbookFileError(`没有权限读取文件：${shown}`);
    if (code === "ENOTDIR") throw new WorkbookFileError(`找不到文件：${shown}（路径中有一段是文件，不是文件夹）`);
    throw new WorkbookFileError(`无法读取文件 ${shown}（${code ?? oneLine((e as Error).message)}）`);
  }
}

/**
 * Open `file`; messages name it as `shown` (what the clerk typed). `model: false` skips the exceljs model (see
 * XlsxHost): what the command line does, since it only reads sheets and writes generated ones.
 */
export async function openXlsxFile(file: string, shown = file, options: Pick<OpenOptions, "model"> = {}): Promise<OpenedWorkbook> {
  const bytes = await readBytes(file, shown);
  if (isOle(bytes)) {
    throw new WorkbookFileError(`${shown} 是旧版 .xls 文件或加密的工作簿：请在 Excel 或 WPS 中另存为不加密的 .xlsx 后再试`);
  }
  const names = isZip(bytes) ? zipEntryNames(bytes) : undefined;
  if (!names) {
    throw new WorkbookFileError(
      isZip(bytes) ? `${shown} 已损坏或不完整（压缩包的目录读不出来）：请重新获取或从备份恢复文件` : `${shown} 不是 .xlsx 工作簿文件`
    );
  }
  if (!names.includes("xl/workbook.xml")) throw new WorkbookFileError(`${shown} 不是 .xlsx 工作簿文件（其中没有 Excel 工作簿）`);
  try {
    return { host: await XlsxHost.fromBuffer(bytes, { ...options, codec: nodeCodec }), unkept: unkeptParts(names) };
  } catch (e) {
    throw new WorkbookFileError(`无法读取工作簿 ${shown}：文件可能已损坏（${oneLine((e as Error).message)}）`);
  }
}

/** Why a save failed, for the clerk, by Node's error code. */
const WRITE_FAILURES: Record<string, string> = {
  EISDIR: "这是一个文件夹，请给出文件名",
  ENOTDIR: "路径中有一段是文件，不是文件夹",
  EEXIST: "路径中有一段是文件，不是文件夹",
  ENOENT: "找不到所在的文件夹",
  ENOSPC: "磁盘空间不足",
  EROFS: "所在的磁盘是只读的",
  ENAMETOOLONG: "文件名太长",
  EDQUOT: "磁盘配额已满",
};

/** A new file of `pieces` one after another, written as they are (writev), not joined first. */
async function writePieces(file: string, pieces: readonly Uint8Array[]): Promise<void> {
  const handle = await fs.open(file, "w");
  try {
    const length = pieces.reduce((n, p) => n + p.length, 0);
    const { bytesWritten } = await handle.writev(pieces as Uint8Array[]);
    if (bytesWritten !== length) throw new Error(`只写入了 ${bytesWritten} / ${length} 字节`);
  } finally {
    await handle.close();
  }
}

/** Save to `file` through a temporary file in the same folder (a rename within one folder is atomic). */
export async function saveXlsxFile(host: XlsxHost, file: string, shown = file): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    host.codec = nodeCodec; // native deflate, at the host's level
    await writePieces(temp, await host.toPieces());
    await fs.rename(temp, file);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    // A damaged part of the workbook itself, found while patching it, or a number a generated sheet cannot hold
    // (refused as it is written): not a problem of where the file is written.
    if (e instanceof PackageError || e instanceof SheetNumberError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
      throw new WorkbookFileError(`无法写入 ${shown}：文件可能正在 Excel 或 WPS 中打开，或没有写入权限`);
    }
    const why = code === undefined ? oneLine((e as Error).message) : (WRITE_FAILURES[code] ?? `写入失败（${code}）`);
    throw new WorkbookFileError(`无法写入 ${shown}：${why}`);
  }
}
