// Descriptors carry what they describe and, beside it, the runtime function that acts on it: a
// scheme's type and its placer (`apply`), a body's kind and its encoder (`encode`), a poller's rule
// fields and `rules`. A mismatched pair fails quietly at run time (a credential placed as another
// scheme, a body sent in the wrong encoding, a rule field never applied), so every pair emitted
// for the specs in specs/ and the test fixtures is checked against one given/want table, and the
// committed clients' descriptors against their own runtime copies.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  bodyEncoderOf,
  lroSpecOf,
  operationSpecOf,
  startSpecOf,
} from "../../../../generator/emit/views/descriptor-specs.js";
import { loadSpec } from "../../../../generator/load/index.js";
import type { Api, Poller } from "../../../../generator/model/api.js";
import { normalize } from "../../../../generator/normalize/index.js";
import { isIdempotent } from "../../../../templates/runtime/retry.js";
import type {
  AuthSpec,
  BodySpec,
  LroSpec,
  WaitTarget,
} from "../../../../templates/runtime/types.js";

const root = path.resolve(import.meta.dirname, "../../../..");

/** A runtime module (templates/runtime/<module>.ts) and one of its exports. */
type Export = { module: string; name: string };

/** want: what each scheme type, body kind and rule-using poller is paired with. */
const placerOf: Record<AuthSpec["type"], Export> = {
  apiKey: { module: "auth", name: "apiKeyAuth" },
  basic: { module: "auth", name: "basicAuth" },
  bearer: { module: "auth", name: "bearerAuth" },
};
const encoderOf: Record<BodySpec["kind"], Export> = {
  binary: { module: "body", name: "encodeBinary" },
  form: { module: "body-forms", name: "encodeForm" },
  json: { module: "body", name: "encodeJson" },
  multipart: { module: "body-forms", name: "encodeMultipart" },
  text: { module: "body", name: "encodeText" },
};
const rulesExport: Export = { module: "lro-rules", name: "lroRules" };

/** The export from the runtime in `dir`: templates/runtime, or a generated client's copy. */
async function exportIn(dir: string, { module, name }: Export): Promise<unknown> {
  return ((await import(path.join(dir, `${module}.ts`))) as Record<string, unknown>)[name];
}

/** A rule field only lro-rules.ts applies is set, on the poller or a target it waits for. */
function usesRules(
  lro: Pick<LroSpec, "donePath" | "failurePath" | "retryAfterPath" | "unreachableValues">,
  targets: readonly WaitTarget[],
): boolean {
  return (
    lro.donePath !== undefined ||
    lro.failurePath !== undefined ||
    lro.retryAfterPath !== undefined ||
    (lro.unreachableValues?.length ?? 0) > 0 ||
    targets.some((t) => t.isGoneSuccess === true || (t.unreachableValues?.length ?? 0) > 0)
  );
}

/** The poller's descriptor, its targets or a start waiting on it set a rule field. */
function isRuled(api: Api, poller: Poller): boolean {
  const starts = api.operations.flatMap((op) =>
    op.lro?.poller === poller.name ? [startSpecOf(api, op)!] : [],
  );
  const targets = [
    ...(poller.targets ?? []),
    ...starts.flatMap((start) => (start.target ? [start.target] : [])),
  ];
  return (
    usesRules(lroSpecOf(api, poller), targets) ||
    starts.some((start) => start.isChangeAwaited === true)
  );
}

/** given: the configured APIs (with their overlays) and the fixtures that generate. */
const configured = (
  JSON.parse(readFileSync(path.join(root, "clientgen.config.json"), "utf8")) as {
    apis: { spec: string; overlays?: string[] }[];
  }
).apis;
const fixtures = [
  "auth/schemes.yaml",
  "bodies/uploads.yaml",
  "corpus/petstore-expanded.yaml",
  "dates/events.yaml",
  "dialects/aep.yaml",
  "dialects/autorest-responses.yaml",
  "dialects/azure-paging.yaml",
  "dialects/azure.yaml",
  "dialects/fern.yaml",
  "dialects/heuristics.yaml",
  "dialects/http.yaml",
  "dialects/plain-responses.yaml",
  "dialects/renamed-lro-id.yaml",
  "dialects/speakeasy.yaml",
  "hostile/hostile.yaml",
  "streams/channels.yaml",
  "streams/streams.yaml",
].map((file) => {
  const overlay = `test/fixtures/${file.replace(/\.yaml$/, ".overlay.yaml")}`;
  return { spec: `test/fixtures/${file}`, overlays: file.startsWith("hostile") ? [overlay] : [] };
});

