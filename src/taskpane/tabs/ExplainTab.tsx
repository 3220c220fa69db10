/** 解释 (得分反查): how a score on 得分 came about — method, inputs with their cells, formula, numbers worked through. */
import * as React from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { NoticeBar } from "../components/NoticeBar";
import { useT } from "../lang";
import { Pane } from "../usePane";
import { useTabStyles } from "./styles";
import type { Explanation } from "../../core/explain";

export function ExplainTab({ pane }: { pane: Pane }): React.JSX.Element {
  const t = useT();
  const styles = useTabStyles();
  const { state, actions } = pane;
  const [address, setAddress] = React.useState("");
  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{t("explainIntro")}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void actions.explain()} disabled={!!state.busy}>
          {t("explainSelected")}
        </Button>
      </div>
      <form
        className={styles.actions}
        onSubmit={(e) => {
          e.preventDefault();
          void actions.explain(address);
        }}
      >
        <Field label={t("explainAddress")} style={{ flexGrow: 1 }}>
          <Input value={address} onChange={(_, d) => setAddress(d.value)} placeholder="D5" />
        </Field>
        <Button type="submit" disabled={!!state.busy || !address.trim()}>
          {t("explainGo")}
        </Button>
      </form>
      <NoticeBar notice={state.notices.explain} />
      {state.explanation && <ExplanationView explanation={state.explanation.explanation} />}
    </div>
  );
}

/** The explanation, top to bottom as a clerk checks it: whose score, by which method, from which cells, how. */
export function ExplanationView({ explanation: e }: { explanation: Explanation }): React.JSX.Element {
  const t = useT();
  const styles = useTabStyles();
  const list = (items: string[]) => (
    <ul className={styles.list}>
      {items.map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
  return (
    <section aria-label={t("explainSteps")} data-testid="explanation">
      <dl className={styles.facts}>
        <dt className={styles.term}>{t("explainUnit")}</dt>
        <dd className={styles.detail}>{e.group ? `${e.unit}（${e.group}）` : e.unit}</dd>
        <dt className={styles.term}>{t("explainMethod")}</dt>
        <dd className={styles.detail}>{e.indicator ? `${e.indicator} · ${e.method}` : `${e.column} · ${e.method}`}</dd>
        <dt className={styles.term}>{t("explainResult")}</dt>
        <dd className={styles.detail}>{e.value === null ? "" : String(e.value)}</dd>
      </dl>
      {e.inputs.length > 0 && (
        <>
          <h3 className={styles.heading}>{t("explainInputs")}</h3>
          {list(e.inputs.map((i) => i.text))}
        </>
      )}
      {e.parameters.length > 0 && (
        <>
          <h3 className={styles.heading}>{t("explainParams")}</h3>
          {list(e.parameters.map((p) => p.text))}
        </>
      )}
      {e.formula && (
        <>
          <h3 className={styles.heading}>{t("explainFormula")}</h3>
          <p className={styles.code}>{e.formula}</p>
        </>
      )}
      <h3 className={styles.heading}>{t("explainSteps")}</h3>
      {list(e.lines)}
    </section>
  );
}
