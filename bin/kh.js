#!/usr/bin/env node
// The `kh` command: runs the CLI built by `npm run build:cli` (tsc -p tsconfig.cli.json → dist/node/).
"use strict";
let cli;
try {
  cli = require("../dist/node/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /dist[\\/]node[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write("错误：命令行尚未构建，请先运行 npm run build:cli（或在源码目录中用 npm run kh -- score …）\n");
    process.exit(1);
  }
  throw e;
}
cli.runProcess();
