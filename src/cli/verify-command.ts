/** `kh verify <workbook>` (SPEC §5): each frozen record as 完好 or 已被改动, exit 1 when any was changed. */
import * as path from "path";
import { checkLine } from "../core/check/verify-records";
import { verifyWorkbook } from "../app/verify";
import { openXlsxFile } from "../hosts/xlsx/xlsx-file";
import { VerifyArgs } from "./more-args";

export async function verifyCommand(args: VerifyArgs, cwd: string, stdout: (t: string) => void): Promise<number> {
  const { host } = await openXlsxFile(path.resolve(cwd, args.workbook), args.workbook, { model: false });
  const { checks, changed } = await verifyWorkbook(host);
  if (!checks.length) {
    stdout(`${args.workbook}：没有找到冻结的记录（调度通报、抽签记录），无需核验\n`);
    return 0;
  }
  const summary = changed.length
    ? `共 ${checks.length} 份记录，${changed.length} 份已被改动：${changed.map((c) => c.record).join("、")}`
    : `共 ${checks.length} 份记录，全部完好`;
  stdout(`${checks.map(checkLine).join("\n")}\n${summary}\n`);
  return changed.length ? 1 : 0;
}
