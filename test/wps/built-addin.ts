/**
 * The built WPS add-in folder for tests: dist/wps when it is newer than every input (as after `npm run build:wps`),
 * otherwise a fresh build into a temporary folder (never into dist/, which another test's build may be cleaning).
 * Files are read into memory at once.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
const INPUTS = ["src", "wps", "scripts", "webpack.wps.config.js", "package.json"];

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

function freshDist(): string | undefined {
  const dir = path.join(ROOT, "dist/wps");
  const main = path.join(dir, "main.js");
  if (!fs.existsSync(main)) return undefined;
  const inputs = INPUTS.map((p) => newest(path.join(ROOT, p)));
  return fs.statSync(main).mtimeMs >= Math.max(...inputs) ? dir : undefined;
}

let built: string | undefined;

/** A folder holding a production build of the WPS add-in. */
export function wpsBuildDir(): string {
  if (built) return built;
  const fresh = freshDist();
  if (fresh) return (built = fresh);
  // One build per state of the inputs, shared by the test files (each runs in its own worker): built aside, then
  // renamed into place, so a reader never sees half a build.
  const stamp = Math.floor(Math.max(...INPUTS.map((p) => newest(path.join(ROOT, p)))));
  const target = path.join(os.tmpdir(), `kh-wps-build-${stamp}`);
  if (fs.existsSync(path.join(target, "main.js"))) return (built = target);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kh-wps-building-"));
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--config", "webpack.wps.config.js", "--output-path", out], {
    cwd: ROOT,
    stdio: "pipe",
  });
  try {
    fs.renameSync(out, target);
  } catch {
    return (built = out); // another worker got there first
  }
  return (built = target);
}

/** Every file of the build, path → content, read now. */
export function readBuild(): Map<string, Buffer> {
  const dir = wpsBuildDir();
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const f of fs.readdirSync(d)) {
      const p = path.join(d, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else files.set(path.relative(dir, p).split(path.sep).join("/"), fs.readFileSync(p));
    }
  };
  walk(dir);
  return files;
}
