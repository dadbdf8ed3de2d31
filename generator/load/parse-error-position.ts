// Where a parse failed, as 1-based line and column: js-yaml carries a mark; JSON.parse only a message
// whose format changed across Node versions, and sometimes carries no position at all.

/** Line and column (1-based) of a character offset in `text`. */
export function offsetToLineCol(text: string, offset: number): { col: number; line: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

/** Position of a JSON.parse failure in `text`. */
export function jsonErrorPosition(text: string, error: Error): { col: number; line: number } {
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(error.message);
  if (lineCol) return { line: Number(lineCol[1]), col: Number(lineCol[2]) };
  const position = /at position (\d+)/.exec(error.message);
  if (position) return offsetToLineCol(text, Number(position[1]));
  if (/Unexpected end of JSON input/.test(error.message)) return offsetToLineCol(text, text.length);
  return offsetToLineCol(text, firstBadOffset(text));
}

/**
 * Node 20 says only "Unexpected token 'x', ... is not valid JSON" for some errors. A prefix that is
 * fine so far fails with "Unexpected end"; the shortest prefix failing otherwise ends at the bad
 * character. Binary search costs ~20 parses, paid only when a file is already broken.
 */
function firstBadOffset(text: string): number {
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (failsBeforeEnd(text.slice(0, mid))) bad = mid;
    else good = mid;
  }
  return bad - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    // A string cut in the middle is "Unterminated": the prefix ended, the text was fine so far.
    if (/Unexpected end of JSON input|Unterminated string/.test(message)) return false;
    const position = /at position (\d+)/.exec(message);
    return position ? Number(position[1]) < prefix.length : true;
  }
}

/** JSON.parse's message without the echo of the input Node 20 appends to "Unexpected token". */
export function jsonErrorMessage(error: Error): string {
  const token = /^Unexpected token '([\s\S])', [\s\S]*is not valid JSON$/.exec(error.message);
  if (token) return `Unexpected token ${JSON.stringify(token[1])}`;
  // The position is printed as line:col already.
  return error.message
    .split("\n")[0]
    .replace(/ in JSON at position \d+| \(line \d+ column \d+\)/g, "");
}
