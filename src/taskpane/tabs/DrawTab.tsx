/** 抽签: a list (the unit column by default), how many, a seed (now, editable); the result and how to re-check it. */
import * as React from "react";
import { Button, Field, Input, SpinButton, Text } from "@fluentui/react-components";
import { ColumnDropdown } from "../components/ColumnDropdown";
import { NoticeBar } from "../components/NoticeBar";
import { useT } from "../lang";
import { seedFromTime } from "../state";
import { Pane } from "../usePane";
import { spinValue } from "./SchemeSettings";
import { useTabStyles } from "./styles";

export function DrawTab({ pane }: { pane: Pane }): React.JSX.Element {
  const t = useT();
  const styles = useTabStyles();
  const { state, actions } = pane;
  const columns = state.draft?.columns.filter((c) => c.header) ?? [];
  const unitLetter = state.draft?.columns.find((c) => c.role === "name")?.letter;
  const [letter, setLetter] = React.useState<string | undefined>(undefined);
  const [count, setCount] = React.useState(3);
  const [seed, setSeed] = React.useState(() => seedFromTime(new Date()));
  const list = letter ?? unitLetter;
  const draw = async () => {
    if (!list) return;
    await actions.draw(list, count, seed.trim());
  };
  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{t("drawIntro")}</Text>
      <ColumnDropdown label={t("drawList")} columns={columns} value={list} onChange={(l) => setLetter(l)} />
      <Field label={t("drawCount")}>
        <SpinButton
          className={styles.short}
          // Fluent's default names of the step buttons are English ("Increment value").
          incrementButton={{ "aria-label": t("spinUp") }}
          decrementButton={{ "aria-label": t("spinDown") }}
          min={1}
          max={1000}
          value={count}
          onChange={(_, d) => {
            const v = spinValue(d);
            if (v !== undefined && v >= 1) setCount(v);
          }}
        />
      </Field>
      <Field label={t("drawSeed")} hint={t("drawSeedHint")} required>
        <Input value={seed} onChange={(_, d) => setSeed(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void draw()} disabled={!!state.busy || !list || !seed.trim()}>
          {t("draw")}
        </Button>
      </div>
      <NoticeBar notice={state.notices.draw} />
      {state.draw && (
        <>
          <ol className={styles.list} aria-label={t("draw")} data-testid="draw-result">
            {state.draw.result.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
          <Text className={styles.muted}>
            {t("drawRecheck", { formula: "" })}
            <span className={styles.code}>{state.draw.formula}</span>
          </Text>
          <Text className={styles.muted}>
            {t("drawCode", { code: "" })}
            <span className={styles.code}>{state.draw.code}</span>
          </Text>
        </>
      )}
    </div>
  );
}
