/**
 * The pane's state and actions: one hook, so the tabs stay small and only render. Every action runs through
 * `run`, which shows the busy indicator, turns a failure into a message on the tab, and never leaves the pane
 * busy. The workbook work itself is the workflow's (src/app/workflow): it writes everything or nothing.
 */
import * as React from "react";
import { SchemeDraft, columnTexts, draftFromScheme, draftFromTable, keepEdits } from "../core/scheme-from-roles";
import { Scheme } from "../core/scheme/types";
import { columnLetter } from "../core/sheet-model";
import { WorkbookHost } from "../hosts/host";
import { explainCell, generateBoard, generateBulletin, loadScheme, recordDraw, saveScheme } from "../app/workflow";
import { verifyWorkbook } from "../app/verify";
import { saveFile } from "./save-file";
import { checkLine } from "../core/check/verify-records";
import {
  DataSheet,
  columnRange,
  detectFromSelection,
  otherTables,
  readSchemeData,
  tableAtHeader,
  topLeft,
  cellAddress,
} from "./data-source";
import { MessageKey, Translate, stepText } from "./i18n";
import { ActionId, Formulas, INITIAL_STATE, Intent, Notice, PaneState, TabId, drawFormula, errorLines, isDirty, tryScheme } from "./state";

export interface PaneActions {
  detect(): Promise<void>;
  setHeaderRow(row: number): void;
  editDraft(change: (d: SchemeDraft) => SchemeDraft): void;
  save(): Promise<void>;
  generate(formulas: Formulas): Promise<void>;
  bulletin(stage: number): Promise<void>;
  draw(letter: string, n: number, seed: string): Promise<void>;
  explain(address?: string): Promise<void>;
  /** 核验: recompute the 校验码 of every bulletin and draw record. */
  verify(): Promise<void>;
  /** 导出 Word 通报: the .docx of an issued dispatch's bulletin, saved or downloaded where the host allows it. */
  exportWord(stage: number): Promise<void>;
}

export interface Pane {
  state: PaneState;
  /** The scheme the draft builds (undefined while it has problems), its warnings and problems. */
  scheme?: Scheme;
  schemeWarnings: string[];
  schemeProblems: string[];
  dirty: boolean;
  actions: PaneActions;
}

/** Thrown inside an action to end it with a message of the pane's own (not an error of the workbook). */
class PaneMessage extends Error {
  constructor(
    readonly intent: Intent,
    readonly title: string,
    readonly lines: string[] = []
  ) {
    super(title);
  }
}

let noticeId = 0;

