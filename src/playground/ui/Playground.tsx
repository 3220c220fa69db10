/**
 * The playground page: a tool bar (open a file, the samples, download), the workbook on the left (formula bar,
 * grid, sheet tabs) and the task pane on the right, 350 px as in Excel, getting the in-memory host.
 */
import * as React from "react";
import { address } from "../../core/sheet-model";
import { WorkbookHost } from "../../hosts/host";
import { App } from "../../taskpane/App";
import { Lang } from "../../taskpane/i18n";
import { LiveWorkbook } from "../live-workbook";
import { GridSelection } from "../playground-host";
import { memoryFromXlsx, xlsxFromMemory } from "../xlsx-io";
import { FormulaBar } from "./FormulaBar";
import { CellPos, Grid, editText } from "./Grid";
import { SheetTabs } from "./SheetTabs";
import { SheetCharts } from "./SheetCharts";

export interface Sample {
  file: string;
  url: string;
}

interface PlaygroundProps {
  live: LiveWorkbook;
  host: WorkbookHost;
  /** Where the host reads the grid's selection from. */
  selection: React.MutableRefObject<GridSelection | undefined>;
  lang: Lang;
  samples: Sample[];
}

type Status = { kind: "info" | "error"; text: string };

/** "村级考核.xlsx" → "村级考核-考核结果.xlsx", as the command line names its output. */
export function downloadName(file: string): string {
  const base = file.replace(/\.xlsx$/i, "").replace(/-考核结果$/, "");
  return `${base}-考核结果.xlsx`;
}

export function Playground({ live, host, selection, lang, samples }: PlaygroundProps): React.JSX.Element {
  const version = React.useSyncExternalStore(live.subscribe, live.getVersion);
  const [fileName, setFileName] = React.useState(samples[0]?.file ?? "工作簿.xlsx");
  /** Bumped when another workbook is opened, so the pane starts afresh on it. */
  const [opened, setOpened] = React.useState(0);
  const [selections, setSelections] = React.useState<Record<string, CellPos>>({});
  const [status, setStatus] = React.useState<Status>({ kind: "info", text: "正在载入示例工作簿……" });

  const visible = live.memory.sheets.filter((s) => s.visibility === "visible");
  const sheet = visible.find((s) => s.name === live.memory.active) ?? visible[0];
  const pos = (sheet && selections[sheet.name]) ?? { row: 0, col: 0 };

  React.useLayoutEffect(() => {
    selection.current = sheet ? { sheet: sheet.name, row: pos.row, col: pos.col } : undefined;
  }, [selection, sheet, pos.row, pos.col]);

  const open = React.useCallback(
    async (bytes: Uint8Array, name: string) => {
      try {
        const next = await memoryFromXlsx(bytes, name);
        live.reload(next);
        setSelections({});
        setFileName(name);
        setOpened((n) => n + 1);
        setStatus({ kind: "info", text: `已打开 ${name}（${next.sheets.filter((s) => s.visibility === "visible").length} 个工作表）` });
      } catch (e) {
        setStatus({ kind: "error", text: (e as Error).message });
      }
    },
    [live]
  );

  const openSample = React.useCallback(
    async (sample: Sample) => {
      try {
        const response = await fetch(sample.url);
        if (!response.ok) throw new Error(`无法载入示例 ${sample.file}（HTTP ${response.status}）`);
        await open(new Uint8Array(await response.arrayBuffer()), sample.file);
      } catch (e) {
        setStatus({ kind: "error", text: (e as Error).message });
      }
    },
    [open]
  );

  React.useEffect(() => {
    if (samples[0]) void openSample(samples[0]);
  }, [samples, openSample]);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    await open(new Uint8Array(await file.arrayBuffer()), file.name);
  };

  const download = async () => {
    try {
      const bytes = await xlsxFromMemory(live.memory);
      const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = downloadName(fileName);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ kind: "info", text: `已下载 ${a.download}` });
    } catch (e) {
      setStatus({ kind: "error", text: `无法生成下载文件：${(e as Error).message}` });
    }
  };

  const select = (p: CellPos) => sheet && setSelections((s) => ({ ...s, [sheet.name]: p }));
  const edit = (p: CellPos, text: string) => {
    if (!sheet) return;
    try {
      live.edit(sheet.name, p.row, p.col, text);
    } catch (e) {
      setStatus({ kind: "error", text: (e as Error).message });
    }
  };

  const tabId = (name: string) => `kh-pg-tab-${visible.findIndex((s) => s.name === name)}`;

  return (
    <div className="playground">
      <header className="toolbar">
        <h1 className="brand">
          考核助手 <span className="brand-sub">试用 · Playground</span>
        </h1>
        <label className="button">
          打开 .xlsx 文件…
          <input
            className="visually-hidden"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
          />
        </label>
        {samples.map((s) => (
          <button key={s.file} type="button" className="button" onClick={() => void openSample(s)}>
            示例：{s.file}
          </button>
        ))}
        <button type="button" className="button primary" onClick={() => void download()} disabled={!sheet}>
          下载工作簿
        </button>
        <p className={`status ${status.kind}`} role={status.kind === "error" ? "alert" : "status"} aria-live="polite">
          {status.text}
        </p>
      </header>
      <section className="workbook" aria-label={`工作簿 ${fileName}`}>
        {sheet ? (
          <>
            <FormulaBar
              address={address(pos.row, pos.col)}
              text={editText(live, sheet.name, pos)}
              version={`${sheet.name}!${pos.row},${pos.col}@${version}`}
              onCommit={(text) => edit(pos, text)}
            />
            <div className="sheet-panel" role="tabpanel" aria-labelledby={tabId(sheet.name)}>
              <Grid
                live={live}
                sheet={sheet}
                version={version}
                selection={pos}
                onSelect={select}
                onEdit={edit}
                label={`工作表 ${sheet.name}`}
              />
              <SheetCharts sheet={sheet} />
            </div>
            <SheetTabs names={visible.map((s) => s.name)} active={sheet.name} onSelect={(name) => live.setActive(name)} idOf={tabId} />
          </>
        ) : (
          <p className="empty">没有打开的工作簿。</p>
        )}
      </section>
      <div className="pane">
        <App key={opened} host={host} lang={lang} />
      </div>
    </div>
  );
}
