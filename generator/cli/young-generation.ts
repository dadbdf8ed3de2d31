// The CLI keeps V8's young generation at its starting size. While a run allocates steadily, V8
// doubles the semi-spaces up to 16 MB each, and the peak RSS then holds ~48 MB of young
// generation next to the old one. A generation run allocates mostly short-lived values, so small
// semi-spaces cost only more, cheaper scavenges (openai.yaml: peak RSS ~131 -> ~108 MB).
// `--max-semi-space-size` is read once, when the heap is set up: too late from here, and a flag on
// the bin's shebang line needs `env -S`, which busybox lacks. The growth factor is read at every
// growth, so setting it at run time takes effect. Only the CLI does this: it owns its process; a
// library caller keeps its own heap policy.
import { setFlagsFromString } from "node:v8";

/** From now on, the young generation stays at the size it has. */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}
