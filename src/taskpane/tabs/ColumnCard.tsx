/**
 * One column of the clerk's table on the 方案 tab, as an accordion item: the header line sums it up
 * (“F 出生率‰ · 指标 · 逆向指标 · 10 分”); opened, it has the role and, for an indicator, its name, method, points
 * and the method's parameters. Closed items render no fields, which keeps a 20-column table short in a narrow pane.
 */
import * as React from "react";
import { AccordionHeader, AccordionItem, AccordionPanel, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import {
  ColumnDraft,
  DraftRole,
  OF_ROLES,
  ROLES,
  SchemeDraft,
  setColumnRole,
  setIndicatorMethod,
  updateColumn,
  updateIndicator,
  IndicatorDraft,
} from "../../core/scheme-from-roles";
import { METHODS } from "../../core/scheme/labels";
import { Method } from "../../core/scheme/types";
import { NumberField } from "../components/NumberInput";
import { ColumnDropdown } from "../components/ColumnDropdown";
import { MessageKey, Translate } from "../i18n";
import { useT } from "../lang";
import { useTabStyles } from "./styles";

/** The parameters each method asks for, in the order shown. */
const PARAMS: Readonly<Record<Method, readonly (keyof IndicatorDraft & MessageKey)[]>> = {
  points: [],
  target: ["target", "cap"],
  limit: ["limit", "step", "deduct"],
  efficacy: ["good", "bad", "base"],
  grade: [],
  benchmark: [],
  rank: ["step"],
  // 民主评议 is made of the columns with the role 评议票数 (its name, points and weights are settings).
  vote: [],
};

/** Is the indicator blended with periodic scores (a 平时成绩 column of its own, or other sheets' columns)? */
function hasPeriodic(draft: SchemeDraft, column: ColumnDraft): boolean {
  return !!column.indicator?.periodic?.length || draft.columns.some((c) => c.role === "periodic" && c.of === column.letter);
}

export function columnTitle(column: ColumnDraft): string {
  return `${column.letter} ${column.header}`.trim();
}

/** “指标 · 逆向指标 · 分值 10 · 第 5 次调度完成数”: the role, and what else the column is used for. */
export function columnSummary(column: ColumnDraft, t: Translate, draft?: SchemeDraft): string {
  const parts = [t(`role_${column.role}`)];
  const p = draft?.settings.progress;
  const extra: string[] = [];
  if (p?.task === column.letter) extra.push(t("use_task"));
  p?.done.forEach((l, k) => l === column.letter && extra.push(p.done.length > 1 ? t("use_doneStage", { n: k + 1 }) : t("use_done")));
  if (draft?.settings.threshold?.letter === column.letter) extra.push(t("thresholdTable"));
  // A column used only for the dispatch is not “ignored”: say what it is used for instead.
  if (column.role === "ignore" && extra.length) parts.pop();
  if (column.role === "indicator" && column.indicator) {
    parts.push(t(`method_${column.indicator.method}`), `${t("points")} ${Number.isFinite(column.indicator.points) ? column.indicator.points : "?"}`);
  }
  if (column.role === "fine" && column.fineAmount !== undefined) parts.push(t("fineSummary", { amount: column.fineAmount }));
  const owner = OF_ROLES.includes(column.role) ? draft?.columns.find((c) => c.letter === column.of) : undefined;
  if (owner) parts.push(`${t("ofIndicator")} ${owner.indicator?.name ?? columnTitle(owner)}`);
  return [...parts, ...extra].join(" · ");
}

export function ColumnCard(props: { column: ColumnDraft; draft: SchemeDraft; edit: (change: (d: SchemeDraft) => SchemeDraft) => void }): React.JSX.Element {
  const { column, draft, edit } = props;
  const t = useT();
  const styles = useTabStyles();
  const title = columnTitle(column);
  const ind = column.indicator;
  const setInd = (patch: Partial<IndicatorDraft>) => edit((d) => updateIndicator(d, column.letter, patch));
  return (
    <AccordionItem value={column.letter}>
      <AccordionHeader size="small" as="h4">
        <span className={styles.headerText}>
          <b>{title}</b>
          <span className={styles.muted}> · {columnSummary(column, t, draft)}</span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div role="group" aria-label={title} className={styles.card}>
          <Field label={t("roleOf", { column: title })}>
            <Dropdown
              value={t(`role_${column.role}`)}
              selectedOptions={[column.role]}
              onOptionSelect={(_, d) => d.optionValue && edit((dr) => setColumnRole(dr, column.letter, d.optionValue as DraftRole))}
            >
              {ROLES.map((r) => (
                <Option key={r} value={r}>
                  {t(`role_${r}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {column.role === "indicator" && ind && (
            <>
              <Field label={t("indicatorName")}>
                <Input value={ind.name} onChange={(_, d) => setInd({ name: d.value })} />
              </Field>
              <div className={styles.pair}>
                <Field label={t("method")}>
                  <Dropdown
                    value={t(`method_${ind.method}`)}
                    selectedOptions={[ind.method]}
                    onOptionSelect={(_, d) => d.optionValue && edit((dr) => setIndicatorMethod(dr, column.letter, d.optionValue as Method))}
                  >
                    {METHODS.map((m) => (
                      <Option key={m} value={m}>
                        {t(`method_${m}`)}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
                <NumberField label={t("points")} value={ind.points} onChange={(v) => setInd({ points: v as number })} required />
              </div>
              {PARAMS[ind.method].length > 0 && (
                <div className={styles.pair}>
                  {PARAMS[ind.method].map((key) => (
                    <NumberField key={key} label={t(key)} value={ind[key] as number | undefined} onChange={(v) => setInd({ [key]: v })} />
                  ))}
                </div>
              )}
              {ind.method === "grade" && ind.grades && (
                <div className={styles.pair}>
                  {Object.entries(ind.grades).map(([grade, factor]) => (
                    <NumberField
                      key={grade}
                      label={t("gradeFactor", { grade })}
                      value={factor}
                      onChange={(v) => setInd({ grades: { ...ind.grades, [grade]: v as number } })}
                    />
                  ))}
                </div>
              )}
            </>
          )}
          {column.role === "indicator" && ind && hasPeriodic(draft, column) && (
            <>
              <NumberField label={t("periodicWeight")} value={ind.periodicWeight ?? 0.3} onChange={(v) => setInd({ periodicWeight: v })} />
              {ind.periodic?.length ? <span className={styles.muted}>{t("otherSheetPeriodic", { refs: ind.periodic.join("、") })}</span> : null}
            </>
          )}
          {OF_ROLES.includes(column.role) && (
            <ColumnDropdown
              label={t("ofIndicator")}
              columns={draft.columns.filter((c) => c.role === "indicator")}
              value={column.of}
              onChange={(letter) => edit((d) => updateColumn(d, column.letter, { of: letter }))}
            />
          )}
          {column.role === "fine" && (
            <NumberField
              label={t("fineAmount")}
              value={column.fineAmount}
              onChange={(v) => edit((d) => updateColumn(d, column.letter, { fineAmount: v }))}
            />
          )}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}
