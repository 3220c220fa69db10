/**
 * One sheet as a grid: column letters, row numbers, values formatted as the cells' number formats say, the cells'
 * fills, fonts and merged titles. Only the rows in view (and a margin) are in the DOM, so a sheet of a few hundred
 * or a few thousand rows scrolls smoothly. Keyboard as in Excel: arrows and Enter move, F2 or a double-click edits,
 * typing replaces, Delete clears; in the editor Enter and Tab commit, Escape cancels. Tab on the grid itself is left
 * alone, so it moves on to the next control.
 */
import * as React from "react";
import { address, columnLetter } from "../../core/sheet-model";
import { MemorySheet } from "../../hosts/memory/memory-workbook";
import { parseArea } from "../../hosts/render-plan";
import { LiveWorkbook } from "../live-workbook";
import { formatValue, isErrorValue } from "./format";

export const ROW_HEIGHT = 24;
const OVERSCAN = 8;
const DEFAULT_WIDTH = 88;
const ROW_HEADER_WIDTH = 44;

export interface CellPos {
  row: number;
  col: number;
}

interface GridProps {
  live: LiveWorkbook;
  sheet: MemorySheet;
  /** The live workbook's version: a change redraws the grid. */
  version: number;
  selection: CellPos;
  onSelect(pos: CellPos): void;
  onEdit(pos: CellPos, text: string): void;
  label: string;
}

export const cellId = (row: number, col: number) => `kh-pg-cell-${row}-${col}`;

/** A column's width in pixels from Excel's width in characters. */
function pixels(chars: number | undefined): number {
  return chars && chars > 0 ? Math.round(chars * 7.5 + 10) : DEFAULT_WIDTH;
}

/** The text a cell is edited from: its formula, or its value as typed. */
export function editText(live: LiveWorkbook, sheet: string, pos: CellPos): string {
  const shown = live.shown(sheet, pos.row, pos.col);
  if (shown.formula) return shown.formula;
  if (shown.spilled || shown.value === null) return "";
  if (typeof shown.value === "boolean") return shown.value ? "TRUE" : "FALSE";
  return String(shown.value);
}

interface Merge {
  span: number;
  covered: boolean;
}

/** Single-row spans of merged areas: the top-left cell spans its columns, the rest of its row is covered. */
function mergeMap(merges: readonly string[]): Map<string, Merge> {
  const map = new Map<string, Merge>();
  for (const m of merges) {
    let a;
    try {
      a = parseArea(m);
    } catch {
      continue;
    }
    if (a.right === Infinity || a.bottom === Infinity) continue;
    map.set(`${a.top},${a.left}`, { span: a.right - a.left + 1, covered: false });
    for (let c = a.left + 1; c <= a.right; c++) map.set(`${a.top},${c}`, { span: 0, covered: true });
  }
  return map;
}

function usedSize(sheet: MemorySheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.cells.forEach((row, r) =>
    row?.forEach((c, i) => {
      if (c && (c.value !== null || c.formula)) {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, i + 1);
      }
    })
  );
  return { rows, cols };
}

