/**
 * The native charts of SPEC §4 in the .xlsx: 龙虎榜's totals per group (龙榜 red, 虎榜 grey) and each 第N次调度通报's
 * completion against the requirement — DrawingML parts that are well formed and related as ISO 29500 says, that read
 * the right ranges of their sheet, and that a refresh replaces (one chart per group, never two). LibreOffice renders
 * the workbook to PDF with them; the pages are saved as PNG in test-output/charts/.
 */
import { execFileSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { ooxmlProblems } from "./ooxml-check";
import { SAMPLES, kh, scratch } from "../../cli/cli-support";
import { openXlsxFile } from "../../../src/hosts/xlsx/xlsx-file";
import { convertWithLibreOffice, describeWithLibreOffice } from "../../support/libreoffice";
import { CHART_COLOURS } from "../../../src/core/sheets/sheet-charts";

jest.setTimeout(300_000);

let dir: string;
beforeAll(async () => {
  dir = await scratch();
  for (const f of ["参保调度.xlsx", "参保调度.scheme.json"]) await fs.copyFile(path.join(SAMPLES, f), path.join(dir, f));
  expect((await kh(dir, ["score", "参保调度.xlsx", "--scheme", "参保调度.scheme.json", "-o", "一.xlsx", "--stage", "2"])).code).toBe(0);
  expect((await kh(dir, ["score", "一.xlsx", "-o", "二.xlsx", "--stage", "3"])).code).toBe(0);
  expect((await kh(dir, ["score", "二.xlsx", "-o", "三.xlsx"])).code).toBe(0);
  expect((await kh(dir, ["score", "村级考核.xlsx", "--scheme", "村级考核.scheme.json", "-o", "村.xlsx"])).code).toBe(0);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function zipOf(file: string) {
  return JSZip.loadAsync(await fs.readFile(path.join(dir, file)));
}

/** Each sheet's charts: its chart parts' XML, followed sheet → drawing → chart through the relationships. */
async function chartsBySheet(file: string): Promise<Map<string, string[]>> {
  const zip = await zipOf(file);
  const text = (n: string) => zip.file(n)!.async("string");
  const workbook = await text("xl/workbook.xml");
  const wbRels = await text("xl/_rels/workbook.xml.rels");
  const target = (rels: string, id: string) =>
    new RegExp(`<Relationship Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  const out = new Map<string, string[]>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const sheetPath = `xl/${target(wbRels, m[2])}`;
    const relsPath = sheetPath.replace(/worksheets\//, "worksheets/_rels/") + ".rels";
    const sheetXml = await text(sheetPath);
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
    if (!drawingId) continue;
    const drawingPath = path.posix.normalize(path.posix.join("xl/worksheets", target(await text(relsPath), drawingId)!));
    const drawingRels = await text(drawingPath.replace("drawings/", "drawings/_rels/") + ".rels");
    const drawing = await text(drawingPath);
    const charts: string[] = [];
    for (const c of drawing.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)) {
      charts.push(await text(path.posix.normalize(path.posix.join("xl/drawings", target(drawingRels, c[1])!))));
    }
    out.set(m[1], charts);
  }
  return out;
}

const refs = (chart: string) => [...chart.matchAll(/<c:f>([^<]+)<\/c:f>/g)].map((m) => m[1].replace(/&apos;/g, "'"));

describe("charts in the .xlsx", () => {
  it("are well-formed DrawingML parts, related and typed so that the package checks clean", async () => {
    for (const file of ["一.xlsx", "三.xlsx", "村.xlsx"]) {
      expect(await ooxmlProblems(new Uint8Array(await fs.readFile(path.join(dir, file))))).toEqual([]);
      const zip = await zipOf(file);
      const types = await zip.file("[Content_Types].xml")!.async("string");
      for (const name of Object.keys(zip.files).filter((n) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(n))) {
        expect([name, XMLValidator.validate(await zip.file(name)!.async("string"))]).toEqual([name, true]);
        const type = name.includes("/charts/")
          ? "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
          : "application/vnd.openxmlformats-officedocument.drawing+xml";
        expect(types).toContain(`<Override PartName="/${name}" ContentType="${type}"/>`);
      }
    }
  });

  it("give 龙虎榜 one chart per group, over that group's 单位 and 总分 cells, 龙榜 red and 虎榜 grey", async () => {
    const charts = (await chartsBySheet("村.xlsx")).get("龙虎榜")!;
    const { host } = await openXlsxFile(path.join(dir, "村.xlsx"));
    const values = (await host.readSheet("龙虎榜"))!.values;
    const headings = values
      .map((r, i) => [r[0], i + 1] as const)
      .filter(([v]) => typeof v === "string" && /（\d+ 个单位）$/.test(v as string));
    expect(charts).toHaveLength(headings.length);
    expect(headings.length).toBe(2);
    charts.forEach((chart, k) => {
      const [cats, vals] = refs(chart);
      const m = /^'龙虎榜'!\$B\$(\d+):\$B\$(\d+)$/.exec(cats)!;
      expect(vals).toBe(`'龙虎榜'!$D$${m[1]}:$D$${m[2]}`);
      expect(Number(m[1])).toBe(headings[k][1] + 1);
      const rows = values.slice(Number(m[1]) - 1, Number(m[2]));
      expect(rows.every((r) => typeof r[3] === "number" && r[2] === String(headings[k][0]).replace(/（\d+ 个单位）$/, ""))).toBe(true);
      // Each 龙榜/虎榜 row's bar has its colour.
      rows.forEach((r, i) => {
        const point = new RegExp(`<c:dPt><c:idx val="${i}"/>[\\s\\S]*?<a:srgbClr val="([0-9A-F]{6})"/>`).exec(chart)?.[1];
        const want = r[4] === "龙榜" ? CHART_COLOURS.dragon : r[4] === "虎榜" ? CHART_COLOURS.tiger : undefined;
        expect([r[1], point]).toEqual([r[1], want?.slice(1)]);
      });
    });
  });

  it("give each 第N次调度通报 completion bars against the 应达 line, over its table", async () => {
    const bySheet = await chartsBySheet("二.xlsx");
    for (const stage of [2, 3]) {
      const [chart] = bySheet.get(`第${stage}次调度通报`)!;
      expect(chart).toContain("<c:barChart>");
      expect(chart).toContain("<c:lineChart>");
      const { host } = await openXlsxFile(path.join(dir, "二.xlsx"));
      const values = (await host.readSheet(`第${stage}次调度通报`))!.values;
      const header = values.findIndex((r) => r[0] === "名次") + 1;
      const sheet = `'第${stage}次调度通报'`;
      expect(refs(chart)).toEqual([
        `${sheet}!$B$${header + 1}:$B$${header + 32}`,
        `${sheet}!$F$${header + 1}:$F$${header + 32}`,
        `${sheet}!$B$${header + 1}:$B$${header + 32}`,
        `${sheet}!$G$${header + 1}:$G$${header + 32}`,
      ]);
    }
  });

  it("survive refreshes without accumulating: the same parts after two more runs, the frozen bulletins' charts as they were", async () => {
    const names = async (f: string) =>
      Object.keys((await zipOf(f)).files)
        .filter((n) => /^xl\/(charts|drawings)\//.test(n))
        .sort();
    const counts = async (f: string) => [...(await chartsBySheet(f))].map(([s, c]) => [s, c.length]);
    expect(await counts("二.xlsx")).toEqual([
      ["龙虎榜", 1],
      ["第2次调度通报", 1],
      ["第3次调度通报", 1],
    ]);
    expect(await counts("三.xlsx")).toEqual(await counts("二.xlsx"));
    expect(await names("三.xlsx")).toEqual(await names("二.xlsx"));
    const bulletin = async (f: string) => (await chartsBySheet(f)).get("第2次调度通报");
    expect(await bulletin("三.xlsx")).toEqual(await bulletin("一.xlsx"));
  });
});

describeWithLibreOffice("charts in LibreOffice", () => {
  it("renders the workbook to PDF with the charts; 龙虎榜 and 第3次调度通报 pages saved as PNG", async () => {
    const out = path.join(__dirname, "../../../test-output/charts");
    await fs.mkdir(out, { recursive: true });
    await fs.copyFile(path.join(dir, "二.xlsx"), path.join(out, "参保调度-图表.xlsx"));
    const [pdf] = await convertWithLibreOffice([path.join(out, "参保调度-图表.xlsx")], out, "pdf");
    expect(existsSync(pdf)).toBe(true);
    if (!existsSync("/usr/bin/pdftoppm")) {
      if (process.env.CI) throw new Error("pdftoppm is missing: CI installs poppler-utils");
      return;
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    const pageOf = (words: RegExp) =>
      Array.from({ length: pages }, (_, i) => i + 1).find((p) =>
        words.test(execFileSync("pdftotext", ["-f", `${p}`, "-l", `${p}`, pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, ""))
      );
    // The chart titles are text in the PDF: the charts were drawn.
    const board = pageOf(/全部单位总分（龙榜红、虎榜灰）/);
    const bulletin = pageOf(/第3次调度完成率与应达进度/);
    expect(board).toBeDefined();
    expect(bulletin).toBeDefined();
    for (const [name, page] of [
      ["龙虎榜", board],
      ["第3次调度通报", bulletin],
    ] as const) {
      execFileSync("pdftoppm", ["-r", "70", "-png", "-f", `${page}`, "-l", `${page}`, "-singlefile", pdf, path.join(out, name)]);
      expect(existsSync(path.join(out, `${name}.png`))).toBe(true);
    }
  });
});
