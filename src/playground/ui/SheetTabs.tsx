/** The sheet tabs under the grid: the visible sheets in workbook order; arrows move between tabs as in a tab list. */
import * as React from "react";

interface SheetTabsProps {
  names: string[];
  active: string | undefined;
  onSelect(name: string): void;
  /** The id of a tab, which the sheet's panel is labelled by. */
  idOf(name: string): string;
}

export function SheetTabs({ names, active, onSelect, idOf }: SheetTabsProps): React.JSX.Element {
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const to =
      e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? names.length - 1 : -1;
    if (to < 0 || to >= names.length) return;
    e.preventDefault();
    onSelect(names[to]);
    refs.current[to]?.focus();
  };
  return (
    <div className="sheet-tabs" role="tablist" aria-label="工作表">
      {names.map((name, i) => (
        <button
          key={name}
          ref={(el) => {
            refs.current[i] = el;
          }}
          id={idOf(name)}
          type="button"
          role="tab"
          aria-selected={name === active}
          tabIndex={name === active ? 0 : -1}
          className={name === active ? "tab active" : "tab"}
          onClick={() => onSelect(name)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
