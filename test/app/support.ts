/** Workbooks for the workflow tests: the village sample and the pension dispatch sample, in the in-memory host. */
import * as fs from "fs";
import * as path from "path";
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { MemoryWorkbook, sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { parseScheme } from "../../src/core/scheme/parse";
import { Scheme } from "../../src/core/scheme/types";
import { CellValue } from "../../src/core/sheet-model";
import { sampleSchemeJson, sampleValues } from "../core/scoring/sample";

export const NOW = "2025-11-22T10:30:00+08:00";

export const values = (file?: string) => sampleValues(file) as CellValue[][];

export function villageScheme(): Scheme {
  return parseScheme(sampleSchemeJson()).scheme;
}

export function villageHost(extra: MemoryWorkbook["sheets"] = []): MemoryHost {
  return new MemoryHost({
    sheets: [sheetOfValues("村级考核", values()), sheetOfValues("说明", [["本表由目标办维护"]]), ...extra],
    active: "村级考核",
  });
}

/** The pension dispatch (samples/参保调度.scheme.json): one column per bulletin (第1次…第5次), stage k reads the k-th. */
export function pensionSchemeJson(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "../../samples/参保调度.scheme.json"), "utf8"));
}

export function pensionScheme(): Scheme {
  return parseScheme(pensionSchemeJson()).scheme;
}

export function pensionHost(): MemoryHost {
  return new MemoryHost({ sheets: [sheetOfValues("参保调度", values("pension-dispatch.csv"))], active: "参保调度" });
}

/** A deep copy of a workbook, to compare before and after. */
export function snapshot(host: MemoryHost): unknown {
  return JSON.parse(JSON.stringify(host.workbook));
}
