/**
 * The WPS pane's own bar above the shared pane: 收起 hides the docked pane (its ID is in PluginStorage), because on
 * real machines a docked pane can leave the ribbon unresponsive, so the ribbon button cannot close it.
 */
import * as React from "react";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { hidePane } from "./pane";
import { WpsAddinRoot } from "./wps-addin";

export type PaneRoot = Pick<WpsAddinRoot, "PluginStorage" | "GetTaskPane">;

export function PaneBar({ root }: { root: () => PaneRoot | undefined }): React.JSX.Element {
  const [failed, setFailed] = React.useState(false);
  const collapse = () => {
    const r = root();
    setFailed(!(r && hidePane(r)));
  };
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN">
      <div style={{ display: "flex", justifyContent: "flex-end", alignItems: "center", columnGap: 8, padding: "4px 8px 0" }}>
        {failed && <span role="status">无法收起任务窗格，请点击功能区的“考核助手”按钮。</span>}
        <Button size="small" appearance="subtle" onClick={collapse} title="收起任务窗格（点击功能区的“考核助手”可再次打开）">
          收起
        </Button>
      </div>
    </FluentProvider>
  );
}
