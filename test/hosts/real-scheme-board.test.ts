/**
 * One-click generation with the real scheme shape (40 indicators, groups, vetoes, 龙虎榜, 奖惩兑现; see
 * real-scheme-board.ts) at 100, 1,000 and 10,000 units with long Chinese names: the structure of what the Excel and
 * WPS hosts send, never its time — constant syncs, every request under Excel on the web's 5 MB, 得分 the same size
 * whatever the units (one R1C1 formula per column), and the payload growing less than the units.
 */
import { WEB_REQUEST_BYTES } from "../../src/hosts/excel/index";
import { ExcelPass, excelBoard, wpsBoard } from "./real-scheme-board";

const SIZES = [100, 1000, 10000];
const FIVE_MB = 5_000_000;

describe("Excel on the web", () => {
  const runs: { units: number; first: ExcelPass; refresh: ExcelPass; scores: number }[] = [];

  beforeAll(async () => {
    for (const units of SIZES) {
      const { first, refresh, excel } = await excelBoard(units, WEB_REQUEST_BYTES);
      // The refresh's bytes on 得分 (the log holds the last write only).
      const scores = excel.log.filter((a) => a.target.startsWith("得分!")).reduce((n, a) => n + a.bytes, 0);
      runs.push({ units, first, refresh, scores });
    }
  }, 300_000);

  test("the same number of syncs at every size, at most 4", () => {
    for (const r of runs) {
      expect([r.first.syncs, r.refresh.syncs]).toEqual([runs[0].first.syncs, runs[0].refresh.syncs]);
      expect(r.refresh.syncs).toBeLessThanOrEqual(4);
    }
  });

  test("every request under 5 MB of UTF-8, at 10,000 units of long Chinese names too", () => {
    for (const r of runs) for (const bytes of [...r.first.requests, ...r.refresh.requests]) expect(bytes).toBeLessThan(FIVE_MB);
    expect(runs[2].refresh.largest).toBeLessThanOrEqual(WEB_REQUEST_BYTES);
  });

  test("得分 costs the same whatever the units: one R1C1 formula per column", () => {
    expect(runs[2].scores).toBeLessThan(runs[0].scores * 1.5);
  });

  test("the payload grows less than the units (the value sheets 龙虎榜 and 奖惩兑现 are what grows)", () => {
    const [small, middle, large] = runs.map((r) => r.refresh.payload);
    expect(middle / small).toBeLessThan(10);
    expect(large / middle).toBeLessThan(10);
  });
});

describe("WPS (calls into the ET object model)", () => {
  test("grow less than the units", async () => {
    const calls: number[] = [];
    for (const units of [100, 1000]) calls.push((await wpsBoard(units)).refresh.calls);
    expect(calls[1] / calls[0]).toBeLessThan(10);
  }, 120_000);
});
