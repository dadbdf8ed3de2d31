// Overlay 1.0: update merges (objects recursively, arrays appended), remove deletes, `$` is the
// root; the parsed input is never mutated.
import { describe, expect, test } from "vitest";
import { applyOverlay } from "../../../generator/load/apply-overlay.js";
import { loadSpec } from "../../../generator/load/index.js";
import type { OverlayAction } from "../../../generator/load/read-overlay.js";
import { fixture } from "./helpers.js";

type Doc = Record<string, any>;

async function loadWith(overlay: string): Promise<Doc> {
  const spec = await loadSpec(fixture("overlays/base.yaml"), {
    overlays: [fixture(`overlays/${overlay}`)],
  });
  expect(spec.files).toContain(fixture(`overlays/${overlay}`));
  return spec.document;
}

describe("overlays applied by loadSpec", () => {
  test("update merges recursively: new keys added, nested arrays appended, primitives replaced", async () => {
    const post = (await loadWith("update.yaml")).paths["/cluster/create"].post;
    expect(post["x-lro"]).toEqual({ status: "$.status", done: ["ready", "failed"] });
    expect(post.tags).toEqual(["clusters", "long-running"]);
    expect(post.responses["202"]).toEqual({ description: "Accepted; poll the cluster" });
    expect(post.operationId).toBe("createCluster");
  });

  test("remove deletes a map entry and array items matched by an RFC 9535 filter", async () => {
    const doc = await loadWith("remove.yaml");
    expect(Object.keys(doc.paths)).toEqual(["/cluster/create"]);
    expect(doc.paths["/cluster/create"].post.parameters.map((p: Doc) => p.name)).toEqual([
      "dryRun",
    ]);
  });

  test("an array target gets the update appended: a list as several entries, an object as one", async () => {
    const doc = await loadWith("append-array.yaml");
    expect(doc.tags.map((t: Doc) => t.name)).toEqual(["clusters", "internal", "beta"]);
    expect(doc.paths["/cluster/create"].post.parameters.map((p: Doc) => p.name)).toEqual([
      "dryRun",
      "debug",
      "traceId",
    ]);
  });

  test("an update key __proto__ is an own entry, not the target's prototype", async () => {
    const post = (await loadWith("proto.yaml")).paths["/cluster/create"].post;
    expect(Object.getPrototypeOf(post)).toBe(Object.prototype);
    expect(post["x-clientgen-idempotent"]).toBeUndefined();
    expect(Object.hasOwn(post, "__proto__")).toBe(true);
    expect(({} as Doc)["x-clientgen-idempotent"]).toBeUndefined();
  });

  test("target $ updates the root", async () => {
    const doc = await loadWith("root-target.yaml");
    expect(doc.info).toEqual({
      title: "Cluster API",
      version: "1.0.0",
      "x-generated-by": "clientgen",
    });
    expect(doc.servers).toEqual([{ url: "https://api.example.com" }]);
  });

  test("overlays apply in order, each to the result of the previous", async () => {
    const spec = await loadSpec(fixture("overlays/base.yaml"), {
      overlays: [fixture("overlays/update.yaml"), fixture("overlays/remove.yaml")],
    });
    expect(Object.keys(spec.document.paths as Doc)).toEqual(["/cluster/create"]);
    expect((spec.document.paths as Doc)["/cluster/create"].post["x-lro"]).toBeDefined();
    expect(spec.resolveRef("#/paths/~1cluster~1create/post/x-lro/status", spec.file)?.value).toBe(
      "$.status",
    );
  });
});

