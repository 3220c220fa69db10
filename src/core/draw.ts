/**
 * 抽签: a reproducible draw (SPEC §2.4) so that anyone can re-check it afterwards from the seed:
 * FNV-1a 32-bit over the seed's UTF-8 bytes seeds mulberry32, which drives a partial Fisher–Yates shuffle.
 */
import { numError, valueError } from "./errors";

/** UTF-8 bytes of a text (written out here because the core may use no host API such as TextEncoder). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function fnv1a32(text: string): number {
  let h = 2166136261;
  for (const byte of utf8Bytes(text)) {
    h ^= byte;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed as text: a number by its shortest decimal form. */
export function seedText(seed: number | string): string {
  return typeof seed === "number" ? String(seed) : seed;
}

export function draw(items: readonly string[], n: number, seed: number | string): string[] {
  const m = items.length;
  if (!Number.isInteger(n) || n < 1) throw valueError(`抽取个数应为正整数，而不是 ${n}`);
  // #NUM!, as SPEC §2.2 fixes it for more than the list holds.
  if (n > m) throw numError(`抽取个数 ${n} 超过了名单中的 ${m} 项`);
  const rand = mulberry32(fnv1a32(seedText(seed)));
  const list = [...items];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (m - i));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list.slice(0, n);
}
