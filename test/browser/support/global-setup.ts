/** Before the browser tests: build dist/playground/ if it is stale, and empty the screenshots folder. */
import * as fs from "fs";
import * as path from "path";
import { SKIP_MESSAGE, skipBrowserTests } from "./chromium";
import { ROOT, ensurePlaygroundBuilt } from "./playground-build";

export default async function globalSetup(): Promise<void> {
  if (skipBrowserTests) {
    console.warn(SKIP_MESSAGE);
    return;
  }
  fs.rmSync(path.join(ROOT, "test-output/screenshots"), { recursive: true, force: true });
  const seconds = ensurePlaygroundBuilt();
  if (seconds > 0) console.log(`\nbuilt dist/playground/ in ${seconds.toFixed(1)} s`);
}
