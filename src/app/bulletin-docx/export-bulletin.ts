/**
 * 导出 Word 通报 / `kh bulletin` (SPEC §4, §5): the dispatch bulletin made from the frozen 第N次调度通报 sheet as it
 * stands (its latest 版), so the document says what the signed record says and carries its 校验码; or, without a
 * stage, the year-end 考核结果通报 from the scores. A sheet changed after it was written is refused (re-issue it).
 *
 * API: `exportBulletin(host, { stage?, scheme?, now?, issueIfMissing? })` → ExportedBulletin (the document, the
 * .docx bytes, a file name, the plain text for hosts that cannot download).
 */
import { BulletinDocument, dispatchDocument, documentText, yearEndDocument } from "../../core/bulletin-doc/document-model";
import { FrozenBulletin, readBulletinSheet } from "../../core/bulletin-doc/read-bulletin-sheet";
import { Scheme } from "../../core/scheme/types";
import { bulletinSheetName } from "../../core/sheets/bulletin-sheet";
import { localIsoTime } from "../../core/sheets/common";
import { Cell, readNumber, textKey } from "../../core/values";
import { WorkbookHost } from "../../hosts/host";
import { WorkflowError } from "../errors";
import { generateBulletin, loadScheme, scoreResults } from "../workflow";
import { bulletinDocx } from "./render-docx";

export interface ExportOptions {
  /** The dispatch; without it, the year-end 考核结果通报. */
  stage?: number;
  scheme?: Scheme;
  now?: string;
  /** When the stage has no bulletin sheet yet, issue it into the host first (the CLI's in-memory copy). */
  issueIfMissing?: boolean;
}

export interface ExportedBulletin {
  document: BulletinDocument;
  bytes: Uint8Array;
  fileName: string;
  /** The document as plain text (the fallback where the host cannot download a file). */
  text: string;
  /** The bulletin sheet it was made from (dispatch only). */
  sheet?: string;
  warnings: string[];
}

/** The latest issued 版 of stage N: 第N次调度通报, or its （第k版） written beside it. */
async function issuedSheet(host: WorkbookHost, stage: number): Promise<string | undefined> {
  const base = bulletinSheetName(stage);
  const names = await host.sheetNames();
  const version = (name: string) => (name === base ? 1 : Number(new RegExp(`^${base}（第(\\d+)版）$`).exec(name)?.[1] ?? 0));
  const issued = (await host.readMarkers()).filter((m) => m.kind === "bulletin" && names.includes(m.sheet) && version(m.sheet) > 0);
  return issued.sort((a, b) => version(b.sheet) - version(a.sheet))[0]?.sheet;
}

/** The 调度记录 warnings at this dispatch (the latest row of each unit for it). */
async function streaksAt(host: WorkbookHost, stage: number): Promise<{ name: string; group: string; streak: number }[]> {
  const log = (await host.readMarkers()).find((m) => m.kind === "dispatchLog");
  const values = log ? (await host.readSheet(log.sheet))?.values : undefined;
  if (!values) return [];
  const header = (values[0] ?? []).map((c) => textKey(c as Cell));
  const [stageC, nameC, groupC] = ["调度次数", "单位", "分组"].map((h) => header.indexOf(h));
  const streakC = header.findIndex((h) => /^连续.+次数$/.test(h));
  if (stageC < 0 || nameC < 0 || streakC < 0) return [];
  const byUnit = new Map<string, { name: string; group: string; streak: number }>();
  for (const row of values.slice(1)) {
    if (readNumber(row[stageC] as Cell) !== stage) continue;
    const name = textKey(row[nameC] as Cell);
    const group = groupC >= 0 ? textKey(row[groupC] as Cell) : "";
    const streak = readNumber(row[streakC] as Cell);
    if (name) byUnit.set(`${group}\u0000${name}`, { name, group, streak: typeof streak === "number" ? streak : 0 });
  }
  return [...byUnit.values()];
}

async function frozenOf(
  host: WorkbookHost,
  stage: number,
  opts: ExportOptions
): Promise<{ sheet: string; frozen: FrozenBulletin; warnings: string[] }> {
  const warnings: string[] = [];
  let sheet = await issuedSheet(host, stage);
  if (!sheet) {
    if (!opts.issueIfMissing)
      throw new WorkflowError([`工作簿中还没有“${bulletinSheetName(stage)}”：请先生成第${stage}次调度通报，再导出 Word 通报`]);
    const issued = await generateBulletin(host, stage, { scheme: opts.scheme, now: opts.now });
    warnings.push(
      ...issued.warnings,
      `工作簿中还没有“${bulletinSheetName(stage)}”，已按现有数据生成（未存入工作簿；用 kh score --stage ${stage} 存入）`
    );
    sheet = issued.sheet;
  }
  const frozen = readBulletinSheet((await host.readSheet(sheet))?.values ?? []);
  if (!frozen) throw new WorkflowError([`“${sheet}”中找不到排名表（表头“名次、单位……”），无法导出 Word 通报`]);
  if (!frozen.intact) {
    throw new WorkflowError([
      `“${sheet}”在生成后被改动过（校验码不符），不能据此导出通报：请重新生成第${stage}次调度通报（将另存为新的一版）`,
    ]);
  }
  return { sheet, frozen, warnings };
}

export async function exportBulletin(host: WorkbookHost, opts: ExportOptions = {}): Promise<ExportedBulletin> {
  let document: BulletinDocument;
  let sheet: string | undefined;
  const warnings: string[] = [];
  if (opts.stage !== undefined) {
    const got = await frozenOf(host, opts.stage, opts);
    ({ sheet } = got);
    warnings.push(...got.warnings);
    const scheme = opts.scheme ?? (await loadScheme(host))?.scheme;
    if (!scheme) throw new WorkflowError(["找不到考核方案：工作簿中没有“考核方案”工作表"]);
    document = dispatchDocument({ scheme, stage: opts.stage, frozen: got.frozen, streaks: await streaksAt(host, opts.stage) });
  } else {
    const results = await scoreResults(host, opts.scheme);
    warnings.push(...results.warnings);
    document = yearEndDocument({ scheme: results.scheme, units: results.units, now: opts.now ?? localIsoTime() });
  }
  const bytes = await bulletinDocx(document);
  return { document, bytes, fileName: document.fileName, text: documentText(document), ...(sheet ? { sheet } : {}), warnings };
}
