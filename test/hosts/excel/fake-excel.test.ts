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