async function apiOf(spec: string, overlays: string[] = []): Promise<Api> {
  const loaded = await loadSpec(path.join(root, spec), {
    overlays: overlays.map((o) => path.join(root, o)),
  });
  return normalize(loaded, "Api").api;
}

describe("descriptor pairs", () => {
  const runtime = path.join(root, "templates", "runtime");
  const wants = [...Object.values(placerOf), ...Object.values(encoderOf), rulesExport];
  it.each(wants)("the runtime's $module.ts exports $name", async (want) => {
    expect(await exportIn(runtime, want)).toBeDefined();
  });

  it.each(Object.entries(encoderOf))(
    "a %s body's encoder is imported from its module",
    (kind, want) => {
      expect(bodyEncoderOf(kind as BodySpec["kind"])).toEqual(want);
    },
  );

  const given = [...configured, ...fixtures];
  const apis = new Map<string, Api>();
  beforeAll(async () => {
    for (const { spec, overlays } of given) apis.set(spec, await apiOf(spec, overlays));
  });

  it.each(given)("$spec: every pair matches", ({ spec }) => {
    const api = apis.get(spec)!;
    for (const op of api.operations) {
      const descriptor = operationSpecOf(api, op);
      // Left out where the runtime derives them: idempotence from the method, a plain path
      // parameter from the path template (params.ts), an empty list.
      expect(isIdempotent(descriptor), op.id).toBe(op.isIdempotent);
      expect(descriptor.params, op.id).not.toEqual([]);
      const written = new Set(descriptor.params?.map((p) => `${p.in} ${p.name}`));
      for (const p of op.parameters.filter((p) => !written.has(`${p.in} ${p.name}`))) {
        expect(p.in, `${op.id} ${p.name}`).toBe("path");
        expect(op.path, `${op.id} ${p.name}`).toContain(`{${p.name}}`);
      }
      for (const scheme of descriptor.auth ?? [])
        expect(scheme.apply.text, `${op.id} ${scheme.type}`).toBe(placerOf[scheme.type].name);
      if (descriptor.body) {
        const { encode, kind } = descriptor.body;
        expect(encode.text, `${op.id} ${kind}`).toBe(encoderOf[kind].name);
      }
    }
    for (const poller of api.pollers)
      expect(lroSpecOf(api, poller).rules?.text, poller.name).toBe(
        isRuled(api, poller) ? rulesExport.name : undefined,
      );
  });

  it("the specs and fixtures cover every scheme type, body kind, and pollers with and without rules", () => {
    const all = [...apis.values()];
    const ops = all.flatMap((api) => api.operations.map((op) => operationSpecOf(api, op)));
    const types = new Set(ops.flatMap((op) => (op.auth ?? []).map((scheme) => scheme.type)));
    const kinds = new Set(ops.flatMap((op) => (op.body ? [op.body.kind] : [])));
    const ruled = new Set(all.flatMap((api) => api.pollers.map((p) => isRuled(api, p))));
    expect([...types].sort()).toEqual(Object.keys(placerOf).sort());
    expect([...kinds].sort()).toEqual(Object.keys(encoderOf).sort());
    expect([...ruled].sort()).toEqual([false, true]);
  });

  it.each(["tensorpool", "tensorone", "operations"])(
    "generated/%s: every descriptor names its own runtime's function for its pair",
    async (folder) => {
      const dir = path.join(root, "generated", folder);
      const ownRuntime = path.join(dir, "runtime");
      const descriptors = (await import(path.join(dir, "descriptors.ts"))) as Record<
        string,
        { auth?: AuthSpec[]; body?: BodySpec } & Partial<LroSpec>
      >;
      for (const [name, spec] of Object.entries(descriptors)) {
        for (const scheme of spec.auth ?? [])
          expect(scheme.apply, `${name} ${scheme.type}`).toBe(
            await exportIn(ownRuntime, placerOf[scheme.type]),
          );
        if (spec.body)
          expect(spec.body.encode, `${name} ${spec.body.kind}`).toBe(
            await exportIn(ownRuntime, encoderOf[spec.body.kind]),
          );
        if (spec.poll !== undefined && usesRules(spec, []))
          expect(spec.rules, name).toBe(await exportIn(ownRuntime, rulesExport));
      }
    },
  );
});
