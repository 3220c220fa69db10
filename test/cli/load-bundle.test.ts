/**
 * bin/load-bundle.js: the kh bundle run with V8's code cache made when it was built, and only with the bundle it
 * was made from.
 */
import { spawnSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import type * as vm from "vm";

const ROOT = path.join(__dirname, "..", "..");
// Plain CommonJS files (bin/ and scripts/ are what npm runs as they are).
const loader = require(path.join(ROOT, "bin", "load-bundle.js")) as {
  compileBundle(bundle?: string, options?: { ignoreCache?: boolean }): { script: vm.Script; cached: boolean };
  cacheFile(bundle: string): string;
  BUNDLE: string;
};
const cli = require(path.join(ROOT, "scripts", "build-cli.js")) as { build(): void; stale(): boolean };

let dir: string;
beforeAll(async () => {
  if (cli.stale() || !(await exists(loader.cacheFile(loader.BUNDLE)))) cli.build();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-load-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false
  );
}

describe("the bundle's code cache", () => {
  it("is made by the build and taken by V8 when kh starts", () => {
    // In a new process, as kh starts: V8 refuses a cache under other flags, and kh's runProcess (which other tests
    // run in this one) changes a flag.
    const taken = (options: string) =>
      spawnSync(
        process.execPath,
        ["-p", `require(${JSON.stringify(path.join(ROOT, "bin", "load-bundle.js"))}).compileBundle(undefined, ${options}).cached`],
        {
          encoding: "utf8",
        }
      ).stdout;
    expect(taken("{}")).toBe("true\n");
    expect(taken("{ ignoreCache: true }")).toBe("false\n");
  });

  it("is not used for another bundle of the same length, which V8 alone would take", async () => {
    const source = readFileSync(loader.BUNDLE, "utf8");
    // One letter of the package name kh looks for changed: the same length, other code.
    const at = source.indexOf("kaohe-addin");
    expect(at).toBeGreaterThan(0);
    const other = `${source.slice(0, at)}kaohe-addim${source.slice(at + 11)}`;
    expect(other.length).toBe(source.length);
    const copy = path.join(dir, "kh.js");
    await fs.writeFile(copy, other);
    await fs.copyFile(loader.cacheFile(loader.BUNDLE), loader.cacheFile(copy));
    expect(loader.compileBundle(copy).cached).toBe(false);
    // What the SHA-1 at the cache's start guards against: V8 checks the source's length, not its text (in a new
    // process, whose flags are those the cache was made under).
    const unchecked = spawnSync(
      process.execPath,
      [
        "-p",
        `const fs = require("fs"), vm = require("vm"), { Module } = require("module");
         const data = fs.readFileSync(${JSON.stringify(loader.cacheFile(loader.BUNDLE))}).subarray(20);
         new vm.Script(Module.wrap(fs.readFileSync(${JSON.stringify(copy)}, "utf8")), { filename: ${JSON.stringify(copy)}, cachedData: data }).cachedDataRejected`,
      ],
      { encoding: "utf8" }
    );
    expect(unchecked.stdout).toBe("false\n");
  });

  it("runs kh through bin/kh.js as require would: the exit code, standard output and nothing on standard error", () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, "bin", "kh.js"), "score", "samples/没有这个.xlsx"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("错误：找不到文件：samples/没有这个.xlsx\n");
    const version = spawnSync(process.execPath, [path.join(ROOT, "bin", "kh.js"), "--version"], { cwd: ROOT, encoding: "utf8" });
    expect(version.stdout).toMatch(/^kh \d+\.\d+\.\d+\n$/);
    expect(version.stderr).toBe("");
  });
});

test("the bundle has no import(): vm.Script, which runs it, has no loader for one (esbuild lowers it to require)", () => {
  expect(readFileSync(loader.BUNDLE, "utf8")).not.toMatch(/[^\w$.]import\(/);
});
