/**
 * The fake Excel's own rules, each as docs/host-facts.md (Excel section) says Excel behaves, so a host test that
 * passes on the fake means something.
 */
import { FakeExcel, OfficeError } from "./fake-excel";

async function attempt(excel: FakeExcel, batch: (ctx: Excel.RequestContext) => void): Promise<string | undefined> {
  try {
    await excel.run(async (ctx) => {
      batch(ctx);
      await ctx.sync();
    });
    return undefined;
  } catch (e) {
    return (e as OfficeError).code;
  }
}

describe("sheets", () => {
  test("a very hidden sheet cannot be deleted (InvalidOperation) until it is made visible or hidden", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("数据");
    excel.workbook.addSheet("KH_标记").visibility = "VeryHidden";
    expect(await attempt(excel, (ctx) => ctx.workbook.worksheets.getItem("KH_标记").delete())).toBe("InvalidOperation");
    expect(excel.workbook.names()).toEqual(["数据", "KH_标记"]);
    const unhidden = await attempt(excel, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("KH_标记");
      ws.visibility = "Hidden";
      ws.delete();
    });
    expect(unhidden).toBeUndefined();
    expect(excel.workbook.names()).toEqual(["数据"]);
  });

  test("a workbook keeps one visible sheet: the last one can be neither hidden nor deleted", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("数据");
    excel.workbook.addSheet("备注").visibility = "Hidden";
    expect(await attempt(excel, (ctx) => (ctx.workbook.worksheets.getItem("数据").visibility = "Hidden"))).toBe("InvalidOperation");
    expect(await attempt(excel, (ctx) => (ctx.workbook.worksheets.getItem("数据").visibility = "VeryHidden"))).toBe("InvalidOperation");
    expect(await attempt(excel, (ctx) => ctx.workbook.worksheets.getItem("数据").delete())).toBe("InvalidOperation");
    expect(excel.workbook.sheet("数据").visibility).toBe("Visible");
    // With a second visible sheet, either may go.
    expect(await attempt(excel, (ctx) => (ctx.workbook.worksheets.getItem("备注").visibility = "Visible"))).toBeUndefined();
    expect(await attempt(excel, (ctx) => (ctx.workbook.worksheets.getItem("数据").visibility = "Hidden"))).toBeUndefined();
  });
});

describe("one value for a whole range (Excel: set the range's property to the desired single value)", () => {
  async function write(batch: (ws: Excel.Worksheet) => void) {
    const excel = new FakeExcel();
    const sheet = excel.workbook.addSheet("表");
    await excel.run(async (ctx) => {
      batch(ctx.workbook.worksheets.getItem("表"));
      await ctx.sync();
    });
    return { excel, sheet };
  }
  const set = (range: Excel.Range, prop: string, v: unknown) => ((range as unknown as Record<string, unknown>)[prop] = v);

  test("an A1 formula is written for the top-left cell and moves with each cell", async () => {
    const { sheet } = await write((ws) => set(ws.getRange("C2:D4"), "formulas", "=A2+$B$1+B$1"));
    expect(sheet.at("C2")?.formula).toBe("=A2+$B$1+B$1");
    expect(sheet.at("C4")?.formula).toBe("=A4+$B$1+B$1");
    expect(sheet.at("D3")?.formula).toBe("=B3+$B$1+C$1");
  });

  test("an R1C1 formula is the same relative formula in every cell, read back in A1", async () => {
    const { sheet, excel } = await write((ws) => set(ws.getRange("N2:N10001"), "formulasR1C1", "=ROUND(SUM(RC[-11]:RC[-4]),2)"));
    expect(sheet.at("N2")?.formula).toBe("=ROUND(SUM(C2:J2),2)");
    expect(sheet.at("N10001")?.formula).toBe("=ROUND(SUM(C10001:J10001),2)");
    // What travels is the one formula, not 10,000 of them.
    expect(excel.requestBytes[0]).toBeLessThan(400);
  });

  test("a number format or a value for every cell", async () => {
    const { sheet } = await write((ws) => {
      set(ws.getRange("B2:C3"), "numberFormat", "0.00");
      set(ws.getRange("B2:C3"), "values", 7);
    });
    expect([sheet.at("B2"), sheet.at("C3")]).toEqual([
      { value: 7, numberFormat: "0.00" },
      { value: 7, numberFormat: "0.00" },
    ]);
  });

  test("an array must still match the range's size", async () => {
    const excel = new FakeExcel();
    excel.workbook.addSheet("表");
    expect(await attempt(excel, (ctx) => set(ctx.workbook.worksheets.getItem("表").getRange("A1:A3"), "formulas", [["=1"]]))).toBe(
      "InvalidArgument"
    );
  });
});
