// argv -> commands. Exit codes: 0 ok; 1 stale (--check), breaking (--fail-on-breaking) or edited
// (verify); 2 bad input or usage. Kept light: the pipeline, watcher and verifier load on demand.
import { parse, usage } from "./cli/args.js";
import { generateAll, resolveApis } from "./cli/generate-command.js";
import { keepYoungGenerationSmall } from "./cli/young-generation.js";
import { generatorVersion } from "./version.js";

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  if (flags.version) {
    process.stdout.write(`${generatorVersion()}\n`);
    return 0;
  }
  if (flags.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  keepYoungGenerationSmall();
  if (positionals[0] === "verify")
    return (await import("./cli/verify.js")).verify(positionals.slice(1), flags);
  if (positionals[0] !== "generate" || positionals.length > 1) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const resolved = await resolveApis(flags);
  if (typeof resolved === "number") return resolved;
  if (flags.watch) return (await import("./cli/watch.js")).watch(argv, flags, resolved);
  return generateAll(resolved.apis, flags);
}
