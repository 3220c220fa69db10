/**
 * The bulletin as a document (SPEC §4 “The bulletin as a document”), as plain data that a writer (app/bulletin-docx)
 * lays out in the GB/T 9704 page: the 第N期 line, office and date, the title, the salutation, 一、总体进展 /
 * 二、排名情况 (per group 龙榜 and 虎榜 with completion; 连续N次后三名) / 三、奖惩, the closing, the sender and date,
 * and the full ranking table as 附件; the 校验码 for the footer. The year-end 考核结果通报 has the same shape
 * (一、总体情况 / 二、考核结果 / 三、奖惩兑现, the results table as 附件).
 *
 * API: `dispatchDocument({ scheme, frozen, streaks })`, `yearEndDocument({ scheme, units, now })` → BulletinDocument;
 * `documentText(doc)` → the document as plain text (the fallback a clerk pastes into WPS 文字 or Word).
 */
import { Scheme } from "../scheme/types";
import { UnitResult } from "../unit-result";
import { DRAGON, TIGER } from "../leaderboard";
import { bulletinWords } from "../bulletin-defaults";
import { Cell } from "../values";
import { checkCode } from "../check/check-code";
import { chineseCount, displayTime } from "../sheets/common";
import { FrozenBulletin, rawText } from "./read-bulletin-sheet";

export type BlockKind = "salutation" | "h1" | "h2" | "body";

export interface Block {
  kind: BlockKind;
  text: string;
}

export interface DocTable {
  /** “附件” heading’s title line, e.g. “第3次调度排名情况表”. */
  title: string;
  headers: string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
  /** Per row: 龙榜 / 虎榜 / "" (shaded as on the sheet). */
  marks: string[];
}

export interface BulletinDocument {
  kind: "dispatch" | "yearEnd";
  /** 第N期 (the dispatch number; the year for the year-end result). */
  issue: string;
  office: string;
  /** 2025年11月22日. */
  date: string;
  title: string;
  blocks: Block[];
  /** 附件：… (the line before the sender). */
  attachmentNote: string;
  attachment: DocTable;
  /** The 校验码 printed in the footer. */
  code: string;
  /** A file name for it: 第3期调度通报.docx, 考核结果通报.docx. */
  fileName: string;
}

const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

/** “2025-11-22 10:30” or an ISO time → 2025年11月22日 (as 成文日期 is written, in Arabic numerals). */
export function documentDate(time: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(displayTime(time));
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : time;
}

const names = (list: readonly string[]) => (list.length ? list.join("、") : "无");

function column(frozen: FrozenBulletin, header: string): number {
  return frozen.header.indexOf(header);
}

const cellShown = (v: Cell, header: string): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && (header === "完成率" || header === "应达")) return `${(v * 100).toFixed(1)}%`;
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : String(Number(v.toFixed(2)));
  return rawText(v);
};

export interface DispatchDocumentInput {
  scheme: Pick<Scheme, "name" | "bulletin" | "leaderboard">;
  stage: number;
  frozen: FrozenBulletin;
  /** Units in the last places two dispatches or more in a row, as the 调度记录 warns of them at this dispatch. */
  streaks: readonly { name: string; group: string; streak: number }[];
}

