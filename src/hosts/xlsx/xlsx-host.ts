/**
 * WorkbookHost over an .xlsx package: the files of the command line. No file system here (see xlsx-file for
 * that), so it also runs in a browser.
 *
 * Reading goes straight to the package (package-reader): the sheet list, the shared strings and the XML of the
 * sheet asked for. Writing records each sheet's render (worked out and checked for every model first, so a bad
 * model changes nothing); a read of a written sheet is answered from those renders, and toBuffer patches the
 * original package (xlsx-package): the clerk's sheets stay byte for byte as they were, and only our sheets' XML
 * and the parts that list sheets and styles change.
 *
 * A sheet of ours is replaced in place (same part, same tab position), with nothing of the old content left; a log
 * sheet (append) keeps its rows and gets the new ones below them.
 *
 * The exceljs model is loaded too unless `model: false` is asked for (the command line does not need it: it is
 * most of the time and memory of opening a big workbook). `workbook` hands it out, for callers that edit cells
 * directly: once it has been asked for, reads come from it and the save starts from the model as exceljs
 * serialises it (with whatever was changed in it) instead of the original bytes, the generated sheets patched on.
 *
 * exceljs itself (and xlsx-read, which reads its model) is loaded only when a model is: requiring it takes a quarter
 * of a second, most of `kh`'s start, and the command line never needs it.
 */
import type { Workbook } from "exceljs";
import { PlannedWrite, checkNotMarker, findMarkerSheet, markerSheet, planWrite, readMarkers } from "../../core/generated-sheets";
import { GeneratedMarker, SheetModel } from "../../core/sheet-model";
import { SheetData, WorkbookHost, WriteResult } from "../host";
import { Area, SheetRender, parseArea, renderWrite, usedRows, writtenName } from "../render-plan";
import { renderStyles } from "../render-rows";
import { generatedData } from "./generated-data";
import { PackageReader } from "./package-reader";
import { argb } from "./style-book";
import { GeneratedSheet, patchPackage } from "./xlsx-package";
import { ZipCodec, concatenated, webCodec } from "./zip-io";

export interface OpenOptions {
  /** Load the exceljs model as well (default true); without it `workbook` is not available. */
  model?: boolean;
  /** How the package is inflated and the saved file deflated (default: web streams, any platform). */
  codec?: ZipCodec;
}

export class XlsxHost implements WorkbookHost {
  readonly kind = "xlsx" as const;
  /**
   * Deflate level of the saved file: 1 is fastest, 9 smallest. 5, not zlib's default 6: on generated sheets' XML
   * (5,000 units, 41 MB) it deflated in 0.56 s against 0.84 s, to a file 0.6% bigger (the three samples: 0.5–1%).
   */
  compressionLevel = 5;
  /** How the saved file is compressed (xlsx-file sets Node's zlib). */
  codec: ZipCodec;
  /** The exceljs model; a host made without bytes or a workbook gets an empty one when it is first needed. */
  private model?: Workbook;
  private modelLoad?: Promise<Workbook>;
  /** The bytes the workbook was opened from, and their reader; the save patches them. */
  private readonly original?: Uint8Array;
  private readonly reader?: PackageReader;
  private exposed = false;
  /** Our sheets written since opening, by name. */
  private readonly generated = new Map<string, GeneratedSheet>();
  /** The generated sheets the package does not have yet, in the order they were made. */
  private readonly created: string[] = [];
  private active?: string;

  /** A host over an exceljs workbook (saved through exceljs, with the generated sheets patched on). */
  constructor(workbook?: Workbook, opened?: { bytes: Uint8Array; reader: PackageReader; codec: ZipCodec }) {
    this.model = workbook;
    this.original = opened?.bytes;
    this.reader = opened?.reader;
    this.codec = opened?.codec ?? webCodec;
  }

  /** Open an .xlsx file's bytes; throws on anything that is not a workbook it can read. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array, options: OpenOptions = {}): Promise<XlsxHost> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const codec = options.codec ?? webCodec;
    const reader = await PackageReader.open(bytes, codec);
    let model: Workbook | undefined;
    if (options.model !== false) {
      model = await newWorkbook();
      // exceljs's type asks for a Node Buffer, but it hands the bytes to JSZip, which takes any of these.
      await model.xlsx.load(bytes as unknown as ArrayBuffer);
    }
    return new XlsxHost(model, { bytes, reader, codec });
  }

  /** Whether the workbook opened is macro-enabled (.xlsm): its copy keeps the macros and must be an .xlsm too. */
  get macroEnabled(): boolean {
    return this.reader?.macroEnabled ?? false;
  }

  /** The exceljs model of the workbook as opened (see the note above: asking for it makes reads and the save use it). */
  get workbook(): Workbook {
    if (!this.model && !this.reader)
      throw new Error("空白工作簿的 exceljs 模型在第一次读写之后才有（先调用 sheetNames、readSheet 或 toBuffer）");
    if (!this.model) throw new Error("这个工作簿打开时没有载入 exceljs 模型（model: false）");
    this.exposed = true;
    return this.model;
  }

  /** Whether reads and the save go through the exceljs model rather than the package. */
  private get fromModel(): boolean {
    return this.exposed || !this.reader;
  }

