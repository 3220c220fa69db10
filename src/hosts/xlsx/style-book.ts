/**
 * The workbook's xl/styles.xml, grown by the styles our sheets use. Nothing of it is changed or reordered: our
 * number formats, fonts, fills, borders, cell formats (xf) and conditional-format styles (dxf) are appended at the
 * end of their lists, so every index the clerk's sheets use still means what it meant. An entry that is already
 * there character for character (ours from an earlier run, typically) is used again instead of appended, so the
 * file does not grow each time it is refreshed.
 */
import { Colour } from "../../core/sheet-model";
import { CellStyle } from "../render-plan";
import { attributes, elements, findElement, insertBefore, setAttribute, xmlEscape } from "./xml-text";

/** Number formats every Excel knows by id, whatever the locale. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};
/** The first id Excel leaves to a workbook's own formats. */
const FIRST_CUSTOM_FORMAT = 164;
/** The order of the lists in <styleSheet> (the schema's sequence). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** A styles part for a package that has none: the one default font, the two fills Excel reserves, no border. */
const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="0"/></styleSheet>`;

export function argb(colour: Colour): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new Error(`无法识别的颜色：${colour}（应为 #RRGGBB）`);
  return `FF${colour.slice(1).toUpperCase()}`;
}

/** One list of styleSheet (fonts, fills, …): the entries as they are, and the ones we add. */
class StyleList {
  private readonly index = new Map<string, number>();
  readonly added: string[] = [];

  constructor(
    readonly name: string,
    readonly existing: readonly string[]
  ) {
    existing.forEach((e, i) => {
      if (!this.index.has(e)) this.index.set(e, i);
    });
  }

  /** The index of an entry, appended when it is not there yet. */
  id(entry: string): number {
    let at = this.index.get(entry);
    if (at === undefined) {
      at = this.existing.length + this.added.length;
      this.added.push(entry);
      this.index.set(entry, at);
    }
    return at;
  }
}

/** Whether a style sets anything of a cell's font (its <xf> then applies a font). */
const setsFont = (s: CellStyle): boolean => s.bold !== undefined || !!s.fontColour || !!s.fontSize;
/** Whether a style sets the cell's alignment (its <xf> then has an <alignment>). */
const aligns = (s: CellStyle): boolean => !!s.horizontal || s.wrap !== undefined;

export class StyleBook {
  readonly xml: string;
  private readonly lists: Record<"fonts" | "fills" | "borders" | "cellXfs" | "dxfs", StyleList>;
  private readonly formats = new Map<string, number>();
  private readonly addedFormats: string[] = [];
  private nextFormat: number;
  private readonly hasStyleXf: boolean;
  /** The face of the workbook's default font (name, family, charset, scheme), its size and colour. */
  private readonly face: { rest: string; size: string; colour: string };
  private readonly xfCache = new Map<string, number | undefined>();

