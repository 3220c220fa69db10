import {
  attributes,
  cellTextEscape,
  cellTextUnescape,
  elements,
  findElement,
  insertBefore,
  setAttribute,
  xmlDecode,
  xmlEscape,
  xmlSafe,
} from "../../../src/hosts/xlsx/xml-text";

describe("xml-text", () => {
  it("escapes the five XML characters and drops the ones XML 1.0 cannot hold", () => {
    expect(xmlEscape(`a&b<c>"d'e`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;e");
    expect(xmlEscape("ok\t\n\r\u0001\u0008\u000b\u001f\ufffe😀\ud800x\udc00")).toBe("ok\t\n\r😀x");
    expect(xmlSafe("\u0000a\u0007")).toBe("a");
    expect(xmlEscape("普通文字")).toBe("普通文字");
  });

  it("protects and reads back Excel's _xHHHH_ escapes in cell text", () => {
    expect(cellTextEscape("_x0041_ & _X41_")).toBe("_x005F_x0041_ &amp; _X41_");
    expect(cellTextUnescape("_x005F_x0041_")).toBe("_x0041_");
    expect(cellTextUnescape("a_x000D_b_x0041_")).toBe("a\rbA");
  });

  it("decodes character and entity references", () => {
    expect(xmlDecode("&lt;&#x41;&#66;&amp;amp;&quot;&apos;&gt;&bogus;")).toBe("<AB&amp;\"'>&bogus;");
  });

  it("reads and sets attributes of one start tag", () => {
    const tag = `<sheetView tabSelected="1" zoomScale='85' workbookViewId="0"/>`;
    expect(attributes(tag)).toEqual(
      new Map([
        ["tabSelected", "1"],
        ["zoomScale", "85"],
        ["workbookViewId", "0"],
      ])
    );
    expect(setAttribute(tag, "tabSelected", undefined)).toBe(`<sheetView zoomScale='85' workbookViewId="0"/>`);
    expect(setAttribute(`<a x="1">`, "r:id", `"&`)).toBe(`<a x="1" r:id="&quot;&amp;">`);
  });

  it("finds elements whose attributes hold > and /, self-closing or not, and inserts by the schema's order", () => {
    const xml = `<numFmts count="2"><numFmt numFmtId="164" formatCode="[&gt;=1]0/0"/><numFmt numFmtId="165" formatCode='a>b'/></numFmts><fonts><font><b/></font><font/></fonts>`;
    expect(elements(xml, "numFmt")).toEqual([
      `<numFmt numFmtId="164" formatCode="[&gt;=1]0/0"/>`,
      `<numFmt numFmtId="165" formatCode='a>b'/>`,
    ]);
    expect(elements(xml, "font")).toEqual(["<font><b/></font>", "<font/>"]);
    expect(findElement(xml, "fonts")?.text).toBe("<fonts><font><b/></font><font/></fonts>");
    expect(findElement(xml, "fills")).toBeUndefined();
    expect(insertBefore("<r><a/><c/></r>", "<b/>", ["c", "d"], "r")).toBe("<r><a/><b/><c/></r>");
    expect(insertBefore("<r><a/></r>", "<b/>", ["c"], "r")).toBe("<r><a/><b/></r>");
  });
});