export function dispatchDocument(input: DispatchDocumentInput): BulletinDocument {
  const { scheme, stage, frozen } = input;
  const words = bulletinWords(scheme);
  const [nameC, groupC, markC, rateC] = ["单位", "分组", "标记", "完成率"].map((h) => column(frozen, h));
  const units = frozen.rows.map((r) => ({
    name: rawText(r[nameC]),
    group: groupC >= 0 ? rawText(r[groupC]) : "",
    mark: markC >= 0 ? rawText(r[markC]) : "",
    rate: rateC >= 0 && typeof r[rateC] === "number" ? (r[rateC] as number) : null,
  }));
  const groups = [...new Set(units.map((u) => u.group))];
  const shown = (u: (typeof units)[number]) => (u.rate === null ? u.name : `${u.name}（${pct(u.rate)}）`);
  const blocks: Block[] = [{ kind: "salutation", text: words.salutation }];
  const progress = frozen.sentences.filter((s) => !/龙榜：/.test(s) && !/^请注意，连续/.test(s));
  blocks.push({ kind: "h1", text: "一、总体进展" }, ...progress.map((text) => ({ kind: "body" as const, text })));
  blocks.push({ kind: "h1", text: "二、排名情况" });
  const grouped = groups.length > 1 || groups[0] !== "";
  groups.forEach((g, i) => {
    const members = units.filter((u) => u.group === g);
    const board = (mark: string) => names(members.filter((u) => u.mark === mark).map(shown));
    if (grouped) blocks.push({ kind: "h2", text: `（${chineseCount(i + 1)}）${g || "未分组"}` });
    blocks.push({ kind: "body", text: `龙榜：${board(DRAGON)}。` }, { kind: "body", text: `虎榜：${board(TIGER)}。` });
  });
  const bottom = chineseCount(scheme.leaderboard?.bottom ?? 3);
  const streaks = [...input.streaks].filter((s) => s.streak >= 2).sort((a, b) => b.streak - a.streak);
  blocks.push({ kind: "h2", text: `（${chineseCount((grouped ? groups.length : 0) + 1)}）连续处于后${bottom}名的单位` });
  blocks.push({
    kind: "body",
    text: streaks.length
      ? `${streaks.map((s) => `${s.name}（连续${s.streak}次）`).join("、")}，连续两次及以上处于后${bottom}名。`
      : `本次调度没有连续两次及以上处于后${bottom}名的单位。`,
  });
  const dragons = units.filter((u) => u.mark === DRAGON).map((u) => u.name);
  const tigers = units.filter((u) => u.mark === TIGER).map((u) => u.name);
  blocks.push({ kind: "h1", text: "三、奖惩" });
  blocks.push({ kind: "body", text: `对列入龙榜的${names(dragons)}予以通报表扬。` });
  blocks.push({ kind: "body", text: `对列入虎榜的${names(tigers)}予以通报批评，限期整改，并在下次调度时报告整改情况。` });
  if (streaks.length)
    blocks.push({
      kind: "body",
      text: `对连续两次及以上处于后${bottom}名的${names(streaks.map((s) => s.name))}，由主要负责人作出书面说明。`,
    });
  blocks.push({ kind: "body", text: words.closing });

  // Every column of the sheet's table but a blank one (分组 without groups).
  const headers = frozen.header.filter((h, c) => h !== "" && frozen.rows.some((r) => rawText(r[c]) !== ""));
  const at = headers.map((h) => frozen.header.indexOf(h));
  const tableTitle = `第${stage}次调度排名情况表`;
  return {
    kind: "dispatch",
    issue: `第${stage}期`,
    office: words.office,
    date: documentDate(frozen.generated),
    title: `关于${scheme.name}第${stage}次调度情况的通报`,
    blocks,
    attachmentNote: `附件：${tableTitle}`,
    attachment: {
      title: tableTitle,
      headers,
      rows: frozen.rows.map((r) => at.map((c, k) => cellShown(r[c], headers[k]))),
      widths: headers.map((h) => (h === "单位" ? 4 : h === "分组" ? 3 : 2)),
      marks: units.map((u) => u.mark),
    },
    code: frozen.code ?? checkCode([frozen.header, ...frozen.rows]),
    fileName: `第${stage}期调度通报.docx`,
  };
}

export interface YearEndDocumentInput {
  scheme: Pick<Scheme, "name" | "bulletin" | "precision" | "grades">;
  units: readonly UnitResult[];
  now: string;
}

