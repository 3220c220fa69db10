/** The formula bar: the selected cell's address and its formula (or value), editable; Enter commits, Escape undoes. */
import * as React from "react";

interface FormulaBarProps {
  address: string;
  /** The selected cell's formula, or its value as typed. */
  text: string;
  /** Redraw key: a new selection or a recalculation resets what is shown. */
  version: string;
  onCommit(text: string): void;
}

export function FormulaBar({ address, text, version, onCommit }: FormulaBarProps): React.JSX.Element {
  const [draft, setDraft] = React.useState(text);
  React.useEffect(() => setDraft(text), [text, version]);
  return (
    <div className="formula-bar">
      <input className="name-box" readOnly tabIndex={-1} aria-label="名称框（所选单元格）" value={address} />
      <span className="fx" aria-hidden="true">
        fx
      </span>
      <input
        className="formula-input"
        aria-label={`编辑栏：${address} 的公式或值`}
        value={draft}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onCommit(draft);
          } else if (e.key === "Escape") {
            e.preventDefault();
            setDraft(text);
          }
        }}
      />
    </div>
  );
}
