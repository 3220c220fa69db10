/** Running `kh init`, `kh bulletin` and `kh verify` (their errors are reported by main as `kh score`'s are). */
import type { CliIo } from "./main";
import { MoreArgs } from "./more-args";
import { verifyCommand } from "./verify-command";
import { initCommand } from "./init-command";

export async function runMoreCommand(args: MoreArgs, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  switch (args.command) {
    case "verify":
      return verifyCommand(args, cwd, io.stdout);
    case "init":
      return initCommand(args, io, cwd);
    case "bulletin": {
      // Loaded when asked for: it brings the docx library (50 ms to load), which no other command needs.
      const { bulletinCommand } = await import("./bulletin-command");
      return bulletinCommand(args, io, cwd);
    }
  }
}
