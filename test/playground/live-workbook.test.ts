/**
 * The playground's live workbook: HyperFormula (with KH.* and RANK) keeping a MemoryWorkbook calculated, as the
 * browser page uses it, here in Node.
 */
import { SheetModel } from "../../src/core/sheet-model";
import { MemoryWorkbook, sheetOfValues } from "../../src/hosts/memory/memory-workbook";
import { LiveWorkbook, parseTyped } from "../../src/playground/live-workbook";
import { PlaygroundHost } from "../../src/playground/playground-host";
import { khFunctionSpecs } from "../support/hyperformula-kh";

const specs = khFunctionSpecs();

function workbook(): MemoryWorkbook {
  return {
    sheets: [
      sheetOfValues("数据", [
        ["单位", "得分", "否决"],
        ["甲村", 90, "否"],
        ["乙村", 85, "是"],
        ["丙村", 85, "否"],
        ["=1+1", "92%", "123"],
      ]),
      sheetOfValues(
        "结果",
        [
          [null, null, null],
          [null, null, null],
        ],
        {
          formulas: [
            ["=KH.RANKIN(数据!B2,数据!B$2:B$4)", "=KH.VETO(数据!B3,数据!C3)", "=RANK(数据!B3,数据!B$2:B$4)"],
            ["=ISTEXT(数据!A5)", "=ISTEXT(数据!B5)", "=IF(数据!B2>80,TRUE,FALSE)"],
          ],
        }
      ),
    ],
    active: "数据",
  };
}

const value = (live: LiveWorkbook, sheet: string, row: number, col: number) => live.shown(sheet, row, col).value;

describe("LiveWorkbook", () => {
  test("computes every formula into the memory workbook: KH.*, RANK, TRUE/FALSE literals", () => {
    const live = new LiveWorkbook(workbook(), specs);
    expect(value(live, "结果", 0, 0)).toBe(1);
    expect(value(live, "结果", 0, 1)).toBe(0);
    expect(value(live, "结果", 0, 2)).toBe(2);
    expect(value(live, "结果", 1, 2)).toBe(true);
    // What the pane reads through the host is the computed value too.
    expect(live.sheet("结果")!.cells[0][0]!.value).toBe(1);
  });

  test("text stays text: '=1+1', '92%' and '123' typed as text are not a formula or numbers", () => {
    const live = new LiveWorkbook(workbook(), specs);
    expect(value(live, "数据", 4, 0)).toBe("=1+1");
    expect(value(live, "结果", 1, 0)).toBe(true);
    expect(value(live, "结果", 1, 1)).toBe(true);
  });

  test("an edit recalculates what depends on it, in other sheets too, and notifies", () => {
    const live = new LiveWorkbook(workbook(), specs);
    let calls = 0;
    live.subscribe(() => calls++);
    live.edit("数据", 1, 1, "80");
    expect(value(live, "结果", 0, 0)).toBe(3);
    expect(value(live, "结果", 1, 2)).toBe(false);
    live.edit("数据", 2, 2, "否");
    expect(value(live, "结果", 0, 1)).toBe(85);
    expect(live.sheet("数据")!.cells[2][2]).toEqual({ value: "否" });
    expect(calls).toBe(2);
    expect(live.version).toBe(2);
  });

  test("typed input: numbers, booleans, formulas, text, and clearing", () => {
    expect(parseTyped("92.5")).toEqual({ value: 92.5 });
    expect(parseTyped(" -3e2 ")).toEqual({ value: -300 });
    expect(parseTyped("true")).toEqual({ value: true });
    expect(parseTyped("=A1*2")).toEqual({ value: null, formula: "=A1*2" });
    expect(parseTyped("９２．５")).toEqual({ value: "９２．５" });
    expect(parseTyped("92%")).toEqual({ value: "92%" });
    expect(parseTyped("=")).toEqual({ value: "=" });
    expect(parseTyped("  ")).toBeUndefined();
    const live = new LiveWorkbook(workbook(), specs);
    live.edit("数据", 1, 1, "");
    expect(live.sheet("数据")!.cells[1][1]).toBeUndefined();
    expect(value(live, "结果", 0, 0)).toBe("");
    // An error reaches the formulas that read the cell, with its explanation.
    live.edit("数据", 1, 1, "=1/0");
    expect(value(live, "结果", 0, 0)).toBe("#DIV/0!");
    expect(live.shown("结果", 0, 0).error).toBeTruthy();
  });

  test("a typed KH.DRAW spills below its cell; the spilled cells are shown, not stored", () => {
    const live = new LiveWorkbook(workbook(), specs);
    live.edit("数据", 0, 5, '=KH.DRAW(A2:A4,3,"20251122")');
    const drawn = [0, 1, 2].map((r) => live.shown("数据", r, 5));
    expect(drawn.map((d) => d.value).sort()).toEqual(["丙村", "乙村", "甲村"]);
    expect(drawn[1].spilled).toBe(true);
    expect(live.sheet("数据")!.cells[1][5]).toBeUndefined();
  });

  test("a formula HyperFormula cannot evaluate keeps its written value, marked stale", () => {
    const memory = workbook();
    memory.sheets[1].cells[1][3] = { value: "甲村乙村", formula: '=CONCAT("甲村","乙村")' };
    const live = new LiveWorkbook(memory, specs);
    expect(live.shown("结果", 1, 3)).toEqual({ value: "甲村乙村", formula: '=CONCAT("甲村","乙村")', stale: true });
    expect(live.mismatches).toEqual([]);
  });

  test("reports formulas whose result differs from the value they were written with", () => {
    const memory = workbook();
    memory.sheets[1].cells[0][0] = { value: 3, formula: "=KH.RANKIN(数据!B2,数据!B$2:B$4)" };
    const live = new LiveWorkbook(memory, specs);
    expect(live.mismatches).toEqual([
      { sheet: "结果", address: "A1", formula: "=KH.RANKIN(数据!B2,数据!B$2:B$4)", written: 3, computed: 1 },
    ]);
  });
});

describe("PlaygroundHost", () => {
  test("writes sheets through the in-memory host, recalculates them, and reports the grid's selection", async () => {
    const live = new LiveWorkbook(workbook(), specs);
    const host = new PlaygroundHost(live, () => ({ sheet: "得分", row: 1, col: 2 }));
    const model: SheetModel = {
      name: "得分",
      kind: "scores",
      cells: [
        [{ value: "单位" }, { value: "名次" }],
        [
          { value: "甲村", formula: "=数据!A2" },
          { value: 1, formula: "=KH.RANKIN(数据!B2,数据!B$2:B$4)" },
        ],
      ],
    };
    const { written } = await host.writeSheets([model], { activate: "得分" });
    expect(written).toEqual(["得分"]);
    expect(live.memory.active).toBe("得分");
    expect(live.mismatches).toEqual([]);
    live.edit("数据", 1, 1, "10");
    expect((await host.readSheet("得分"))!.values[1]).toEqual(["甲村", 3]);
    expect(await host.selection()).toEqual({ sheet: "得分", address: "C2" });
    expect(await host.sheetNames()).toEqual(["数据", "结果", "得分", "KH_标记"]);
  });
});
