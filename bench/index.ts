/**
 * Runs every benchmark in order (`npm run bench`). Each file exports `async function run(): Promise<void>` and
 * prints its own figures; add yours to the list.
 */
import * as excelHost from "./excel-host";
import * as khFloor from "./kh-floor";
import * as libreofficeRecalc from "./libreoffice-recalc";
import * as libreofficeInstructions from "./libreoffice-instructions";
import * as v2Recalc from "./v2-recalc";
import * as rankin from "./rankin";
import * as scoreUnits from "./score-units";
import * as scoreWorkbook from "./score-workbook";
import * as xlsxHost from "./xlsx-host";

const benches: [string, { run(): Promise<void> }][] = [
  ["rankin", rankin],
  ["xlsx-host", xlsxHost],
  ["excel-host", excelHost],
  ["score-units", scoreUnits],
  ["score-workbook", scoreWorkbook],
  ["kh-floor", khFloor],
  ["libreoffice-recalc", libreofficeRecalc],
  ["libreoffice-instructions", libreofficeInstructions],
  ["v2-recalc", v2Recalc],
];

async function main(): Promise<void> {
  for (const [name, bench] of benches) {
    console.log(`\n=== ${name}`);
    await bench.run();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
