/**
 * Problems with a scheme. Validation finds issues at JSON paths; a front end (JSON file or 考核方案 sheet) turns
 * them into Chinese lines naming the field (`方案第3个指标（参保率）：缺少“目标值”（target）`) or the cell
 * (`考核方案!F9：缺少“目标值”`).
 */

export type Path = (string | number)[];

export interface SchemeIssue {
  path: Path;
  /** The problem, with "{F}" where the field's name goes (`缺少{F}`, `{F}应大于 0`). */
  text: string;
}

/** A scheme that cannot be used: every problem found, one Chinese line each. */
export class SchemeError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("\n"));
    this.name = "SchemeError";
  }
}

/** Same path (as a key for de-duplication). */
export function pathKey(path: Path): string {
  return path.join("\u0000");
}
