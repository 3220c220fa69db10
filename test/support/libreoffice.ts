/**
 * LibreOffice Calc as the oracle for our live formulas: a real spreadsheet engine, not one we wrote. Files are
 * converted xlsx → xlsx by `soffice --headless`, with a private profile that sets "recalculate on load: always" for
 * OOXML files (LibreOffice's default for files it did not write is to ask or to keep the cached values), so every
 * formula is computed by LibreOffice itself. `stripCachedValues` also removes what we cached, so nothing of ours
 * can leak through.
 *
 * One soffice call converts a whole batch (start-up is most of its cost). Without soffice the suites skip with a
 * loud warning, except under CI, where they fail: CI installs libreoffice-calc-nogui.
 */
import { execFile } from "child_process";
import { promises as fs, existsSync } from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";

export const SOFFICE = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));

/** Jest's describe, or describe.skip with a warning when LibreOffice is missing outside CI. */
export function describeWithLibreOffice(name: string, body: () => void): void {
  if (SOFFICE) return describe(name, body);
  if (process.env.CI) {
    describe(name, () => test("LibreOffice is installed (CI installs libreoffice-calc-nogui)", () => expect(SOFFICE).toBeDefined()));
    return;
  }
  console.warn(`⚠ LibreOffice (soffice) not found: “${name}” is SKIPPED. apt-get install libreoffice-calc-nogui to run it.`);
  describe.skip(name, body);
}

const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh LibreOffice user profile that recalculates every OOXML file on load (remove it when done). */
export async function libreOfficeProfile(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-lo-profile-"));
  await fs.mkdir(path.join(dir, "user"), { recursive: true });
  await fs.writeFile(path.join(dir, "user", "registrymodifications.xcu"), PROFILE_SETTINGS);
  return dir;
}

/**
 * Converts each file with LibreOffice (`--convert-to <format>`) into `outDir` (same base name, new extension) in one
 * soffice run; returns the output paths in the order given. Throws with soffice's output when a file is missing.
 */
export async function convertWithLibreOffice(files: readonly string[], outDir: string, format = "xlsx", timeoutMs = 600_000): Promise<string[]> {
  if (!SOFFICE) throw new Error("LibreOffice (soffice) is not installed");
  await fs.mkdir(outDir, { recursive: true });
  const prof = await libreOfficeProfile();
  const args = [`-env:UserInstallation=file://${prof}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, ...files];
  const output = await new Promise<string>((resolve, reject) =>
    execFile(SOFFICE as string, args, { timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      err ? reject(new Error(`soffice failed: ${err.message}\n${stdout}\n${stderr}`)) : resolve(`${stdout}\n${stderr}`)
    )
  );
  await fs.rm(prof, { recursive: true, force: true });
  const ext = format.split(":")[0];
  const outs = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${ext}`));
  const missing = outs.filter((o) => !existsSync(o));
  if (missing.length) throw new Error(`soffice did not write ${missing.join(", ")}:\n${output}`);
  return outs;
}

/**
 * The package with every cached formula value removed (`<v>` of each cell that has an `<f>`, and its `t`), so a
 * reader sees only what the engine computes.
 */
export async function stripCachedValues(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const stripped = xml.replace(/<c\b([^>]*)>((?:(?!<\/c>).)*?<f\b(?:(?!<\/c>).)*?)<\/c>/gs, (_m, attrs: string, body: string) => {
      const a = attrs.replace(/\s+t="[^"]*"/, "");
      return `<c${a}>${body.replace(/<v>[^<]*<\/v>|<v\/>/g, "")}</c>`;
    });
    zip.file(name, stripped);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The package with every formula removed and its cached value kept: the same cells as plain values. */
export async function stripFormulas(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(/<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>/g, ""));
  }
  zip.remove("xl/calcChain.xml");
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
