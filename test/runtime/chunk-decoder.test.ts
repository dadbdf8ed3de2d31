// ChunkDecoder must give exactly what a streaming TextDecoder gives, however the bytes are cut:
// characters split across chunks, a leading BOM (stripped once) and malformed bytes (U+FFFD).
import { describe, expect, it } from "vitest";
import { ChunkDecoder, endsMidCharacter } from "../../templates/runtime/chunk-decoder.js";

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What TextDecoder in stream mode makes of `chunks`: the reference. */
function reference(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join("") + decoder.decode();
}

function decodeAll(chunks: readonly Uint8Array[]): string {
  const decoder = new ChunkDecoder();
  return chunks.map((chunk) => decoder.decode(chunk)).join("") + decoder.end();
}

/** Every way to cut `body` into three chunks (empty ones included). */
function* cuts(body: Uint8Array): Generator<Uint8Array[]> {
  for (let a = 0; a <= body.length; a++)
    for (let b = a; b <= body.length; b++)
      yield [body.subarray(0, a), body.subarray(a, b), body.subarray(b)];
}

const bodies: Record<string, Uint8Array> = {
  ascii: utf8('data: {"a":1}\n\n'),
  "two-, three- and four-byte characters": utf8("é€𝄞 data: héllo 𝄞€é\n"),
  "a leading BOM, then U+FEFF as text": utf8("\uFEFFdata: \uFEFFx\n\n"),
  "two BOMs at the start": utf8("\uFEFF\uFEFFok"),
  "malformed: lone continuation, bad lead, truncated sequences": bytes(
    0x61,
    0x80,
    0x62,
    0xff,
    0x63,
    0xe2,
    0x82,
    0x64,
    0xf0,
    0x9f,
    0x65,
    0xc0,
    0xaf,
    0xf8,
    0x88,
    0x80,
    0x80,
  ),
  "ends inside a character": bytes(0x61, 0xe2, 0x82),
};

describe("ChunkDecoder", () => {
  for (const [name, body] of Object.entries(bodies)) {
    it(`decodes like a streaming TextDecoder at every cut: ${name}`, () => {
      for (const chunks of cuts(body)) expect(decodeAll(chunks)).toBe(reference(chunks));
    });
  }

  it("decodes byte by byte like a streaming TextDecoder", () => {
    for (const body of Object.values(bodies)) {
      const chunks = Array.from(body, (byte) => bytes(byte));
      expect(decodeAll(chunks)).toBe(reference(chunks));
    }
  });
});

describe("endsMidCharacter", () => {
  const cases: [string, Uint8Array, boolean][] = [
    ["empty", bytes(), false],
    ["ASCII last", utf8("abc"), false],
    ["a whole two-byte character", utf8("é"), false],
    ["a whole four-byte character", utf8("𝄞"), false],
    ["a two-byte lead alone", bytes(0x61, 0xc3), true],
    ["three-byte lead and one continuation", bytes(0xe2, 0x82), true],
    ["four-byte lead and two continuations", bytes(0xf0, 0x9d, 0x84), true],
    ["only continuation bytes", bytes(0x80, 0x80), true],
    ["a stray continuation after ASCII", bytes(0x61, 0x80), false],
  ];
  it.each(cases)("%s", (_, chunk, want) => expect(endsMidCharacter(chunk)).toBe(want));
});
