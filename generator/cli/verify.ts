// `clientgen verify <dir>...`: prints, for each folder, whether it is exactly what clientgen
// generated (output/verify-folder.ts does the comparing).
import type { Flags } from "./args.js";
import { verifyFolder } from "../output/verify-folder.js";

/** Exit code: 0 intact, 1 a file edited or missing, 2 no (readable) manifest or no folder given. */
export function verify(dirs: string[], flags: Flags): number {
  if (dirs.length === 0) {
    process.stderr.write("Usage: clientgen verify <dir>...\n");
    return 2;
  }
  const reports = dirs.map(verifyFolder);
  const exitCode = Math.max(
    ...reports.map((r) => (r.problem ? 2 : r.edited.length + r.missing.length > 0 ? 1 : 0)),
  );
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ exitCode, folders: reports })}\n`);
    return exitCode;
  }
  for (const r of reports) {
    if (r.problem) {
      process.stderr.write(`${r.dir}: ${r.problem}\n`);
      continue;
    }
    const lines = [
      ...r.edited.map((f) => `  edited:  ${f}`),
      ...r.missing.map((f) => `  missing: ${f}`),
    ];
    const extra = r.extra.map((f) => `  not generated (ignored): ${f}`);
    if (lines.length === 0)
      process.stdout.write(
        `${r.dir}: intact (clientgen ${r.generator})\n${extra.map((l) => `${l}\n`).join("")}`,
      );
    else
      process.stderr.write(
        `${r.dir}: ${lines.length} file${lines.length === 1 ? "" : "s"} differ from what clientgen ${r.generator} generated (regenerate; do not edit):\n${[...lines, ...extra].join("\n")}\n`,
      );
  }
  return exitCode;
}
