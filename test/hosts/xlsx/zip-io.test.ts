import fc from "fast-check";
import JSZip from "jszip";
import { crc32Combine } from "../../../src/hosts/xlsx/crc32";
import { nodeCodec } from "../../../src/hosts/xlsx/node-codec";
import { DeflatingEntry, ZipFormatError, crc32, entryData, readZip, webCodec, writeZip } from "../../../src/hosts/xlsx/zip-io";
import { rawEntries } from "./zip-helpers";

const text = (s: string) => new TextEncoder().encode(s);

async function sample(options: { streamFiles?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("a.xml", "<a>甲乙丙</a>".repeat(50), { compression: "DEFLATE" });
  zip.file("dir/b.bin", new Uint8Array([0, 1, 2, 255]), { compression: "STORE" });
  zip.folder("empty");
  return zip.generateAsync({ type: "uint8array", streamFiles: options.streamFiles });
}

describe("zip-io", () => {
  it.each([false, true])("reads entries (data descriptors: %s) and writes them back as they were, adding new ones", async (streamFiles) => {
    const input = await sample({ streamFiles });
    const entries = readZip(input);
    expect(entries.map((e) => e.name)).toEqual(["a.xml", "dir/", "dir/b.bin", "empty/"]);
    expect(new TextDecoder().decode(await entryData(entries[0], webCodec))).toBe("<a>甲乙丙</a>".repeat(50));
    for (const codec of [webCodec, nodeCodec]) {
      const output = await writeZip([...entries, { name: "新/c.xml", data: text("<c/>") }], codec, 6);
      const before = rawEntries(input);
      const after = rawEntries(output);
      for (const name of ["a.xml", "dir/", "dir/b.bin", "empty/"]) expect(after.get(name)).toEqual(before.get(name));
      const back = await JSZip.loadAsync(output, { checkCRC32: true });
      expect(await back.file("新/c.xml")!.async("string")).toBe("<c/>");
      expect(await back.file("a.xml")!.async("string")).toBe("<a>甲乙丙</a>".repeat(50));
      expect([...(await back.file("dir/b.bin")!.async("uint8array"))]).toEqual([0, 1, 2, 255]);
    }
  });

  it("agrees with zlib and JSZip on CRC-32, and both codecs inflate what either deflates", async () => {
    const data = text("考核".repeat(1000) + "abc");
    expect(crc32(data)).toBe(nodeCodec.crc32(data));
    for (const a of [webCodec, nodeCodec]) {
      const packed = await a.deflate(data, 9);
      for (const b of [webCodec, nodeCodec]) expect(new Uint8Array(await b.inflate(packed, data.length))).toEqual(data);
    }
  });

  it("deflates a part written in pieces (several megabytes: deflated 256 KB at a time with zlib) into one valid entry", async () => {
    // Rows of a sheet, not all alike, so the deflate stream has real work across the piece boundaries.
    const rows = Array.from({ length: 60000 }, (_, r) =>
      text(`<row r="${r + 1}"><c r="A${r + 1}" t="str"><f>'读数'!B${r}</f><v>单位${r}</v></c></row>`)
    );
    const whole = new Uint8Array(rows.reduce((n, r) => n + r.length, 0));
    rows.reduce((at, r) => (whole.set(r, at), at + r.length), 0);
    expect(whole.length).toBeGreaterThan(3 << 20);
    for (const codec of [nodeCodec, webCodec]) {
      const part = new DeflatingEntry("xl/worksheets/sheet9.xml", codec, 6);
      rows.forEach(part.write);
      const entry = await part.entry();
      expect([entry.size, entry.crc]).toEqual([whole.length, crc32(whole)]);
      const back = await JSZip.loadAsync(await writeZip([entry], codec, 6), { checkCRC32: true });
      // Buffer.equals: toEqual walks a typed array of megabytes element by element, for a minute.
      expect(Buffer.from(await back.file("xl/worksheets/sheet9.xml")!.async("uint8array")).equals(whole)).toBe(true);
    }
  });

  it("takes text and bytes in any mix, in order, whatever their sizes", async () => {
    const pieces: (string | Uint8Array)[] = [];
    for (let k = 0; k < 400; k++) {
      if (k % 7 === 0) pieces.push(text(`<row r="${k}">${"字".repeat(k * 50)}</row>`));
      else pieces.push(k % 50 === 0 ? "大".repeat(700000) : `<c r="A${k}"><v>${k}</v></c>`.repeat(k));
    }
    const whole = text(pieces.map((p) => (typeof p === "string" ? p : new TextDecoder().decode(p))).join(""));
    for (const codec of [nodeCodec, webCodec]) {
      const part = new DeflatingEntry("xl/worksheets/sheet9.xml", codec, 6);
      for (const p of pieces) {
        if (typeof p === "string") part.text(p);
        else part.write(p);
      }
      const entry = await part.entry();
      expect([entry.size, entry.crc]).toEqual([whole.length, crc32(whole)]);
      const back = await JSZip.loadAsync(await writeZip([entry], codec, 6), { checkCRC32: true });
      expect(Buffer.from(await back.file("xl/worksheets/sheet9.xml")!.async("uint8array")).equals(whole)).toBe(true);
    }
  });

  it("deflates pieces on zlib's threads while the writer goes on: no more than two wait, the content whole and in order", async () => {
    // Rows unlike one another (a running number and a hash of it), ~9 MB: 36 pieces.
    const rows = Array.from(
      { length: 90000 },
      (_, r) => `<row r="${r + 1}"><c><v>${(r * 2654435761) % 4294967296}</v></c><c t="str"><v>单位${r}</v></c></row>`
    );
    const whole = text(rows.join(""));
    const part = new DeflatingEntry("xl/worksheets/sheet9.xml", nodeCodec, 6);
    let waits = 0;
    let mostWaiting = 0;
    for (const row of rows) {
      part.text(row);
      mostWaiting = Math.max(mostWaiting, (part as unknown as { pending: unknown[] }).pending.length);
      if (part.busy) {
        waits++;
        await part.settled();
        expect(part.busy).toBe(false);
      }
    }
    const entry = await part.entry();
    expect(mostWaiting).toBeLessThanOrEqual(2);
    expect(waits).toBeGreaterThan(0);
    expect([entry.size, entry.crc]).toEqual([whole.length, crc32(whole)]);
    const back = await JSZip.loadAsync(await writeZip([entry], nodeCodec, 6), { checkCRC32: true });
    expect(Buffer.from(await back.file("xl/worksheets/sheet9.xml")!.async("uint8array")).equals(whole)).toBe(true);
    // The compressed bytes stay in the pieces zlib gave, one after another; `raw` joins them only when asked for.
    const pieces = entry.pieces!;
    expect(pieces.length).toBeGreaterThan(9);
    expect(Buffer.concat(pieces).equals(entry.raw)).toBe(true);
    expect(Buffer.from(nodeCodec.inflate(entry.raw, entry.size) as Uint8Array).equals(whole)).toBe(true);
    // …and the zip written from them is the zip written from the joined bytes.
    const joined = { ...entry, pieces: undefined, raw: entry.raw };
    expect(
      Buffer.from(await writeZip([entry, entry], nodeCodec, 6)).equals(Buffer.from(await writeZip([joined, joined], nodeCodec, 6)))
    ).toBe(true);
  });

  it("reports a piece that fails to deflate when the part is ended, and a writer waiting on it is not left hanging", async () => {
    const failing = {
      ...nodeCodec,
      deflater: () => (data: Uint8Array, last: boolean) =>
        last ? Promise.resolve([new Uint8Array(0)]) : Promise.reject(new Error("zlib 出错")),
    };
    const part = new DeflatingEntry("xl/worksheets/sheet9.xml", failing, 6);
    const big = "<row>".repeat(500000);
    part.text(big);
    part.text(big);
    expect(part.busy).toBe(true);
    await part.settled();
    await expect(part.entry()).rejects.toThrow("zlib 出错");
  });

  it("inflates the start of a part from the start of its compressed bytes (node codec)", () => {
    const data = text(Array.from({ length: 20000 }, (_, i) => `<row r="${i}"><c><v>${(i * 31) % 997}</v></c></row>`).join(""));
    const packed = nodeCodec.deflate(data, 6) as Uint8Array;
    const start = nodeCodec.inflateStart!(packed, 4096);
    expect(start.length).toBeGreaterThan(4096);
    expect(start.length).toBeLessThan(data.length);
    expect(Buffer.from(start).equals(Buffer.from(data.subarray(0, start.length)))).toBe(true);
  });

  it("continues a CRC-32 from the CRC of what came before, as zlib does", () => {
    const [a, b] = [text("甲乙丙".repeat(300)), text("abc")];
    const both = new Uint8Array([...a, ...b]);
    expect(crc32(b, crc32(a))).toBe(crc32(both));
    expect(nodeCodec.crc32(b, nodeCodec.crc32(a))).toBe(crc32(both));
  });

  it("combines two CRC-32s into that of the two contents one after the other, as zlib's crc32_combine does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 70000 }), (a, b) => {
        const both = new Uint8Array([...a, ...b]);
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(nodeCodec.crc32(both));
      }),
      { numRuns: 300 }
    );
    // Megabytes after: checked against the CRC continued over them.
    const zeros = new Uint8Array(1 << 20);
    let crc = crc32(text("头"));
    for (let k = 0; k < 3; k++) crc = crc32(zeros, crc);
    expect(crc32Combine(crc32(text("头")), crc32(new Uint8Array(3 << 20)), 3 << 20)).toBe(crc);
  });

  it("puts a head given last before the rest: one deflate stream, its CRC and size those of the whole", async () => {
    const rows = Array.from({ length: 30000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="str"><v>单位${r}</v></c></row>`);
    const head = `<?xml version="1.0"?><worksheet><dimension ref="A1:A${rows.length}"/><sheetData>`;
    const whole = text(head + rows.join("") + "</sheetData></worksheet>");
    for (const codec of [nodeCodec, webCodec]) {
      const part = new DeflatingEntry("xl/worksheets/sheet9.xml", codec, 5);
      rows.forEach((row) => part.text(row));
      part.text("</sheetData></worksheet>");
      part.head(head);
      const entry = await part.entry();
      expect([entry.size, entry.crc]).toEqual([whole.length, crc32(whole)]);
      // Read back by JSZip (pako), by zlib, and from its start alone (the package reader reads a sheet's head so).
      const back = await JSZip.loadAsync(await writeZip([entry], codec, 5), { checkCRC32: true });
      expect(Buffer.from(await back.file("xl/worksheets/sheet9.xml")!.async("uint8array")).equals(whole)).toBe(true);
      expect(Buffer.from(nodeCodec.inflate(entry.raw, entry.size) as Uint8Array).equals(whole)).toBe(true);
      expect(new TextDecoder().decode(nodeCodec.inflateStart!(entry.raw, 200).subarray(0, head.length))).toBe(head);
    }
  });

  it("refuses what is not a zip, and a broken one", async () => {
    expect(() => readZip(text("PK\u0003\u0004 nothing else"))).toThrow(ZipFormatError);
    const input = await sample();
    const cut = input.slice();
    cut[0] = 0; // the first entry's local header signature
    expect(() => readZip(cut)).toThrow("zip 条目已损坏");
  });
});
