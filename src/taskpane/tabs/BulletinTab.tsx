/** 调度通报: the stage (with what the scheme requires by then), one button, the bulletin's text and warnings. */
import * as React from "react";
import { Button, Dropdown, Field, Option, Text, Textarea } from "@fluentui/react-components";
import { NoticeBar } from "../components/NoticeBar";
import { useT } from "../lang";
import { percent } from "../state";
import { Pane } from "../usePane";
import { useTabStyles } from "./styles";

export function BulletinTab({ pane }: { pane: Pane }): React.JSX.Element {
  const t = useT();
  const styles = useTabStyles();
  const { state, actions } = pane;
  const stages = state.draft?.settings.stages ?? [];
  const progress = state.draft?.settings.progress;
  const hasProgress = !!progress?.task && progress.done.some(Boolean);
  const [stage, setStage] = React.useState(1);
  const chosen = Math.min(stage, Math.max(1, stages.length));
  const option = (n: number) => t("stageOption", { n, pct: stages[n - 1] !== undefined ? percent(stages[n - 1]) : "?" });
  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{t("bulletinIntro")}</Text>
      {!hasProgress && <Text className={styles.muted}>{t("noProgress")}</Text>}
      <Field label={t("stage")}>
        <Dropdown
          value={stages.length ? option(chosen) : ""}
          selectedOptions={[String(chosen)]}
          onOptionSelect={(_, d) => d.optionValue && setStage(Number(d.optionValue))}
          disabled={!stages.length}
        >
          {stages.map((_, i) => (
            <Option key={i} value={String(i + 1)} text={option(i + 1)}>
              {option(i + 1)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void actions.bulletin(chosen)} disabled={!!state.busy || !hasProgress}>
          {t("bulletin")}
        </Button>
        <Button onClick={() => void actions.exportWord(chosen)} disabled={!!state.busy || !stages.length} title={t("exportHint")}>
          {t("exportWord")}
        </Button>
        <Button onClick={() => void actions.verify()} disabled={!!state.busy} title={t("verifyHint")}>
          {t("verify")}
        </Button>
      </div>
      <NoticeBar notice={state.notices.bulletin} />
      {state.exported && (
        <Field label={t("exportText")}>
          <Textarea value={state.exported.text} readOnly resize="vertical" rows={state.exported.saved ? 4 : 12} onFocus={(e) => e.target.select()} />
        </Field>
      )}
      {state.bulletin && (
        <section aria-label={t("bulletinText")}>
          <h3 className={styles.heading}>{t("bulletinText")}</h3>
          <p className={styles.text}>{state.bulletin.text}</p>
        </section>
      )}
    </div>
  );
}
