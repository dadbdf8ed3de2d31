// The names a generated folder binds itself (imports, runtime exports, client and options types,
// channel message types, globals its types use) against a spec that takes every one of them: each
// spec name is renamed with NAME001, the client compiles with its runtime checked too, and a renamed
// call still sends what its descriptor says. Then every emitted file is read back, and each name it
// imports or exports beside the spec's must be one the generator reserves (reserved-names.ts).
import { createServer, type IncomingHttpHeaders } from "node:http";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Api } from "../../generator/model/api.js";
import { formatDiagnostic } from "../../generator/diagnostics/diagnostic.js";
import {
  reservedMethodNames,
  reservedOptionNames,
  reservedTypeNames,
} from "../../generator/normalize/reserved-names.js";
import { generate, type GenerateResult } from "../../generator/pipeline.js";
import { compileAlone } from "../types/compile.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "clientgen-emitted-names-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Generate `spec` into tmp/<folder>; returns the result. */
async function generateInto(
  folder: string,
  spec: string,
  options: { dates?: boolean } = {},
): Promise<GenerateResult> {
  const result = await generate({ overlays: [], spec, ...options });
  for (const f of result.files) {
    mkdirSync(path.dirname(path.join(tmp, folder, f.path)), { recursive: true });
    writeFileSync(path.join(tmp, folder, f.path), f.text);
  }
  return result;
}

let clash: GenerateResult;
beforeAll(async () => {
  clash = await generateInto("clash", "test/fixtures/names/reserved-clashes.yaml", {
    dates: true,
  });
  await generateInto("auth", "test/fixtures/auth/schemes.yaml");
  await generateInto("bodies", "test/fixtures/bodies/uploads.yaml");
}, 60_000);

