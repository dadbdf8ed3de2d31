// UTF-8 bytes of a streamed body to text, chunk by chunk. TextDecoder's `{ stream: true }` mode is
// what makes a character split between two chunks come out whole, but engines decode it on a slow
// path (Node 20: about 6x slower than a one-shot decode, a sixth of a fast event stream's CPU).
// Most chunks end on a character boundary and need no carry-over: those take the one-shot path.

/** Decodes chunks in order; `end()` flushes what an unfinished last character left. */
export class ChunkDecoder {
  /** Carries a character split across chunks; strips one leading BOM, as TextDecoder does. */
  readonly #streaming = new TextDecoder();
  /** One-shot decoding of whole chunks; a U+FEFF inside the body is text, never a BOM. */
  readonly #oneShot = new TextDecoder("utf-8", { ignoreBOM: true });
  /** True while the streaming decoder holds the start of a character. */
  #isCarrying = false;
  /** Bytes given to the streaming decoder so far, up to 3: until then a BOM may be arriving. */
  #leadBytes = 0;

  decode(chunk: Uint8Array): string {
    // An empty chunk changes nothing (and must not end a carried character).
    if (chunk.length === 0) return "";
    if (this.#isCarrying || this.#leadBytes < 3 || endsMidCharacter(chunk)) {
      this.#leadBytes = Math.min(3, this.#leadBytes + chunk.length);
      this.#isCarrying = endsMidCharacter(chunk);
      return this.#streaming.decode(chunk, { stream: true });
    }
    return this.#oneShot.decode(chunk);
  }

  /** The end of the body: an unfinished character becomes U+FFFD. */
  end(): string {
    this.#isCarrying = false;
    return this.#streaming.decode();
  }
}

/**
 * True when the chunk may end inside a multi-byte character: its last lead byte announces more
 * continuation bytes than follow it, or nothing but continuation bytes could be seen (the answer
 * errs towards true, which only costs the slower path).
 */
export function endsMidCharacter(chunk: Uint8Array): boolean {
  const length = chunk.length;
  if (length === 0 || chunk[length - 1] < 0x80) return false;
  let lead = length - 1;
  while (lead >= 0 && length - lead <= 3 && (chunk[lead] & 0xc0) === 0x80) lead--;
  if (lead < 0 || (chunk[lead] & 0xc0) === 0x80) return true;
  const byte = chunk[lead];
  const continuations = byte >= 0xf0 ? 3 : byte >= 0xe0 ? 2 : byte >= 0xc0 ? 1 : 0;
  return length - 1 - lead < continuations;
}
