/**
 * Working out a formula that a file holds without its result (exporters and scripts write `<f>` and no `<v>`;
 * Excel would compute it on opening). Only what is simple and certain: numbers, references to cells of the same
 * sheet (and ranges of them in SUM, AVERAGE, MIN, MAX, COUNT), + − × ÷ ^ and %, parentheses, ROUND, ABS, and IF
 * over a comparison (both branches worked out, as they must be numbers too).
 * Anything else — another sheet, a name, text, an error, a function not listed — gives undefined, and the
 * caller reports the cell instead of guessing.
 */
import { CellValue, columnIndex } from "../../core/sheet-model";

type Token =
  { kind: "num"; value: number } | { kind: "ref"; row: number; col: number } | { kind: "op"; value: string } | { kind: "fn"; name: string };

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![\w(!])|([A-Za-z][A-Za-z0-9.]*)\s*\(|(<=|>=|<>|[-+*/^%(),:<>=]))/y;

function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: "num", value: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: "ref", row: Number(m[3]) - 1, col: columnIndex(m[2]) });
    else if (m[4] !== undefined) out.push({ kind: "fn", name: m[4].toUpperCase() });
    else out.push({ kind: "op", value: m[5] });
  }
  return out;
}

class Failed extends Error {}

const LIST_FUNCTIONS: Record<string, (xs: number[]) => number> = {
  SUM: (xs) => xs.reduce((a, b) => a + b, 0),
  AVERAGE: (xs) => {
    if (xs.length === 0) throw new Failed();
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  },
  MIN: (xs) => (xs.length ? Math.min(...xs) : 0),
  MAX: (xs) => (xs.length ? Math.max(...xs) : 0),
  COUNT: (xs) => xs.length,
};

/** A recursive-descent reading of the tokens; `cell` gives a referenced cell's number (blank → 0 in arithmetic). */
class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly cell: (row: number, col: number) => number | null
  ) {}

  run(): number {
    const v = this.sum();
    if (this.i !== this.tokens.length) throw new Failed();
    return v;
  }

  private peek(value: string): boolean {
    const t = this.tokens[this.i];
    return t?.kind === "op" && t.value === value;
  }

  private take(value: string): void {
    if (!this.peek(value)) throw new Failed();
    this.i++;
  }

  private sum(): number {
    let v = this.product();
    while (this.peek("+") || this.peek("-")) {
      const op = (this.tokens[this.i++] as { value: string }).value;
      const r = this.product();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  }

  private product(): number {
    let v = this.power();
    while (this.peek("*") || this.peek("/")) {
      const op = (this.tokens[this.i++] as { value: string }).value;
      const r = this.power();
      if (op === "/" && r === 0) throw new Failed();
      v = op === "*" ? v * r : v / r;
    }
    return v;
  }

  private power(): number {
    let v = this.unary();
    while (this.peek("^")) {
      this.i++;
      v = v ** this.unary();
    }
    return v;
  }

  private unary(): number {
    if (this.peek("-")) {
      this.i++;
      return -this.unary();
    }
    if (this.peek("+")) {
      this.i++;
      return this.unary();
    }
    let v = this.atom();
    while (this.peek("%")) {
      this.i++;
      v /= 100;
    }
    return v;
  }

  private atom(): number {
    const t = this.tokens[this.i++];
    if (!t) throw new Failed();
    if (t.kind === "num") return t.value;
    if (t.kind === "ref") {
      if (this.peek(":")) throw new Failed();
      return this.cell(t.row, t.col) ?? 0;
    }
    if (t.kind === "fn") return this.call(t.name);
    if (t.value === "(") {
      const v = this.sum();
      this.take(")");
      return v;
    }
    throw new Failed();
  }

  /** The numbers of a function's arguments: ranges give their non-blank cells, expressions their value. */
  private listArguments(): number[] {
    const out: number[] = [];
    if (this.peek(")")) {
      this.i++;
      return out;
    }
    for (;;) {
      const t = this.tokens[this.i];
      const u = this.tokens[this.i + 1];
      const w = this.tokens[this.i + 2];
      if (t?.kind === "ref" && u?.kind === "op" && u.value === ":" && w?.kind === "ref") {
        this.i += 3;
        for (let r = Math.min(t.row, w.row); r <= Math.max(t.row, w.row); r++) {
          for (let c = Math.min(t.col, w.col); c <= Math.max(t.col, w.col); c++) {
            const v = this.cell(r, c);
            if (v !== null) out.push(v);
          }
        }
      } else out.push(this.sum());
      if (this.peek(",")) {
        this.i++;
        continue;
      }
      this.take(")");
      return out;
    }
  }

  /** A comparison (=, <>, <, >, <=, >=) of two sums: IF's condition, true or false. */
  private condition(): boolean {
    const left = this.sum();
    const t = this.tokens[this.i];
    const op = t?.kind === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.value) ? t.value : undefined;
    if (!op) return left !== 0;
    this.i++;
    const right = this.sum();
    const compare: Record<string, boolean> = {
      "=": left === right,
      "<>": left !== right,
      "<": left < right,
      ">": left > right,
      "<=": left <= right,
      ">=": left >= right,
    };
    return compare[op];
  }

  /** IF(condition, then, [else]): the branch taken; a missing else is FALSE, which is not a number here. */
  private ifCall(): number {
    const test = this.condition();
    this.take(",");
    const then = this.sum();
    let otherwise: number | undefined;
    if (this.peek(",")) {
      this.i++;
      otherwise = this.sum();
    }
    this.take(")");
    if (test) return then;
    if (otherwise === undefined) throw new Failed();
    return otherwise;
  }

  private call(name: string): number {
    if (name === "IF") return this.ifCall();
    const list = LIST_FUNCTIONS[name];
    if (list) return list(this.listArguments());
    const args = this.listArguments();
    if (name === "ABS" && args.length === 1) return Math.abs(args[0]);
    if (name === "ROUND" && args.length === 2) {
      const f = 10 ** args[1];
      return (Math.sign(args[0]) * Math.round(Math.abs(args[0]) * f + 1e-9)) / f;
    }
    throw new Failed();
  }
}

/**
 * The value of `formula` ("=B2*0.5"), where `value(row, col)` is a referenced cell's number, null when blank, or
 * undefined when it holds something the formula cannot use; undefined when the formula is not simple.
 */
export function evaluateFormula(formula: string, value: (row: number, col: number) => number | null | undefined): number | undefined {
  const tokens = tokenize(formula.replace(/^=/, ""));
  if (!tokens || tokens.length === 0) return undefined;
  try {
    const v = new Parser(tokens, (r, c) => {
      const x = value(r, c);
      if (x === undefined) throw new Failed();
      return x;
    }).run();
    return Number.isFinite(v) ? v : undefined;
  } catch (e) {
    if (e instanceof Failed) return undefined;
    throw e;
  }
}

/** A cell's value as a formula reads it: a number, null for a blank, undefined for anything else. */
export function formulaOperand(v: CellValue | undefined): number | null | undefined {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return undefined;
}
