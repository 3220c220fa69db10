/**
 * 核验 in the workbook (SPEC §4 有据可查), for `kh verify` and the pane: every sheet a marker names as a bulletin
 * or a draw log is read as it stands and each of its records checked (core/check/verify-records).
 *
 * API: `verifyWorkbook(host)` → { checks, changed } (checks in sheet order; changed = the ones 已被改动).
 */
import { RecordCheck, verifyBulletin, verifyDrawLog } from "../core/check/verify-records";
import { WorkbookHost } from "../hosts/host";

export type { RecordCheck } from "../core/check/verify-records";

export interface VerifyResult {
  checks: RecordCheck[];
  changed: RecordCheck[];
}

export async function verifyWorkbook(host: WorkbookHost): Promise<VerifyResult> {
  const names = await host.sheetNames();
  const markers = await host.readMarkers();
  const checks: RecordCheck[] = [];
  for (const name of names) {
    const kind = markers.find((m) => m.sheet === name)?.kind;
    if (kind !== "bulletin" && kind !== "drawLog") continue;
    const sheet = await host.readSheet(name);
    if (!sheet) continue;
    checks.push(...(kind === "bulletin" ? verifyBulletin(name, sheet.values) : verifyDrawLog(name, sheet.values)));
  }
  return { checks, changed: checks.filter((c) => c.status === "changed") };
}
