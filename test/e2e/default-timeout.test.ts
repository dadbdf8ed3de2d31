// A call pays for a timeout only when it asks for one: Node's fetch charges for any signal it is
// given, so without `timeoutMs` (client or call) and without a caller's signal, fetch gets none.
import { afterEach, describe, expect, it } from "vitest";
import { TimeoutError, createTensorPoolClient } from "../../generated/tensorpool/index.js";
import { json, slow, startServer, type TestServer } from "../runtime/helpers/http-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const cluster = { cluster_id: "c-1", status: "running" };

/** A real fetch that records the signal each request was handed. */
function recordingFetch(signals: (AbortSignal | undefined)[]): typeof fetch {
  return (input, init) => {
    signals.push(init?.signal ?? undefined);
    return fetch(input, init);
  };
}

describe("per-attempt timeout", () => {
  it("is off by default: fetch gets no signal", async () => {
    server = await startServer(json(200, cluster));
    const signals: (AbortSignal | undefined)[] = [];
    const tp = createTensorPoolClient({
      baseUrl: server.url,
      apiKey: "k",
      fetch: recordingFetch(signals),
    });
    expect(await tp.getClusterInfo({ cluster: "c-1" })).toEqual(cluster);
    expect(signals).toEqual([undefined]);
  });

  it("set on the client or the call, it hands fetch a signal and aborts a slow attempt", async () => {
    server = await startServer(slow(400, json(200, cluster)));
    const signals: (AbortSignal | undefined)[] = [];
    const base = { baseUrl: server.url, apiKey: "k", fetch: recordingFetch(signals) };
    const onClient = createTensorPoolClient({ ...base, timeoutMs: 50, retry: { maxRetries: 0 } });
    await expect(onClient.getClusterInfo({ cluster: "c-1" })).rejects.toBeInstanceOf(TimeoutError);
    const plain = createTensorPoolClient({ ...base, retry: { maxRetries: 0 } });
    await expect(
      plain.getClusterInfo({ cluster: "c-1" }, { timeoutMs: 50 }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(signals).toHaveLength(2);
    expect(signals.every((signal) => signal?.aborted)).toBe(true);
  });

  it("a caller's signal alone reaches fetch as it is", async () => {
    server = await startServer(json(200, cluster));
    const signals: (AbortSignal | undefined)[] = [];
    const tp = createTensorPoolClient({
      baseUrl: server.url,
      apiKey: "k",
      fetch: recordingFetch(signals),
    });
    const caller = new AbortController();
    await tp.getClusterInfo({ cluster: "c-1" }, { signal: caller.signal });
    expect(signals).toEqual([caller.signal]);
  });
});
