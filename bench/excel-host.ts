/**
 * What one-click generation sends to Excel and to WPS with the real scheme shape (bench/score-workbook's scheme: 40
 * indicators of every method, 3 groups, 2 vetoes, bonus, deduction, coefficient, grades, awards, rewards, fines;
 * sheets 考核方案, 得分, 龙虎榜, 奖惩兑现) at 1,000 and 10,000 units with long Chinese names, first write and
 * refresh — measured on the test doubles (test/hosts/real-scheme-board):
 *   - Excel (fake Office.js object model), desktop (one request) and web (requests cut at WEB_REQUEST_BYTES):
 *     syncs, requests, UTF-8 payload bytes, the largest request, queued actions, and per sheet where the bytes go;
 *   - WPS (ET double): calls into the ET object model (property reads and writes, method calls) and the cells
 *     handed over in arrays;
 *   - kh mode: KH.* calls per recalculation with 名次 as one spilled KH.RANKIN and per cell, and Excel's payload.
 * Host time is the add-in's JavaScript plus the double applying the requests, not Excel's or WPS's own time.
 */
import { WEB_REQUEST_BYTES } from "../src/hosts/excel/index";
import { ExcelPass, excelBoard, khCalls, wpsBoard } from "../test/hosts/real-scheme-board";

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;

function excelLine(units: number, platform: string, pass: string, p: ExcelPass, ms: number): string {
  return [
    String(units).padStart(6),
    platform.padEnd(7),
    pass.padEnd(11),
    String(p.syncs).padStart(5),
    String(p.requests.length).padStart(8),
    mb(p.payload).padStart(9),
    mb(p.largest).padStart(9),
    fmt(p.actions).padStart(7),
    fmt(ms).padStart(8),
  ].join(" | ");
}

export async function run(): Promise<void> {
  // requests: the syncs that carried actions (the first sync only reads the sheet names).
  console.log("Excel: units | budget  | pass        | syncs | requests |   payload |   largest | actions | ms (2 passes)");
  const perSheet = new Map<string, number>();
  for (const units of [1000, 10000]) {
    for (const [platform, budget] of [
      ["desktop", undefined],
      ["web", WEB_REQUEST_BYTES],
    ] as const) {
      const t = performance.now();
      const { first, refresh, excel } = await excelBoard(units, budget);
      const ms = performance.now() - t;
      console.log(excelLine(units, platform, "first write", first, ms));
      console.log(excelLine(units, platform, "refresh", refresh, ms));
      if (units === 10000 && platform === "web") {
        for (const a of excel.log) {
          const sheet = a.target.split("!")[0];
          perSheet.set(sheet, (perSheet.get(sheet) ?? 0) + a.bytes);
        }
      }
    }
  }
  console.log(
    "Excel on the web, 10,000 units, refresh — UTF-8 bytes per sheet: " +
      [...perSheet].map(([sheet, bytes]) => `${sheet} ${fmt(bytes)}`).join(", ")
  );

  console.log("\nWPS:   units | pass        | ET calls | cells in arrays | ms (2 passes)");
  for (const units of [1000, 10000]) {
    const t = performance.now();
    const { first, refresh } = await wpsBoard(units);
    const ms = performance.now() - t;
    for (const [pass, p] of [
      ["first write", first],
      ["refresh", refresh],
    ] as const) {
      console.log(
        [String(units).padStart(12), pass.padEnd(11), fmt(p.calls).padStart(8), fmt(p.arrayCells).padStart(15), fmt(ms).padStart(8)].join(
          " | "
        )
      );
    }
    const top = [...refresh.members].sort((x, y) => y[1] - x[1]).slice(0, 6);
    console.log(`        refresh, most called: ${top.map(([m, n]) => `${m} ${fmt(n)}`).join(", ")}`);
  }

  // kh mode: 名次 as one lifted KH.RANKIN (spilled where Excel has dynamic arrays) or per cell.
  console.log(
    "\nkh mode: units | KH calls per recalculation, spilled | per cell | per unit | Excel web refresh: payload spilled | per cell"
  );
  for (const units of [1000, 10000]) {
    const { lifted, perCell } = await khCalls(units);
    const spilled = await excelBoard(units, WEB_REQUEST_BYTES, undefined, { formulas: "kh", dynamicArrays: true });
    const cells = await excelBoard(units, WEB_REQUEST_BYTES, undefined, { formulas: "kh", dynamicArrays: false });
    console.log(
      [
        String(units).padStart(14),
        fmt(lifted).padStart(34),
        fmt(perCell).padStart(8),
        ((lifted - 1) / units).toFixed(1).padStart(8),
        mb(spilled.refresh.payload).padStart(34),
        mb(cells.refresh.payload).padStart(8),
      ].join(" | ")
    );
  }
}

if (require.main === module) void run();
