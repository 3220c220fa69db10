/**
 * Arguments of `kh init`, `kh bulletin` and `kh verify` (SPEC §5), parsed by hand like `kh score`'s (args.ts):
 * `--name value` and `--name=value` both work; a mistake is a UsageError (exit 2).
 */
import { UsageError } from "./usage-error";

export interface InitArgs {
  command: "init";
  workbook: string;
  output?: string;
  sheet?: string;
  /** Add the 考核方案 sheet to a copy of the workbook instead of writing JSON. */
  write: boolean;
}

export interface BulletinArgs {
  command: "bulletin";
  workbook: string;
  /** The dispatch; without it, the year-end 考核结果通报. */
  stage?: number;
  scheme?: string;
  output?: string;
}

export interface VerifyArgs {
  command: "verify";
  workbook: string;
}

export type MoreArgs = InitArgs | BulletinArgs | VerifyArgs;
export const MORE_COMMANDS: readonly string[] = ["init", "bulletin", "verify"];

const OPTIONS: Record<MoreArgs["command"], Record<string, string>> = {
  init: { "-o": "output", "--output": "output", "--out": "output", "--sheet": "sheet", "--write": "write" },
  bulletin: { "-o": "output", "--output": "output", "--out": "output", "--stage": "stage", "--scheme": "scheme", "-s": "scheme" },
  verify: {},
};
const FLAGS = new Set(["write"]);

export function parseMoreArgs(command: MoreArgs["command"], rest: readonly string[]): MoreArgs {
  const known = OPTIONS[command];
  const positional: string[] = [];
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const field = known[name];
    if (field === undefined) {
      if (arg.startsWith("-") && arg !== "-") throw new UsageError(`kh ${command} 没有选项 ${arg}（用 kh --help 查看用法）`);
      positional.push(arg);
      continue;
    }
    if (FLAGS.has(field)) {
      if (eq > 0) throw new UsageError(`${name} 不带值`);
      out[field] = true;
      continue;
    }
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      const next = rest[i + 1];
      if (next === undefined || (next.startsWith("-") && next.length > 1)) throw new UsageError(`选项 ${name} 后面缺少值`);
      value = next;
      i++;
    }
    out[field] = value;
  }
  if (positional.length === 0) throw new UsageError(`缺少工作簿文件：kh ${command} <工作簿.xlsx>`);
  if (positional.length > 1) throw new UsageError(`多余的参数：${positional.slice(1).join(" ")}（kh ${command} 一次只处理一个工作簿）`);
  const workbook = positional[0];
  if (command === "verify") return { command, workbook };
  if (command === "init") {
    return { command, workbook, write: out.write === true, ...pick(out, ["output", "sheet"]) };
  }
  const stage = out.stage === undefined ? undefined : stageNumber(String(out.stage));
  return { command, workbook, ...(stage === undefined ? {} : { stage }), ...pick(out, ["scheme", "output"]) };
}

function pick(out: Record<string, string | boolean>, keys: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const k of keys) if (typeof out[k] === "string") picked[k] = out[k] as string;
  return picked;
}

function stageNumber(text: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new UsageError(`--stage 应为正整数（第几次调度），而不是：${text}`);
  return Number(text);
}

export const MORE_USAGE = `  kh init <工作簿.xlsx> [-o 方案.json] [--sheet 工作表] [--write]
                           识别数据表、猜出每列的用途，输出考核方案 JSON（默认打印）；--write 则在工作簿副本中加入「考核方案」工作表
                           (guess a scheme from the workbook; --write adds a 考核方案 sheet to a copy)
  kh bulletin <工作簿.xlsx> [--stage N] [--scheme 方案.json] [-o 通报.docx]
                           生成 Word 通报：第 N 次调度通报；不给 --stage 时为年终考核结果通报
                           (the bulletin as a .docx: dispatch N, or the year-end result without --stage)
  kh verify <工作簿.xlsx>   重算每份调度通报、每条抽签记录的校验码，逐条显示「完好」或「已被改动」；有改动时退出码为 1
                           (recompute every 校验码; exit 1 when a frozen record was changed)
`;
