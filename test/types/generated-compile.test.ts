// Each generated client compiles alone (copied to an empty directory) under tsc --strict, and
// wrong calls are type errors: each `@ts-expect-error` below must be needed, or tsc fails.
import { describe, expect, it } from "vitest";
import { noCheckDirective } from "../../generator/emit/plan.js";
import { compileAlone } from "./compile.js";

describe("generated clients compile alone with tsc --strict", () => {
  it.each(["tensorpool", "tensorone", "operations"])("%s", async (api) => {
    const result = await compileAlone({ [api]: `generated/${api}` });
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});

describe("the runtime and descriptors.ts match their declared types (@ts-nocheck dropped: what host checkers skip, we check)", () => {
  it.each(["tensorpool", "tensorone", "operations"])("%s", async (api) => {
    const result = await compileAlone(
      { [api]: `generated/${api}` },
      {},
      {},
      { checksEverything: true },
    );
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("the check is real: a wrong descriptor is an error", async () => {
    const wrong = `import type { OperationSpec } from "./operations/runtime/types.js";\n${noCheckDirective}\nexport const bad: OperationSpec = { id: "x", method: "FETCH", path: "/", params: [], responses: [] };\n`;
    const result = await compileAlone(
      { operations: "generated/operations" },
      { "bad.ts": wrong },
      {},
      { checksEverything: true },
    );
    expect(result.output).toContain("bad.ts");
  });
});

const usage = `
import { createTensorPoolClient, ApiError, type RequestInfoResponse } from "./tensorpool/index.js";
import { createTensorOneClient } from "./tensorone/index.js";
import { createOperationsClient } from "./operations/index.js";
import { createTensorPoolCore, type TensorPoolClient } from "./tensorpool/index.js";
import * as tensorpoolFunctions from "./tensorpool/functions.js";

export async function tensorpool(): Promise<RequestInfoResponse> {
  const client = createTensorPoolClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1" });
  const info = await client.getRequestInfo({ request_id: "r-1" });
  const status: "PENDING" | "PROCESSING" | "COMPLETED" | "FAILED" | "RETRYING" = info.status;
  void status;
  // @ts-expect-error missing required path parameter
  await client.getRequestInfo({});
  // @ts-expect-error unknown enum value
  await client.clusterOperations({ cluster: "c", request_status: "DONE" });
  // @ts-expect-error wrong body field type
  await client.createCluster({ body: { instance_type: 8 } });
  // @ts-expect-error missing required body field
  await client.createCluster({ body: { num_nodes: 1 } });
  // @ts-expect-error unknown parameter
  await client.getRequestInfo({ request_id: "r", nope: 1 });
  try { await client.listClusters(); } catch (e) { if (e instanceof ApiError) { const s: number = e.status; void s; } }
  return info;
}

export async function tensorone(): Promise<void> {
  const client = createTensorOneClient({ apiKey: "k" });
  const page = await client.listClusters({ status: "running", sort_order: "asc", limit: 10 });
  void page.data?.pagination?.has_next;
  // @ts-expect-error unknown enum value
  await client.listClusters({ gpu_type: "H9000" });
  // @ts-expect-error missing required path parameter
  await client.getCluster({});
  // .withResponse(): the body as the plain call gives it, the declared headers typed.
  const plain: Promise<import("./tensorone/index.js").ClusterDetailResponse> = client.getCluster({ cluster_id: "c" });
  void plain;
  const { data, status, headers, rawHeaders } = await client.getCluster({ cluster_id: "c" }).withResponse();
  const remaining: number | undefined = headers["x-ratelimit-remaining"];
  const raw: string | null = rawHeaders.get("x-request-id");
  void [data.data?.id, status, remaining, raw];
  // @ts-expect-error a header the spec does not declare
  void headers["x-ratelimit-used"];
  // @ts-expect-error a declared number header is not a string
  const asText: string | undefined = headers["x-ratelimit-limit"];
  void asText;
  const first = await client.listClusters().withResponse();
  void [first.data.data?.pagination, first.headers["x-ratelimit-reset"]];
}

// The runtime's declarations carry no \`implements\` clauses (see build-runtime.mjs): the classes
// must still be what they claim, structurally.
export function awaitables(): void {
  const pages: PromiseLike<unknown> & AsyncIterable<unknown> = createTensorOneClient({}).listClusters({});
  const tp = createTensorPoolClient({});
  const poller: PromiseLike<unknown> & AsyncIterable<unknown> = tp.pollRequest("r-1");
  const started: PromiseLike<unknown> = tp.createCluster({ body: { instance_type: "8xH100", num_nodes: 1 } });
  void pages;
  void poller;
  void started;
}

export async function standalone(): Promise<void> {
  const core = createTensorPoolCore({ apiKey: "k" });
  const info: RequestInfoResponse = await tensorpoolFunctions.getRequestInfo(core, { request_id: "r-1" });
  const { status } = await tensorpoolFunctions.getRequestInfo(core, { request_id: "r-1" }).withResponse();
  void [info, status];
  // @ts-expect-error missing required path parameter
  await tensorpoolFunctions.getRequestInfo(core, {});
  // @ts-expect-error the client object is not a core
  await tensorpoolFunctions.getRequestInfo(createTensorPoolClient({}), { request_id: "r" });
}

// Every client method is a standalone function taking the core, then the same parameters, giving
// the same result (resumePoller is generic: its instantiations differ by design).
type WithoutCore<F> = F extends (core: any, ...args: infer A) => infer R ? (...args: A) => R : never;
type SameAsClient = {
  [K in Exclude<keyof TensorPoolClient, "resumePoller">]: [WithoutCore<(typeof tensorpoolFunctions)[K]>] extends [TensorPoolClient[K]]
    ? [TensorPoolClient[K]] extends [WithoutCore<(typeof tensorpoolFunctions)[K]>] ? true : false
    : false;
};
export const everyMethod: Record<Exclude<keyof TensorPoolClient, "resumePoller">, true> = {} as SameAsClient;

export async function operations(): Promise<void> {
  const client = createOperationsClient({ apiKey: "k" });
  const op = await client.getOperation({ operationId: "A1B2C3D4E5" });
  void op.progress?.summary?.succeeded;
  // @ts-expect-error wrong parameter type
  await client.listConnections({ limit: "ten" });
}
`;

describe("wrong calls are type errors", () => {
  it("accepts right calls and rejects each wrong one", async () => {
    const result = await compileAlone(
      {
        tensorpool: "generated/tensorpool",
        tensorone: "generated/tensorone",
        operations: "generated/operations",
      },
      { "usage.ts": usage },
    );
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});
