/**
 * `kh score` over a folder or several files (SPEC §5): a county office scoring every township's workbook. Each file
 * is scored by itself (the same pipeline, its output beside it), one line per file; a bad file is reported on its
 * line and does not stop the others; exit 1 if any failed.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ScoreArgs } from "./args";
import type { CliIo } from "./main";
import { scoreWorkbook } from "./pipeline";

/** Our own outputs in a folder are not inputs (else a second run would score the results too). */
const OUTPUT_SUFFIX = "-考核结果.xlsx";

async function isFolder(file: string): Promise<boolean> {
  return fs.stat(file).then(
    (s) => s.isDirectory(),
    () => false
  );
}

/** The .xlsx files of a folder (not its subfolders), by name; Excel's lock files (~$) and our outputs left out. */
async function folderWorkbooks(folder: string, shown: string): Promise<string[]> {
  const names = await fs.readdir(folder);
  return names
    .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$") && !n.startsWith(".") && !n.endsWith(OUTPUT_SUFFIX))
    .sort((a, b) => a.localeCompare(b, "zh-CN"))
    .map((n) => path.join(shown, n));
}

/** The workbooks to score one by one, or undefined for a single file (scored as before). */
export async function batchOf(args: ScoreArgs, cwd: string): Promise<string[] | undefined> {
  const given = args.workbooks ?? [args.workbook];
  const folders = await Promise.all(given.map((g) => isFolder(path.resolve(cwd, g))));
  if (given.length === 1 && !folders[0]) return undefined;
  if (args.output !== undefined) throw new Error("同时处理多个工作簿时不能用 -o：每个结果写在各自的原文件旁边");
  const out: string[] = [];
  for (const [i, g] of given.entries()) out.push(...(folders[i] ? await folderWorkbooks(path.resolve(cwd, g), g) : [g]));
  if (!out.length) throw new Error(`${given.join("、")} 中没有 .xlsx 工作簿`);
  return out;
}

export async function scoreMany(files: readonly string[], args: ScoreArgs, io: CliIo, errorLine: (e: unknown) => string): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const json: Record<string, unknown>[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const r = await scoreWorkbook(
        { ...args, workbook: file, workbooks: undefined },
        { cwd, now: io.now?.() ?? new Date(), progress: () => undefined, warn: () => undefined }
      );
      const first = r.results.filter((u) => u.rank === 1 && !u.vetoed).map((u) => u.name);
      const line = `${file}：已写入 ${r.output}（${r.results.length} 个单位${first.length ? `，第一名：${first.join("、")}` : ""}）`;
      if (args.json)
        json.push({
          file,
          output: r.output,
          results: r.results.map((u) => ({ name: u.name, group: u.group, total: u.total, rank: u.rank })),
        });
      else io.stdout(`${line}\n`);
    } catch (e) {
      failed++;
      if (args.json) json.push({ file, error: errorLine(e) });
      else io.stdout(`${file}：错误：${errorLine(e)}\n`);
    }
  }
  if (args.json) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  const summary = `共 ${files.length} 个工作簿：${files.length - failed} 个已评分${failed ? `，${failed} 个失败` : ""}`;
  (args.json ? io.stderr : io.stdout)(`${summary}\n`);
  return failed ? 1 : 0;
}