describe("applyOverlay", () => {
  const action = (target: string, update: unknown, isRemove = false): OverlayAction => ({
    index: 0,
    isRemove,
    target,
    update,
  });

  test("never mutates its input (deep-frozen) and shares untouched subtrees", () => {
    const input = deepFreeze({
      info: { title: "t" },
      paths: { "/a": { get: { tags: ["x"] } }, "/b": { get: {} } },
    });
    const { document, problems } = applyOverlay(
      input,
      [action("$.paths['/a'].get", { tags: ["y"], summary: "s" })],
      "o.yaml",
    );
    expect(problems).toEqual([]);
    expect((document as Doc).paths["/a"].get).toEqual({ tags: ["x", "y"], summary: "s" });
    expect(input.paths["/a"].get).toEqual({ tags: ["x"] });
    expect((document as Doc).paths["/b"]).toBe(input.paths["/b"]);
    expect((document as Doc).info).toBe(input.info);
  });

  test("an object shared in two places (a YAML alias) changes only where targeted", () => {
    const shared = { responses: {} };
    const input = { paths: { "/a": { get: shared }, "/b": { get: shared } } };
    const { document } = applyOverlay(
      input,
      [action("$.paths['/a'].get", { "x-a": true })],
      "o.yaml",
    );
    expect((document as Doc).paths["/a"].get).toEqual({ responses: {}, "x-a": true });
    expect((document as Doc).paths["/b"].get).toEqual({ responses: {} });
  });

  test("one update applied to several targets does not share objects between them", () => {
    const input = { paths: { "/a": { get: {} }, "/b": { get: {} } } };
    const { document } = applyOverlay(
      input,
      [action("$.paths.*.get", { "x-meta": { n: 1 } })],
      "o.yaml",
    );
    const paths = (document as Doc).paths;
    expect(paths["/a"].get["x-meta"]).toEqual({ n: 1 });
    expect(paths["/a"].get["x-meta"]).not.toBe(paths["/b"].get["x-meta"]);
  });

  const problemCases = [
    {
      name: "a primitive target",
      given: action("$.info.title", { x: 1 }),
      want: "OVL001 #/actions/0/target",
    },
    {
      name: "a non-object update on an object",
      given: action("$.info", "text"),
      want: "OVL001 #/actions/0/update",
    },
    {
      name: "removing the root",
      given: action("$", undefined, true),
      want: "OVL001 #/actions/0/target",
    },
    { name: "no match", given: action("$.nothing", { x: 1 }), want: "OVL002 #/actions/0/target" },
    {
      name: "a syntax error a forgiving JSONPath library would accept",
      given: action("$[", { x: 1 }),
      want: "OVL003 #/actions/0/target",
    },
    {
      name: "a member name RFC 9535 does not allow unquoted",
      given: action("$.x-y", { x: 1 }),
      want: "OVL003 #/actions/0/target",
    },
  ];
  test("an invalid path names the character where it stops", () => {
    const { problems } = applyOverlay(
      { info: { title: "t" } },
      [action("$.info)", { x: 1 })],
      "o.yaml",
    );
    expect(problems[0].message).toBe('invalid JSONPath "$.info)": unexpected ")" at character 7');
  });

  test("keys the library escapes (quote, backslash, newline) are matched and edited as written", () => {
    const input = { paths: { "/a'b\\c\n": { get: {} } } };
    const { document, problems } = applyOverlay(
      input,
      [action("$.paths.*.get", { "x-a": 1 })],
      "o.yaml",
    );
    expect(problems).toEqual([]);
    expect((document as Doc).paths).toEqual({ "/a'b\\c\n": { get: { "x-a": 1 } } });
  });

  const filterCases = [
    { given: "$.tags[?@.name == 'b']", want: ["a", "b+"] },
    { given: "$.tags[?(@.name == 'b')]", want: ["a", "b+"] },
    { given: "$.tags[?@.internal]", want: ["a+", "b"] },
    { given: "$.tags[1]", want: ["a", "b+"] },
  ];
  test.each(filterCases)("RFC 9535 filter $given", ({ given, want }) => {
    const input = { tags: [{ name: "a", internal: true }, { name: "b" }] };
    const { document } = applyOverlay(input, [action(given, { "x-hit": true })], "o.yaml");
    expect((document as Doc).tags.map((t: Doc) => t.name + (t["x-hit"] ? "+" : ""))).toEqual(want);
  });

  test.each(problemCases)("reports $name", ({ given, want }) => {
    const { problems } = applyOverlay({ info: { title: "t" } }, [given], "o.yaml");
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toEqual([want]);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
