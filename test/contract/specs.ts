// Which documents the contract suite runs against Prism, and why the others are left out.
import * as path from "node:path";

export const corpusDir = path.resolve("../shared/corpus/specs");

export interface ContractSpec {
  /** Short name used in tables and in the known-failure keys ("<key>:<operationId>"). */
  key: string;
  /** The document Prism serves and the client is generated from. */
  spec: string;
  overlays: string[];
  /** Committed client folder; absent: generated from `spec` into test/contract/.generated/. */
  committed?: string;
  /** `--name` for generation (createXClient). */
  name?: string;
}

const corpus = (key: string, file: string): ContractSpec => ({
  key,
  spec: path.join(corpusDir, file),
  overlays: [],
});

/** Every document the suite calls, in run order. */
export const contractSpecs: ContractSpec[] = [
  {
    key: "tensorpool",
    spec: "specs/tensorpool.yaml",
    overlays: ["specs/tensorpool.overlay.yaml"],
    committed: "generated/tensorpool",
  },
  {
    key: "tensorone",
    spec: "specs/tensorone.yaml",
    overlays: ["specs/tensorone.overlay.yaml"],
    committed: "generated/tensorone",
  },
  {
    key: "operations",
    spec: "specs/operations.yaml",
    overlays: ["specs/operations.overlay.yaml"],
    committed: "generated/operations",
  },
  // Our own document: every parameter style/explode and every request body media type once.
  { key: "coverage", spec: "test/contract/fixtures/coverage.yaml", overlays: [] },
  corpus("clerk", "clerk.yaml"),
  corpus("digitalocean", "digital-ocean-api/DigitalOcean-public.v2.yaml"),
  corpus("dutchie", "dutchie.json"),
  corpus("hey-api-3.0-full", "hey-api-features/3.0.x/full.yaml"),
  corpus("hey-api-3.1-full", "hey-api-features/3.1.x/full.yaml"),
  corpus(
    "hey-api-discriminator-allof-nested",
    "hey-api-features/3.0.x/discriminator-allof-nested.json",
  ),
  corpus(
    "hey-api-discriminator-one-of-rw",
    "hey-api-features/3.1.x/discriminator-one-of-read-write.yaml",
  ),
  corpus("hey-api-pattern-properties", "hey-api-features/3.1.x/pattern-properties.json"),
  corpus("hey-api-transforms-read-write", "hey-api-features/3.1.x/transforms-read-write.yaml"),
  corpus("internal-accounting", "internal-accounting-api.yaml"),
  corpus("oai-api-with-examples", "oai-examples/api-with-examples.yaml"),
  corpus("oai-callback-example", "oai-examples/callback-example.yaml"),
  corpus("oai-link-example", "oai-examples/link-example.yaml"),
  corpus("oai-petstore-expanded", "oai-examples/petstore-expanded.yaml"),
  corpus("oai-uspto", "oai-examples/uspto.yaml"),
  corpus("openai", "openai.yaml"),
  corpus("ots-parameters-test", "openapi-typescript-fixtures/parameters-test.yaml"),
  corpus("ots-path-item-components", "openapi-typescript-fixtures/path-item-components.yaml"),
  corpus("ots-simple-example", "openapi-typescript-fixtures/simple-example.yaml"),
  corpus("opencode", "opencode.yaml"),
];

/** Corpus documents not run, with the reason (printed by the suite). */
export const leftOut: Record<string, string> = {
  "hey-api-features/2.0.x/full.yaml":
    "Swagger 2.0, not OpenAPI 3.x (the brief asks for 3.x; the generator converts it on load, so Prism would serve a different document than the one generated from)",
  "oai-examples/uber-swagger2.yaml":
    "Swagger 2.0, not OpenAPI 3.x (the brief asks for 3.x; the generator converts it on load, so Prism would serve a different document than the one generated from)",
  "hey-api-features/*/external-shared.json": "a fragment referenced by full.yaml, not a document",
  "openapi-typescript-fixtures/_parameters-test-partial.yaml":
    "a fragment referenced by parameters-test.yaml, not a document",
  "hey-api-features/3.1.x/circular.yaml": "no operations (schemas only): nothing to call",
  "hey-api-features/3.1.x/discriminator-all-of.yaml":
    "no operations (schemas only): nothing to call",
  "hey-api-features/3.1.x/discriminator-non-string.yaml":
    "no operations (schemas only): nothing to call",
  "hey-api-features/3.1.x/schema-const.yaml": "no operations (schemas only): nothing to call",
  "openapi-typescript-fixtures/enum-root-types.yaml":
    "no operations (schemas only): nothing to call",
};
