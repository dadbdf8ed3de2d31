// Not on a terminal the CLI prints one line per finished stage with its time (for CI logs):
// tests that want "nothing else on stderr" look past them.

const stageLine =
  /^[^\n]*: (parsing|normalising|emitting|formatting|comparing|writing) \d+ ms( \([^\n]*\))?\n/gm;

/** `stderr` without the CLI's per-stage timing lines. */
export function withoutStageLines(stderr: string): string {
  return stderr.replace(stageLine, "");
}
