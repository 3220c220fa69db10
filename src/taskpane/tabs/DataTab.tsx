/** 数据: the table found around the selection — sheet, header row, unit and group columns, units — editable. */
import * as React from "react";
import { Button, Field, Input, SpinButton, Text } from "@fluentui/react-components";
import { setColumnRole } from "../../core/scheme-from-roles";
import { NoticeBar } from "../components/NoticeBar";
import { ColumnDropdown } from "../components/ColumnDropdown";
import { useT } from "../lang";
import { Pane } from "../usePane";
import { useTabStyles } from "./styles";

export function DataTab({ pane }: { pane: Pane }): React.JSX.Element {
  const t = useT();
  const styles = useTabStyles();
  const { state, actions } = pane;
  const { data, draft } = state;
  const columns = draft?.columns.filter((c) => c.header) ?? [];
  const nameLetter = draft?.columns.find((c) => c.role === "name")?.letter;
  const groupLetter = draft?.columns.find((c) => c.role === "group")?.letter;
  const rows = data?.table.unitRows ?? [];
  const numeric = data ? data.table.columns.filter((c) => c.kind === "number" && c.header) : [];
  return (
    <div className={styles.panel}>
      <Text className={styles.intro}>{t("dataIntro")}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void actions.detect()} disabled={!!state.busy}>
          {t("detect")}
        </Button>
      </div>
      <NoticeBar notice={state.notices.data} />
      {data && draft && (
        <>
          <div className={styles.pair}>
            <Field label={t("dataSheet")}>
              <Input value={data.sheet} readOnly />
            </Field>
            <Field label={t("headerRow")}>
              <SpinButton
                // Fluent's default names of the step buttons are English ("Increment value").
                incrementButton={{ "aria-label": t("spinUp") }}
                decrementButton={{ "aria-label": t("spinDown") }}
                min={1}
                max={Math.max(1, data.values.length)}
                value={draft.headerRow}
                onChange={(_, d) => {
                  const v = d.value ?? (d.displayValue !== undefined ? Number.parseInt(d.displayValue, 10) : NaN);
                  if (Number.isInteger(v) && v >= 1) actions.setHeaderRow(v);
                }}
              />
            </Field>
          </div>
          <ColumnDropdown
            label={t("unitColumn")}
            columns={columns}
            value={nameLetter}
            onChange={(letter) => letter && actions.editDraft((d) => setColumnRole(d, letter, "name"))}
          />
          <ColumnDropdown
            label={t("groupColumn")}
            columns={columns}
            value={groupLetter}
            noneText={t("noGroup")}
            onChange={(letter) =>
              actions.editDraft((d) =>
                letter ? setColumnRole(d, letter, "group") : groupLetter ? setColumnRole(d, groupLetter, "ignore") : d
              )
            }
          />
          <dl className={styles.facts}>
            <dt className={styles.term}>{t("unitCount")}</dt>
            <dd className={styles.detail}>
              {rows.length ? t("unitRange", { count: rows.length, first: Math.min(...rows), last: Math.max(...rows) }) : t("notAvailable")}
            </dd>
            {data.table.totalRows.length > 0 && (
              <>
                <dt className={styles.term}>{t("totalRows")}</dt>
                <dd className={styles.detail}>{data.table.totalRows.join("、")}</dd>
              </>
            )}
            <dt className={styles.term}>{t("numericColumns")}</dt>
            <dd className={styles.detail}>{numeric.length ? numeric.map((c) => `${c.letter} ${c.header}`).join("、") : t("notAvailable")}</dd>
          </dl>
        </>
      )}
    </div>
  );
}
