/**
 * The namespaces of a SpreadsheetML package, so that the string-based reader and patcher see every valid spelling
 * of a part the same way (ECMA-376 Part 1; the Strict namespaces are those of its §A and Part 1 2016 edition):
 * - Strict OOXML (Excel's “Strict Open XML 电子表格”): the same parts under http://purl.oclc.org/ooxml/… names,
 *   read as Transitional and written back as Transitional (toTransitional);
 * - SpreadsheetML under a prefix (`<x:worksheet xmlns:x="…main">`, as the Open XML SDK writes it when asked):
 *   read and edited as if unprefixed (unprefixed);
 * - the relationships prefix declared on a child element instead of the root (relPrefixes finds it anywhere).
 */
export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const TRANSITIONAL_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

const STRICT_ROOT = "http://purl.oclc.org/ooxml/";
/**
 * Strict names whose Transitional spelling is not the `…/2006/…` rule (hyphenated there, or a package name);
 * the same table as other Strict-to-Transitional converters keep (e.g. opendatalab's STRICT_OOXML_REPLACEMENTS).
 */
const SPECIAL: Record<string, string> = {
  "officeDocument/relationships/metadata/thumbnail": "package/2006/relationships/metadata/thumbnail",
  "officeDocument/extendedProperties": "officeDocument/2006/extended-properties",
  "officeDocument/customProperties": "officeDocument/2006/custom-properties",
  "officeDocument/relationships/extendedProperties": "officeDocument/2006/relationships/extended-properties",
  "officeDocument/relationships/customProperties": "officeDocument/2006/relationships/custom-properties",
};

export function isStrict(xml: string): boolean {
  return xml.includes(STRICT_ROOT);
}

/** One Strict namespace or relationship type in its Transitional spelling: purl…/area/name → …/area/2006/name. */
export function transitionalName(strict: string): string {
  const rest = strict.slice(STRICT_ROOT.length);
  if (SPECIAL[rest]) return `http://schemas.openxmlformats.org/${SPECIAL[rest]}`;
  const [area, ...names] = rest.split("/");
  return `http://schemas.openxmlformats.org/${area}/2006/${names.join("/")}`;
}

/** A part with every Strict namespace and relationship type spelt as Transitional, and no conformance="strict". */
export function toTransitional(xml: string): string {
  if (!isStrict(xml)) return xml;
  return xml
    .replace(/http:\/\/purl\.oclc\.org\/ooxml\/[\w./-]+/g, (name) => transitionalName(name))
    .replace(/\s+conformance\s*=\s*("strict"|'strict')/, "");
}

/** The prefixes a part binds to `ns`, on any element. */
export function prefixesOf(xml: string, ns: string): string[] {
  const out: string[] = [];
  const quoted = ns.replace(/[./]/g, "\\$&");
  for (const m of xml.matchAll(new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${quoted}["']`, "g"))) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

/** The prefixes bound to the relationships namespace anywhere in a part (on the root, on <sheets>, on a <sheet>). */
export function relPrefixes(xml: string): string[] {
  return [...prefixesOf(xml, TRANSITIONAL_REL_NS), ...prefixesOf(xml, STRICT_REL_NS)];
}

/**
 * A part with SpreadsheetML's elements unprefixed (`<x:c>` → `<c>`) and the prefix's declaration made the default
 * namespace; unchanged when SpreadsheetML is not under a prefix. Only the element names move: SpreadsheetML's
 * attributes carry no prefix.
 */
export function unprefixed(xml: string): string {
  const prefixes = [...prefixesOf(xml, MAIN_NS), ...prefixesOf(xml, STRICT_MAIN_NS)];
  if (prefixes.length === 0) return xml;
  let out = xml;
  for (const p of prefixes) {
    const name = p.replace(/[.-]/g, "\\$&");
    out = out.replace(new RegExp(`<(/?)${name}:`, "g"), "<$1");
  }
  const root = /<(?![?!])[^>]*>/.exec(out);
  if (root && !/\sxmlns\s*=/.test(root[0])) {
    const decl = new RegExp(`\\sxmlns:${prefixes[0].replace(/[.-]/g, "\\$&")}(\\s*=\\s*["'])`);
    const tag = root[0].replace(decl, " xmlns$1");
    out = out.slice(0, root.index) + tag + out.slice(root.index + root[0].length);
  }
  return out;
}

/** A part as the reader and the patcher expect it: Transitional, SpreadsheetML unprefixed. */
export function normalPart(xml: string): string {
  return unprefixed(toTransitional(xml));
}
