/**
 * The Excel host's reads against office-addin-mock (Microsoft's mock of the Office.js object model), where a static
 * object tree is enough: selection and reading a sheet. Syncs are counted by wrapping context.sync.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock takes only the OfficeApp enum from office-addin-manifest, whose dependencies are ES modules
// jest does not load; the enum is given here instead (same values).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { ExcelHost } from "../../../src/hosts/excel/excel-host";

/** The mock, a host running on it, and a sync counter. */
function mocked(workbook: object) {
  const mock = new OfficeMockObject({
    context: { workbook },
    run: async function (this: { context: unknown }, batch: (ctx: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  }) as unknown as {
    context: { sync: () => Promise<void> };
    run: (b: unknown) => Promise<unknown>;
  };
  const counter = { syncs: 0 };
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    counter.syncs++;
    await sync();
  };
  const host = new ExcelHost((batch) => mock.run(batch) as never);
  return { mock, host, counter };
}

describe("ExcelHost on office-addin-mock", () => {
  it("selection(): the active sheet and the address without its sheet name, in one sync", async () => {
    const { host, counter } = mocked({
      range: { address: "'村级 考核'!B3:C4" },
      getSelectedRange: function (this: { range: unknown }) {
        return this.range;
      },
      worksheets: {
        active: { name: "村级 考核" },
        getActiveWorksheet: function (this: { active: unknown }) {
          return this.active;
        },
      },
    });
    expect(await host.selection()).toEqual({ sheet: "村级 考核", address: "B3:C4" });
    expect(counter.syncs).toBe(1);
  });

  it("readSheet(): values and formulas from A1, in two syncs (the used range's extent, then one band)", async () => {
    const { mock, host, counter } = mocked({
      worksheets: {
        sheet: {
          used: {
            // A used range starting at B2 (rowIndex 1, columnIndex 1).
            values: [
              ["村名", "得分"],
              ["第1村", 19],
              ["第2村", ""],
            ],
            formulas: [
              ["村名", "得分"],
              ["第1村", "=KH.TARGETSCORE(95,100,20)"],
              ["第2村", ""],
            ],
            rowIndex: 1,
            columnIndex: 1,
            rowCount: 3,
            columnCount: 2,
          },
          getUsedRangeOrNullObject: function (this: { used: unknown }) {
            return this.used;
          },
          // The band read: the used range itself (rows 2–4, columns B–C).
          getRangeByIndexes: function (this: { used: unknown }, row: number, column: number, rows: number, columns: number) {
            expect([row, column, rows, columns]).toEqual([1, 1, 3, 2]);
            return this.used;
          },
        },
        getItem: function (this: { sheet: unknown }, name: string) {
          expect(name).toBe("村级考核");
          return this.sheet;
        },
      },
    });
    // isNullObject is loaded by every sync in Office.js; the mock needs it set.
    const used = (
      mock.context as unknown as { workbook: { worksheets: { sheet: { used: object } } } }
    ).workbook.worksheets.sheet.used;
    Object.defineProperty(used, "isNullObject", { value: false });

    const data = await host.readSheet("村级考核");
    expect(counter.syncs).toBe(2);
    expect(data).toEqual({
      name: "村级考核",
      values: [
        [null, null, null],
        [null, "村名", "得分"],
        [null, "第1村", 19],
        [null, "第2村", null],
      ],
      formulas: [
        [null, null, null],
        [null, null, null],
        [null, null, "=KH.TARGETSCORE(95,100,20)"],
        [null, null, null],
      ],
    });
  });
});
