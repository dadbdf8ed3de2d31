// A unified diff of two texts for --check: enough to see why a file is stale, cut to a few lines.
// Common head and tail are skipped first; the middle is diffed line by line (LCS) when small.

/** `--- a/file` / `+++ b/file` and one hunk of at most `maxLines` lines, with added/removed counts. */
export function unifiedDiff(
  file: string,
  before: string,
  after: string,
  maxLines = 20,
): { added: number; removed: number; text: string } {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops = middleDiff(a.slice(start, endA), b.slice(start, endB));
  const context = 3;
  const from = Math.max(0, start - context);
  const lines = [
    ...a.slice(from, start).map((l) => ` ${l}`),
    ...ops,
    ...a.slice(endA, Math.min(a.length, endA + context)).map((l) => ` ${l}`),
  ];
  const countA = lines.filter((l) => !l.startsWith("+")).length;
  const countB = lines.filter((l) => !l.startsWith("-")).length;
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`... ${lines.length - maxLines} more diff lines`);
  const text = [
    `--- a/${file}`,
    `+++ b/${file}`,
    `@@ -${from + 1},${countA} +${from + 1},${countB} @@`,
    ...shown,
  ].join("\n");
  return {
    added: ops.filter((l) => l.startsWith("+")).length,
    removed: ops.filter((l) => l.startsWith("-")).length,
    text,
  };
}

/** Line diff by longest common subsequence; past ~4M cells, all old lines out and all new in. */
function middleDiff(a: string[], b: string[]): string[] {
  if (a.length * b.length > 4_000_000) return [...a.map((l) => `-${l}`), ...b.map((l) => `+${l}`)];
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(` ${a[i]}`);
      i++;
      j++;
    } else if (
      i < a.length &&
      (j === b.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
    ) {
      out.push(`-${a[i++]}`);
    } else {
      out.push(`+${b[j++]}`);
    }
  }
  return out;
}
