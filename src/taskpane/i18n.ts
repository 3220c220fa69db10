/**
 * The pane's texts. Chinese is the product's language; English is shown only when Office's display language is
 * known and is not Chinese (an English Office on a clerk's machine is rare, a visiting auditor's is not).
 */
export type Lang = "zh" | "en";

export interface PaneStrings {
  title: string;
  subtitle: string;
  intro: string;
  functionsHint: string;
}

export const STRINGS: Record<Lang, PaneStrings> = {
  zh: {
    title: "考核助手",
    subtitle: "目标管理考核",
    intro: "按考核方案计分、一票否决、加减分与规模系数，分组排名，生成龙虎榜、等次、奖惩兑现表和调度通报。",
    functionsHint: "在单元格中输入 =KH. 即可使用 17 个考核函数，例如 =KH.RANKIN(B2, B$2:B$20)。",
  },
  en: {
    title: "考核助手",
    subtitle: "KaoHe — target-management assessment",
    intro:
      "Scores units by the assessment scheme (vetoes, bonuses and deductions, size coefficients), ranks them by group, and makes the leaderboard, grades, rewards sheet and dispatch bulletins.",
    functionsHint: "Type =KH. in a cell to use the 17 assessment functions, e.g. =KH.RANKIN(B2, B$2:B$20).",
  },
};

/** The pane's language from Office.context.displayLanguage ("zh-CN", "en-US", …); unknown → Chinese. */
export function pickLang(displayLanguage: string | undefined | null): Lang {
  const tag = (displayLanguage ?? "").trim().toLowerCase();
  if (tag === "" || tag.startsWith("zh")) return "zh";
  return "en";
}
