// External refs policy: a `$ref` to a URL is never fetched (REF002, with or without
// allowRemoteRefs), and a file outside the root document's directory is refused (REF003) unless
// allowOutsideRefs, whichever way the ref spells it (relative, absolute, file: URL, symlink).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadSpec } from "../../../generator/load/index.js";
import type { LoadOptions } from "../../../generator/load/loaded-spec.js";
import { diagnosticLines } from "./helpers.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "clientgen-ref-policy-"));
const specDir = path.join(dir, "spec");
const outsideFile = path.join(dir, "outside.yaml");
let requests = 0;
let port = 0;
const server = createServer((_req, res) => {
  requests++;
  res.writeHead(200, { "content-type": "application/json" }).end('{"Pet": {"type": "string"}}');
});

beforeAll(async () => {
  mkdirSync(path.join(specDir, "sub"), { recursive: true });
  writeFileSync(outsideFile, "Pet: {type: string}\n");
  writeFileSync(path.join(specDir, "sub/inside.yaml"), "Pet: {type: string}\n");
  symlinkSync(outsideFile, path.join(specDir, "sub/link.yaml"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** A root document whose one schema is `{$ref: ref}`. */
function specWithRef(name: string, ref: string): string {
  const file = path.join(specDir, `${name}.yaml`);
  writeFileSync(
    file,
    `openapi: 3.1.0\ninfo: {title: Policy, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {$ref: ${JSON.stringify(ref)}}\n`,
  );
  return file;
}

/** Codes of the diagnostics a load reports. */
async function codes(file: string, options?: LoadOptions): Promise<string[]> {
  return (await diagnosticLines(file, options)).map(
    (line) => / (?:error|warning) (\w+) /.exec(line)?.[1] ?? line,
  );
}

describe("remote refs", () => {
  test.each([
    { name: "default", options: {} },
    { name: "allowRemoteRefs", options: { allowRemoteRefs: true } },
  ])("are refused and never fetched ($name)", async ({ options }) => {
    const file = specWithRef("remote", `http://127.0.0.1:${port}/schemas.json#/Pet`);
    expect(await codes(file, options)).toEqual(["REF002"]);
    const https = specWithRef("remote-https", `HTTPS://127.0.0.1:${port}/schemas.json`);
    expect(await codes(https, options)).toEqual(["REF002"]);
    expect(requests).toBe(0);
  });

  test("other URI schemes are refused as unresolved, not opened", async () => {
    expect(await codes(specWithRef("ftp", "ftp://127.0.0.1/x.yaml#/Pet"))).toEqual(["REF001"]);
  });
});

describe("refs outside the spec directory", () => {
  const spellings = [
    { name: "relative ..", ref: () => "../outside.yaml#/Pet" },
    { name: "relative through a subfolder", ref: () => "sub/../../outside.yaml#/Pet" },
    { name: "absolute path", ref: () => `${outsideFile}#/Pet` },
    { name: "file: URL", ref: () => `${pathToFileURL(outsideFile).href}#/Pet` },
    { name: "symlink inside the tree to a file outside", ref: () => "sub/link.yaml#/Pet" },
  ];
  test.each(spellings)("are refused: $name", async ({ name, ref }) => {
    const file = specWithRef(name.replace(/\W+/g, "-"), ref());
    expect(await codes(file)).toEqual(["REF003"]);
  });

  test.each(spellings)("are read with allowOutsideRefs: $name", async ({ name, ref }) => {
    const file = specWithRef(name.replace(/\W+/g, "-"), ref());
    const spec = await loadSpec(file, { allowOutsideRefs: true });
    expect(spec.diagnostics).toEqual([]);
    expect(spec.resolveRef(ref(), file)?.value).toEqual({ type: "string" });
  });

  test("a file inside the tree is fine, and resolveRef refuses outside targets too", async () => {
    const file = specWithRef("inside", "sub/inside.yaml#/Pet");
    const spec = await loadSpec(file);
    expect(spec.diagnostics).toEqual([]);
    expect(spec.resolveRef("../outside.yaml#/Pet", file)).toBeUndefined();
    expect(spec.resolveRef(`http://127.0.0.1:${port}/x.json`, file)).toBeUndefined();
    expect(requests).toBe(0);
  });
});
