/** The task pane, minimal for now: what 考核助手 is and how to reach its functions. The working pane comes later. */
import * as React from "react";
import {
  Body1,
  Caption1,
  FluentProvider,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { Lang, STRINGS } from "./i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  title: {
    color: "#c8102e",
  },
});

export interface AppProps {
  lang: Lang;
}

export function App({ lang }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const t = STRINGS[lang];
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
      <main className={styles.root}>
        <header>
          <Title2 as="h1" className={styles.title}>
            {t.title}
          </Title2>
          <Subtitle2 as="p" block>
            {t.subtitle}
          </Subtitle2>
        </header>
        <Body1 as="p" block>
          {t.intro}
        </Body1>
        <Caption1 as="p" block>
          {t.functionsHint}
        </Caption1>
      </main>
    </FluentProvider>
  );
}
