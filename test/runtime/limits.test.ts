// Bounded work against hostile servers: body size, abort during the runtime's own awaits, one
// abort listener per signal, Retry-After caps in waits, "." and ".." path values.
import { afterEach, describe, expect, it } from "vitest";
import { bearerAuth } from "../../templates/runtime/auth.js";
import { ResponseTooLargeError } from "../../templates/runtime/errors.js";
import { DEFAULT_MAX_HINT_MS } from "../../templates/runtime/lro-status.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../templates/runtime/response.js";
import { encodeResumeToken } from "../../templates/runtime/resume-token.js";
import { Transport } from "../../templates/runtime/transport.js";
import { resumePoller, waitFor } from "../../templates/runtime/call-lro.js";
import type { LroSpec } from "../../templates/runtime/types.js";
import { fakeTime, op } from "./helpers/fixtures.js";
import { json, raw, startServer } from "./helpers/http-server.js";
import type { Reply, TestServer } from "./helpers/http-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A chunked body that never ends: 64 KiB chunks until the client goes away. */
const endless: Reply = (res) =>
  new Promise<void>((resolve) => {
    res.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const write = (): void => {
      while (!res.destroyed && res.write(chunk));
      if (res.destroyed) resolve();
      else res.once("drain", write);
    };
    res.on("close", resolve);
    write();
  });

