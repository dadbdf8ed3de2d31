// The runtime files a client ships: those its generated files import, directly or through other
// runtime files. A host's checker parses and binds every .ts file of the folder (an `include`
// glob takes all of it, imported or not), and the runtime's bodies are most of what a small
// client costs it; a module that no generated file reaches (streams, pollers, channels for an
// API without them, once the runtime's modules import only what they use) is left out.
import * as path from "node:path";
import type { RenderedFile } from "./format.js";

/** `from "./x.js"`, `import "./x.js"`, `import("./x.js")`: every relative module specifier. */
const relativeSpecifier = /(?:\bfrom|\bimport)\s*\(?\s*"(\.\.?\/[^"\n]*)"/g;

const isRuntime = (file: RenderedFile) => file.path.startsWith("runtime/");

/** `files` without the runtime files no generated file reaches. Over-reads comments, never under-reads imports. */
export function withReachableRuntime(files: RenderedFile[]): RenderedFile[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const reached = new Set<string>();
  const pending = files.filter((file) => !isRuntime(file)).map((file) => file.path);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (reached.has(next)) continue;
    reached.add(next);
    for (const [, specifier] of byPath.get(next)!.text.matchAll(relativeSpecifier)) {
      const target = path.posix.join(path.posix.dirname(next), specifier).replace(/\.js$/, ".ts");
      if (byPath.has(target)) pending.push(target);
    }
  }
  return files.filter((file) => !isRuntime(file) || reached.has(file.path));
}