/** The year-end 考核结果通报: 等次, 分组名次 and 奖惩兑现, the results table as 附件. */
export function yearEndDocument(input: YearEndDocumentInput): BulletinDocument {
  const { scheme, units } = input;
  const words = bulletinWords(scheme);
  const groups = [...new Set(units.map((u) => u.group))];
  const grouped = groups.length > 1 || groups[0] !== "";
  const ordered = groups.flatMap((g) => units.filter((u) => u.group === g).sort((a, b) => a.rank - b.rank));
  const total = (u: UnitResult) => u.total.toFixed(scheme.precision ?? 2);
  const blocks: Block[] = [{ kind: "salutation", text: words.salutation }];
  blocks.push({ kind: "h1", text: "一、总体情况" });
  const gradeCounts = (scheme.grades ?? []).map(([, g]) => g).filter((g, i, all) => all.indexOf(g) === i);
  const counted = gradeCounts.map((g) => `${g} ${units.filter((u) => u.grade === g).length} 个`).filter((s) => !/ 0 个$/.test(s));
  blocks.push({
    kind: "body",
    text:
      `${scheme.name}共有 ${units.length} 个单位参加考核${grouped ? `，分${groups.map((g) => g || "未分组").join("、")} ${groups.length} 组排名` : ""}。` +
      (counted.length ? `评定等次：${counted.join("，")}。` : ""),
  });
  const vetoed = units.filter((u) => u.vetoed).map((u) => u.name);
  if (vetoed.length) blocks.push({ kind: "body", text: `${names(vetoed)}被一票否决，不参加评先评优。` });
  blocks.push({ kind: "h1", text: "二、考核结果" });
  groups.forEach((g, i) => {
    const members = ordered.filter((u) => u.group === g);
    const board = (mark: string) => names(members.filter((u) => u.mark === mark).map((u) => `${u.name}（${total(u)} 分）`));
    if (grouped) blocks.push({ kind: "h2", text: `（${chineseCount(i + 1)}）${g || "未分组"}` });
    blocks.push({ kind: "body", text: `龙榜：${board(DRAGON)}。` }, { kind: "body", text: `虎榜：${board(TIGER)}。` });
  });
  blocks.push({ kind: "h1", text: "三、奖惩兑现" });
  const awards = [...new Set(units.map((u) => u.award).filter(Boolean))];
  for (const a of awards) blocks.push({ kind: "body", text: `${a}：${names(ordered.filter((u) => u.award === a).map((u) => u.name))}。` });
  const rewarded = units.filter((u) => u.reward > 0);
  const fined = units.filter((u) => u.fines > 0);
  const sum = (list: UnitResult[], f: (u: UnitResult) => number) => list.reduce((s, u) => s + f(u), 0).toLocaleString("en-US");
  blocks.push({
    kind: "body",
    text:
      (rewarded.length ? `兑现奖励 ${rewarded.length} 个单位，合计 ${sum(rewarded, (u) => u.reward)} 元` : "本年度无奖励兑现") +
      (fined.length ? `；罚款 ${fined.length} 个单位，合计 ${sum(fined, (u) => u.fines)} 元。` : "。") +
      "明细见附件。",
  });
  if (!awards.length && !rewarded.length) blocks.pop();
  blocks.push({ kind: "body", text: words.closing });
  const headers = ["名次", "单位", ...(grouped ? ["分组"] : []), "总分", "等次", "奖项", "奖励（元）", "罚款（元）", "标记"];
  const rows = ordered.map((u) => [
    String(u.rank),
    u.name,
    ...(grouped ? [u.group] : []),
    total(u),
    u.grade,
    u.award,
    u.reward ? u.reward.toLocaleString("en-US") : "",
    u.fines ? u.fines.toLocaleString("en-US") : "",
    u.mark,
  ]);
  const year = /^(\d{4})/.exec(input.now)?.[1] ?? "";
  return {
    kind: "yearEnd",
    issue: `${year}年`,
    office: words.office,
    date: documentDate(input.now),
    title: `关于${scheme.name}结果的通报`,
    blocks,
    attachmentNote: "附件：考核结果及奖惩兑现表",
    attachment: {
      title: "考核结果及奖惩兑现表",
      headers,
      rows,
      widths: headers.map((h) => (h === "单位" ? 4 : h === "分组" || h === "奖项" ? 3 : 2)),
      marks: ordered.map((u) => u.mark),
    },
    // The results are not a frozen record: the code is over the 附件 table as printed, so a posted copy can be checked.
    code: checkCode([headers, ...rows]),
    fileName: "考核结果通报.docx",
  };
}

/** The document as plain text, one paragraph a line: the fallback for hosts that cannot download a file. */
export function documentText(doc: BulletinDocument): string {
  const lines = [
    doc.issue,
    `${doc.office}　${doc.date}`,
    "",
    doc.title,
    "",
    ...doc.blocks.map((b) => (b.kind === "body" ? `　　${b.text}` : b.text)),
  ];
  lines.push("", `　　${doc.attachmentNote}`, "", doc.office, doc.date, "", `附件：${doc.attachment.title}`);
  lines.push(doc.attachment.headers.join("\t"), ...doc.attachment.rows.map((r) => r.join("\t")), "", `校验码：${doc.code}`);
  return lines.join("\n");
}
