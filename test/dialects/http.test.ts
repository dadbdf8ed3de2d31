// Plain HTTP end to end, no vendor extension: 202 Accepted + Location (+ Retry-After) becomes
// `<method>AndWait`; a documented RFC 8288 Link header pages by rel="next" (same origin only).
import { beforeAll, describe, expect, it } from "vitest";
import { json, raw, type TestServer } from "../runtime/helpers/http-server.js";
import { generateClient, serverPool, type GeneratedClient } from "./helpers.js";

let plain: GeneratedClient;
beforeAll(async () => {
  plain = await generateClient("http.yaml");
});
const serve = serverPool();
const clientFor = (s: TestServer) => plain.mod.createPlainExportsClient({ baseUrl: s.url });

describe("202 Accepted + Location", () => {
  it("polls the Location while it answers 202, then resolves with its answer", async () => {
    const server = await serve(
      raw(202, "", { location: "/exports/e1", "retry-after": "0" }),
      raw(202, "", { "retry-after": "0" }),
      json(200, { status: "completed", url: "/files/e1.csv" }),
    );
    expect(await clientFor(server).createExportAndWait({}, { intervalMs: 1 })).toEqual({
      status: "completed",
      url: "/files/e1.csv",
    });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /exports",
      "GET /exports/e1",
      "GET /exports/e1",
    ]);
  });

  it("a status resource at the Location: running waits, failed rejects", async () => {
    const server = await serve(
      raw(202, "", { location: "/exports/e2", "retry-after": "0" }),
      json(200, { status: "running" }, { "retry-after": "0" }),
      json(200, { status: "FAILED", error: { message: "disk full" } }),
    );
    const error = await clientFor(server)
      .createExportAndWait({}, { intervalMs: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(plain.mod.OperationFailedError);
    expect(error.message).toContain("disk full");
    expect(server.requests).toHaveLength(3);
  });

  it("Retry-After seconds are waited as given", async () => {
    const server = await serve(
      raw(202, "", { location: "/exports/e3", "retry-after": "1" }),
      json(200, { status: "completed" }),
    );
    const started = Date.now();
    await clientFor(server).createExportAndWait({}, { intervalMs: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('Link: <...>; rel="next"', () => {
  it("follows rel=next until a page has none", async () => {
    const server = await serve(
      json(200, [{ line: "a" }], {
        link: '</logs?page=2&per_page=1>; rel="next", </logs?page=9>; rel="last"',
      }),
      json(200, [{ line: "b" }], { link: '</logs?page=1>; rel="prev"' }),
    );
    const lines: string[] = [];
    for await (const entry of clientFor(server).listLogs({ per_page: 1 })) lines.push(entry.line);
    expect(lines).toEqual(["a", "b"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/logs?per_page=1",
      "/logs?page=2&per_page=1",
    ]);
  });

  it("refuses a rel=next on another origin", async () => {
    const other = await serve(json(200, []));
    const server = await serve(
      json(200, [{ line: "a" }], {
        link: `<${other.url.replace("127.0.0.1", "localhost")}/logs?page=2>; rel="next"`,
      }),
    );
    const pages = clientFor(server).listLogs().pages();
    await pages.next();
    await expect(pages.next()).rejects.toThrow(/refusing to follow/);
    expect(other.requests).toHaveLength(0);
  });
});