export function Grid({ live, sheet, version, selection, onSelect, onEdit, label }: GridProps): React.JSX.Element {
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewHeight, setViewHeight] = React.useState(600);
  /** The cell being edited and the text its editor started with. */
  const [editing, setEditing] = React.useState<{ pos: CellPos; initial: string } | undefined>(undefined);

  // The live workbook changes its sheets in place and bumps `version`: that is what invalidates these memos.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const used = React.useMemo(() => usedSize(sheet), [sheet, version]);
  const rowCount = Math.max(used.rows + 20, 60);
  const colCount = Math.max(used.cols + 3, 12, sheet.columnWidths?.length ?? 0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const merges = React.useMemo(() => mergeMap(sheet.merges), [sheet, version]);

  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewHeight(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const widths = Array.from({ length: colCount }, (_, c) => pixels(sheet.columnWidths?.[c]));

  // Keep the selected cell in view when the keyboard moves it (by its own column, not a merged title's width).
  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const top = selection.row * ROW_HEIGHT;
    const height = el.clientHeight - ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + height) el.scrollTop = top + ROW_HEIGHT - height;
    const left = widths.slice(0, selection.col).reduce((a, b) => a + b, 0);
    const right = left + widths[selection.col];
    const width = el.clientWidth - ROW_HEADER_WIDTH;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (right > el.scrollLeft + width) el.scrollLeft = right - width;
    // Only when the selection moves: scrolling on every width change would fight the clerk's own scrolling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection.row, selection.col]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);

  const move = (dr: number, dc: number) => {
    onSelect({ row: clamp(selection.row + dr, 0, rowCount - 1), col: clamp(selection.col + dc, 0, colCount - 1) });
  };

  const startEdit = (pos: CellPos, initial: string) => setEditing({ pos, initial });
  /** An edit ends: Enter and Tab move on from the edited cell; a click elsewhere (blur) just commits. */
  const commit = (pos: CellPos, text: string, dr: number, dc: number, refocus: boolean) => {
    setEditing(undefined);
    onEdit(pos, text);
    if (dr || dc) onSelect({ row: clamp(pos.row + dr, 0, rowCount - 1), col: clamp(pos.col + dc, 0, colCount - 1) });
    if (refocus) scroller.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const keys: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (keys[e.key]) {
      e.preventDefault();
      move(...keys[e.key]);
    } else if (e.key === "Enter") {
      // As in Excel, Enter moves down (Tab is left alone: it leaves the grid for the next control).
      e.preventDefault();
      move(e.shiftKey ? -1 : 1, 0);
    } else if (e.key === "F2") {
      e.preventDefault();
      startEdit(selection, editText(live, sheet.name, selection));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      onEdit(selection, "");
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startEdit(selection, e.key);
    } else if (e.key === "Process") {
      // An input method starts composing (Chinese text): open the editor and let the composition go there.
      startEdit(selection, "");
    }
  };

  const rows: React.JSX.Element[] = [];
  for (let r = first; r <= last; r++) {
    const cells: React.JSX.Element[] = [];
    for (let c = 0; c < colCount; c++) {
      const merge = merges.get(`${r},${c}`);
      if (merge?.covered) continue;
      const isSelected = r === selection.row && c === selection.col;
      const isEditing = !!editing && r === editing.pos.row && c === editing.pos.col;
      const shown = live.shown(sheet.name, r, c);
      const style = sheet.cells[r]?.[c]?.style;
      const nextEmpty = c + 1 >= colCount || live.shown(sheet.name, r, c + 1).value === null;
      const text = formatValue(shown.value, style?.numberFormat);
      const classes = ["cell"];
      if (typeof shown.value === "number") classes.push("num");
      if (isErrorValue(shown.value)) classes.push("error");
      if (shown.stale) classes.push("stale");
      if (typeof shown.value === "string" && nextEmpty && !isSelected) classes.push("overflow");
      const css: React.CSSProperties = {};
      if (style?.fill) css.background = style.fill;
      if (style?.fontColour) css.color = style.fontColour;
      if (style?.bold) css.fontWeight = 600;
      if (style?.horizontal) css.textAlign = style.horizontal;
      const title = shown.error ?? (shown.stale ? "网页中无法重算此公式，显示的是写入时的值" : text.length > 12 ? text : undefined);
      cells.push(
        <td
          key={c}
          id={cellId(r, c)}
          role="gridcell"
          aria-selected={isSelected}
          data-address={address(r, c)}
          colSpan={merge && merge.span > 1 ? merge.span : undefined}
          className={classes.join(" ") + (isSelected ? " selected" : "")}
          style={css}
          title={title}
          onMouseDown={(e) => {
            if (isEditing) return;
            // With an edit open elsewhere, the default focus change blurs its editor, which commits it.
            if (!editing) e.preventDefault();
            onSelect({ row: r, col: c });
            scroller.current?.focus();
          }}
          onDoubleClick={() => startEdit({ row: r, col: c }, editText(live, sheet.name, { row: r, col: c }))}
        >
          {isEditing && editing ? (
            <CellEditor
              initial={editing.initial}
              label={`编辑单元格 ${address(r, c)}`}
              onCommit={(text, dr, dc, refocus) => commit(editing.pos, text, dr, dc, refocus)}
              onCancel={() => {
                setEditing(undefined);
                scroller.current?.focus();
              }}
            />
          ) : (
            <span className="text">{text}</span>
          )}
        </td>
      );
    }
    rows.push(
      <tr key={r} role="row" style={{ height: ROW_HEIGHT }}>
        <th scope="row" className="row-head">
          {r + 1}
        </th>
        {cells}
      </tr>
    );
  }

  return (
    <div
      ref={scroller}
      className="grid-scroll"
      tabIndex={0}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      aria-colcount={colCount + 1}
      aria-activedescendant={cellId(selection.row, selection.col)}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <table className="grid" role="presentation" style={{ width: ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0) }}>
        <colgroup>
          <col style={{ width: ROW_HEADER_WIDTH }} />
          {widths.map((w, c) => (
            <col key={c} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr role="row">
            <th className="corner" aria-hidden="true" />
            {widths.map((_, c) => (
              <th key={c} scope="col" className={c === selection.col ? "col-head current" : "col-head"}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
          {rows}
          {last < rowCount - 1 && <tr aria-hidden="true" style={{ height: (rowCount - 1 - last) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}

interface CellEditorProps {
  initial: string;
  label: string;
  onCommit(text: string, dr: number, dc: number, refocus: boolean): void;
  onCancel(): void;
}

function CellEditor(props: CellEditorProps): React.JSX.Element {
  const [text, setText] = React.useState(props.initial);
  const done = React.useRef(false);
  const finish = (dr: number, dc: number, refocus: boolean) => {
    if (done.current) return;
    done.current = true;
    props.onCommit(text, dr, dc, refocus);
  };
  return (
    <input
      className="cell-editor"
      autoFocus
      aria-label={props.label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(0, 0, false)}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          finish(e.shiftKey ? -1 : 1, 0, true);
        } else if (e.key === "Tab") {
          e.preventDefault();
          finish(0, e.shiftKey ? -1 : 1, true);
        } else if (e.key === "Escape") {
          e.preventDefault();
          done.current = true;
          props.onCancel();
        }
      }}
    />
  );
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
