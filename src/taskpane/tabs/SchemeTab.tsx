/** 方案: each column's role with guesses from its header, the total points against 100, the other settings, save. */
import * as React from "react";
import { Accordion, Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { sameValue } from "../../core/round";
import { totalPoints } from "../../core/scheme-from-roles";
import { NoticeBar } from "../components/NoticeBar";
import { useT } from "../lang";
import { Pane } from "../usePane";
import { ColumnCard } from "./ColumnCard";
import { SchemeSettings } from "./SchemeSettings";
import { useTabStyles } from "./styles";

export function SchemeTab({ pane }: { pane: Pane }): React.JSX.Element {
  const t = useT();
  const styles = useTabStyles();
  const { state, actions, schemeProblems, dirty } = pane;
  const { draft } = state;
  if (!draft) {
    return (
      <div className={styles.panel}>
        <Text>{t("needData")}</Text>
        <NoticeBar notice={state.notices.scheme} />
      </div>
    );
  }
  const total = Math.round(totalPoints(draft) * 1e6) / 1e6;
  const full = sameValue(total, 100);
  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{t("schemeIntro")}</Text>
      <Field label={t("schemeName")}>
        <Input
          value={draft.settings.name}
          onChange={(_, d) => actions.editDraft((x) => ({ ...x, settings: { ...x.settings, name: d.value } }))}
        />
      </Field>
      <Text role="status" className={full ? styles.ok : styles.off} data-testid="total-points">
        {t("totalPoints", { total })}
      </Text>
      <h3 className={styles.heading}>{t("columnsHeading")}</h3>
      <Accordion multiple collapsible>
        {draft.columns
          .filter((c) => c.header)
          .map((c) => (
            <ColumnCard key={c.letter} column={c} draft={draft} edit={actions.editDraft} />
          ))}
      </Accordion>
      <SchemeSettings draft={draft} edit={actions.editDraft} />
      {!full && <Text className={styles.muted}>{t("totalNot100", { total })}</Text>}
      {schemeProblems.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <ul className={styles.list}>
              {schemeProblems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {dirty && <Text className={styles.muted}>{t("unsaved")}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void actions.save()} disabled={!!state.busy}>
          {t("saveScheme")}
        </Button>
      </div>
      <NoticeBar notice={state.notices.scheme} />
    </div>
  );
}
