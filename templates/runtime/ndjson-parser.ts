// Newline-delimited JSON (application/x-ndjson, application/jsonl): one JSON value per line.
// Splits decoded text into lines across chunks; blank lines are skipped, a CR before LF dropped.

/** Incremental line splitter: feed text in chunks of any size, call end() when the body ends. */
export class NdjsonSplitter {
  #rest = "";

  /** Pushes each completed, non-blank line onto `out`. */
  feed(text: string, out: string[]): void {
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      const piece = text.slice(start, end);
      const line = this.#rest === "" ? piece : this.#rest + piece;
      this.#rest = "";
      pushLine(line, out);
      start = end + 1;
    }
    if (start < text.length) this.#rest += text.slice(start);
  }

  /** The last line, when the body did not end with a newline. */
  end(out: string[]): void {
    const line = this.#rest;
    this.#rest = "";
    pushLine(line, out);
  }
}

function pushLine(line: string, out: string[]): void {
  const trimmed = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
  if (trimmed.trim() !== "") out.push(trimmed);
}
