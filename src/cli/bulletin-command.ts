/**
 * `kh bulletin <workbook> [--stage N] [--scheme scheme.json] [-o file.docx]` (SPEC §5): the Word bulletin — the
 * dispatch's, from its frozen sheet (issued in memory first when the workbook has none; the workbook is not
 * changed), or without --stage the year-end 考核结果通报. Default output: 第N期调度通报.docx / 考核结果通报.docx
 * beside the workbook.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { exportBulletin } from "../app/bulletin-docx/export-bulletin";
import { parseScheme } from "../core/scheme/parse";
import { localIsoTime } from "../core/sheets/common";
import { openXlsxFile } from "../hosts/xlsx/xlsx-file";
import type { CliIo } from "./main";
import { BulletinArgs } from "./more-args";
import { readJsonFile } from "./pipeline";

export async function bulletinCommand(args: BulletinArgs, io: CliIo, cwd: string): Promise<number> {
  const { host } = await openXlsxFile(path.resolve(cwd, args.workbook), args.workbook, { model: false });
  const scheme =
    args.scheme === undefined ? undefined : parseScheme(await readJsonFile(path.resolve(cwd, args.scheme), args.scheme)).scheme;
  const out = await exportBulletin(host, {
    ...(args.stage === undefined ? {} : { stage: args.stage }),
    ...(scheme ? { scheme } : {}),
    now: localIsoTime(io.now?.() ?? new Date()),
    issueIfMissing: true,
  });
  const output = args.output ?? path.join(path.dirname(args.workbook), out.fileName);
  const target = path.resolve(cwd, output);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, out.bytes);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new Error(`无法写入 ${output}：${(e as Error).message.replace(/\s+/g, " ")}`);
  }
  for (const w of out.warnings) io.stderr(`注意：${w}\n`);
  const from = out.sheet ? `据“${out.sheet}”，` : "";
  io.stdout(`已写入 ${output}（${from}${out.document.title}；校验码 ${out.document.code}）\n`);
  return 0;
}
