/**
 * Runs the `kh` bundle (dist-cli/kh.js) with V8's code cache: the bytecode of the functions a `kh score` runs, made
 * once when the bundle is built (scripts/build-cli.js runs `node bin/load-bundle.js --make-cache …` on the sample)
 * and kept beside it as kh.js.cache. Without it every run compiles the bundle's top level and then each function
 * the first time it is called: at 5,000 units 50–120 ms of a 1.8-second `kh score` (the medians and the fastest
 * of 12 runs each), at 1,000 units 50 ms of 0.8 s.
 * Node 20 has no module.enableCompileCache (Node 22), so the bundle is compiled here as `require` would compile it
 * (Module.wrap, the same file name) through vm.Script, which takes the cache.
 *
 * The cache starts with the SHA-1 of the bundle it was made from and is used only with that bundle: V8 checks its
 * own version, its flags and the source's length, not the source itself. A cache V8 refuses (another Node) or a
 * missing one only costs the compiling.
 */
"use strict";
/* global require, module, process, __dirname, Buffer */
const crypto = require("crypto");
const fs = require("fs");
const Module = require("module");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");

const BUNDLE = path.join(__dirname, "..", "dist-cli", "kh.js");
const HASH_BYTES = 20;

const cacheFile = (bundle) => `${bundle}.cache`;

/** A file's bytes, or undefined when it cannot be read (no cache: the bundle is compiled as it goes). */
function readIfThere(file) {
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/** The bundle compiled, with its cache when there is one made from these bytes; `cached` says whether V8 took it. */
function compileBundle(bundle = BUNDLE, options = {}) {
  const bytes = fs.readFileSync(bundle);
  const hash = crypto.createHash("sha1").update(bytes).digest();
  const file = options.ignoreCache ? undefined : readIfThere(cacheFile(bundle));
  const cachedData = file && file.length > HASH_BYTES && file.subarray(0, HASH_BYTES).equals(hash) ? file.subarray(HASH_BYTES) : undefined;
  const script = new vm.Script(Module.wrap(bytes.toString("utf8")), { filename: bundle, cachedData });
  return { script, hash, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** Runs the bundle as `require(bundle)` would, the compiled function given its module, require and paths. */
function runCompiled(bundle, script) {
  const wrapper = script.runInThisContext();
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  wrapper.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
}

/** `kh`: the bundle, with its cache. */
function runBundle(bundle = BUNDLE) {
  runCompiled(bundle, compileBundle(bundle).script);
}

/**
 * Runs the bundle on `process.argv` (the warm-up command), then writes the cache of what it compiled. The cache is
 * taken with V8's flags as a new process has them (kh's runProcess changes one, and V8 refuses a cache made under
 * other flags).
 */
function makeCache(bundle = BUNDLE) {
  const { script, hash } = compileBundle(bundle, { ignoreCache: true });
  process.once("beforeExit", () => {
    v8.setFlagsFromString("--allocation-site-pretenuring");
    const temp = `${cacheFile(bundle)}.${process.pid}.tmp`;
    fs.writeFileSync(temp, Buffer.concat([hash, script.createCachedData()]));
    fs.renameSync(temp, cacheFile(bundle));
  });
  runCompiled(bundle, script);
}

module.exports = { compileBundle, runBundle, makeCache, cacheFile, BUNDLE };

if (require.main === module && process.argv[2] === "--make-cache") {
  process.argv.splice(2, 1);
  makeCache();
}
