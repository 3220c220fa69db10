/**
 * A small editable table (等次, 奖项, 奖励档次, 阶段要求): one line per row, a remove button per row, an add button.
 * Every input is named “<table>第 n 行<field>” for screen readers, as the columns' headers are only visual.
 */
import * as React from "react";
import { Button, Input, makeStyles, tokens } from "@fluentui/react-components";
import { NumberInput } from "./NumberInput";
import { useT } from "../lang";

export type CellKind = "number" | "percent" | "text";
export type TupleCell = number | string | undefined;

export interface TupleColumn {
  label: string;
  kind: CellKind;
  /** Relative width (flex-grow). */
  grow?: number;
}

const useStyles = makeStyles({
  // A fieldset is at least as wide as its content unless told otherwise (min-inline-size: min-content), which
  // pushed the rows out of a 350px pane.
  table: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, border: "none", padding: 0, margin: 0, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  head: { display: "flex", columnGap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalXS, alignItems: "center" },
  cell: { minWidth: 0, "& input": { minWidth: 0 } },
  spacer: { width: "32px", flexShrink: 0 },
});

export function TupleTable<T extends TupleCell[]>(props: {
  label: string;
  columns: TupleColumn[];
  rows: T[];
  onChange: (rows: T[]) => void;
  /** The row a click on “add” appends. */
  blank: () => T;
}): React.JSX.Element {
  const { label, columns, rows, onChange, blank } = props;
  const styles = useStyles();
  const t = useT();
  const setCell = (r: number, c: number, v: TupleCell) => onChange(rows.map((row, i) => (i === r ? (row.map((x, j) => (j === c ? v : x)) as T) : row)));
  const grow = (c: TupleColumn) => ({ flexGrow: c.grow ?? 1, flexBasis: 0 });
  return (
    <fieldset className={styles.table}>
      <legend className={styles.legend}>{label}</legend>
      {rows.length > 0 && (
        <div className={styles.head} aria-hidden="true">
          {columns.map((c) => (
            <span key={c.label} style={grow(c)}>
              {c.label}
            </span>
          ))}
          <span className={styles.spacer} />
        </div>
      )}
      {rows.map((row, r) => (
        <div className={styles.row} key={r}>
          {columns.map((col, c) => {
            const name = t("rowLabel", { table: label, n: r + 1, field: col.label });
            return col.kind === "text" ? (
              <Input key={c} className={styles.cell} style={grow(col)} aria-label={name} value={String(row[c] ?? "")} onChange={(_, d) => setCell(r, c, d.value)} />
            ) : (
              <NumberInput
                key={c}
                className={styles.cell}
                aria-label={name}
                percent={col.kind === "percent"}
                value={typeof row[c] === "number" ? (row[c] as number) : undefined}
                onChange={(v) => setCell(r, c, v)}
                style={grow(col)}
              />
            );
          })}
          <Button
            appearance="subtle"
            size="small"
            aria-label={`${label}：${t("removeRow", { n: r + 1 })}`}
            title={t("removeRow", { n: r + 1 })}
            onClick={() => onChange(rows.filter((_, i) => i !== r))}
          >
            ✕
          </Button>
        </div>
      ))}
      <div>
        <Button size="small" aria-label={`${label}：${t("addRow")}`} onClick={() => onChange([...rows, blank()])}>
          + {t("addRow")}
        </Button>
      </div>
    </fieldset>
  );
}
