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
