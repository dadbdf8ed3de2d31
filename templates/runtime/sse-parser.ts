// Server-sent events as the WHATWG HTML standard parses them ("Interpreting an event stream"):
// lines end in CRLF, LF or CR (a CR at the end of one chunk may pair with an LF in the next),
// `data:` lines join with "\n", `event:`, `id:` (never with NULL), `retry:` (digits only), `:`
// comments, a blank line dispatches. Text in, events out: bytes are decoded by the caller.

/** One dispatched event, as the standard defines it. */
export interface ServerSentEvent<TData = string> {
  /** The `event:` field, "message" when the event has none. */
  readonly event: string;
  readonly data: TData;
  /** The last event id seen so far (ids persist across events, as in EventSource). */
  readonly id: string;
}

/** Incremental parser: feed it decoded text in chunks of any size; it returns what completed. */
export class SseParser {
  #line = "";
  #isAfterCr = false;
  #isFirst = true;
  #data = "";
  #hasData = false;
  #event = "";
  /** The server's `retry:` reconnection time in ms, once it sent one. */
  retryMs: number | undefined;
  /** The last event id, kept across events (sent back as Last-Event-ID on reconnection). */
  lastEventId = "";

  /** Parses `text`; pushes each event completed by a blank line onto `out`. */
  feed(text: string, out: ServerSentEvent[]): void {
    if (this.#isFirst && text !== "") {
      this.#isFirst = false;
      // One leading U+FEFF (a BOM) is ignored.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    if (this.#isAfterCr && text.charCodeAt(0) === 10) start = 1;
    this.#isAfterCr = false;
    const length = text.length;
    // Most streams end lines with LF alone: find them natively, one indexOf per line, and take
    // the two lines nearly every event is made of (`data: ...` and the blank line) without
    // cutting the line out first.
    if (text.indexOf("\r", start) === -1) {
      for (let end = text.indexOf("\n", start); end !== -1; end = text.indexOf("\n", start)) {
        if (this.#line !== "") {
          const line = this.#line + text.slice(start, end);
          this.#line = "";
          this.#processLine(line, out);
        } else if (end === start) this.#dispatch(out);
        else if (text.startsWith("data: ", start)) this.#addData(text.slice(start + 6, end));
        else this.#processLine(text.slice(start, end), out);
        start = end + 1;
      }
      if (start < length) this.#line += text.slice(start);
      return;
    }
    for (let i = start; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 && code !== 13) continue;
      const line = this.#line === "" ? text.slice(start, i) : this.#line + text.slice(start, i);
      this.#line = "";
      this.#processLine(line, out);
      if (code === 13) {
        if (i + 1 === length) this.#isAfterCr = true;
        else if (text.charCodeAt(i + 1) === 10) i++;
      }
      start = i + 1;
    }
    if (start < length) this.#line += text.slice(start);
  }

  #processLine(line: string, out: ServerSentEvent[]): void {
    if (line === "") return this.#dispatch(out);
    if (line.startsWith("data: ")) return this.#addData(line.slice(6));
    const colon = line.indexOf(":");
    if (colon === 0) return; // a comment (keepalives are often ": ping")
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case "data":
        this.#addData(value);
        break;
      case "event":
        this.#event = value;
        break;
      case "id":
        if (!value.includes("\0")) this.lastEventId = value;
        break;
      case "retry":
        if (/^[0-9]+$/.test(value)) this.retryMs = Number(value);
        break;
      // Other fields are ignored, as the standard says.
    }
  }

  #addData(value: string): void {
    this.#data = this.#hasData ? `${this.#data}\n${value}` : value;
    this.#hasData = true;
  }

  #dispatch(out: ServerSentEvent[]): void {
    if (this.#hasData) {
      out.push({ event: this.#event || "message", data: this.#data, id: this.lastEventId });
    }
    this.#data = "";
    this.#hasData = false;
    this.#event = "";
  }
}
