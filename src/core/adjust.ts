/** 加分、减分并算: bonus capped, deductions capped or not (扣分不设上限). */
export function adjust(base: number, adds: readonly number[], deducts: readonly number[], addCap?: number, deductCap?: number): number {
  const add = adds.reduce((s, x) => s + x, 0);
  const deduct = deducts.reduce((s, x) => s + Math.abs(x), 0);
  return base + Math.min(add, addCap ?? Infinity) - Math.min(deduct, deductCap ?? Infinity);
}
