/**
 * Number entry as a clerk types it: full-width digits, thousands separators and “30%” all read (core
 * parseNumberText). The text is kept while typing; the value goes up only when it reads as a number (or is blank,
 * which goes up as undefined). `percent` shows 0.3 as “30%” and reads a bare 30 as 30%.
 */
import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { parseNumberText } from "../../core/values";
import { useT } from "../lang";

export interface NumberInputProps {
  value: number | null | undefined;
  onChange: (value: number | undefined) => void;
  percent?: boolean;
  /** Accessible name when there is no visible label (cells of a small table). */
  "aria-label"?: string;
  placeholder?: string;
  className?: string;
  style?: React.CSSProperties;
  /** Reports whether the text typed reads as a number, for a Field's validation message. */
  onValidity?: (badText: string | undefined) => void;
}

function show(v: number | null | undefined, percent: boolean): string {
  if (v === undefined || v === null || !Number.isFinite(v)) return "";
  return percent ? `${Math.round(v * 1e6) / 1e4}%` : String(v);
}

export function readTyped(text: string, percent: boolean): number | undefined | "bad" {
  const s = text.trim();
  if (!s) return undefined;
  const n = parseNumberText(s);
  if (n === undefined) return "bad";
  return percent && !/[%％]$/.test(s) ? n / 100 : n;
}

export function NumberInput({ value, onChange, percent = false, onValidity, ...rest }: NumberInputProps): React.JSX.Element {
  const [text, setText] = React.useState(() => show(value, percent));
  // A value changed from outside (another control, a method switch) replaces what is shown.
  React.useEffect(() => {
    const typed = readTyped(text, percent);
    if (typed === "bad" || typed !== (value ?? undefined)) {
      setText(show(value, percent));
      onValidity?.(undefined);
    }
    // Only when the value changes: comparing against the text being typed is the point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <Input
      {...rest}
      value={text}
      inputMode="decimal"
      onChange={(_, d) => {
        setText(d.value);
        const typed = readTyped(d.value, percent);
        if (typed === "bad") {
          onValidity?.(d.value);
          return;
        }
        onValidity?.(undefined);
        onChange(typed);
      }}
    />
  );
}

/** A labelled number field with its “not a number” message. */
export function NumberField(props: NumberInputProps & { label: string; hint?: string; required?: boolean }): React.JSX.Element {
  const t = useT();
  const { label, hint, required, ...input } = props;
  const [bad, setBad] = React.useState<string>();
  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationState={bad !== undefined ? "error" : undefined}
      validationMessage={bad !== undefined ? t("notANumber", { text: bad }) : undefined}
    >
      <NumberInput {...input} onValidity={setBad} />
    </Field>
  );
}
