#!/usr/bin/env node
/**
 * Bundles the `kh` command line (src/cli/bin.ts and everything it imports) into dist-cli/kh.js with esbuild:
 * one CommonJS file that Node starts in a fraction of a second, instead of tsx compiling TypeScript at every start
 * (0.85 s of every run). Runs at `npm install`/`npm ci` (the `prepare` script) and whenever bin/kh.js finds the
 * bundle missing or older than the sources, so `npm run kh` and `npm run demo` always run the current code.
 *
 * `node scripts/build-cli.js` builds; `--if-stale` builds only when a source is newer than the bundle.
 * zod, which every `kh score` loads to check the scheme, is bundled in: one file read and compiled instead of its
 * hundred modules resolved one by one (start-up 40 ms and 4 MB less). exceljs and docx, each big and loaded only by
 * the commands that need them (a scheme from an old-style workbook, a Word bulletin), stay in node_modules.
 */
"use strict";
/* global require, module, process, __dirname */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "dist-cli", "kh.js");
const SOURCES = [path.join(ROOT, "src"), path.join(ROOT, "package.json")];

function newestSource(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestSource(path.join(p, name)));
  return newest;
}

/** Is the bundle missing or older than any source file? */
function stale() {
  if (!fs.existsSync(OUT)) return true;
  const built = fs.statSync(OUT).mtimeMs;
  return SOURCES.some((s) => newestSource(s) > built);
}

function build() {
  const esbuild = require("esbuild");
  fs.rmSync(`${OUT}.cache`, { force: true });
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, "src", "cli", "bin.ts")],
    outfile: OUT,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["exceljs", "docx"],
    // import("exceljs") as a require: the bundle runs through vm.Script (bin/load-bundle.js), where import() would
    // need vm's experimental loader (and its warning on standard error).
    supported: { "dynamic-import": false },
    legalComments: "none",
    logLevel: "warning",
  });
  makeCache();
}

/**
 * V8's code cache of the bundle (bin/load-bundle.js), made by scoring the sample once: the functions a `kh score`
 * runs, compiled. Without the sample (or if that run fails) there is no cache, and kh compiles as it goes.
 */
function makeCache() {
  const sample = path.join(ROOT, "samples", "村级考核");
  if (!fs.existsSync(`${sample}.xlsx`)) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kh-cache-"));
  try {
    const args = ["score", `${sample}.xlsx`, "--scheme", `${sample}.scheme.json`, "-o", path.join(dir, "结果.xlsx"), "--json"];
    const run = spawnSync(process.execPath, [path.join(ROOT, "bin", "load-bundle.js"), "--make-cache", ...args], { stdio: "ignore" });
    if (run.status !== 0) fs.rmSync(`${OUT}.cache`, { force: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { build, stale, OUT };

if (require.main === module) {
  if (!process.argv.includes("--if-stale") || stale()) build();
}
