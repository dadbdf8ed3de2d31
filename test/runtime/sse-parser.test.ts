import { describe, expect, it } from "vitest";
import { NdjsonSplitter } from "../../templates/runtime/ndjson-parser.js";
import { SseParser } from "../../templates/runtime/sse-parser.js";
import type { ServerSentEvent } from "../../templates/runtime/sse-parser.js";

function parseAll(chunks: string[]): { events: ServerSentEvent[]; parser: SseParser } {
  const parser = new SseParser();
  const events: ServerSentEvent[] = [];
  for (const chunk of chunks) parser.feed(chunk, events);
  return { events, parser };
}

/** The WHATWG "Interpreting an event stream" rules, one case each. */
const cases: { name: string; given: string; want: Partial<ServerSentEvent>[] }[] = [
  {
    name: "one data line",
    given: "data: hi\n\n",
    want: [{ event: "message", data: "hi", id: "" }],
  },
  {
    name: "multi-line data joined with LF",
    given: "data: a\ndata: b\ndata:\n\n",
    want: [{ data: "a\nb\n" }],
  },
  {
    name: "event name and id",
    given: "event: delta\nid: 7\ndata: x\n\n",
    want: [{ event: "delta", id: "7", data: "x" }],
  },
  {
    name: "id persists to later events",
    given: "id: 1\ndata: a\n\ndata: b\n\n",
    want: [
      { id: "1", data: "a" },
      { id: "1", data: "b" },
    ],
  },
  {
    name: "id with NULL ignored",
    given: "id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n",
    want: [{ id: "1" }, { id: "1" }],
  },
  { name: "comments ignored", given: ": keepalive\ndata: a\n: more\n\n", want: [{ data: "a" }] },
  {
    name: "CRLF line ends",
    given: "data: a\r\n\r\ndata: b\r\n\r\n",
    want: [{ data: "a" }, { data: "b" }],
  },
  { name: "CR line ends", given: "data: a\r\rdata: b\r\r", want: [{ data: "a" }, { data: "b" }] },
  {
    name: "only one space after the colon is dropped",
    given: "data:  two\ndata:none\n\n",
    want: [{ data: " two\nnone" }],
  },
  { name: "field without colon has empty value", given: "data\ndata\n\n", want: [{ data: "\n" }] },
  {
    name: "no data: nothing dispatched, event name reset",
    given: "event: x\n\ndata: a\n\n",
    want: [{ event: "message", data: "a" }],
  },
  { name: "unknown fields ignored", given: "foo: bar\ndata: a\n\n", want: [{ data: "a" }] },
  { name: "leading BOM ignored", given: "\uFEFFdata: a\n\n", want: [{ data: "a" }] },
  {
    name: "unfinished event at the end dropped",
    given: "data: a\n\ndata: b\n",
    want: [{ data: "a" }],
  },
  { name: "colon inside the value kept", given: 'data: {"a":1}\n\n', want: [{ data: '{"a":1}' }] },
];

describe("SseParser", () => {
  it.each(cases)("$name", ({ given, want }) => {
    const { events } = parseAll([given]);
    expect(events).toHaveLength(want.length);
    want.forEach((w, i) => expect(events[i]).toMatchObject(w));
  });

  it.each(cases)("$name: the same events whatever the chunk boundaries", ({ given }) => {
    const whole = parseAll([given]).events;
    for (let cut = 1; cut < given.length; cut++) {
      expect(parseAll([given.slice(0, cut), given.slice(cut)]).events, `cut at ${cut}`).toEqual(
        whole,
      );
    }
    expect(parseAll([...given]).events).toEqual(whole);
  });

  it("keeps the server's retry time (digits only)", () => {
    expect(parseAll(["retry: 2500\ndata: a\n\nretry: soon\n\n"]).parser.retryMs).toBe(2500);
  });
});

describe("NdjsonSplitter", () => {
  it("splits lines across chunks, skips blank lines, drops CR, keeps a last unterminated line", () => {
    const text = '{"a":1}\r\n\n{"b":2}\n  \n{"c":3}';
    for (let cut = 0; cut <= text.length; cut++) {
      const splitter = new NdjsonSplitter();
      const lines: string[] = [];
      splitter.feed(text.slice(0, cut), lines);
      splitter.feed(text.slice(cut), lines);
      splitter.end(lines);
      expect(lines, `cut at ${cut}`).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
    }
  });
});
