/** What a long action is doing: a progress bar (with the step and how far, when the action reports them). */
import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import { Busy } from "../state";
import { useT } from "../lang";

export function BusyBar({ busy }: { busy?: Busy }): React.JSX.Element | null {
  const t = useT();
  if (!busy) return null;
  const label = t(busy.label);
  return (
    <Field label={label} validationMessage={busy.step} validationState="none" role="status" aria-live="polite">
      <ProgressBar
        aria-label={label}
        value={busy.fraction !== undefined ? Math.max(0, Math.min(1, busy.fraction)) : undefined}
        thickness="large"
      />
    </Field>
  );
}
