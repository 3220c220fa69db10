/** The WPS host as the task pane uses it: `wpsHost()` when the pane runs inside WPS 表格 (see ../detect). */
import { WpsHost, wpsApplication } from "./wps-host";

export { WpsHost, wpsApplication } from "./wps-host";

/** The host for the WPS add-in page this code runs in, or undefined outside WPS. */
export function wpsHost(): WpsHost | undefined {
  const app = wpsApplication();
  return app ? new WpsHost(app) : undefined;
}