  async toBuffer(): Promise<Uint8Array> {
    return concatenated(await this.toPieces());
  }

  /** The file's bytes in pieces, one after another (a file is written from them, without joining them first). */
  async toPieces(): Promise<Uint8Array[]> {
    const base = this.original && !this.fromModel ? this.original : new Uint8Array(await (await this.ownModel()).xlsx.writeBuffer());
    if (this.generated.size === 0 && this.active === undefined) return [base];
    const sheets = [...this.generated.values()].filter((g) => !this.created.includes(g.name));
    for (const name of this.created) sheets.push(this.generated.get(name) as GeneratedSheet);
    return patchPackage(base, { sheets, active: this.active, codec: this.codec, level: this.compressionLevel });
  }

  /** The model reads and saves go through (see fromModel): an empty workbook's made on first use. */
  private async ownModel(): Promise<Workbook> {
    if (this.model) return this.model;
    // One load however many reads ask at once: a second empty model would lose what was put in the first.
    this.modelLoad ??= newWorkbook().then((wb) => (this.model = wb));
    return this.modelLoad;
  }

  private async baseNames(): Promise<string[]> {
    if (this.fromModel) return (await this.ownModel()).worksheets.map((ws) => ws.name);
    return (this.reader as PackageReader).sheets.map((s) => s.name);
  }

  async sheetNames(): Promise<string[]> {
    const names = await this.baseNames();
    return [...names, ...this.created.filter((n) => !names.includes(n))];
  }

  async readSheet(name: string): Promise<SheetData | undefined> {
    const g = this.generated.get(name);
    if (g) return generatedData(name, g.onBase ? await this.readBase(name) : undefined, g.renders);
    return this.readBase(name);
  }

  private async readBase(name: string): Promise<SheetData | undefined> {
    if (!this.fromModel) return (this.reader as PackageReader).readSheet(name);
    const model = await this.ownModel();
    const ws = model.getWorksheet(name);
    if (!ws) return undefined;
    const { readWorksheet } = await import("./xlsx-read");
    return readWorksheet(ws, !!model.properties?.date1904);
  }

  async readMarkers(): Promise<GeneratedMarker[]> {
    const marker = await this.markerSheet();
    return marker.exists ? readMarkers((await this.readSheet(marker.name))?.values) : [];
  }

  /** Where our markers are kept (never a clerk's sheet of the same name). */
  private async markerSheet(): Promise<{ name: string; exists: boolean }> {
    return findMarkerSheet(await this.sheetNames(), async (name) => (await this.readSheet(name))?.values);
  }

  async writeSheets(models: SheetModel[], options: { activate?: string; now?: string } = {}): Promise<WriteResult> {
    checkNotMarker(models);
    const names = await this.sheetNames();
    const marker = await this.markerSheet();
    // Numbers Excel cannot show are refused as the save writes them (sheet-xml): nothing reaches the file unless
    // the whole save succeeds, so checking them here as well would only go over every cell once more.
    const plan = planWrite(models, names, await this.readMarkers(), options.now ?? new Date().toISOString(), { checkNumbers: false });
    const writes: PlannedWrite[] = [...plan.writes, { model: markerSheet(plan.markers, marker.name), exists: marker.exists }];
    const renders: SheetRender[] = [];
    for (const write of writes) {
      const existingRows = write.exists && write.model.append ? usedRows((await this.readSheet(write.model.name))?.values ?? []) : 0;
      const render = renderWrite(write, existingRows);
      checkRender(render);
      renders.push(render);
    }
    for (const render of renders) this.record(render, names);
    const active = writtenName(plan.writes, models, options.activate);
    if (active !== undefined && !renders.find((r) => r.name === active)?.hidden) this.active = active;
    return { written: plan.writes.map((w) => w.model.name) };
  }

  private record(render: SheetRender, names: readonly string[]): void {
    const g = this.generated.get(render.name);
    if (render.mode === "append") {
      if (g) g.renders.push(render);
      else this.generated.set(render.name, { name: render.name, hidden: render.hidden, onBase: true, renders: [render] });
      return;
    }
    this.generated.set(render.name, { name: render.name, hidden: render.hidden, onBase: false, renders: [render] });
    if (!names.includes(render.name) && !this.created.includes(render.name)) this.created.push(render.name);
  }
}

/** A new exceljs workbook, exceljs loaded on first use. */
async function newWorkbook(): Promise<Workbook> {
  const { Workbook } = await import("exceljs");
  return new Workbook();
}

/** What the saved file could not hold, found before anything is recorded: bad colours and overlapping merges. */
function checkRender(render: SheetRender): void {
  for (const style of renderStyles(render)) {
    if (style.fill) argb(style.fill);
    if (style.fontColour) argb(style.fontColour);
  }
  for (const cf of render.conditionalFormats) {
    argb(cf.fill);
    if (cf.fontColour) argb(cf.fontColour);
  }
  const areas: Area[] = render.merges.map(parseArea);
  areas.forEach((a, i) => {
    const clash = areas.slice(i + 1).find((b) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom);
    if (clash) throw new Error(`工作表「${render.name}」的合并区域重叠：${render.merges[i]}`);
  });
}
