/**
 * The corpus of awkward clerk workbooks of issue 9, written as raw SpreadsheetML with jszip so that every
 * structure is exactly the one a tool writes (Strict OOXML, x: prefixes, a relationships prefix on <sheets>,
 * formulas without a cached value, a stray cell at XFD1048576, an Excel Table with a totals row, …), plus a
 * copy of one of them saved by LibreOffice when soffice is installed (`--libreoffice`).
 *
 *   npx tsx scripts/make-fixtures.ts [--libreoffice]   → test/fixtures/issue9/*.xlsx, *.xlsm, 方案*.json
 *
 * The files are deterministic (fixed zip dates), committed, and described with their expected outcome in
 * test/fixtures/issue9/corpus.ts.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, writeFileSync, readFileSync, rmSync, copyFileSync } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { FIXTURES, FixtureSheet, FixtureBook, FIXTURE_BOOKS, SCHEMES } from "../test/fixtures/issue9/corpus";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DATE = new Date("2025-12-20T00:00:00Z");

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function colLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One cell's XML; `p` is the element prefix ("" or "x:"). */
function cellXml(ref: string, v: FixtureSheet["rows"][number][number], p: string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
  if (typeof v === "string")
    return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${esc(v)}</${p}t></${p}is></${p}c>`;
  const s = v.style !== undefined ? ` s="${v.style}"` : "";
  const f = v.f !== undefined ? `<${p}f>${esc(v.f)}</${p}f>` : "";
  const cached = v.v === undefined ? "" : `<${p}v>${v.v}</${p}v>`;
  return `<${p}c r="${ref}"${s}>${f}${cached}</${p}c>`;
}

function sheetXml(sheet: FixtureSheet, ns: string, p: string): string {
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row.map((v, c) => cellXml(`${colLetter(c)}${r + 1}`, v, p)).join("");
      return cells ? `<${p}row r="${r + 1}">${cells}</${p}row>` : "";
    })
    .join("");
  const far = sheet.far ? `<${p}row r="1048576"><${p}c r="XFD1048576"><${p}v>${sheet.far}</${p}v></${p}c></${p}row>` : "";
  const merges = sheet.merges?.length
    ? `<${p}mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join("")}</${p}mergeCells>`
    : "";
  const parts = sheet.table ? `<${p}tableParts count="1"><${p}tablePart r:id="rIdT1"/></${p}tableParts>` : "";
  const decl = p ? `xmlns:${p.slice(0, -1)}="${ns}"` : `xmlns="${ns}"`;
  const rel = sheet.table ? ` xmlns:r="${ns === STRICT_MAIN ? STRICT_REL : REL}"` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${decl}${rel}><${p}sheetData>${rows}${far}</${p}sheetData>${merges}${parts}</${p}worksheet>`;
}

