/** Reading a .docx back for the tests: word/document.xml split into sections, paragraph texts, table rows. */
import JSZip from "jszip";

export interface DocxParts {
  document: string;
  footers: string[];
  fontTable: string;
}

export async function docxParts(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = (name: string) => zip.file(name)!.async("string");
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map(text)
  );
  return { document: await text("word/document.xml"), footers, fontTable: await text("word/fontTable.xml") };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of each paragraph (its w:t runs joined). */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) =>
    [...m[1].matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1])).join("")
  );
}

/** The sections: each one's XML and its w:sectPr (the section break ends the section's last paragraph). */
export function sections(xml: string): { body: string; sectPr: string }[] {
  const out: { body: string; sectPr: string }[] = [];
  const re = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/g;
  let from = 0;
  for (const m of xml.matchAll(re)) {
    const after = (m.index as number) + m[0].length;
    // A section break inside a paragraph's properties ends that paragraph's section: cut after the paragraph.
    const inParagraph = xml.startsWith("</w:pPr>", after);
    const end = inParagraph ? xml.indexOf("</w:p>", after) + "</w:p>".length : after;
    out.push({ body: xml.slice(from, end).replace(m[0], ""), sectPr: m[0] });
    from = end;
  }
  return out;
}

export function attr(xml: string, element: string, name: string): string | undefined {
  const el = new RegExp(`<${element}\\b[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`${name}="([^"]*)"`).exec(el)?.[1] : undefined;
}

/** The rows of the first table: each row's cell texts, and whether it is a repeating header row. */
export function tableRows(xml: string): { cells: string[]; header: boolean }[] {
  const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)?.[0] ?? "";
  return [...table.matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((r) => ({
    cells: [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphs(c[1]).join("")),
    header: /<w:tblHeader\b/.test(r[1]),
  }));
}
