/** Pick a column of the data sheet (“C 列 党建”), optionally with a “none” choice. */
import * as React from "react";
import { Dropdown, Field, Option } from "@fluentui/react-components";
import { ColumnDraft } from "../../core/scheme-from-roles";
import { useT } from "../lang";

const NONE = "__none__";

export function ColumnDropdown(props: {
  label: string;
  columns: readonly ColumnDraft[];
  value: string | undefined;
  onChange: (letter: string | undefined) => void;
  /** The text of the “none” choice; without it a column must be chosen. */
  noneText?: string;
  hint?: string;
}): React.JSX.Element {
  const t = useT();
  const { label, columns, value, onChange, noneText, hint } = props;
  const text = (c: ColumnDraft) => t("columnOption", { letter: c.letter, header: c.header }).trim();
  const selected = columns.find((c) => c.letter === value);
  return (
    <Field label={label} hint={hint}>
      <Dropdown
        value={selected ? text(selected) : (noneText ?? "")}
        selectedOptions={[selected ? selected.letter : NONE]}
        onOptionSelect={(_, d) => onChange(d.optionValue && d.optionValue !== NONE ? d.optionValue : undefined)}
      >
        {noneText !== undefined && <Option value={NONE}>{noneText}</Option>}
        {columns.map((c) => (
          <Option key={c.letter} value={c.letter}>
            {text(c)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