const STYLES = (ns: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
  `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function tableXml(sheet: FixtureSheet, ns: string): string {
  const t = sheet.table as NonNullable<FixtureSheet["table"]>;
  const cols = t.columns
    .map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"${i === 0 ? ` totalsRowLabel="汇总"` : ` totalsRowFunction="sum"`}/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${ns}" id="1" name="表1" displayName="表1" ref="${t.ref}" totalsRowCount="1">` +
    `<autoFilter ref="${t.ref.replace(/\d+$/, (n) => String(Number(n) - 1))}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The package of a fixture book. */
export async function buildBook(book: FixtureBook): Promise<Uint8Array> {
  const strict = book.kind === "strict";
  const ns = strict ? STRICT_MAIN : MAIN;
  const relNs = strict ? STRICT_REL : REL;
  const relType = (t: string) => `${relNs}/${t}`;
  const p = book.kind === "x-prefix" ? "x:" : "";
  const zip = new JSZip();
  const add = (name: string, text: string | Uint8Array) => zip.file(name, text, { date: DATE, createFolders: false });
  const macro = book.kind === "macro";
  const workbookType = macro
    ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${workbookType}"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    ...book.sheets.map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    ),
    ...book.sheets.flatMap((s, i) =>
      s.table
        ? [
            `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
          ]
        : []
    ),
  ];
  add(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${macro ? `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` : ""}${overrides.join("")}</Types>`
  );
  add(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${relType("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`
  );
  const rels = [
    ...book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${relType("worksheet")}" Target="worksheets/sheet${i + 1}.xml"/>`),
    `<Relationship Id="rIdS" Type="${relType("styles")}" Target="styles.xml"/>`,
    ...(macro
      ? [`<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`]
      : []),
  ];
  add(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`
  );
  const onChild = book.kind === "rel-on-child";
  const rp = onChild ? "rel" : "r";
  const sheetTags = book.sheets
    .map((s, i) => `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ` state="veryHidden"` : ""} ${rp}:id="rId${i + 1}"/>`)
    .join("");
  const rootDecl = `${p ? `xmlns:x="${ns}"` : `xmlns="${ns}"`}${onChild ? "" : ` xmlns:r="${relNs}"`}${strict ? ` conformance="strict"` : ""}`;
  const sheetsOpen = onChild ? `<${p}sheets xmlns:rel="${relNs}">` : `<${p}sheets>`;
  add(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${rootDecl}><${p}workbookPr/><${p}bookViews><${p}workbookView activeTab="0"/></${p}bookViews>${sheetsOpen}${sheetTags}</${p}sheets><${p}calcPr calcId="191029"/></${p}workbook>`
  );
  add("xl/styles.xml", STYLES(ns));
  book.sheets.forEach((s, i) => {
    add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, ns, p));
    if (s.table) {
      add(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rIdT1" Type="${relType("table")}" Target="../tables/table${i + 1}.xml"/></Relationships>`
      );
      add(`xl/tables/table${i + 1}.xml`, tableXml(s, ns));
    }
  });
  if (macro) add("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]));
  let bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  if (book.kind === "corrupt") bytes = corruptSheet(bytes);
  if (book.kind === "truncated") bytes = bytes.slice(0, Math.floor(bytes.length / 2));
  return bytes;
}

/** The zip with the deflated data of its first worksheet scrambled (its directory intact): "invalid distance too far back". */
function corruptSheet(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
  for (let i = 0; i < out.length - 30; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 3 && out[i + 3] === 4) {
      const nameLength = out[i + 26] | (out[i + 27] << 8);
      const extra = out[i + 28] | (out[i + 29] << 8);
      const here = out.subarray(i + 30, i + 30 + nameLength);
      if (here.length === name.length && here.every((b, k) => b === name[k])) {
        const start = i + 30 + nameLength + extra;
        for (let k = 2; k < 40; k++) out[start + k] ^= 0x5a;
        return out;
      }
    }
  }
  throw new Error("no sheet1 to corrupt");
}

async function main(): Promise<void> {
  mkdirSync(FIXTURES, { recursive: true });
  for (const [file, book] of Object.entries(FIXTURE_BOOKS)) writeFileSync(path.join(FIXTURES, file), await buildBook(book));
  for (const [file, scheme] of Object.entries(SCHEMES)) writeFileSync(path.join(FIXTURES, file), `${JSON.stringify(scheme, null, 2)}\n`);
  if (process.argv.includes("--libreoffice")) saveWithLibreOffice("两行表头.xlsx", "两行表头-LibreOffice.xlsx");
}

/** A fixture opened and saved again by LibreOffice Calc (what a clerk on LibreOffice sends). */
function saveWithLibreOffice(from: string, to: string): void {
  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  const work = path.join(os.tmpdir(), `kh-fixtures-${process.pid}`);
  mkdirSync(path.join(work, "out"), { recursive: true });
  copyFileSync(path.join(FIXTURES, from), path.join(work, "in.xlsx"));
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${work}/profile`,
      "--headless",
      "--convert-to",
      "xlsx:Calc MS Excel 2007 XML",
      "--outdir",
      path.join(work, "out"),
      path.join(work, "in.xlsx"),
    ],
    {
      stdio: "ignore",
      timeout: 120_000,
    }
  );
  writeFileSync(path.join(FIXTURES, to), readFileSync(path.join(work, "out", "in.xlsx")));
  rmSync(work, { recursive: true, force: true });
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
