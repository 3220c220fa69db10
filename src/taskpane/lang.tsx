/** The pane's language for every component: `useT()` gives the translator of the language the App was given. */
import * as React from "react";
import { Lang, Translate, translator } from "./i18n";

const LangContext = React.createContext<{ lang: Lang; t: Translate }>({ lang: "zh", t: translator("zh") });

export function LangProvider({ lang, children }: { lang: Lang; children: React.ReactNode }): React.JSX.Element {
  const value = React.useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useT(): Translate {
  return React.useContext(LangContext).t;
}

export function useLang(): Lang {
  return React.useContext(LangContext).lang;
}
