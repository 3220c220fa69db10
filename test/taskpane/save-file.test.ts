/**
 * @jest-environment jsdom
 */
/**
 * saveFile in each host's pane, against doubles that do only what docs/host-facts.md says (Downloads from the pane):
 * WPS's GetSaveAsFilename + FileSystem.writeAsBinaryString, a Blob download in Excel on Windows and the web, none
 * on Mac.
 */
import { binaryString, saveFile } from "../../src/taskpane/save-file";

const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x80, 0x7f]);

describe("saveFile in WPS", () => {
  it("asks for the place with 另存为 and writes the bytes as a binary string (one char per byte)", () => {
    const written: [string, string][] = [];
    const root = {
      GetSaveAsFilename: (name?: string, filter?: string) => (
        expect([name, filter]).toEqual(["第2期调度通报.docx", "Word 文档 (*.docx),*.docx"]),
        "D:/通报/第2期"
      ),
      FileSystem: { writeAsBinaryString: (p: string, d: string) => (written.push([p, d]), true) },
    };
    expect(saveFile("wps", "第2期调度通报.docx", bytes, { wps: root })).toEqual({ kind: "saved", path: "D:/通报/第2期.docx" });
    expect(written[0][0]).toBe("D:/通报/第2期.docx");
    expect([...written[0][1]].map((c) => c.charCodeAt(0))).toEqual([...bytes]);
  });

  it("is cancelled when the dialog returns false, and unavailable on a build without the calls", () => {
    const root = { GetSaveAsFilename: () => false, FileSystem: { writeAsBinaryString: () => true } };
    expect(saveFile("wps", "a.docx", bytes, { Application: root })).toEqual({ kind: "cancelled" });
    expect(saveFile("wps", "a.docx", bytes, { wps: {} }).kind).toBe("unavailable");
  });
});

describe("saveFile in Excel", () => {
  it("downloads through a Blob URL and <a download> on Windows and the web; not on Mac", () => {
    const clicks: string[] = [];
    const doc = document.implementation.createHTMLDocument("pane");
    doc.addEventListener("click", (e) => clicks.push((e.target as HTMLAnchorElement).download));
    const env = { document: doc, Blob, URL: { createObjectURL: () => "blob:x", revokeObjectURL: () => undefined } };
    expect(saveFile("excel", "考核结果通报.docx", bytes, env)).toEqual({ kind: "downloaded" });
    expect(clicks).toEqual(["考核结果通报.docx"]);
    expect(saveFile("excel", "a.docx", bytes, { ...env, Office: { context: { diagnostics: { platform: "Mac" } } } }).kind).toBe(
      "unavailable"
    );
  });

  it("writes long byte arrays in chunks", () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(binaryString(big).length).toBe(100_000);
    expect(binaryString(big).charCodeAt(70_000)).toBe(70_000 % 256);
  });
});
