// Between normalising and emitting, the parsed document and everything normalising allocated
// become garbage (about 100 MB on the 13 MB GitHub document), but V8 grows the heap rather than
// run a full collection while a run allocates steadily, so the peak RSS holds them next to what
// emitting builds. One full collection there lowers the peak (GitHub: ~290 -> ~215 MB) for
// ~80 ms. Only the CLI does this: it owns its process; a library caller keeps its own GC policy.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

/** A full garbage collection, now. */
export function collectGarbage(): void {
  if (gc === undefined) {
    // `gc` exists in contexts created after the flag is set: no restart, no flag for the user.
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