describe("a spec that takes the names the folder binds", () => {
  it("renames each with a NAME001 warning at its pointer", () => {
    const renames = clash.diagnostics
      .filter((d) => d.code === "NAME001")
      .map(
        (d) =>
          `${d.pointer} ${formatDiagnostic(d).match(/(?:it is named|its option is) "(\w+)"/)?.[1]}`,
      );
    expect(renames).toEqual([
      "#/servers/0/variables/timeoutMs timeoutMsInServerUrl",
      "#/paths/~1jobs/post encodeJson2",
      "#/paths/~1a/get bearerAuth2",
      "#/paths/~1b/get reviveDates2",
      "#/paths/~1c/get paramStyles2",
      "#/paths/~1d/get lroRules2",
      "#/paths/~1f/get _2fa2",
      ...[
        "SdkError",
        "StreamParseError",
        "EventStream",
        "ChannelError",
        "Channel",
        "WithResponse",
        "UntrackedOperationError",
        "LroOutcome",
        "RequestContext",
        "ApiPromise",
        "ClashClientOptions",
        "EventsServerMessage",
        "Date",
      ].map((name) => `#/components/schemas/${name} ${name}2`),
    ]);
  });

  it("compiles alone under tsc --strict, runtime checked too; index.ts exports every type", async () => {
    // Each renamed schema reaches index.ts's `export type *`, and the runtime's name stays the runtime's.
    const use = [
      'import type { Date2, EventsServerMessage2, SdkError2, ClashClientOptions2 } from "./client/index.js";',
      'import type { EventsServerMessage, ClashClientOptions } from "./client/index.js";',
      'import { SdkError } from "./client/index.js";',
      'export const schemas: [Date2, EventsServerMessage2, SdkError2, ClashClientOptions2] = [{ a: "" }, { a: "" }, { a: "" }, { a: "" }];',
      "export const message: EventsServerMessage = {};",
      'export const options: ClashClientOptions = { region: "eu" };',
      'export const isClass: boolean = new SdkError("m") instanceof Error;',
    ].join("\n");
    const compiled = await compileAlone(
      { client: path.join(tmp, "clash") },
      { "use.ts": use },
      {},
      { checksEverything: true },
    );
    expect(compiled.output).toBe("");
    expect(compiled.ok).toBe(true);
  }, 120_000);

  it("a date field stays the global Date beside a schema named Date", () => {
    const types = readFileSync(path.join(tmp, "clash/types.ts"), "utf8");
    expect(types).toMatch(/export interface Date2 \{/);
    expect(types).toMatch(/ at\?: Date;/);
    expect(types).toMatch(/ d\?: Date2;/);
  });

  it("a renamed method sends with the runtime's own auth placer and body encoder", async () => {
    const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        seen.push({ url: req.url ?? "", headers: req.headers, body });
        res.writeHead(200, { "content-type": "application/json" }).end('{"a":"x"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await build({
        bundle: true,
        entryPoints: [path.join(tmp, "clash/index.ts")],
        format: "esm",
        logLevel: "silent",
        outfile: path.join(tmp, "clash.mjs"),
        platform: "neutral",
      });
      const mod = (await import(pathToFileURL(path.join(tmp, "clash.mjs")).href)) as {
        createClashClient(o: object): Record<string, (p: object) => Promise<unknown>>;
      };
      const client = mod.createClashClient({
        apiKey: "k",
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      });
      expect(await client.bearerAuth2({})).toEqual({ a: "x" });
      expect(await client.encodeJson2({ body: { a: "b" } })).toEqual({ a: "x" });
      expect(seen.map((s) => [s.url, s.headers.authorization, s.body])).toEqual([
        ["/a", "Bearer k", ""],
        ["/jobs", "Bearer k", '{"a":"b"}'],
      ]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});

describe("server variables named like client options", () => {
  it("are the options <name>InServerUrl: timeoutMs stays the timeout, constructor is not Object", async () => {
    const result = await generateInto("hosted", "test/fixtures/names/server-variables.yaml");
    expect(result.diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([
      "NAME001 #/servers/0/variables/timeoutMs",
      "NAME001 #/servers/0/variables/constructor",
    ]);
    const use = [
      'import { createHostedClient } from "./client/index.js";',
      'createHostedClient({ port: "1", timeoutMs: 5000, timeoutMsInServerUrl: "v2", constructorInServerUrl: "k" });',
    ].join("\n");
    const compiled = await compileAlone({ client: path.join(tmp, "hosted") }, { "use.ts": use });
    expect(compiled.output).toBe("");
    const urls: string[] = [];
    const server = createServer((req, res) => {
      urls.push(req.url ?? "");
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await build({
        bundle: true,
        entryPoints: [path.join(tmp, "hosted/index.ts")],
        format: "esm",
        logLevel: "silent",
        outfile: path.join(tmp, "hosted.mjs"),
        platform: "neutral",
      });
      const mod = (await import(pathToFileURL(path.join(tmp, "hosted.mjs")).href)) as {
        createHostedClient(o: object): { ping(): Promise<unknown> };
      };
      const port = String((server.address() as AddressInfo).port);
      await mod.createHostedClient({ port, timeoutMs: 5000 }).ping();
      await mod
        .createHostedClient({ port, timeoutMsInServerUrl: "v2", constructorInServerUrl: "k" })
        .ping();
      expect(urls).toEqual(["/v1/c/ping", "/v2/k/ping"]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);

  it("the reserved option names cover ClientOptions' own keys", () => {
    const source = ts.createSourceFile(
      "types.ts",
      readFileSync("templates/runtime/types.ts", "utf8"),
      ts.ScriptTarget.Latest,
    );
    const options = source.statements.find(
      (s): s is ts.InterfaceDeclaration =>
        ts.isInterfaceDeclaration(s) && s.name.text === "ClientOptions",
    );
    const keys = options!.members.map((m) => (m.name as ts.Identifier).text);
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((key) => !reservedOptionNames.has(key))).toEqual([]);
  });
});

/** Every generated folder this test can read: the fixtures above and the committed goldens. */
function folders(): string[] {
  const goldens = readdirSync("generated").map((name) => path.join("generated", name));
  return [...["clash", "auth", "bodies"].map((name) => path.join(tmp, name)), ...goldens];
}

function sourceOf(folder: string, file: string): ts.SourceFile {
  const text = readFileSync(path.join(folder, file), "utf8");
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** Value bindings a file imports (`import { a as b }` binds b; namespaces too), type-only or not. */
function importedBindings(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
    if (!clause) continue;
    if (clause.name) names.push(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings))
      names.push(...bindings.elements.map((e) => e.name.text));
  }
  return names;
}

/** Names index.ts exports explicitly (`export { a } from`), the ones that hide a star export's. */
function exportedNames(folder: string): string[] {
  return sourceOf(folder, "index.ts").statements.flatMap((statement) =>
    ts.isExportDeclaration(statement) &&
    statement.exportClause &&
    ts.isNamedExports(statement.exportClause)
      ? statement.exportClause.elements.map((e) => e.name.text)
      : [],
  );
}

/** Type names types.ts refers to but does not declare: globals its declarations could shadow. */
function globalTypesOf(folder: string): string[] {
  const source = sourceOf(folder, "types.ts");
  const declared = new Set(
    source.statements.flatMap((s) =>
      ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) ? [s.name.text] : [],
    ),
  );
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName))
      used.add(node.typeName.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...used].filter((name) => !declared.has(name)).sort();
}

describe("every name an emitted file binds beside the spec's is reserved", () => {
  const reservedTypes = new Set(
    reservedTypeNames({ aliases: [], channels: [], name: "" } as unknown as Api),
  );
  const reservedMethods = new Set(reservedMethodNames.map((n) => n.toLowerCase()));

  it.each(folders())("%s", (folder) => {
    // functions.ts and descriptors.ts declare one binding per method name beside their imports
    // (runtime entry points are imported as `$name`, which no method name can be).
    for (const file of ["functions.ts", "descriptors.ts"]) {
      const unreserved = importedBindings(sourceOf(folder, file)).filter(
        (name) => /^[a-z]/.test(name) && !reservedMethods.has(name.toLowerCase()),
      );
      expect(unreserved, `${folder}/${file}`).toEqual([]);
    }
    const clientNames = /^(create)?\w+(Client|ClientOptions|Core)$/;
    const unreservedExports = exportedNames(folder).filter(
      (name) => !reservedTypes.has(name) && !clientNames.test(name),
    );
    expect(unreservedExports, `${folder}/index.ts`).toEqual([]);
    const globals = globalTypesOf(folder).filter((name) => !reservedTypes.has(name));
    expect(globals, `${folder}/types.ts`).toEqual([]);
  });
});