describe("maxResponseBytes", () => {
  it("defaults to 64 MiB", () => expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(64 * 1024 * 1024));

  it("an endless body ends in ResponseTooLargeError at the limit, not at the timeout", async () => {
    server = await startServer(endless);
    const transport = new Transport({ maxResponseBytes: 1024 * 1024 }, { baseUrl: server.url });
    const error = await transport.request(op(), undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({
      status: 200,
      maxResponseBytes: 1024 * 1024,
      operationId: "getThings",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("a declared Content-Length over the limit is refused before reading; per call overrides the client", async () => {
    server = await startServer(
      raw(200, JSON.stringify({ blob: "x".repeat(5000) }), { "content-type": "application/json" }),
    );
    const transport = new Transport({ maxResponseBytes: 1000 }, { baseUrl: server.url });
    await expect(transport.request(op(), undefined)).rejects.toBeInstanceOf(ResponseTooLargeError);
    const body = await transport.request<{ blob: string }>(op(), undefined, {
      maxResponseBytes: 10_000,
    });
    expect(body.blob).toHaveLength(5000);
    const binary = op({ responses: [{ status: "200", kind: "binary" }] });
    await expect(transport.request(binary, undefined)).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
    expect(
      await transport.request<Blob>(binary, undefined, { maxResponseBytes: Infinity }),
    ).toBeInstanceOf(Blob);
  });

  it("bounds error bodies too", async () => {
    server = await startServer(endless);
    const transport = new Transport({ maxResponseBytes: 256 * 1024 }, { baseUrl: server.url });
    const spec = op({ responses: [{ status: "201", kind: "json" }] });
    await expect(transport.request(spec, undefined)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });
});

describe("abort during the runtime's own awaits", () => {
  it("ends a call whose apiKey function or onRequest hook never settles", async () => {
    server = await startServer(json(200, {}));
    const never = new Promise<never>(() => undefined);
    const auth = [{ type: "bearer" as const, apply: bearerAuth }];
    for (const options of [
      { apiKey: () => never },
      { apiKey: "sk-1234", onRequest: () => never },
    ]) {
      const transport = new Transport(options, { baseUrl: server.url });
      const controller = new AbortController();
      const reason = new Error("gave up");
      const call = transport.request(op({ auth }), undefined, { signal: controller.signal });
      setTimeout(() => controller.abort(reason), 5);
      await expect(call).rejects.toBe(reason);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("ends a call whose onResponse hook never settles", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport(
      { onResponse: () => new Promise<never>(() => undefined) },
      { baseUrl: server.url },
    );
    const controller = new AbortController();
    const reason = new Error("gave up");
    const call = transport.request(op(), undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);
    await expect(call).rejects.toBe(reason);
  });

  // With a timeout the attempts' timers link to the caller's signal once per shared window;
  // without one (the default) the signal is handed to fetch as it is and the runtime adds none.
  it.each([
    ["a 60 s timeout", 1, 60_000],
    ["no timeout (the default)", 0, undefined],
  ])(
    "1,000 requests sharing one signal with %s add %i listeners to it, and no warning",
    async (_, listeners, timeoutMs) => {
      const warnings: string[] = [];
      const onWarning = (warning: Error): void => void warnings.push(warning.name);
      process.on("warning", onWarning);
      try {
        const controller = new AbortController();
        let added = 0;
        const add = controller.signal.addEventListener.bind(controller.signal);
        controller.signal.addEventListener = ((...args: Parameters<typeof add>) => {
          added++;
          add(...args);
        }) as typeof add;
        const fetch = (): Promise<Response> =>
          new Promise((resolve) => setTimeout(() => resolve(Response.json({})), 20));
        const transport = new Transport({ fetch, timeoutMs }, { baseUrl: "http://127.0.0.1:9" });
        const calls = Array.from({ length: 1000 }, () =>
          transport.request(op(), undefined, { signal: controller.signal }),
        );
        await Promise.all(calls);
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(added).toBe(listeners);
        expect(warnings).not.toContain("MaxListenersExceededWarning");
      } finally {
        process.off("warning", onWarning);
      }
    },
  );
});

describe("pollers cap the server's wait hint", () => {
  const lro: LroSpec = {
    poll: op({ id: "getJob", path: "/jobs/{id}", params: [{ name: "id", in: "path" }] }),
    idParam: "id",
    statusPath: ["status"],
    successValues: ["DONE"],
    failureValues: ["FAILED"],
    defaultIntervalMs: 1000,
  };
  const days = String(24 * 24 * 3600);

  it(`at ${DEFAULT_MAX_HINT_MS} ms by default, at maxIntervalMs when given`, async () => {
    const pendingThenDone = (): Reply => {
      let polls = 0;
      return (res, req, index) =>
        (polls++ % 2 === 0
          ? json(200, { status: "RUNNING" }, { "retry-after": days })
          : json(200, { status: "DONE" }))(res, req, index);
    };
    server = await startServer(pendingThenDone());
    const time = fakeTime();
    const transport = new Transport({}, { baseUrl: server.url, sleep: time.sleep, now: time.now });
    await waitFor(transport, "job", lro, ["j1"]);
    await waitFor(transport, "job", lro, ["j2"], { maxIntervalMs: 5000 });
    expect(time.waits).toEqual([DEFAULT_MAX_HINT_MS, 5000]);
  });
});

describe('"." and ".." as path values', () => {
  it.each([".", "..", "%2e%2e"])(
    "%j cannot walk out of the path: refused (or encoded), nothing sent",
    async (id) => {
      server = await startServer(json(200, {}));
      const transport = new Transport({}, { baseUrl: `${server.url}/api` });
      // A plain path parameter, which descriptors leave to the path template.
      const spec = op({ path: "/jobs/{id}" });
      const outcome = await transport.request(spec, { id }).catch((caught: unknown) => caught);
      if (id.startsWith("%")) {
        expect(server.requests.map((seen) => seen.url)).toEqual(["/api/jobs/%252e%252e"]);
      } else {
        expect(outcome).toBeInstanceOf(TypeError);
        expect((outcome as Error).message).toContain('path parameter "id"');
        expect(server.requests).toHaveLength(0);
      }
    },
  );

  it("the refusal names the parameter when its argument is renamed (arg differs from name)", async () => {
    server = await startServer(json(200, {}));
    const transport = new Transport({}, { baseUrl: server.url });
    const spec = op({ path: "/jobs/{id}", params: [{ name: "id", arg: "jobId", in: "path" }] });
    const outcome = await transport
      .request(spec, { jobId: ".." })
      .catch((caught: unknown) => caught);
    expect(outcome).toBeInstanceOf(TypeError);
    expect((outcome as Error).message).toContain('path parameter "id"');
    expect(server.requests).toHaveLength(0);
  });

  it("ids inside a resume token are refused the same way", async () => {
    server = await startServer(json(200, { status: "DONE" }));
    const transport = new Transport({}, { baseUrl: server.url });
    const lro: LroSpec = {
      poll: op({ id: "getJob", path: "/jobs/{id}", params: [{ name: "id", in: "path" }] }),
      idParam: "id",
      statusPath: ["status"],
      successValues: ["DONE"],
      failureValues: [],
      defaultIntervalMs: 1,
    };
    const token = encodeResumeToken({ name: "job", ids: [".."], isMulti: false });
    await expect(resumePoller(transport, token, { job: lro }).pollUntilDone()).rejects.toThrow(
      /"\." or "\.\."/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
