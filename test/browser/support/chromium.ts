/**
 * Debian's Chromium through playwright-core (no browser download: .ci/run installs the `chromium` package when it
 * is missing). Without /usr/bin/chromium the browser tests skip with a loud message, except in CI (CI set), where
 * they run and fail: a CI run must never pass without them.
 */
import * as fs from "fs";
import { Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.KH_CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export const chromiumMissing = !fs.existsSync(CHROMIUM);
/** Skip only on a developer's machine without Chromium; in CI a missing Chromium is a failure. */
export const skipBrowserTests = chromiumMissing && !process.env.CI;

export const SKIP_MESSAGE =
  `\n${"!".repeat(100)}\n!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium\`\n` +
  `!! (as .ci/run does), or point KH_CHROMIUM at a Chromium binary. In CI these tests never skip.\n${"!".repeat(100)}\n`;

/** `describe`, or `describe.skip` with the loud message when there is no Chromium to drive. */
export function describeInBrowser(name: string, body: () => void): void {
  if (skipBrowserTests) {
    console.warn(SKIP_MESSAGE);
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

export async function launchChromium(): Promise<Browser> {
  if (chromiumMissing) throw new Error(`no Chromium at ${CHROMIUM}: .ci/run installs it with apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
