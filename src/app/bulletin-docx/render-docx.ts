/**
 * A BulletinDocument (core/bulletin-doc) as a Word .docx, with the `docx` package (works in Node and in the pane):
 * the body on GB/T 9704 portrait A4 pages, the 附件 table on a landscape section of its own with the header row
 * repeated on every page, and the 校验码 in every footer beside the page number. The font table names each font's
 * fallback (altName), so Word and WPS 文字 show 宋体 / 仿宋 / 楷体 where the 方正 or _GB2312 fonts are missing.
 *
 * API: `bulletinDocx(doc)` → Uint8Array (the .docx bytes).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { BulletinDocument, DocTable } from "../../core/bulletin-doc/document-model";
import { DRAGON, TIGER } from "../../core/leaderboard";
import { COLOURS } from "../../core/sheets/common";
import { FONTS, INDENT, LINE, PAGE, SIZE } from "./page";

type Font = (typeof FONTS)[keyof typeof FONTS];
const font = (f: Font) => ({ ascii: f.name, eastAsia: f.name, hAnsi: f.name, cs: f.name });
const run = (text: string, f: Font, size: number, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: font(f), size, ...extra });
const exact = { line: LINE, lineRule: LineRuleType.EXACT };

function body(text: string, indent = true): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.body, SIZE.sanhao)],
    spacing: exact,
    indent: indent ? { firstLine: INDENT } : undefined,
    alignment: AlignmentType.JUSTIFIED,
  });
}

function heading(text: string, f: Font): Paragraph {
  return new Paragraph({ children: [run(text, f, SIZE.sanhao)], spacing: exact, indent: { firstLine: INDENT } });
}

const blankLine = () => new Paragraph({ children: [], spacing: exact });

function footer(code: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run("— ", FONTS.pageNumber, SIZE.sihao),
          new TextRun({ children: [PageNumber.CURRENT], font: font(FONTS.pageNumber), size: SIZE.sihao }),
          run(" —", FONTS.pageNumber, SIZE.sihao),
        ],
      }),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`校验码：${code}`, FONTS.body, SIZE.wuhao, { color: "595959" })] }),
    ],
  });
}

function mainChildren(doc: BulletinDocument): Paragraph[] {
  const textWidth = PAGE.width - PAGE.margin.left - PAGE.margin.right;
  const out: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(doc.issue, FONTS.body, SIZE.sanhao)] }),
    // Office on the left, date on the right, over the red rule (the 版头's 分隔线).
    new Paragraph({
      spacing: exact,
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: "C00000", space: 4 } },
      children: [run(doc.office, FONTS.body, SIZE.sanhao), run(`\t${doc.date}`, FONTS.body, SIZE.sanhao)],
    }),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(doc.title, FONTS.title, SIZE.erhao)],
    }),
    blankLine(),
  ];
  for (const b of doc.blocks) {
    if (b.kind === "salutation") out.push(body(b.text, false));
    else if (b.kind === "h1") out.push(heading(b.text, FONTS.heading));
    else if (b.kind === "h2") out.push(heading(b.text, FONTS.subheading));
    else out.push(body(b.text));
  }
  out.push(blankLine(), body(doc.attachmentNote), blankLine(), blankLine());
  // Sender and date to the right, four characters in from the margin (GB/T 9704 7.3.5.1).
  const right = { right: INDENT * 2 };
  out.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, spacing: exact, children: [run(doc.office, FONTS.body, SIZE.sanhao)] })
  );
  out.push(
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: right, spacing: exact, children: [run(doc.date, FONTS.body, SIZE.sanhao)] })
  );
  return out;
}

/** The table's paragraph style: 小四, so an empty cell is no taller than a filled one. */
const TABLE_STYLE = "KHTable";

const FILL: Record<string, string> = { [DRAGON]: COLOURS.dragonFill.slice(1), [TIGER]: COLOURS.tigerFill.slice(1) };

function cell(text: string, width: number, opts: { header?: boolean; fill?: string }): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: opts.fill } } : {}),
    children: [
      new Paragraph({
        style: TABLE_STYLE,
        alignment: AlignmentType.CENTER,
        children: [run(text, opts.header ? FONTS.heading : FONTS.body, SIZE.xiaosi)],
      }),
    ],
  });
}

function attachmentTable(t: DocTable, width: number): Table {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / sum) * width));
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.headers.map((h, i) => cell(h, widths[i], { header: true, fill: COLOURS.header.slice(1) })),
      }),
      ...t.rows.map((r, k) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i], { fill: FILL[t.marks[k]] })) })),
    ],
  });
}

function attachmentChildren(doc: BulletinDocument): (Paragraph | Table)[] {
  const width = PAGE.height - PAGE.margin.left - PAGE.margin.right;
  return [
    new Paragraph({ spacing: exact, children: [run("附件", FONTS.heading, SIZE.sanhao)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(doc.attachment.title, FONTS.title, SIZE.erhao)],
    }),
    attachmentTable(doc.attachment, width),
  ];
}

/** The font table, with each font's fallback, replacing the one `docx` writes (which names no alternatives). */
function fontTable(): string {
  const entries = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`
  );
}

export function bulletinDocument(doc: BulletinDocument): Document {
  const page = (orientation: (typeof PageOrientation)[keyof typeof PageOrientation]) => ({
    page: { size: { width: PAGE.width, height: PAGE.height, orientation }, margin: PAGE.margin },
  });
  return new Document({
    creator: "考核助手",
    title: doc.title,
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZE.sanhao } } },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: "考核助手表格",
          run: { font: font(FONTS.body), size: SIZE.xiaosi },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      { properties: page(PageOrientation.PORTRAIT), footers: { default: footer(doc.code) }, children: mainChildren(doc) },
      { properties: page(PageOrientation.LANDSCAPE), footers: { default: footer(doc.code) }, children: attachmentChildren(doc) },
    ],
  });
}

export async function bulletinDocx(doc: BulletinDocument): Promise<Uint8Array> {
  const bytes = await Packer.pack(bulletinDocument(doc), "uint8array", false, [{ path: "word/fontTable.xml", data: fontTable() }]);
  return bytes as Uint8Array;
}