export function usePane(host: WorkbookHost, t: Translate): Pane {
  const [state, setState] = React.useState<PaneState>(INITIAL_STATE);
  // Actions read the latest state through a ref: they are async and must not act on a stale render's state.
  const ref = React.useRef(state);
  ref.current = state;
  const patch = React.useCallback((p: Partial<PaneState> | ((s: PaneState) => Partial<PaneState>)) => {
    setState((s) => {
      const next = { ...s, ...(typeof p === "function" ? p(s) : p) };
      ref.current = next;
      return next;
    });
  }, []);

  const notify = React.useCallback(
    (tab: TabId, intent: Intent, title: string, lines: string[] = [], focus = true) => {
      const notice: Notice = { intent, title, lines, id: ++noticeId, focus };
      patch((s) => ({ notices: { ...s.notices, [tab]: notice } }));
    },
    [patch]
  );

  /** Run one action: busy indicator on, failure → message on `tab` (titled `failTitle`), busy off. */
  const run = React.useCallback(
    async (action: ActionId, label: MessageKey, tab: TabId, failTitle: MessageKey, work: () => Promise<void>) => {
      if (ref.current.busy) return;
      patch({ busy: { action, label } });
      try {
        await work();
      } catch (e) {
        if (e instanceof PaneMessage) notify(tab, e.intent, e.title, e.lines);
        else notify(tab, "error", t(failTitle), errorLines(e));
      } finally {
        patch({ busy: undefined });
      }
    },
    [patch, notify, t]
  );

  const adopt = React.useCallback(
    (data: DataSheet, draft: SchemeDraft, savedJson?: string) => {
      patch({ data, draft, ...(savedJson !== undefined ? { savedJson } : {}) });
    },
    [patch]
  );

  /** Detect the table from the selection and start a draft from the guessed roles. */
  const detectInto = React.useCallback(
    async (focus: boolean, extra: string[] = []) => {
      const current = ref.current;
      const outcome = await detectFromSelection(host, current.draft?.sheet);
      if (!outcome.ok) {
        const line = outcome.reason === "noTable" ? t("noTable", { sheet: outcome.sheet }) : t("noSheet");
        notify("data", "warning", t("detectFailed"), [line, ...extra], focus);
        return;
      }
      const { data } = outcome;
      // Re-detecting the same table keeps the clerk's roles; another table starts from fresh guesses.
      const same = current.draft && current.draft.sheet === data.sheet && current.draft.headerRow === data.table.headerRow;
      const fresh = draftFromTable(data.sheet, data.table, data.values, await otherTables(host, data.sheet));
      const draft = same && current.draft ? keepEdits(current.draft, fresh) : fresh;
      adopt(data, draft);
      const lines = [t("detected", { sheet: data.sheet, row: data.table.headerRow, count: data.table.unitRows.length })];
      if (outcome.note) lines.push(t(outcome.note, { sheet: data.sheet }));
      notify("data", extra.length ? "warning" : "success", t(extra.length ? "titleWarning" : "titleDone"), [...lines, ...extra], focus);
    },
    [host, notify, t, adopt]
  );

  // On opening: the workbook's own 考核方案 if it has one (also when it was made on another computer), else guesses.
  React.useEffect(() => {
    let cancelled = false;
    (async () => {
      let loaded: Awaited<ReturnType<typeof loadScheme>>;
      try {
        loaded = await loadScheme(host);
      } catch (e) {
        if (!cancelled) await detectInto(false, [t("schemeLoadFailed"), ...errorLines(e)]);
        return;
      }
      if (cancelled) return;
      if (loaded) {
        const { scheme } = loaded;
        const data = await readSchemeData(host, scheme.data.sheet, scheme.data.headerRow);
        if (cancelled) return;
        if (data) {
          const { draft, warnings } = draftFromScheme(scheme, data.table);
          adopt(data, draft, JSON.stringify(scheme));
          const notes = [...loaded.warnings, ...warnings];
          notify(
            "data",
            notes.length ? "warning" : "info",
            t("schemeLoaded", { name: scheme.name }),
            notes.length ? [t("schemeLoadWarnings"), ...notes] : [],
            false
          );
          return;
        }
        await detectInto(false, [t("schemeLoadFailed"), t("noTable", { sheet: scheme.data.sheet })]);
        return;
      }
      await detectInto(false);
    })()
      .catch((e) => !cancelled && notify("data", "error", t("titleError"), errorLines(e), false))
      .finally(() => !cancelled && patch({ loading: false }));
    return () => {
      cancelled = true;
    };
    // Once per host: the language may change without reloading the workbook.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const built = React.useMemo(() => tryScheme(state.draft), [state.draft]);
  const dirty = isDirty(state, built.scheme);

  /**
   * The scheme to act on. When it differs from the workbook's 考核方案 it goes with the action (the workflow writes
   * 考核方案 in the same batch, so a failure leaves neither); otherwise the workbook's own sheet is used as the clerk
   * left it, and nothing but the generated sheets changes.
   */
  const currentScheme = React.useCallback((): { scheme: Scheme; changed: boolean } => {
    const current = tryScheme(ref.current.draft);
    if (!ref.current.draft) throw new PaneMessage("warning", t("needData"));
    if (!current.scheme) throw new PaneMessage("error", t("schemeInvalid"), current.problems);
    return { scheme: current.scheme, changed: isDirty(ref.current, current.scheme) };
  }, [t]);

  const onProgress = React.useCallback(
    (step: string, fraction: number) => patch((s) => (s.busy ? { busy: { ...s.busy, step: stepText(step, t), fraction } } : {})),
    [patch, t]
  );

  const actions: PaneActions = {
    detect: () => run("detect", "detecting", "data", "detectFailed", () => detectInto(true)),

    setHeaderRow: (row) => {
      const { data, draft } = ref.current;
      if (!data || !draft || row === draft.headerRow) return;
      const table = tableAtHeader(data.values, data.merges, row);
      if (!table || !table.unitRows.length) {
        notify("data", "warning", t("titleWarning"), [t("headerRowNotHeader", { row })]);
        return;
      }
      const fresh = draftFromTable(data.sheet, table, data.values);
      patch({ data: { ...data, table }, draft: { ...fresh, settings: draft.settings } });
    },

    editDraft: (change) => {
      const { draft } = ref.current;
      if (draft) patch({ draft: change(draft) });
    },

    save: () =>
      run("save", "saving", "scheme", "saveFailed", async () => {
        const current = tryScheme(ref.current.draft);
        if (!ref.current.draft) throw new PaneMessage("warning", t("needData"));
        if (!current.scheme) throw new PaneMessage("error", t("saveFailed"), current.problems);
        await saveScheme(host, current.scheme);
        patch({ savedJson: JSON.stringify(current.scheme) });
        notify("scheme", current.warnings.length ? "warning" : "success", t("saved"), current.warnings);
      }),

    generate: (formulas) =>
      run("generate", "generating", "generate", "generateFailed", async () => {
        const { scheme, changed } = currentScheme();
        const result = await generateBoard(host, { formulas, onProgress, ...(changed ? { scheme } : {}) });
        patch({ board: result, ...(changed ? { savedJson: JSON.stringify(scheme) } : {}) });
        const lines = [
          ...(result.problems.length ? [t("dataProblems"), ...result.problems] : []),
          ...(result.warnings.length ? [t("warnings"), ...result.warnings] : []),
        ];
        const intent: Intent = result.problems.length || result.warnings.length ? "warning" : "success";
        notify("generate", intent, t("generated", { sheets: result.written.map((s) => `“${s}”`).join("、") }), lines);
      }),

    bulletin: (stage) =>
      run("bulletin", "bulletinBusy", "bulletin", "bulletinFailed", async () => {
        const { scheme, changed } = currentScheme();
        if (!scheme.progress) throw new PaneMessage("warning", t("noProgress"));
        const result = await generateBulletin(host, stage, { onProgress, ...(changed ? { scheme } : {}) });
        patch({ bulletin: result, ...(changed ? { savedJson: JSON.stringify(scheme) } : {}) });
        notify("bulletin", result.warnings.length ? "warning" : "success", t("bulletinDone", { sheet: result.sheet }), result.warnings);
      }),

    draw: (letter, n, seed) =>
      run("draw", "drawBusy", "draw", "drawFailed", async () => {
        const data = ref.current.data;
        if (!data) throw new PaneMessage("warning", t("needData"));
        // The list as it is now (the clerk may have edited the sheet since it was detected).
        const sheet = await host.readSheet(data.sheet);
        const fresh = sheet ? { ...data, values: sheet.values } : data;
        const { ref: list, rows } = columnRange(fresh, letter);
        const items = columnTexts(fresh.values, letter, rows);
        if (!items.length) throw new PaneMessage("warning", t("drawEmpty"));
        if (n > items.length) throw new PaneMessage("warning", t("drawTooMany", { m: items.length }));
        const result = await recordDraw(host, { items, n, seed, list });
        patch({ draw: { ...result, formula: drawFormula(list, n, seed) } });
        notify("draw", "success", t("drawDone", { n: result.result.length, sheet: result.sheet }));
      }),

    verify: () =>
      run("verify", "verifyBusy", "bulletin", "verifyFailed", async () => {
        const result = await verifyWorkbook(host);
        patch({ verify: result });
        if (!result.checks.length) throw new PaneMessage("info", t("verifyNone"));
        const lines = result.checks.map(checkLine);
        const counts = { n: result.changed.length, m: result.checks.length };
        notify("bulletin", counts.n ? "error" : "success", t(counts.n ? "verifyChanged" : "verifyIntact", counts), lines);
      }),

    exportWord: (stage) =>
      run("exportWord", "exportBusy", "bulletin", "exportFailed", async () => {
        // Loaded on first use: the docx writer is a quarter of the pane's script (the WPS build keeps one file).
        const { exportBulletin } = await import(/* webpackChunkName: "bulletin-docx" */ "../app/bulletin-docx/export-bulletin");
        const out = await exportBulletin(host, { stage });
        const saved = saveFile(host.kind, out.fileName, out.bytes);
        const ok = saved.kind === "saved" || saved.kind === "downloaded";
        patch({ exported: { fileName: out.fileName, code: out.document.code, text: out.text, saved: ok } });
        const code = t("exportCode", { code: out.document.code });
        if (saved.kind === "saved") notify("bulletin", "success", t("exportSaved", { path: saved.path }), [code]);
        else if (saved.kind === "downloaded")
          notify("bulletin", "success", t("exportDownloaded", { file: out.fileName }), [code, t("exportIfNoDownload")]);
        else if (saved.kind === "cancelled") notify("bulletin", "info", t("exportCancelled"));
        else notify("bulletin", "warning", t("exportNoFile"), [saved.reason, t("exportUseText")]);
      }),

    explain: (typed) =>
      run("explain", "explainBusy", "explain", "explainFailed", async () => {
        const scores = await scoresSheet(host, ref.current.board?.written);
        let address: string | undefined;
        if (typed !== undefined) {
          address = cellAddress(typed);
          if (!address) throw new PaneMessage("warning", t("explainBadAddress", { address: typed }));
        } else {
          const selection = await host.selection?.().catch(() => undefined);
          if (!selection) throw new PaneMessage("warning", t("explainNoSelection"));
          if (selection.sheet !== scores) {
            throw new PaneMessage("warning", t("explainNotScores", { where: `${selection.sheet}!${selection.address}` }));
          }
          const at = topLeft(selection.address);
          address = at && at.column !== undefined ? cellAddress(`${columnLetter(at.column)}${at.row}`) : undefined;
          if (!address) throw new PaneMessage("warning", t("explainBadAddress", { address: selection.address }));
        }
        const explanation = await explainCell(host, scores, address);
        if (!explanation) {
          patch({ explanation: undefined });
          throw new PaneMessage("info", t("explainNothing", { address: `${scores}!${address}` }));
        }
        patch({ explanation: { sheet: scores, address, explanation } });
        notify("explain", "success", t("explainTitle", { address: `${scores}!${address}` }));
      }),
  };

  return { state, scheme: built.scheme, schemeWarnings: built.warnings, schemeProblems: built.problems, dirty, actions };
}

/** The name the 得分 sheet was written under (得分, or 得分(考核助手) beside a clerk's own 得分). */
async function scoresSheet(host: WorkbookHost, written?: string[]): Promise<string> {
  const markers = await host.readMarkers();
  const marked = markers.find((m) => m.kind === "scores")?.sheet;
  return marked ?? written?.find((w) => w.startsWith("得分")) ?? "得分";
}
