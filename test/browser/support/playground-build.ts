/**
 * dist/playground/, built when it is missing or older than anything it is made from, so `npm test` works on a
 * fresh clone and after any change without a separate build step.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../../..");
export const PLAYGROUND_DIST = path.join(ROOT, "dist/playground");
const STAMP = path.join(PLAYGROUND_DIST, "index.html");
const INPUTS = ["src", "samples", "webpack.playground.config.js", "package.json", "tsconfig.json"];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

export function playgroundIsFresh(): boolean {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(PLAYGROUND_DIST, "playground.js"))) return false;
  return fs.statSync(STAMP).mtimeMs >= Math.max(...INPUTS.map((p) => newest(path.join(ROOT, p))));
}

/** Build unless fresh; returns the seconds the build took (0 when none was needed). */
export function ensurePlaygroundBuilt(): number {
  if (playgroundIsFresh()) return 0;
  const start = Date.now();
  try {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--config", "webpack.playground.config.js", "--mode", "production"],
      {
        cwd: ROOT,
        stdio: "pipe",
        maxBuffer: 64 * 1024 * 1024,
      }
    );
  } catch (e) {
    const out = e as { stdout?: Buffer; stderr?: Buffer };
    const text = `${out.stdout?.toString() ?? ""}\n${out.stderr?.toString() ?? ""}`;
    const errors = text
      .split("\n")
      .filter((l) => /error/i.test(l))
      .slice(0, 20)
      .join("\n");
    throw new Error(`the playground build (webpack.playground.config.js) failed:\n${errors || text.slice(-4000)}`);
  }
  return (Date.now() - start) / 1000;
}
