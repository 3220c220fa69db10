/**
 * The heap of a `kh` process. Between full collections V8 lets its old generation grow to several times what was
 * alive at the last one (a growing factor worked out from GC and allocation speeds, up to 4 for a small heap), so at
 * 5,000 units `kh score` held ~190 MB of memory for ~45 MB alive at the save. A fixed growth of 20% makes it collect
 * sooner: ~165 MB, for about as much time in garbage collection (its share of a CPU profile 11–16% either way).
 * V8 reads the flag at every collection (src/heap/heap-controller.cc, MemoryController::GrowingFactor:
 * `if (v8_flags.heap_growing_percent > 0) factor = 1.0 + v8_flags.heap_growing_percent / 100.0`), so setting it
 * once the process runs works; flags read when the heap is made (the young generation's sizes) do not, and those
 * showed no change set here. Only the command line: the add-in runs in the host's own engine.
 */
import * as v8 from "v8";

/** The heap growth kh runs with (percent). */
export const HEAP_GROWING_PERCENT = 20;

export function tuneHeap(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
