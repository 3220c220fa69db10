/** 生成: one button writes or refreshes 得分 (live formulas), 龙虎榜 and 奖惩兑现, then shows who came first. */
import * as React from "react";
import { Button, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { NoticeBar } from "../components/NoticeBar";
import { useT } from "../lang";
import { Formulas, firstPlaces } from "../state";
import { Pane } from "../usePane";
import { useTabStyles } from "./styles";

const FORMULAS: readonly Formulas[] = ["native", "kh", "values"];

export function GenerateTab({ pane }: { pane: Pane }): React.JSX.Element {
  const t = useT();
  const styles = useTabStyles();
  const { state, actions } = pane;
  const [formulas, setFormulas] = React.useState<Formulas>("native");
  const leaders = state.board ? firstPlaces(state.board.units) : [];
  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{t("generateIntro")}</Text>
      <Field label={t("formulas")}>
        <RadioGroup value={formulas} onChange={(_, d) => setFormulas(d.value as Formulas)}>
          {FORMULAS.map((f) => (
            <Radio key={f} value={f} label={t(`formulas_${f}`)} />
          ))}
        </RadioGroup>
      </Field>
      {pane.dirty && <Text className={styles.muted}>{t("unsaved")}</Text>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void actions.generate(formulas)} disabled={!!state.busy || !state.draft}>
          {t("generate")}
        </Button>
      </div>
      <NoticeBar notice={state.notices.generate} />
      {leaders.length > 0 && (
        <ul className={styles.list} aria-label={t("leaders")}>
          {leaders.map((u) => (
            <li key={`${u.group}/${u.name}`}>{t("firstPlace", { group: u.group || t("allUnits"), name: u.name, total: u.total })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
