/**
 * The Office requirement sets 考核助手 uses in Excel, and the check the task pane runs at start.
 *
 * Target: Microsoft 365 Excel on Windows, Mac and the web (SPEC §6). Custom functions in a shared runtime are not in
 * Excel 2016/2019 perpetual at all, so the floor is set by these sets (minimum builds from Microsoft's requirement
 * set tables):
 *   - SharedRuntime 1.1 — task pane and KH.* functions in one runtime. Windows 2002 (12527.20092), Mac 16.35, web.
 *   - CustomFunctionsRuntime 1.3 — CustomFunctions.Error with the #DIV/0!, #NUM!, #N/A codes the functions return
 *     (1.2 added the error object, 1.3 the codes). Windows 2008 (13127.20296), Mac 16.40, web.
 *   - ExcelApi 1.9 — what the Excel host writes with: page layout (A4, title rows, fit to width), RangeAreas
 *     (one format on many rows at once) and Range.copyFrom (the backup that makes a failed write undoable) are 1.9;
 *     freeze panes, workbook protection and
 *     standard widths 1.7; conditional formats 1.6; *OrNullObject 1.4; charts 1.1 (a series' values and x values
 *     and the 应达 line series 1.7, the value axis' number format 1.8). Windows 1903, Mac 16.24, web.
 * Optional (the add-in works without it, with less):
 *   - ExcelApi 1.13 — merged areas when reading a clerk's sheet (merged header cells). Windows 2102, Mac 16.50, web.
 * Every Microsoft 365 build since version 2102 (early 2021) has all of them, Excel 2021 perpetual (2108) too;
 * Excel 2016/2019 perpetual do not (no custom functions there).
 */

export interface Requirement {
  name: string;
  version: string;
  /** Without a required set the add-in cannot work; without an optional one a feature is reduced. */
  required: boolean;
  /** What it is for, in Chinese, for the message. */
  purpose: string;
}

export const REQUIREMENTS: readonly Requirement[] = [
  {
    name: "SharedRuntime",
    version: "1.1",
    required: true,
    purpose: "任务窗格与 KH 函数共用运行环境",
  },
  {
    name: "CustomFunctionsRuntime",
    version: "1.3",
    required: true,
    purpose: "KH 自定义函数及其错误值（#VALUE!、#DIV/0! 等）",
  },
  {
    name: "ExcelApi",
    version: "1.9",
    required: true,
    purpose: "生成工作表（格式、冻结窗格、打印设置、出错时撤销）",
  },
  { name: "ExcelApi", version: "1.13", required: false, purpose: "读取工作表时识别合并单元格" },
];

export interface RequirementCheck {
  /** True when every required set is there (optional ones may still be missing). */
  ok: boolean;
  missing: Requirement[];
  /** One Chinese line per missing set, required ones first, for the pane to show. */
  messages: string[];
}

const UPGRADE = "请使用 Microsoft 365 版 Excel（Windows 或 Mac 更新到最新版本，或使用 Excel 网页版）。";

/** `isSetSupported` is `Office.context.requirements.isSetSupported` (passed in, so this runs without Office). */
export function checkRequirements(isSetSupported: (name: string, version: string) => boolean): RequirementCheck {
  const missing = REQUIREMENTS.filter((r) => !safely(() => isSetSupported(r.name, r.version)));
  const required = missing.filter((r) => r.required);
  const optional = missing.filter((r) => !r.required);
  const messages = [
    ...required.map((r) => `当前 Excel 不支持 ${r.name} ${r.version}（用于${r.purpose}），考核助手无法运行。${UPGRADE}`),
    ...optional.map((r) => `当前 Excel 不支持 ${r.name} ${r.version}（用于${r.purpose}），该功能将不可用，其他功能不受影响。`),
  ];
  return { ok: required.length === 0, missing: [...required, ...optional], messages };
}

/** An isSetSupported that throws (an old Office build) counts as "not supported". */
function safely(check: () => boolean): boolean {
  try {
    return check() === true;
  } catch {
    return false;
  }
}
