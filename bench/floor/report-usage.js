// Preloaded into a benchmarked child (node -r): at exit, its peak memory (process.resourceUsage().maxRSS, in KB) goes
// to the file named by KH_BENCH_USAGE, so the bench gets the child's figure without /usr/bin/time.
"use strict";
/* global require, process */
const fs = require("fs");
process.on("exit", () => {
  if (process.env.KH_BENCH_USAGE) fs.writeFileSync(process.env.KH_BENCH_USAGE, String(process.resourceUsage().maxRSS));
});
