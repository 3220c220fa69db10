/**
 * KH.RANKIN: one lifted call over a whole column against one call per cell, and against the native per-cell
 * formula evaluated by HyperFormula. HyperFormula has no RANK function, so the native formula is
 * =COUNTIF($A$1:$A$n,">"&A1)+1, which is what RANK computes (competition rank, highest first).
 * Goals: 100,000 scores in one lifted call < 200 ms; lifted ≥ 50× faster than per-cell at 10,000.
 */
import { performance } from "perf_hooks";
import { rankIn } from "../src/functions/functions";
import { buildKhEngine } from "../test/support/hyperformula-kh";

/** Reproducible scores with many ties, one decimal, as a column range. */
function scoresColumn(n: number, seed = 1): number[][] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return [Math.round((x / 2 ** 32) * 10000) / 10];
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Median wall time of `runs` runs, in ms; after one warm-up run unless the body is too slow to repeat. */
function time(runs: number, body: () => void, warmUp = true): number {
  if (warmUp) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  return median(times);
}

const ms = (t: number) => `${t.toFixed(1).padStart(9)} ms`;
const check = (ok: boolean, what: string) => {
  if (!ok) throw new Error(`bench/rankin: ${what}`);
};

export async function run(): Promise<void> {
  const col10k = scoresColumn(10_000);
  const col100k = scoresColumn(100_000);

  let lifted10k: number[][] = [];
  const tLifted10k = time(7, () => {
    lifted10k = rankIn(col10k, col10k) as number[][];
  });
  const tLifted100k = time(5, () => {
    rankIn(col100k, col100k);
  });

  // Per cell as Excel calls it: a 1×1 range for the score, the whole column each time.
  let perCell: number[] = [];
  const tPerCell10k = time(
    1,
    () => {
      perCell = col10k.map((r) => (rankIn([r], col10k) as number[][])[0][0]);
    },
    false
  );
  check(
    perCell.every((r, i) => r === lifted10k[i][0]),
    "per-cell ranks differ from lifted ranks"
  );

  // HyperFormula, 10,000 rows: native COUNTIF ranks per cell, and one lifted KH.RANKIN.
  const nativeSheet = col10k.map((r, i) => [r[0], `=COUNTIF($A$1:$A$10000,">"&A${i + 1})+1`]);
  let nativeRanks: unknown[] = [];
  const tNative = time(
    1,
    () => {
      const hf = buildKhEngine(nativeSheet);
      nativeRanks = hf.getSheetValues(0).map((r) => r[1]);
      hf.destroy();
    },
    false
  );
  check(
    nativeRanks.every((r, i) => r === lifted10k[i][0]),
    "native COUNTIF ranks differ from KH.RANKIN"
  );
  const khSheet = col10k.map((r, i) => [r[0], i === 0 ? "=KH.RANKIN(A1:A10000,A1:A10000)" : null]);
  let khRanks: unknown[] = [];
  const tHfLifted = time(3, () => {
    const hf = buildKhEngine(khSheet);
    khRanks = hf.getSheetValues(0).map((r) => r[1]);
    hf.destroy();
  });
  check(
    khRanks.every((r, i) => r === lifted10k[i][0]),
    "KH.RANKIN in HyperFormula differs from the plain call"
  );

  console.log("KH.RANKIN (median of several runs unless noted)");
  console.log(`  lifted, 10,000 scores            ${ms(tLifted10k)}`);
  console.log(`  lifted, 100,000 scores           ${ms(tLifted100k)}   goal < 200 ms: ${tLifted100k < 200 ? "met" : "MISSED"}`);
  console.log(`  per cell, 10,000 calls (1 run)   ${ms(tPerCell10k)}   lifted is ${(tPerCell10k / tLifted10k).toFixed(0)}× faster (goal ≥ 50×: ${tPerCell10k / tLifted10k >= 50 ? "met" : "MISSED"})`);
  console.log("HyperFormula, 10,000 rows (build + evaluate)");
  console.log(`  native =COUNTIF(…,">"&A1)+1 (1 run) ${ms(tNative)}`);
  console.log(`  one =KH.RANKIN(A1:A10000,…)         ${ms(tHfLifted)}   ${(tNative / tHfLifted).toFixed(1)}× faster than native`);
}
