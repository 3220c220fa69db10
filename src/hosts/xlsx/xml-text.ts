/**
 * Text in and out of the XML parts of an .xlsx package, done with plain strings (the package is patched, not
 * re-serialised): escaping, the characters XML 1.0 forbids, Excel's `_xHHHH_` escapes, attributes of one start
 * tag, and inserting an element where the schema's order puts it.
 */

/** Characters XML 1.0 cannot hold at all (controls but tab, LF and CR; U+FFFE/FFFF; unpaired surrogates). */
// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** The text with the characters XML cannot hold dropped (what reading the saved file gives back). */
export function xmlSafe(s: string): string {
  return NEEDS_WORK.test(s) ? s.replace(FORBIDDEN, "") : s;
}

/** Text or attribute content: escaped, with the characters XML forbids dropped. */
export function xmlEscape(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(FORBIDDEN, "").replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/**
 * The text of a cell (`<t>`, or a formula's cached text): escaped as xmlEscape, and a literal "_x0041_" protected
 * as "_x005F_x0041_", since Excel reads `_xHHHH_` in cell text as the character HHHH.
 */
export function cellTextEscape(s: string): string {
  const escaped = xmlEscape(s);
  return escaped.includes("_x") ? escaped.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : escaped;
}

/** Cell text with `_xHHHH_` escapes read back (what Excel does with text in a cell). */
export function cellTextUnescape(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML character and entity references decoded. */
export function xmlDecode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (m, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref] ?? m;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The attributes of a start tag such as `<sheet name="a" sheetId="1" r:id="rId1"/>`, decoded. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1], xmlDecode(m[3] ?? m[4]));
  return out;
}

/** A start tag with attribute `name` set to `value` (escaped), or removed when value is undefined. */
export function setAttribute(tag: string, name: string, value: string | undefined): string {
  const pattern = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  const without = tag.replace(pattern, "");
  if (value === undefined) return without;
  const end = without.endsWith("/>") ? without.length - 2 : without.length - 1;
  return `${without.slice(0, end).trimEnd()} ${name}="${xmlEscape(value)}"${without.slice(end)}`;
}

/** A start tag `<name …>` or `<name …/>`; quoted attribute values may hold ">" or "/". */
function startTag(name: string): string {
  return `<${name}(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*(/?)>`;
}

/** Every element `<name …/>` or `<name …>…</name>` in `xml` (elements of that name must not nest). */
export function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`${startTag(name)}|</${name}>`, "g");
  const out: string[] = [];
  let open = -1;
  for (const m of xml.matchAll(pattern)) {
    if (m[0].startsWith("</")) {
      if (open >= 0) out.push(xml.slice(open, (m.index ?? 0) + m[0].length));
      open = -1;
    } else if (m[1]) out.push(m[0]);
    else open = m.index ?? 0;
  }
  return out;
}

/** Where the element `<name …>` (start) and its end (after `</name>` or `/>`) are; undefined when absent. */
export function findElement(xml: string, name: string, from = 0): { start: number; end: number; text: string } | undefined {
  const open = new RegExp(startTag(name), "g");
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m) return undefined;
  let end = m.index + m[0].length;
  if (!m[1]) {
    const close = xml.indexOf(`</${name}>`, end);
    if (close < 0) return undefined;
    end = close + name.length + 3;
  }
  return { start: m.index, end, text: xml.slice(m.index, end) };
}

/** Where the first start tag `<name …>` or `<name …/>` at or after `from` is, as findElement finds it. */
export function findStartTag(xml: string, name: string, from = 0): { start: number; end: number; selfClosing: boolean } | undefined {
  const open = new RegExp(startTag(name), "g");
  open.lastIndex = from;
  const m = open.exec(xml);
  return m ? { start: m.index, end: m.index + m[0].length, selfClosing: !!m[1] } : undefined;
}

/**
 * Insert `text` before the first of `following` (the elements the schema puts after it) found after `from`, else
 * before the closing tag `</root>`.
 */
export function insertBefore(xml: string, text: string, following: readonly string[], root: string, from = 0): string {
  let at = -1;
  for (const name of following) {
    const m = new RegExp(`<${name}(?=[\\s/>])`, "g");
    m.lastIndex = from;
    const found = m.exec(xml);
    if (found && (at < 0 || found.index < at)) at = found.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${root}>`);
  if (at < 0) throw new Error(`XML 部件缺少 </${root}>`);
  return xml.slice(0, at) + text + xml.slice(at);
}
