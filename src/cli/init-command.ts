/**
 * `kh init <workbook> [-o scheme.json] [--sheet NAME] [--write]` (SPEC §5): the scheme the task pane would guess,
 * as JSON for the clerk to edit (printed, or written to -o), or with --write added as the 考核方案 sheet to a copy
 * of the workbook (-o, default “<input>-考核方案.xlsx”; the input is never changed).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { guessScheme } from "../app/guess-scheme";
import { saveScheme } from "../app/workflow";
import { openXlsxFile, saveXlsxFile } from "../hosts/xlsx/xlsx-file";
import type { CliIo } from "./main";
import { InitArgs } from "./more-args";

export function defaultSchemeCopy(input: string): string {
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-考核方案.xlsx`);
}

export async function initCommand(args: InitArgs, io: CliIo, cwd: string): Promise<number> {
  const { host } = await openXlsxFile(path.resolve(cwd, args.workbook), args.workbook, { model: false });
  const guess = await guessScheme(host, args.sheet);
  const found = `在“${guess.sheet}”找到数据表：表头在第 ${guess.headerRow} 行，共 ${guess.units} 个单位，${guess.scheme.indicators.length} 项指标`;
  for (const w of guess.warnings) io.stderr(`注意：${w}\n`);
  if (args.write) {
    const output = args.output ?? defaultSchemeCopy(args.workbook);
    if (path.resolve(cwd, output) === path.resolve(cwd, args.workbook)) throw new Error(`输出文件不能是原工作簿本身：${output}`);
    await saveScheme(host, guess.scheme);
    await saveXlsxFile(host, path.resolve(cwd, output), output);
    io.stdout(`${found}\n已写入 ${output}：考核方案（请核对每列的用途和分值，再用 kh score 评分）\n`);
    return 0;
  }
  const json = `${JSON.stringify(guess.scheme, null, 2)}\n`;
  if (args.output === undefined) {
    io.stdout(json);
    if (io.stderrIsTTY) io.stderr(`${found}\n`);
    return 0;
  }
  try {
    await fs.writeFile(path.resolve(cwd, args.output), json, "utf8");
  } catch (e) {
    throw new Error(`无法写入 ${args.output}：${(e as Error).message.replace(/\s+/g, " ")}`);
  }
  io.stdout(`${found}\n已写入 ${args.output}（请核对每列的用途和分值，再用 kh score --scheme ${args.output} 评分）\n`);
  return 0;
}
