// The calls a user writes for each class of issue 19 compile against the generated client: request
// bodies and parameters accept every value the spec allows, responses narrow as the spec says, and
// wrong calls are still errors (each `@ts-expect-error` must be needed, or tsc fails).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics/diagnostic.js";
import { generate } from "../../generator/pipeline.js";
import { compileAlone } from "./compile.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-satisfiable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const usage = `
import { createSatisfiableClient } from "./client/index.js";

const client = createSatisfiableClient({ baseUrl: "http://127.0.0.1:1" });

export async function calls(): Promise<string> {
  // writeOnly without readOnly: the request body keeps the field, the response leaves it out.
  const login = await client.createLogin({ body: { user: "ada", password: "secret" } });
  const user: string = login.user;
  // @ts-expect-error a writeOnly field never comes back
  void login.password;
  // @ts-expect-error the writeOnly field is still required in the request
  await client.createLogin({ body: { user: "ada" } });

  // A writeOnly parameter schema, and the Writable view of an allOf with a readOnly-only base.
  const thing = await client.createThing({ token: "t", body: { kind: "box" } });
  const id: string | undefined = thing.id;
  // @ts-expect-error kind is required
  await client.createThing({ token: "t", body: {} });

  // additionalProperties: false beside oneOf: each variant is a valid body.
  await client.createChoice({ body: { name: "n" } });
  await client.createChoice({ body: { id: 1 } });
  // @ts-expect-error neither variant
  await client.createChoice({ body: { name: 1 } });

  // Discriminator variants declaring the tag as an enum narrow on it.
  const message = await client.getMessage();
  const text = message.type === "pair" ? message.request : message.type === "single" ? String(message.value) : message.request;
  switch (message.type) {
    case "pair":
    case "pair_v2":
      void message.request;
      break;
    default:
      void message.value;
  }
  const event = await client.getEvent();
  const when = event.type === "start" ? event.startedAt : String(event.code);

  // type: object beside a $ref to an array: the array is what is sent.
  await client.createHolder({ body: { names: ["a", "b"] } });
  // @ts-expect-error not an array
  await client.createHolder({ body: { names: { a: 1 } } });

  return [user, id, text, when].join();
}
`;

describe("calls a user writes compile for every class of issue 19", () => {
  it("satisfiable.yaml", async () => {
    const result = await generate({ overlays: [], spec: "test/fixtures/types/satisfiable.yaml" });
    expect(result.diagnostics.map(formatDiagnostic).map((l) => l.replace(/^\S+ /, ""))).toEqual([
      "#/components/schemas/Choice/additionalProperties warning SCH006 additionalProperties: false beside allOf/oneOf/anyOf without properties of its own would reject every variant's properties; ignored",
      '#/components/schemas/Holder/properties/names/type warning SCH007 type "object" beside a $ref to a schema of type "array" admits no value; the type and its keywords are ignored',
    ]);
    const client = path.join(dir, "client");
    for (const f of result.files) {
      mkdirSync(path.dirname(path.join(client, f.path)), { recursive: true });
      writeFileSync(path.join(client, f.path), f.text);
    }
    const compiled = await compileAlone({ client }, { "usage.ts": usage });
    expect(compiled.output).toBe("");
  });
});
