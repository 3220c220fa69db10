/**
 * The pane's state as plain data, and the pure helpers around it (no React): messages from errors, whether the
 * draft differs from the scheme saved in the workbook, the first unit of each group.
 */
import { SchemeDraft, schemeFromDraft } from "../core/scheme-from-roles";
import { Scheme } from "../core/scheme/types";
import { UnitResult } from "../core/unit-result";
import type { Explanation } from "../core/explain";
import type { VerifyResult } from "../app/verify";
import { DataSheet } from "./data-source";
import { MessageKey } from "./i18n";

export type TabId = "data" | "scheme" | "generate" | "bulletin" | "draw" | "explain";
export const TABS: readonly TabId[] = ["data", "scheme", "generate", "bulletin", "draw", "explain"];

export type ActionId = "load" | "detect" | "save" | "generate" | "bulletin" | "draw" | "explain" | "verify" | "exportWord";

export type Intent = "success" | "error" | "warning" | "info";

/** A result message shown on a tab. `title` is already translated; `lines` are shown as they are. */
export interface Notice {
  intent: Intent;
  title: string;
  lines: string[];
  /** Changes with every new notice, so the message takes focus again after each action. */
  id: number;
  /** Move focus to it (after a clerk's action; not for what the pane found on opening). */
  focus: boolean;
}

export interface Busy {
  action: ActionId;
  label: MessageKey;
  /** A step of a long action, as the workflow reports it, and how far it is (0–1). */
  step?: string;
  fraction?: number;
}

export interface BoardSummary {
  written: string[];
  units: UnitResult[];
  warnings: string[];
  problems: string[];
}

export type Formulas = "native" | "kh" | "values";

export interface PaneState {
  loading: boolean;
  data?: DataSheet;
  draft?: SchemeDraft;
  /** The scheme in the workbook's 考核方案 sheet (loaded or last saved), as JSON, to tell unsaved edits. */
  savedJson?: string;
  busy?: Busy;
  notices: Partial<Record<TabId, Notice>>;
  board?: BoardSummary;
  bulletin?: { sheet: string; text: string; warnings: string[] };
  draw?: { result: string[]; sheet: string; formula: string; code: string };
  /** The last Word bulletin exported: its file name, code, how it was saved, and its text (to copy where no file can be saved). */
  exported?: { fileName: string; code: string; text: string; saved: boolean };
  /** The last 核验: each frozen record and whether it is as written. */
  verify?: VerifyResult;
  explanation?: { sheet: string; address: string; explanation: Explanation };
}

export const INITIAL_STATE: PaneState = { loading: true, notices: {} };

/** The lines of an error: SchemeError, DataError and WorkflowError carry `messages`, others a message. */
export function errorLines(e: unknown): string[] {
  if (e && typeof e === "object") {
    const messages = (e as { messages?: unknown }).messages;
    if (Array.isArray(messages) && messages.length && messages.every((m) => typeof m === "string")) return messages as string[];
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && message.trim()) return message.split("\n").filter((l) => l.trim());
  }
  return [String(e)];
}

/** The scheme a draft builds, or the problems that stop it. */
export function tryScheme(draft: SchemeDraft | undefined): { scheme?: Scheme; warnings: string[]; problems: string[] } {
  if (!draft) return { warnings: [], problems: [] };
  try {
    const { scheme, warnings } = schemeFromDraft(draft);
    return { scheme, warnings, problems: [] };
  } catch (e) {
    return { warnings: [], problems: errorLines(e) };
  }
}

/** Has the draft changed since the scheme was saved (or was it never saved)? */
export function isDirty(state: Pick<PaneState, "savedJson">, scheme: Scheme | undefined): boolean {
  return !!scheme && JSON.stringify(scheme) !== state.savedJson;
}

/** The first unit of each group (rank 1, not vetoed), in the order the groups first appear. */
export function firstPlaces(units: readonly UnitResult[]): UnitResult[] {
  const out = new Map<string, UnitResult>();
  for (const u of units) if (u.rank === 1 && !u.vetoed && !out.has(u.group)) out.set(u.group, u);
  return [...out.values()];
}

/** The time as a draw's seed: 20251122103015 (digits only, so a cell typed with it stays the same text or number). */
export function seedFromTime(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

/** `=KH.DRAW('村级考核'!A2:A17, 3, "20251122103015")`: the formula that re-checks a draw. */
export function drawFormula(list: string, n: number, seed: string): string {
  return `=KH.DRAW(${list}, ${n}, "${seed.replace(/"/g, '""')}")`;
}

/** 0.3 → “30%”. */
export function percent(v: number): string {
  return `${Math.round(v * 10000) / 100}%`;
}
