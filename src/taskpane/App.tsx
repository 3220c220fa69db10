/**
 * The task pane: 数据 → 方案 → 生成 → 调度通报 → 抽签 → 解释, on whatever host it is given (Excel, WPS, or the
 * in-memory workbook of the browser playground and the tests). `<App host={host} locale="zh-CN" />`.
 */
import * as React from "react";
import { FluentProvider, Spinner, Subtitle2, Tab, TabList, Title2, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { WorkbookHost } from "../hosts/host";
import { MemoryHost } from "../hosts/memory/memory-host";
import { boot } from "./boot";
import { BusyBar } from "./components/BusyBar";
import { NoticeBar } from "./components/NoticeBar";
import { Lang, pickLang } from "./i18n";
import { LangProvider, useT } from "./lang";
import { TABS, TabId, Notice } from "./state";
import { usePane } from "./usePane";
import { BulletinTab } from "./tabs/BulletinTab";
import { DataTab } from "./tabs/DataTab";
import { DrawTab } from "./tabs/DrawTab";
import { ExplainTab } from "./tabs/ExplainTab";
import { GenerateTab } from "./tabs/GenerateTab";
import { SchemeTab } from "./tabs/SchemeTab";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "480px",
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { color: "#c8102e", margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3, margin: 0 },
  tabs: { flexWrap: "wrap", marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

export interface AppProps {
  /** The workbook to work on; without it the pane finds its host itself (see boot.ts). */
  host?: WorkbookHost;
  /** Office's display language ("zh-CN", "en-US"…): zh-* or unknown → Chinese, anything else → English. */
  locale?: string;
  /** The language directly (older callers). */
  lang?: Lang;
  /** Lines to show at the start (an optional requirement set that is missing…). */
  notes?: string[];
}

export function App({ host, locale, lang, notes }: AppProps): React.JSX.Element {
  const language: Lang = lang ?? pickLang(locale);
  // Without a host (the WPS page's own entry renders <App lang=…/>): find it once.
  const [own] = React.useState<WorkbookHost | undefined>(() => (host ? undefined : bootHost()));
  return (
    <FluentProvider theme={webLightTheme} lang={language === "zh" ? "zh-CN" : "en"}>
      <LangProvider lang={language}>
        <Pane host={(host ?? own) as WorkbookHost} notes={notes} />
      </LangProvider>
    </FluentProvider>
  );
}

/** The host boot picks (WPS, Excel, or an empty in-memory workbook when neither is there). */
function bootHost(): WorkbookHost {
  try {
    const b = boot();
    return b.ok ? b.host : new MemoryHost();
  } catch {
    return new MemoryHost();
  }
}

const PANELS: Record<TabId, React.ComponentType<{ pane: ReturnType<typeof usePane> }>> = {
  data: DataTab,
  scheme: SchemeTab,
  generate: GenerateTab,
  bulletin: BulletinTab,
  draw: DrawTab,
  explain: ExplainTab,
};

function Pane({ host, notes }: { host: WorkbookHost; notes?: string[] }): React.JSX.Element {
  const styles = useStyles();
  const t = useT();
  const pane = usePane(host, t);
  const [tab, setTab] = React.useState<TabId>("data");
  const Panel = PANELS[tab];
  const startNotice: Notice | undefined = notes?.length ? { intent: "warning", title: t("titleWarning"), lines: notes, id: -1, focus: false } : undefined;
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {t("title")}
        </Title2>
        <Subtitle2 as="p" className={styles.subtitle}>
          {t("subtitle")}
        </Subtitle2>
      </header>
      <NoticeBar notice={startNotice} />
      {pane.state.loading ? (
        <Spinner label={t("loadingWorkbook")} />
      ) : (
        <>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label={t("tabsLabel")}
          >
            {TABS.map((id) => (
              <Tab key={id} id={`kh-tab-${id}`} value={id} aria-controls={`kh-panel-${id}`}>
                {t(`tab_${id}`)}
              </Tab>
            ))}
          </TabList>
          <BusyBar busy={pane.state.busy} />
          <div role="tabpanel" id={`kh-panel-${tab}`} aria-labelledby={`kh-tab-${tab}`}>
            <Panel pane={pane} />
          </div>
        </>
      )}
    </main>
  );
}
