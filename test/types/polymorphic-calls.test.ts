// Calls a user writes against an Azure-style Swagger 2.0 client compile, and wrong ones do not
// (each `@ts-expect-error` must be needed): subtypes inline where the spec names a discriminated
// base, narrowing on the discriminator, and the parameterized host's variables as client options.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { compileAlone } from "./compile.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-polymorphic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const usage = `
import { createAquariumClient, type AquariumClientOptions } from "./client/index.js";

const options: AquariumClientOptions = { account: "acme" };
const client = createAquariumClient(options);
createAquariumClient({ account: "acme", region: "us" });
// @ts-expect-error account has no default: it is required
createAquariumClient({});
// @ts-expect-error region takes only its enum's values
createAquariumClient({ account: "acme", region: "mars" });

export async function calls(): Promise<number> {
  await client.putFish({
    body: {
      fishtype: "salmon",
      length: 1,
      iswild: true,
      siblings: [
        { fishtype: "shark", length: 2, age: 6 },
        { fishtype: "goblin", length: 3, age: 1, color: "pinkish-gray" },
        { fishtype: "Fish", length: 4 },
      ],
    },
  });
  // @ts-expect-error a shark has no iswild
  await client.putFish({ body: { fishtype: "shark", length: 2, age: 6, iswild: true } });
  // @ts-expect-error a shark needs its age
  await client.putFish({ body: { fishtype: "shark", length: 2 } });
  // @ts-expect-error not a fish type
  await client.putFish({ body: { fishtype: "whale", length: 2 } });
  const fish = await client.getFish();
  switch (fish.fishtype) {
    case "shark":
    case "goblin":
      return fish.age;
    case "salmon":
      return fish.iswild ? 1 : 0;
    default:
      return fish.length;
  }
}
`;

describe("Azure-style polymorphism and parameterized hosts", () => {
  it("polymorphic-host.yaml", async () => {
    const result = await generate({
      overlays: [],
      spec: "test/fixtures/types/polymorphic-host.yaml",
    });
    const client = path.join(dir, "client");
    for (const f of result.files) {
      mkdirSync(path.dirname(path.join(client, f.path)), { recursive: true });
      writeFileSync(path.join(client, f.path), f.text);
    }
    const compiled = await compileAlone({ client }, { "usage.ts": usage });
    expect(compiled.output).toBe("");
  });
});
