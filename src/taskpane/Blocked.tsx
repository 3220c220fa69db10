/** What the pane shows instead of itself when this Excel lacks a required requirement set. */
import * as React from "react";
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import { Lang, translator } from "./i18n";

export function Blocked({ lang, messages }: { lang: Lang; messages: string[] }): React.JSX.Element {
  const t = translator(lang);
  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
      <main style={{ padding: 12 }}>
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("requirementsTitle")}</MessageBarTitle>
            <ul>
              {messages.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}
