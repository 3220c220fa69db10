/**
 * Parsing `kh` arguments by hand (no dependency): `kh score <workbook.xlsx> [options]`, `kh --help`, `kh --version`;
 * `kh init`, `kh bulletin` and `kh verify` in more-args.ts.
 */
import { MORE_COMMANDS, MORE_USAGE, MoreArgs, parseMoreArgs } from "./more-args";

export type FormulaMode = "native" | "kh" | "values";

export interface ScoreArgs {
  command: "score";
  workbook: string;
  scheme?: string;
  output?: string;
  stage?: number;
  formulas: FormulaMode;
  json: boolean;
  /** Several workbooks (or folders) given: each is scored by itself (score-many.ts). */
  workbooks?: string[];
}

export type Parsed = ScoreArgs | MoreArgs | { command: "help" } | { command: "version" };

import { UsageError } from "./usage-error";

export { UsageError } from "./usage-error";

const FORMULA_MODES: readonly FormulaMode[] = ["native", "kh", "values"];

export function parseArgs(argv: readonly string[]): Parsed {
  if (argv.length === 0 || argv.some((a) => a === "-h" || a === "--help" || a === "help")) return { command: "help" };
  if (argv.includes("--version") || argv.includes("-v")) return { command: "version" };
  const [command, ...rest] = argv;
  if (MORE_COMMANDS.includes(command)) return parseMoreArgs(command as MoreArgs["command"], rest);
  if (command !== "score") throw new UsageError(`未知命令：${command}（有 kh score、init、bulletin、verify，用 kh --help 查看用法）`);

  const positional: string[] = [];
  const out: Partial<ScoreArgs> = {};
  let formulas: FormulaMode = "native";
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    // --name=value and --name value are both accepted.
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = rest[i + 1];
      if (next === undefined || (next.startsWith("-") && next.length > 1)) throw new UsageError(`选项 ${name} 后面缺少值`);
      i++;
      return next;
    };
    switch (name) {
      case "--scheme":
      case "-s":
        out.scheme = value();
        break;
      case "-o":
      case "--output":
      case "--out":
        out.output = value();
        break;
      case "--stage": {
        const text = value();
        const n = Number(text);
        if (!/^\d+$/.test(text.trim()) || n < 1) throw new UsageError(`--stage 应为正整数（第几次调度），而不是：${text}`);
        out.stage = n;
        break;
      }
      case "--formulas": {
        const mode = value() as FormulaMode;
        if (!FORMULA_MODES.includes(mode)) throw new UsageError(`--formulas 应为 native、kh 或 values 之一，而不是：${mode}`);
        formulas = mode;
        break;
      }
      case "--json":
        if (eq > 0) throw new UsageError("--json 不带值");
        json = true;
        break;
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`未知选项：${arg}（用 kh --help 查看用法）`);
        positional.push(arg);
    }
  }
  if (positional.length === 0) throw new UsageError("缺少工作簿文件：kh score <工作簿.xlsx>");
  const several = positional.length > 1 ? { workbooks: positional } : {};
  return { command: "score", workbook: positional[0], formulas, json, ...out, ...several };
}

export const USAGE = `考核助手 kh —— 为目标管理考核工作簿评分，生成得分、龙虎榜、奖惩兑现等工作表

用法 Usage:
  kh score <工作簿.xlsx> [选项]
  kh score <文件夹> 或 <工作簿1.xlsx> <工作簿2.xlsx> … [选项]
                           逐个评分，每个文件一行；某个文件出错不影响其他文件，有出错的则退出码为 1
                           (a folder or several files: one line per file; exit 1 if any failed)
${MORE_USAGE}
kh score 的选项 Options:
  --scheme <方案.json>     考核方案 JSON 文件；不给时读取工作簿中的「考核方案」工作表
                           (scheme JSON file; default: the 考核方案 sheet of the workbook)
  -o <输出.xlsx>           输出文件，默认为「<原文件名>-考核结果.xlsx」（启用宏的 .xlsm 为 .xlsm），与原文件同一
                           文件夹；不能是原文件本身，原文件从不改动
                           (output file, .xlsx or .xlsm as the input; default <input>-考核结果.xlsx next to
                           the input; never the input itself)
  --stage <N>              第 N 次调度：另生成「第N次调度通报」并在「调度记录」中追加一次
                           (dispatch stage N: adds the bulletin and appends to the dispatch log)
  --formulas <方式>        得分表中的公式：native（默认，只用 Excel 自带函数，没装加载项也能算）、
                           kh（用 KH.* 自定义函数）、values（只写数值，不写公式）
                           (formulas in the generated sheets: native | kh | values)
  --json                   把每个单位的结果以 JSON 数组输出到标准输出
                           (print the per-unit results as a JSON array on stdout)
  -h, --help               显示本帮助 (show this help)
  -v, --version            显示版本 (show the version)

示例 Examples:
  kh score 村级考核.xlsx
  kh score 村级考核.xlsx --scheme 方案.json -o 结果.xlsx --json
  kh score 参保调度.xlsx --stage 2

退出码 Exit codes: 0 成功；1 输入有误（文件、工作表、列或方案）；2 命令行用法有误
`;
