// The API's retry policy is spelled once (descriptors.ts's retry_default, handed to the Transport
// by core.ts), like its security: descriptors holding it leave `retry` out, an operation without
// a policy says so with an empty one, and an API whose operations mostly have none has no default.
import { describe, expect, it } from "vitest";
import { generate } from "../../../../generator/pipeline.js";

const policy = {
  strategy: "backoff",
  backoff: { initialInterval: 100, maxInterval: 2000 },
  statusCodes: ["5XX"],
};

function document(rootRetries: unknown, paths: Record<string, unknown>) {
  const ok = { responses: { "200": { description: "ok" } } };
  return {
    openapi: "3.0.3",
    info: { title: "Retries", version: "1" },
    ...(rootRetries ? { "x-speakeasy-retries": rootRetries } : {}),
    paths: Object.fromEntries(
      Object.entries(paths).map(([name, extra]) => [
        `/${name}`,
        { get: { operationId: name, ...ok, ...(extra as object) } },
      ]),
    ),
  };
}

async function filesOf(given: Record<string, unknown>) {
  const { files } = await generate({ document: given, spec: "retries.json" });
  const text = (path: string) => files.find((f) => f.path === path)!.text;
  return { descriptors: text("descriptors.ts"), core: text("core.ts") };
}

/** Each operation descriptor's `retry` line (or none), by operation. */
function retryLines(descriptors: string): Record<string, string | undefined> {
  return Object.fromEntries(
    [...descriptors.matchAll(/export const (\w+): OperationSpec = \{([^;]*)\};/g)].map(
      ([, name, body]) => [name, /\n {2}(retry: .*),/.exec(body!)?.[1]],
    ),
  );
}

describe("the API's retry policy", () => {
  it("most operations hold it: spelled once, handed to the Transport", async () => {
    const { descriptors, core } = await filesOf(
      document(policy, {
        a: {},
        b: {},
        c: {},
        none: { "x-speakeasy-retries": { strategy: "none" } },
        own: { "x-speakeasy-retries": { ...policy, statusCodes: ["429"] } },
      }),
    );
    expect(descriptors).toContain(
      'export const retry_default: OperationSpec["retry"] = {\n  initialDelayMs: 100,\n  maxDelayMs: 2000,\n  statusCodes: ["5XX"],\n};',
    );
    expect(retryLines(descriptors)).toEqual({
      a: undefined,
      b: undefined,
      c: undefined,
      none: "retry: { maxRetries: 0 }",
      own: 'retry: { initialDelayMs: 100, maxDelayMs: 2000, statusCodes: ["429"] }',
    });
    expect(core).toContain('import { retry_default } from "./descriptors.js";');
    expect(core).toContain("retry: retry_default");
  });

  it("an operation with no policy beside the API's has an empty one", async () => {
    const { descriptors } = await filesOf(
      document(policy, { a: {}, b: {}, bare: { "x-speakeasy-retries": {} } }),
    );
    expect(retryLines(descriptors)).toEqual({ a: undefined, b: undefined, bare: "retry: {}" });
  });

  it("most operations have none: no default, each policy in its descriptor", async () => {
    const { descriptors, core } = await filesOf(
      document(undefined, { a: {}, b: {}, own: { "x-speakeasy-retries": policy } }),
    );
    expect(descriptors).not.toContain("retry_default");
    expect(core).not.toContain("retry");
    expect(retryLines(descriptors)).toEqual({
      a: undefined,
      b: undefined,
      own: 'retry: { initialDelayMs: 100, maxDelayMs: 2000, statusCodes: ["5XX"] }',
    });
  });
});
