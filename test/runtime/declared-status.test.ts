// Success is what the operation declares, not "any 2xx": a declared 3xx or a 4xx marked as a
// result is returned; an undeclared 2xx is an error, since its body is not the declared type.
import { afterEach, describe, expect, it } from "vitest";
import { NotFoundError, UnexpectedStatusError } from "../../templates/runtime/errors.js";
import { Transport } from "../../templates/runtime/transport.js";
import type { ResponseSpec } from "../../templates/runtime/types.js";
import { op } from "./helpers/fixtures.js";
import { json, startServer } from "./helpers/http-server.js";
import type { TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

const cases: { given: ResponseSpec[]; status: number; want: "result" | string }[] = [
  { given: [{ status: "200", kind: "json" }], status: 200, want: "result" },
  {
    given: [
      { status: "200", kind: "json" },
      { status: "404", kind: "json", isError: false },
    ],
    status: 404,
    want: "result",
  },
  {
    given: [
      { status: "200", kind: "json" },
      { status: "404", kind: "json" },
    ],
    status: 404,
    want: "NotFoundError",
  },
  {
    given: [
      { status: "200", kind: "json" },
      { status: "300", kind: "json" },
    ],
    status: 300,
    want: "result",
  },
  { given: [{ status: "200", kind: "json" }], status: 201, want: "UnexpectedStatusError" },
  { given: [{ status: "2XX", kind: "json" }], status: 201, want: "result" },
  {
    given: [
      { status: "200", kind: "json" },
      { status: "default", kind: "json" },
    ],
    status: 202,
    want: "UnexpectedStatusError",
  },
  { given: [{ status: "default", kind: "json" }], status: 202, want: "result" },
  { given: [{ status: "default", kind: "json" }], status: 404, want: "NotFoundError" },
  { given: [], status: 200, want: "result" },
  {
    given: [
      { status: "200", kind: "json" },
      { status: "500", kind: "json", isError: false },
    ],
    status: 500,
    want: "result",
  },
];

describe("declared responses decide success", () => {
  it.each(cases)(
    "$status against $given.length declared responses: $want",
    async ({ given, status, want }) => {
      server = await startServer(json(status, { at: status }));
      const transport = new Transport({ retry: { maxRetries: 0 } }, { baseUrl: server.url });
      const outcome = await transport
        .request(op({ responses: given }), undefined)
        .catch((caught: unknown) => caught);
      if (want === "result") expect(outcome).toEqual({ at: status });
      else expect((outcome as Error).name).toBe(want);
    },
  );

  it("an undeclared 2xx names the status and operation and is never retried", async () => {
    server = await startServer(json(201, { id: 1 }));
    const transport = new Transport({}, { baseUrl: server.url });
    const error = await transport.request(op(), undefined).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnexpectedStatusError);
    expect(error).toMatchObject({ status: 201, body: { id: 1 } });
    expect((error as Error).message).toBe("201 Created is not a declared response of getThings");
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(1);
  });
});
