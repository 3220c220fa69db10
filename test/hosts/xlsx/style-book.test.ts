import fc from "fast-check";
import { CellStyle } from "../../../src/hosts/render-plan";
import { StyleBook } from "../../../src/hosts/xlsx/style-book";

const STYLES =
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<numFmts count="1"><numFmt numFmtId="180" formatCode="0.0%"/></numFmts>` +
  `<fonts count="1"><font><sz val="12"/><color theme="1"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><tableStyles count="0"/></styleSheet>`;

describe("StyleBook", () => {
  it("gives no format to a cell without style, and appends one per distinct style after the workbook's", () => {
    const book = new StyleBook(STYLES);
    expect(book.cellXf(undefined)).toBeUndefined();
    expect(book.cellXf({})).toBeUndefined();
    expect(book.changed).toBe(false);
    expect(book.patched()).toBe(STYLES);
    const bold = book.cellXf({ bold: true, fill: "#D9E1F2", horizontal: "center", border: true });
    expect(bold).toBe(1);
    expect(book.cellXf({ border: true, horizontal: "center", fill: "#d9e1f2", bold: true })).toBe(1); // the same xf, however spelt
    expect(book.cellXf({ numberFormat: "0.0%" })).toBe(2);
    expect(book.cellXf({ numberFormat: "0.00" })).toBe(3);
    expect(book.cellXf({ numberFormat: '0"分"' })).toBe(4);
    expect(book.cellXf(undefined, true)).toBe(5);
    const xml = book.patched();
    expect(xml).toContain(
      `<numFmts count="2"><numFmt numFmtId="180" formatCode="0.0%"/><numFmt numFmtId="181" formatCode="0&quot;分&quot;"/></numFmts>`
    );
    expect(xml).toContain(
      `<font><b/><sz val="12"/><color theme="1"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts>`
    );
    expect(xml).toContain(
      `<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>`
    );
    expect(xml).toMatch(
      /<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"\/><\/xf>/
    );
    // A style without font settings has the default font: the workbook's own font 0 is the same, so it is used.
    expect(xml).toContain(`<fonts count="2">`);
    expect(xml).toContain(`<xf numFmtId="180" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
    expect(xml).toContain(`<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
    expect(xml).toContain(`<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
    // The lists made where the schema puts them: dxfs after cellStyles.
    expect(book.dxf("#FFC7CE", "#9C0006")).toBe(0);
    expect(book.dxf("#FFC7CE", "#9C0006")).toBe(0);
    expect(book.patched()).toContain(
      `</cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs><tableStyles`
    );
  });

  it("uses an entry that is already there, character for character", () => {
    const first = new StyleBook(STYLES);
    first.cellXf({ bold: true, numberFormat: "0.0分" });
    first.dxf("#FF0000");
    const again = new StyleBook(first.patched());
    expect(again.cellXf({ bold: true, numberFormat: "0.0分" })).toBe(1);
    expect(again.dxf("#FF0000")).toBe(0);
    expect(again.changed).toBe(false);
  });

  it("makes a minimal styles part for a package that has none", () => {
    const book = new StyleBook(undefined);
    expect(book.cellXf({ fontColour: "#C00000", fontSize: 9, wrap: true })).toBe(1);
    expect(book.patched()).toContain(
      `<font><sz val="9"/><color rgb="FFC00000"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`
    );
    expect(() => book.cellXf({ fill: "red" })).toThrow("无法识别的颜色：red");
  });

  it("says without adding anything whether a style gives a cell a format: exactly when cellXf gives it one", () => {
    const field = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const style: fc.Arbitrary<CellStyle | undefined> = fc.option(
      fc.record({
        numberFormat: field(fc.constantFrom("0.00", "@", "#,##0")),
        fill: field(fc.constantFrom("#FFF2CC", "#C00000")),
        fontColour: field(fc.constantFrom("#C00000", "")),
        bold: field(fc.boolean()),
        fontSize: field(fc.constantFrom(0, 9, 16)),
        horizontal: field(fc.constantFrom("left" as const, "center" as const)),
        wrap: field(fc.boolean()),
        border: field(fc.boolean()),
      }),
      { nil: undefined }
    );
    fc.assert(
      fc.property(style, fc.boolean(), (s, text) => {
        const book = new StyleBook(STYLES);
        const before = book.patched();
        const formats = StyleBook.formats(s, text);
        expect(book.patched()).toBe(before);
        expect(formats).toBe(book.cellXf(s, text) !== undefined);
      }),
      { numRuns: 500 }
    );
  });
});
