/** The scheme's settings that belong to no column, in collapsible sections to fit a narrow pane. */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Checkbox,
  Field,
  Input,
  Label,
  Radio,
  RadioGroup,
  SpinButton,
  SpinButtonOnChangeData,
} from "@fluentui/react-components";
import { SchemeDraft, SchemeSettings as Settings } from "../../core/scheme-from-roles";
import { ColumnDropdown } from "../components/ColumnDropdown";
import { NumberField } from "../components/NumberInput";
import { TupleTable } from "../components/TupleTable";
import { useT } from "../lang";
import { useTabStyles } from "./styles";

/** A SpinButton's whole number, typed or stepped. */
export function spinValue(d: SpinButtonOnChangeData): number | undefined {
  const v = d.value ?? (d.displayValue !== undefined ? Number.parseInt(d.displayValue, 10) : undefined);
  return v !== undefined && Number.isInteger(v) ? v : undefined;
}

export function SchemeSettings({ draft, edit }: { draft: SchemeDraft; edit: (change: (d: SchemeDraft) => SchemeDraft) => void }): React.JSX.Element {
  const t = useT();
  const styles = useTabStyles();
  const s = draft.settings;
  const set = (patch: Partial<Settings>) => edit((d) => ({ ...d, settings: { ...d.settings, ...patch } }));
  const spin = (key: "precision" | "top" | "bottom", min: number, max: number) => (
    <Field label={t(key)}>
      <SpinButton
        // Fluent's default names of the step buttons are English ("Increment value").
        incrementButton={{ "aria-label": t("spinUp") }}
        decrementButton={{ "aria-label": t("spinDown") }}
        min={min}
        max={max}
        value={s[key]}
        onChange={(_, d) => {
          const v = spinValue(d);
          if (v !== undefined && v >= min && v <= max) set({ [key]: v });
        }}
      />
    </Field>
  );
  const columns = draft.columns.filter((c) => c.header);
  return (
    <Accordion multiple collapsible>
      <AccordionItem value="veto">
        <AccordionHeader as="h3">{t("section_veto")}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Field label={t("vetoMode")}>
            <RadioGroup value={s.vetoMode} onChange={(_, d) => set({ vetoMode: d.value as Settings["vetoMode"] })}>
              <Radio value="exclude" label={t("vetoExclude")} />
              <Radio value="zero" label={t("vetoZero")} />
            </RadioGroup>
          </Field>
          <div className={styles.pair}>
            <NumberField label={t("bonusCap")} hint={t("capHint")} value={s.bonusCap} onChange={(v) => set({ bonusCap: v ?? null })} />
            <NumberField label={t("deductionCap")} hint={t("capHint")} value={s.deductionCap} onChange={(v) => set({ deductionCap: v ?? null })} />
          </div>
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="ranking">
        <AccordionHeader as="h3">{t("section_ranking")}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <div className={styles.pair}>
            {spin("top", 0, 1000)}
            {spin("bottom", 0, 1000)}
          </div>
          {spin("precision", 0, 9)}
          <Checkbox checked={s.dense} label={t("dense")} onChange={(_, d) => set({ dense: d.checked === true })} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="grades">
        <AccordionHeader as="h3">{t("section_grades")}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <TupleTable<[number, string]>
            label={t("gradesTable")}
            columns={[
              { label: t("gradeMin"), kind: "number" },
              { label: t("gradeName"), kind: "text" },
            ]}
            rows={s.grades}
            onChange={(grades) => set({ grades })}
            blank={() => [undefined as unknown as number, ""]}
          />
          <TupleTable<[string, number, number]>
            label={t("awardsTable")}
            columns={[
              { label: t("awardName"), kind: "text", grow: 2 },
              { label: t("awardQuota"), kind: "number" },
              { label: t("awardMin"), kind: "number" },
            ]}
            rows={s.awards}
            onChange={(awards) => set({ awards })}
            blank={() => ["", 1, undefined as unknown as number]}
          />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="rewards">
        <AccordionHeader as="h3">{t("section_rewards")}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <TupleTable<[number, number]>
            label={t("byRankTable")}
            columns={[
              { label: t("rankBound"), kind: "number" },
              { label: t("amount"), kind: "number" },
            ]}
            rows={s.byRank}
            onChange={(byRank) => set({ byRank })}
            blank={() => [1, undefined as unknown as number]}
          />
          <ColumnDropdown
            label={t("thresholdColumn")}
            columns={columns}
            value={s.threshold?.letter}
            noneText={t("notAvailable")}
            onChange={(letter) => set({ threshold: letter ? { letter, tiers: s.threshold?.tiers ?? [] } : undefined })}
          />
          {s.threshold && (
            <TupleTable<[number, number]>
              label={t("thresholdTable")}
              columns={[
                { label: t("thresholdValue"), kind: "number" },
                { label: t("amount"), kind: "number" },
              ]}
              rows={s.threshold.tiers}
              onChange={(tiers) => set({ threshold: { letter: s.threshold?.letter as string, tiers } })}
              blank={() => [undefined as unknown as number, undefined as unknown as number]}
            />
          )}
          <TupleTable<[number, number]>
            label={t("improvementTable")}
            columns={[
              { label: t("improvementPlaces"), kind: "number" },
              { label: t("amount"), kind: "number" },
            ]}
            rows={s.improvementTiers}
            onChange={(improvementTiers) => set({ improvementTiers })}
            blank={() => [undefined as unknown as number, undefined as unknown as number]}
          />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="v2">
        <AccordionHeader as="h3">{t("section_v2")}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <V2Settings draft={draft} set={set} />
        </AccordionPanel>
      </AccordionItem>
      <AccordionItem value="stages">
        <AccordionHeader as="h3">{t("section_stages")}</AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <ProgressColumns draft={draft} set={set} />
          <TupleTable<[number]>
            label={t("stagesTable")}
            columns={[{ label: t("stageShare"), kind: "percent" }]}
            rows={s.stages.map((v) => [v] as [number])}
            onChange={(rows) => set({ stages: rows.map((r) => r[0]) })}
            blank={() => [undefined as unknown as number]}
          />
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/** Scheme version 2 (SPEC §3.1): 民主评议's name, points and weights, the 加减分台账, 单项末位, 报酬. */
function V2Settings({ draft, set }: { draft: SchemeDraft; set: (patch: Partial<Settings>) => void }): React.JSX.Element {
  const t = useT();
  const s = draft.settings;
  const votes = draft.columns.filter((c) => c.role === "vote");
  const vote = s.vote ?? { name: "民主评议", points: 10, weights: votes.map(() => 0) };
  // A ledger unticked is remembered, so ticking it again restores it.
  const [ledger, setLedger] = React.useState(s.ledger);
  React.useEffect(() => {
    if (s.ledger) setLedger(s.ledger);
  }, [s.ledger]);
  const names = [
    ...draft.columns.filter((c) => c.role === "indicator" && c.indicator).map((c) => c.indicator!.name),
    ...(votes.length ? [vote.name] : []),
  ];
  const last = s.disqualifyLast ?? [];
  const lastId = React.useId();
  const pay = s.pay ?? { base: 0, amount: 0, full: 100, pass: 60 };
  const setPay = (patch: Partial<typeof pay>) => set({ pay: { ...pay, ...patch } });
  return (
    <>
      {votes.length > 0 && (
        <>
          <Field label={t("voteName")}>
            <Input value={vote.name} onChange={(_, d) => set({ vote: { ...vote, name: d.value } })} />
          </Field>
          <NumberField label={t("votePoints")} value={vote.points} onChange={(v) => set({ vote: { ...vote, points: v as number } })} />
          {votes.map((c, k) => (
            <NumberField
              key={c.letter}
              label={t("voteWeight", { column: c.header || c.letter })}
              value={vote.weights[k]}
              onChange={(v) => set({ vote: { ...vote, weights: votes.map((_, i) => (i === k ? (v as number) : (vote.weights[i] ?? 0))) } })}
            />
          ))}
        </>
      )}
      {ledger && (
        <Checkbox
          checked={!!s.ledger}
          label={`${t("ledgerUse")} — ${t("ledgerFound", { sheet: ledger.sheet, unit: ledger.unit, points: ledger.points })}`}
          onChange={(_, d) => set({ ledger: d.checked === true ? ledger : undefined })}
        />
      )}
      {/* A group, not a Field: a Field labels one control, and would take each checkbox's own name away. */}
      <div role="group" aria-labelledby={lastId}>
        <Label id={lastId}>{t("disqualifyLast")}</Label>
        {names.map((n) => (
          <Checkbox
            key={n}
            checked={last.includes(n)}
            label={n}
            onChange={(_, d) => set({ disqualifyLast: d.checked === true ? [...last, n] : last.filter((x) => x !== n) })}
          />
        ))}
      </div>
      <Checkbox checked={!!s.pay} label={t("payOn")} onChange={(_, d) => set({ pay: d.checked === true ? pay : undefined })} />
      {s.pay && (
        <>
          <NumberField label={t("payBase")} value={pay.base} onChange={(v) => setPay({ base: v ?? 0 })} />
          <NumberField label={t("payAmount")} value={pay.amount} onChange={(v) => setPay({ amount: v ?? 0 })} />
          <NumberField label={t("payFull")} value={pay.full} onChange={(v) => setPay({ full: v ?? 100 })} />
          <NumberField label={t("payPass")} value={pay.pass} onChange={(v) => setPay({ pass: v ?? 0 })} />
        </>
      )}
    </>
  );
}

/** 任务数 and 完成数 columns: one cumulative 完成数 column, or one per dispatch stage (第1次, 第2次…). */
function ProgressColumns({ draft, set }: { draft: SchemeDraft; set: (patch: Partial<Settings>) => void }): React.JSX.Element {
  const t = useT();
  const p = draft.settings.progress;
  const columns = draft.columns.filter((c) => c.header);
  const [perStage, setPerStage] = React.useState((p?.done.length ?? 0) > 1);
  const update = (task: string | undefined, done: string[]) =>
    set({ progress: task || done.some(Boolean) ? { ...(task ? { task } : {}), done } : undefined });
  const done = p?.done ?? [];
  return (
    <>
      <ColumnDropdown label={t("progressTask")} columns={columns} value={p?.task} noneText={t("notAvailable")} onChange={(task) => update(task, done)} />
      <Checkbox
        checked={perStage}
        label={t("perStageDone")}
        onChange={(_, d) => {
          const on = d.checked === true;
          setPerStage(on);
          // One column for every stage from the one there was; back to one column keeps the last stage's.
          if (on) update(p?.task, draft.settings.stages.map(() => done[0] ?? ""));
          else update(p?.task, done.filter(Boolean).slice(-1));
        }}
      />
      {perStage ? (
        draft.settings.stages.map((_, k) => (
          <ColumnDropdown
            key={k}
            label={t("stageDone", { n: k + 1 })}
            columns={columns}
            value={done[k] || undefined}
            noneText={t("notAvailable")}
            onChange={(letter) => update(p?.task, draft.settings.stages.map((__, i) => (i === k ? (letter ?? "") : (done[i] ?? ""))))}
          />
        ))
      ) : (
        <ColumnDropdown
          label={t("progressDone")}
          columns={columns}
          value={done[0] || undefined}
          noneText={t("notAvailable")}
          onChange={(letter) => update(p?.task, letter ? [letter] : [])}
        />
      )}
    </>
  );
}
