/** Running `kh init`, `kh bulletin` and `kh verify` (their errors are reported by main as `kh score`'s are). */
import type { CliIo } from "./main";
import { MoreArgs } from "./more-args";
import { verifyCommand } from "./verify-command";
import { initCommand } from "./init-command";
import { bulletinCommand } from "./bulletin-command";

export async function runMoreCommand(args: MoreArgs, io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  switch (args.command) {
    case "verify":
      return verifyCommand(args, cwd, io.stdout);
    case "init":
      return initCommand(args, io, cwd);
    case "bulletin":
      return bulletinCommand(args, io, cwd);
  }
}
