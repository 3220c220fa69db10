/** What the benchmarks share: running one on its own, and saying how busy the machine was. */
import * as os from "os";

/** A benchmark run on its own (`npx tsx bench/NAME.ts [n…]`): the sizes from the command line, else its defaults. */
export function runAlone(run: (sizes: number[]) => Promise<void>, defaults: number[]): void {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  run(sizes.length ? sizes : defaults).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

/** The machine may be shared: the load average says how much the figures can be trusted. */
export function loadLine(): string {
  return `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} on ${os.cpus().length} cores`;
}
