/**
 * The v2 sample (二版考核: monthly sheets 1月–3月, a 加减分台账, votes, 集体经济奖金) as the pane first sees it, with
 * no 考核方案: the table detected, the other sheets read (otherTables), and the guessed draft builds into a scheme
 * with the vote indicator, the month sheets' columns as 平时成绩 of 党建 and 产业, and the ledger — which generates
 * the board without a problem (one click from the clerk's workbook, as in the playground).
 */
import { MemoryHost } from "../../src/hosts/memory/memory-host";
import { sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { detectFromSelection, otherTables } from "../../src/taskpane/data-source";
import { draftFromTable, schemeFromDraft } from "../../src/core/scheme-from-roles";
import { generateBoard } from "../../src/app/workflow";
import { CellValue } from "../../src/core/sheet-model";
import { sampleV2Case } from "../core/sheets/v2-cases";

test("the v2 sample's first draft: votes, month sheets as 平时成绩, the ledger; it generates the board", async () => {
  const c = sampleV2Case();
  const host = new MemoryHost({ sheets: Object.entries(c.sheets).map(([name, values]) => sheetOfValues(name, values as CellValue[][])) });
  const found = await detectFromSelection(host);
  if (!found.ok) throw new Error("no table");
  expect(found.data.sheet).toBe("村级考核");
  const others = await otherTables(host, found.data.sheet);
  expect(others.map((o) => o.sheet)).toEqual(["1月", "2月", "3月", "加减分台账"]);
  const draft = draftFromTable(found.data.sheet, found.data.table, found.data.values, others);
  const { scheme } = schemeFromDraft(draft);
  const byName = Object.fromEntries(scheme.indicators.map((i) => [i.name, i]));
  expect(byName.民主评议).toMatchObject({ method: "vote", columns: ["满意", "基本满意", "不满意"], weights: [1, 0.6, 0] });
  expect(byName.党建.periodic).toEqual(["1月!党建", "2月!党建", "3月!党建"]);
  expect(byName.产业.periodic).toEqual(["1月!产业", "2月!产业", "3月!产业"]);
  expect(scheme.ledger).toMatchObject({ sheet: "加减分台账", unit: "单位", points: "分值", reason: "事由" });
  const out = await generateBoard(host, { scheme, now: "2025-11-22T10:30:00+08:00" });
  expect(out.written).toEqual(expect.arrayContaining(["得分", "龙虎榜", "奖惩兑现"]));
});
