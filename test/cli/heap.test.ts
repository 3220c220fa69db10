import { spawnSync } from "child_process";
import { HEAP_GROWING_PERCENT } from "../../src/cli/heap";

describe("kh's heap setting", () => {
  it("is a flag this Node's V8 has (an unknown one would only print a warning on every run, and do nothing)", () => {
    const options = spawnSync(process.execPath, ["--v8-options"], { encoding: "utf8" }).stdout;
    expect(options).toMatch(/^\s*--heap-growing-percent\b/m);
  });

  it("is taken without a word on stderr", () => {
    const run = spawnSync(process.execPath, ["-e", `require("v8").setFlagsFromString("--heap-growing-percent=${HEAP_GROWING_PERCENT}"); console.log("ok")`], {
      encoding: "utf8",
    });
    expect([run.status, run.stdout.trim(), run.stderr]).toEqual([0, "ok", ""]);
    // What a flag V8 does not know does: a warning, which the test above keeps from happening.
    const unknown = spawnSync(process.execPath, ["-e", `require("v8").setFlagsFromString("--no-such-heap-flag=20")`], { encoding: "utf8" });
    expect(unknown.stderr).toMatch(/unknown flag|no-such-heap-flag/i);
  });
});
