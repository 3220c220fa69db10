/**
 * The real `kh` process, as `npm run kh` runs it (bin/kh.js → the esbuild bundle dist-cli/kh.js, rebuilt when a source
 * is newer): exit codes and streams as a shell sees them.
 */
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeInput } from "../../bench/score-workbook";
import { runProcess } from "../../src/cli/main";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "kh.js");

function kh(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("the kh process", () => {
  it("scores the sample: JSON on stdout, nothing on stderr (not a terminal), exit 0, the output written", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-process-"));
    try {
      const out = path.join(dir, "结果.xlsx");
      const run = kh("score", "samples/村级考核.xlsx", "--scheme", "samples/村级考核.scheme.json", "-o", out, "--json");
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const units = JSON.parse(run.stdout) as { name: string }[];
      expect(units).toHaveLength(16);
      expect(await fs.readdir(dir)).toEqual(["结果.xlsx"]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("prints the version of package.json", async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(ROOT, "package.json"), "utf8"));
    expect(kh("--version").stdout).toBe(`kh ${pkg.version}\n`);
  });

  it("exits 1 with one Chinese line on stderr for a missing workbook", () => {
    const bad = kh("score", "samples/没有这个.xlsx", "--json");
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe("错误：找不到文件：samples/没有这个.xlsx\n");
  });

  it("writes --json no faster than standard output drains (a pipe read more slowly than kh writes)", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kh-process-"));
    const argv = process.argv;
    const pieces: string[] = [];
    let behind = false;
    // Standard output as a full pipe: every write is past its buffer, and it drains a moment later.
    const write = jest.spyOn(process.stdout, "write").mockImplementation(((text: string | Uint8Array) => {
      if (behind) throw new Error("written while standard output was behind");
      pieces.push(typeof text === "string" ? text : Buffer.from(text).toString("utf8"));
      behind = true;
      setTimeout(() => {
        behind = false;
        process.stdout.emit("drain");
      }, 2);
      return false;
    }) as typeof process.stdout.write);
    try {
      // 300 units: their JSON is several pieces of 64K characters.
      const input = await writeInput(dir, 300);
      process.argv = [argv[0], "kh", "score", input.workbook, "--scheme", input.scheme, "-o", path.join(dir, "结果.xlsx"), "--json"];
      await runProcess();
      expect(process.exitCode).toBe(0);
    } finally {
      write.mockRestore();
      process.argv = argv;
      process.exitCode = undefined;
      await fs.rm(dir, { recursive: true, force: true });
    }
    expect(pieces.length).toBeGreaterThan(2);
    expect(JSON.parse(pieces.join(""))).toHaveLength(300);
  });
});
