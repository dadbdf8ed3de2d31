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

/** A client whose real fetch records the signal each request was handed. */
function recordingClient(
  s: TestServer,
  options: Parameters<typeof createTensorPoolClient>[0] = {},
) {
  const signals: (AbortSignal | undefined)[] = [];
  const fetchAndRecord: typeof fetch = (input, init) => {
    signals.push(init?.signal ?? undefined);
    return fetch(input, init);
  };
  const client = createTensorPoolClient({
    baseUrl: s.url,
    apiKey: "k",
    fetch: fetchAndRecord,
    ...options,
  });
  return { client, signals };
}

describe("per-attempt timeout", () => {
  it("is off by default: fetch gets no signal", async () => {
    server = await startServer(json(200, cluster));
    const { client: tp, signals } = recordingClient(server);
    expect(await tp.getClusterInfo({ cluster: "c-1" })).toEqual(cluster);
    expect(signals).toEqual([undefined]);
  });

  it("set on the client or the call, it hands fetch a signal and aborts a slow attempt", async () => {
    server = await startServer(slow(400, json(200, cluster)));
    const onClient = recordingClient(server, { timeoutMs: 50, retry: { maxRetries: 0 } });
    await expect(onClient.client.getClusterInfo({ cluster: "c-1" })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    const plain = recordingClient(server, { retry: { maxRetries: 0 } });
    await expect(
      plain.client.getClusterInfo({ cluster: "c-1" }, { timeoutMs: 50 }),
    ).rejects.toBeInstanceOf(TimeoutError);
    const signals = [...onClient.signals, ...plain.signals];
    expect(signals).toHaveLength(2);
    expect(signals.every((signal) => signal?.aborted)).toBe(true);
  });

  it("a caller's signal alone reaches fetch as it is", async () => {
    server = await startServer(json(200, cluster));
    const { client: tp, signals } = recordingClient(server);
    const caller = new AbortController();
    await tp.getClusterInfo({ cluster: "c-1" }, { signal: caller.signal });
    expect(signals).toEqual([caller.signal]);
  });
});
