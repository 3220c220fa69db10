/**
 * LibreOffice Writer opens the Word bulletins and converts them to PDF without error: A4 portrait pages for the
 * body, landscape for the 附件. Page 1 and the first 附件 page are rendered to PNG (pdftoppm) in
 * test-output/bulletin/ to be looked at. Needs libreoffice-writer-nogui and poppler-utils (CI installs both).
 */
import { execFileSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { exportBulletin } from "../../../src/app/bulletin-docx/export-bulletin";
import { generateBulletin, saveScheme } from "../../../src/app/workflow";
import { convertWithLibreOffice, describeWithLibreOffice } from "../../support/libreoffice";
import { NOW, pensionHost, pensionScheme, villageHost, villageScheme } from "../support";

jest.setTimeout(300_000);

const OUT = path.join(__dirname, "../../../test-output/bulletin");
const PDFTOPPM = ["/usr/bin/pdftoppm"].find((p) => existsSync(p));

/** Each page's size in points, from pdfinfo. */
function pageSizes(pdf: string): [number, number][] {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
}

describeWithLibreOffice("the Word bulletins in LibreOffice Writer", () => {
  it("convert to PDF: A4 portrait body pages, then landscape 附件 pages; page 1 and the 附件 as PNG", async () => {
    await fs.mkdir(OUT, { recursive: true });
    const dispatch = pensionHost();
    await saveScheme(dispatch, pensionScheme());
    for (const s of [1, 2, 3]) await generateBulletin(dispatch, s, { now: `2025-0${s + 3}-10T09:00:00+08:00` });
    const village = villageHost();
    await saveScheme(village, villageScheme());
    const files: string[] = [];
    for (const [name, out] of [
      ["第3期调度通报.docx", await exportBulletin(dispatch, { stage: 3 })],
      ["考核结果通报.docx", await exportBulletin(village, { now: NOW })],
    ] as const) {
      const file = path.join(OUT, name);
      await fs.writeFile(file, out.bytes);
      files.push(file);
    }
    const pdfs = await convertWithLibreOffice(files, OUT, "pdf");
    if (!PDFTOPPM) {
      if (process.env.CI) throw new Error("pdftoppm is missing: CI installs poppler-utils");
      console.warn("⚠ pdftoppm (poppler-utils) not found: page sizes and PNG renderings are SKIPPED");
      return;
    }
    for (const pdf of pdfs) {
      const sizes = pageSizes(pdf);
      const portrait = sizes.filter(([w, h]) => w === 595 && h === 842).length;
      expect(portrait).toBeGreaterThanOrEqual(1);
      // Body pages first, all portrait; then the 附件, all landscape.
      expect(sizes).toEqual([...Array(portrait).fill([595, 842]), ...Array(sizes.length - portrait).fill([842, 595])]);
      expect(sizes.length - portrait).toBeGreaterThanOrEqual(1);
      const base = path.join(OUT, path.basename(pdf, ".pdf"));
      execFileSync("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, `${base}-第1页`]);
      execFileSync("pdftoppm", [
        "-r",
        "80",
        "-png",
        "-f",
        String(portrait + 1),
        "-l",
        String(portrait + 1),
        "-singlefile",
        pdf,
        `${base}-附件`,
      ]);
      expect(existsSync(`${base}-第1页.png`)).toBe(true);
      expect(existsSync(`${base}-附件.png`)).toBe(true);
    }
  });
});
