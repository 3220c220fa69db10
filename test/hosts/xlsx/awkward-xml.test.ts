import { parseSheet } from "../../../src/hosts/xlsx/package-reader";
import { dateStyles, isDateCode } from "../../../src/hosts/xlsx/date-formats";
import { evaluateFormula } from "../../../src/hosts/xlsx/formula-eval";
import { toTransitional, unprefixed, relPrefixes } from "../../../src/hosts/xlsx/namespaces";
import { readSheetEntries } from "../../../src/hosts/xlsx/workbook-parts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const sheet = (data: string) => `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`;

describe("number formats that show dates", () => {
  test("built-in and custom codes", () => {
    expect(["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "m/d", "[h]:mm", "[$-804]aaaa;@"].map(isDateCode)).toEqual([true, true, true, true, false]);
    expect(["0.00", '#,##0" 分"', "0.0%", "0.00E+00", "General", "[Red]0.00_);(0.00)", "@"].map(isDateCode)).toEqual(Array(7).fill(false));
    const styles =
      `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/m/d"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>` +
      `<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"><alignment horizontal="center"/></xf><xf numFmtId="165"/><xf numFmtId="58"/></cellXfs></styleSheet>`;
    expect([...dateStyles(styles)]).toEqual([1, 2, 4]);
  });

  test("a number cell with a date format is noted, a text cell with it is not", () => {
    const data = parseSheet(
      "x",
      sheet(`<row r="1"><c r="A1" s="1"><v>45721</v></c><c r="B1" s="1" t="inlineStr"><is><t>3-5</t></is></c><c r="C1"><v>3</v></c></row>`),
      [],
      false,
      new Set([1])
    );
    expect(data.notes).toEqual({ A1: "date" });
  });
});

describe("formulas saved without a result", () => {
  test("simple ones are worked out, others reported", () => {
    const values: Record<string, number | null> = { "0,0": 10, "0,1": 4, "1,0": null };
    const get = (r: number, c: number) => values[`${r},${c}`] ?? null;
    expect(evaluateFormula("=A1*0.5+B1^2-(3-1)%", get)).toBe(5 + 16 - 0.02);
    expect(evaluateFormula("=SUM(A1:B1)/2+AVERAGE(A1,B1)+ROUND(1.005,2)+ABS(-1)+A2", get)).toBe(7 + 7 + 1.01 + 1);
    expect(evaluateFormula("=IF(A1>=10,5,A1/2)", get)).toBe(5);
    expect(evaluateFormula("=IF(B1<>4,1,IF(A2=0,2,3))", get)).toBe(2);
    expect(evaluateFormula("=IF(A1<5,1)", get)).toBeUndefined();
    expect(evaluateFormula("=A1>5", get)).toBeUndefined();
    for (const f of ["=Sheet2!A1", "=VLOOKUP(A1,B:C,2)", "=A1/0", '="a"&"b"', "=A1:B1", "=名称"])
      expect(evaluateFormula(f, get)).toBeUndefined();
  });

  test("in a sheet: computed in place (also from another uncached one), the rest noted", () => {
    const data = parseSheet(
      "x",
      sheet(
        `<row r="1"><c r="A1"><v>8</v></c><c r="B1"><f>A1*2</f></c><c r="C1"><f>B1+1</f></c><c r="D1"><f>Sheet2!A1</f></c><c r="E1"><f>D1+1</f></c></row>`
      ),
      [],
      false
    );
    expect(data.values).toEqual([[8, 16, 17, null, null]]);
    expect(data.notes).toEqual({ D1: "uncached", E1: "uncached" });
  });

  test("an empty <v/> is no result either", () => {
    const data = parseSheet(
      "x",
      sheet(`<row r="1"><c r="A1"><f>Sheet2!A1</f><v/></c><c r="B1" t="str"><f>""</f><v></v></c></row>`),
      [],
      false
    );
    expect(data.notes).toEqual({ A1: "uncached" });
  });
});

describe("a stray cell far away", () => {
  test("a value at XFD1048576 does not stretch the grid", () => {
    const data = parseSheet(
      "x",
      sheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="1048576"><c r="XFD1048576"><v>9</v></c></row>`),
      [],
      false
    );
    expect(data.values).toEqual([[1, 2]]);
  });

  test("the same cell twice: the later one is read, the earlier one still counts for the region", () => {
    const twice = `<c r="A1"><v>1</v></c><c r="A1"><v>2</v></c><c r="B1"><f>A1</f><v>3</v></c><c r="B1"><v>4</v></c><c r="D1"><v>5</v></c><c r="D1" t="str"><v></v></c>`;
    // Row 1100 is past the gap, so the region is worked out from the cells that count: D1's 5 did.
    const data = parseSheet("x", sheet(`<row r="1">${twice}</row><row r="1100"><c r="A1100"><v>9</v></c></row>`), [], false);
    expect(data.values).toEqual([[2, 4, null, ""]]);
    expect(data.formulas).toEqual([[null, null, null, null]]);
  });

  test("rows with a few blank rows between them are still read", () => {
    const data = parseSheet("x", sheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="30"><c r="C30"><v>2</v></c></row>`), [], false);
    expect(data.values.length).toBe(30);
    expect(data.values[29][2]).toBe(2);
  });
});

describe("namespaces", () => {
  test("Strict names become Transitional", () => {
    const strict =
      `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships" conformance="strict">` +
      `<Relationship Type="http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"/></workbook>`;
    expect(toTransitional(strict)).toBe(
      `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"/></workbook>`
    );
  });

  test("the names outside the …/2006/… rule", () => {
    const t = (rest: string) => toTransitional(`http://purl.oclc.org/ooxml/${rest}`);
    expect(t("officeDocument/relationships/metadata/thumbnail")).toBe(
      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
    );
    expect(t("officeDocument/customProperties")).toBe("http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
    expect(t("drawingml/spreadsheetDrawing")).toBe("http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
    expect(t("officeDocument/relationships/worksheet")).toBe(
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
    );
  });

  test("x: prefixed SpreadsheetML reads unprefixed; a relationships prefix on a child element is found", () => {
    const x = `<?xml version="1.0"?><x:workbook xmlns:x="${MAIN}"><x:sheets xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheet name="数据" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`;
    const plain = unprefixed(x);
    expect(plain).toBe(
      `<?xml version="1.0"?><workbook xmlns="${MAIN}"><sheets xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheet name="数据" sheetId="1" rel:id="rId1"/></sheets></workbook>`
    );
    expect(relPrefixes(plain)).toEqual(["rel"]);
    expect(readSheetEntries(plain, "r").map((e) => [e.name, e.rId])).toEqual([["数据", "rId1"]]);
  });
});
