#!/usr/bin/env node
// The `kh` command: runs the bundle scripts/build-cli.js makes (dist-cli/kh.js), building it first when it is missing
// or older than the sources (a checkout after `git pull`), so it never runs stale code and starts in ~0.1 s.
"use strict";
/* global require, __dirname */
const path = require("path");
const fs = require("fs");
const bundle = path.join(__dirname, "..", "dist-cli", "kh.js");
const builder = path.join(__dirname, "..", "scripts", "build-cli.js");
if (fs.existsSync(builder)) {
  const { stale, build } = require(builder);
  if (stale()) build();
}
// With V8's code cache of the bundle when the build made one (load-bundle.js): the same as require(bundle), faster.
require("./load-bundle").runBundle(bundle);
