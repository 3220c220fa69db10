/** Running `kh` in-process against a scratch folder holding copies of the sample workbook and scheme. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { CliIo, main } from "../../src/cli/main";

export const SAMPLES = path.join(__dirname, "..", "..", "samples");
export const WORKBOOK = "村级考核.xlsx";
export const SCHEME = "村级考核.scheme.json";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function scratch(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-cli-"));
  await fs.copyFile(path.join(SAMPLES, WORKBOOK), path.join(dir, WORKBOOK));
  await fs.copyFile(path.join(SAMPLES, SCHEME), path.join(dir, SCHEME));
  return dir;
}

export async function kh(dir: string, argv: string[], options: { tty?: boolean } = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: options.tty ?? false,
    cwd: dir,
    now: () => new Date("2025-11-22T08:00:00.000Z"),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** The scheme JSON of the sample, changed by `edit`, written as `name` in `dir`. */
export async function writeScheme(dir: string, name: string, edit: (scheme: Record<string, any>) => void): Promise<string> {
  const scheme = JSON.parse(await fs.readFile(path.join(SAMPLES, SCHEME), "utf8"));
  edit(scheme);
  await fs.writeFile(path.join(dir, name), JSON.stringify(scheme, null, 2));
  return name;
}

export async function listing(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}