  /** `xml`: the package's styles part, or undefined when it has none (a minimal one is made). */
  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL_STYLES;
    const list = (section: string, entry: string) => {
      const found = findElement(this.xml, section);
      return new StyleList(section, found ? elements(found.text, entry) : []);
    };
    this.lists = {
      fonts: list("fonts", "font"),
      fills: list("fills", "fill"),
      borders: list("borders", "border"),
      cellXfs: list("cellXfs", "xf"),
      dxfs: list("dxfs", "dxf"),
    };
    const numFmts = findElement(this.xml, "numFmts");
    let maxId = FIRST_CUSTOM_FORMAT - 1;
    for (const tag of numFmts ? elements(numFmts.text, "numFmt") : []) {
      const a = attributes(tag);
      const id = Number(a.get("numFmtId"));
      const code = a.get("formatCode");
      if (!Number.isInteger(id)) continue;
      maxId = Math.max(maxId, id);
      if (code !== undefined && !this.formats.has(code)) this.formats.set(code, id);
    }
    this.nextFormat = maxId + 1;
    const styleXfs = findElement(this.xml, "cellStyleXfs");
    this.hasStyleXf = !!styleXfs && elements(styleXfs.text, "xf").length > 0;
    this.face = defaultFace(this.lists.fonts.existing[0]);
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = this.nextFormat++;
      this.formats.set(code, id);
      this.addedFormats.push(`<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    }
    return id;
  }

  private fontId(s: CellStyle): number {
    const bold = s.bold ? "<b/>" : "";
    const size = s.fontSize ? `<sz val="${s.fontSize}"/>` : this.face.size;
    const colour = s.fontColour ? `<color rgb="${argb(s.fontColour)}"/>` : this.face.colour;
    return this.lists.fonts.id(`<font>${bold}${size}${colour}${this.face.rest}</font>`);
  }

  private fillId(fill: Colour | undefined): number {
    const pattern = fill
      ? `<patternFill patternType="solid"><fgColor rgb="${argb(fill)}"/><bgColor indexed="64"/></patternFill>`
      : `<patternFill patternType="none"/>`;
    return this.lists.fills.id(`<fill>${pattern}</fill>`);
  }

  private borderId(thin: boolean | undefined): number {
    const side = (name: string) => (thin ? `<${name} style="thin"><color indexed="64"/></${name}>` : `<${name}/>`);
    return this.lists.borders.id(`<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`);
  }

  /**
   * The cell format (index into cellXfs) of a style; `text` asks for the Text format "@" when the style gives no
   * number format. Undefined for a cell with no style at all (it keeps the workbook's default).
   */
  cellXf(style: CellStyle | undefined, text = false): number | undefined {
    const s = style ?? {};
    const key = `${s.numberFormat ?? ""}|${s.fill ?? ""}|${s.fontColour ?? ""}|${s.bold ?? ""}|${s.fontSize ?? ""}|${s.horizontal ?? ""}|${s.wrap ?? ""}|${s.border ?? ""}|${text}`;
    if (this.xfCache.has(key)) return this.xfCache.get(key);
    const id = this.makeXf(s, text);
    this.xfCache.set(key, id);
    return id;
  }

  /** Whether a style gives a cell a format of its own (cellXf gives it an id): nothing is added to the book. */
  static formats(style: CellStyle | undefined, text: boolean): boolean {
    if (!style) return text;
    return style.numberFormat !== undefined || text || !!style.fill || setsFont(style) || aligns(style) || !!style.border;
  }

  private makeXf(s: CellStyle, text: boolean): number | undefined {
    if (!StyleBook.formats(s, text)) return undefined;
    const numberFormat = s.numberFormat ?? (text ? "@" : undefined);
    const font = setsFont(s);
    const aligned = aligns(s);
    const numFmt = numberFormat === undefined ? 0 : this.numFmtId(numberFormat);
    let xf = `<xf numFmtId="${numFmt}" fontId="${this.fontId(s)}" fillId="${this.fillId(s.fill)}" borderId="${this.borderId(s.border)}"`;
    if (this.hasStyleXf) xf += ` xfId="0"`;
    if (numberFormat !== undefined) xf += ` applyNumberFormat="1"`;
    if (font) xf += ` applyFont="1"`;
    if (s.fill) xf += ` applyFill="1"`;
    if (s.border) xf += ` applyBorder="1"`;
    if (aligned) {
      const horizontal = s.horizontal ? ` horizontal="${s.horizontal}"` : "";
      const wrap = s.wrap ? ` wrapText="1"` : "";
      xf += ` applyAlignment="1"><alignment${horizontal} vertical="center"${wrap}/></xf>`;
    } else xf += "/>";
    return this.lists.cellXfs.id(xf);
  }

  /** The differential format (index into dxfs) of a conditional format: a fill, and a font colour if given. */
  dxf(fill: Colour, fontColour?: Colour): number {
    const font = fontColour ? `<font><color rgb="${argb(fontColour)}"/></font>` : "";
    return this.lists.dxfs.id(`<dxf>${font}<fill><patternFill><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`);
  }

  /** Whether anything was added (else the part is written back untouched). */
  get changed(): boolean {
    return this.addedFormats.length > 0 || Object.values(this.lists).some((l) => l.added.length > 0);
  }

  /** The styles part with our entries appended to each list. */
  patched(): string {
    let xml = this.xml;
    xml = appendToList(xml, "numFmts", this.addedFormats, elementCount(xml, "numFmts", "numFmt"));
    for (const list of Object.values(this.lists)) xml = appendToList(xml, list.name, list.added, list.existing.length);
    return xml;
  }
}

function elementCount(xml: string, section: string, entry: string): number {
  const found = findElement(xml, section);
  return found ? elements(found.text, entry).length : 0;
}

/** `xml` with `added` entries at the end of the list `section` (made where the schema puts it if missing). */
function appendToList(xml: string, section: string, added: readonly string[], existing: number): string {
  if (added.length === 0) return xml;
  const count = existing + added.length;
  const found = findElement(xml, section);
  if (!found) {
    const at = ORDER.indexOf(section);
    return insertBefore(xml, `<${section} count="${count}">${added.join("")}</${section}>`, ORDER.slice(at + 1), "styleSheet");
  }
  const tag = /^<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?>/.exec(found.text)?.[0] ?? `<${section}>`;
  const selfClosing = tag.endsWith("/>");
  const open = setAttribute(tag, "count", String(count)).replace(/\s*\/>$/, ">");
  const inner = selfClosing ? "" : found.text.slice(tag.length, found.text.length - section.length - 3);
  return xml.slice(0, found.start) + open + inner + added.join("") + `</${section}>` + xml.slice(found.end);
}

/** The default font's face (all but bold, size and colour), size and colour, as they are written in font 0. */
function defaultFace(font0: string | undefined): { rest: string; size: string; colour: string } {
  if (!font0) return { rest: `<name val="Calibri"/><family val="2"/><scheme val="minor"/>`, size: `<sz val="11"/>`, colour: "" };
  const child = (name: string) => new RegExp(`<${name}(?=[\\s/>])[^>]*/>`).exec(font0)?.[0] ?? "";
  return {
    rest: ["name", "family", "charset", "scheme"].map(child).join(""),
    size: child("sz") || `<sz val="11"/>`,
    colour: child("color"),
  };
}
