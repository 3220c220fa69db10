/**
 * A tab's result message. It takes focus when a new one arrives after a clerk's action, so a screen reader reads
 * the result and keyboard users continue from it.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { Notice } from "../state";

const useStyles = makeStyles({
  bar: { alignItems: "start" },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
});

export function NoticeBar({ notice }: { notice?: Notice }): React.JSX.Element | null {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (notice?.focus) ref.current?.focus();
  }, [notice?.id, notice?.focus]);
  if (!notice) return null;
  const { intent, title, lines } = notice;
  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent={intent}
      layout="multiline"
      politeness={intent === "error" ? "assertive" : "polite"}
      className={styles.bar}
      data-testid="notice"
    >
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title}</MessageBarTitle>
        {lines.length === 1 && <div>{lines[0]}</div>}
        {lines.length > 1 && (
          <ul className={styles.list}>
            {lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
