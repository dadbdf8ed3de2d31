// Deterministic synthetic OpenAPI 3.1 documents of N operations, to show how cost grows with size.
// Every resource gets list (page/limit, enum filters), create, get, update, delete and one action:
// 6 operations. Schemas (about N/4): one per resource plus a shared pool of nested objects,
// enums and discriminated unions, all linked by $refs, with nullable fields and descriptions.
//
//   node test/bench/synthetic-spec.mjs 1000 > spec.json
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** mulberry32: a small seeded PRNG, so the same N always gives the same bytes. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const nouns =
  `account invoice payment customer order shipment product price coupon refund dispute payout
transfer subscription plan meter usage cluster node volume snapshot image network firewall domain record
certificate bucket object policy role member team project environment deployment build release artifact
pipeline job runner secret token webhook event alert incident report dashboard widget query dataset
model tuning batch file vector store thread message assistant run step note task comment label
milestone board card ticket agent queue schedule calendar booking room venue seat device sensor reading`
    .split(/\s+/)
    .filter(Boolean);
const groups = [
  "billing",
  "compute",
  "storage",
  "identity",
  "analytics",
  "commerce",
  "support",
  "ml",
];
const fieldWords =
  `title summary code region zone currency amount quantity weight priority owner source target
reason note color locale timezone version revision checksum url email phone country city street postal`
    .split(/\s+/)
    .filter(Boolean);
const statusSets = [
  ["active", "inactive", "archived"],
  ["pending", "running", "succeeded", "failed", "cancelled"],
  ["draft", "open", "paid", "void", "uncollectible"],
  ["queued", "in_progress", "completed"],
];

const pascal = (s) => s.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase());

/**
 * @param {number} operations how many operations (rounded up to a multiple of 6)
 * @param {number} [seed]
 */
export function syntheticSpec(operations, seed = 42) {
  const rand = prng(seed + operations);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const resources = Math.ceil(operations / 6);
  const names = Array.from({ length: resources }, (_, i) => {
    const base = nouns[i % nouns.length];
    const round = Math.floor(i / nouns.length);
    return round === 0
      ? base
      : `${base}_${groups[round % groups.length]}${Math.floor(round / groups.length) || ""}`;
  });
  const schemas = {
    Error: {
      type: "object",
      description: "Error envelope returned by every failing call.",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "Machine readable error code." },
        message: { type: "string" },
        details: { type: ["array", "null"], items: { type: "object", additionalProperties: true } },
        request_id: { type: "string", format: "uuid" },
      },
    },
    Metadata: {
      type: "object",
      description: "Up to 50 string key/value pairs.",
      additionalProperties: { type: "string", maxLength: 500 },
    },
    PageInfo: {
      type: "object",
      required: ["has_more"],
      properties: {
        has_more: { type: "boolean" },
        next_cursor: { type: ["string", "null"] },
        total: { type: "integer", format: "int64", minimum: 0 },
      },
    },
  };
  // Shared pool: about N/4 - resources - 3 schemas: nested objects, enums, and discriminated unions.
  const poolSize = Math.max(6, Math.round(operations / 4) - resources - 3);
  const pool = [];
  for (let i = 0; i < poolSize; i++) {
    const kind = i % 6;
    const word = `${pascal(pick(fieldWords))}${pascal(nouns[(i * 7) % nouns.length])}`;
    if (kind === 0) {
      const name = `${word}Status${i}`;
      schemas[name] = {
        type: "string",
        enum: pick(statusSets),
        description: `Lifecycle state of a ${word}.`,
      };
      pool.push(name);
    } else if (kind === 5 && pool.length >= 4) {
      // A oneOf over two new variants, discriminated by `type`.
      const a = `${word}Card${i}`;
      const b = `${word}Transfer${i}`;
      for (const [variant, tag, extra] of [
        [
          a,
          "card",
          {
            last4: { type: "string", pattern: "^[0-9]{4}$" },
            brand: { type: "string", enum: ["visa", "mastercard", "amex"] },
          },
        ],
        [b, "transfer", { iban: { type: "string" }, reference: { type: ["string", "null"] } }],
      ]) {
        schemas[variant] = {
          type: "object",
          required: ["type"],
          properties: {
            type: { type: "string", enum: [tag] },
            ...extra,
            detail: { $ref: `#/components/schemas/${pick(pool)}` },
          },
        };
      }
      const name = `${word}Method${i}`;
      schemas[name] = {
        description: `Either a card or a transfer ${word}.`,
        oneOf: [{ $ref: `#/components/schemas/${a}` }, { $ref: `#/components/schemas/${b}` }],
        discriminator: {
          propertyName: "type",
          mapping: { card: `#/components/schemas/${a}`, transfer: `#/components/schemas/${b}` },
        },
      };
      pool.push(name);
      i += 2;
    } else {
      const name = `${word}${i}`;
      const properties = {};
      const required = [];
      for (let f = int(3, 7); f > 0; f--) {
        const field = `${pick(fieldWords)}_${f}`;
        const r = rand();
        properties[field] =
          r < 0.3
            ? { type: "string", description: `The ${field.replace(/_/g, " ")}.`, maxLength: 255 }
            : r < 0.45
              ? { type: ["string", "null"], format: "date-time" }
              : r < 0.6
                ? { type: "integer", format: "int32", minimum: 0 }
                : r < 0.7
                  ? { type: "number", format: "double" }
                  : r < 0.8
                    ? { type: "boolean", default: false }
                    : pool.length > 0
                      ? { $ref: `#/components/schemas/${pick(pool)}` }
                      : { type: "string" };
        if (rand() < 0.4) required.push(field);
      }
      if (pool.length > 0 && rand() < 0.5)
        properties.items = { type: "array", items: { $ref: `#/components/schemas/${pick(pool)}` } };
      schemas[name] = {
        type: "object",
        description: `A ${word} record.`,
        ...(required.length ? { required } : {}),
        properties,
      };
      pool.push(name);
    }
  }

  const paths = {};
  const errorResponses = {
    400: { $ref: "#/components/responses/BadRequest" },
    404: { $ref: "#/components/responses/NotFound" },
  };
  const idParam = {
    name: "id",
    in: "path",
    required: true,
    schema: { type: "string" },
    description: "Identifier.",
  };
  names.forEach((name, i) => {
    const Type = pascal(name);
    const group = groups[i % groups.length];
    const status = pick(statusSets);
    const base = `/v1/${group}/${name.replace(/_/g, "-")}s`;
    const ref = { $ref: `#/components/schemas/${Type}` };
    const properties = {
      id: { type: "string", readOnly: true, description: `Unique ${name} id.` },
      created_at: { type: "string", format: "date-time", readOnly: true },
      updated_at: { type: ["string", "null"], format: "date-time" },
      name: { type: "string", minLength: 1, maxLength: 200 },
      description: { type: ["string", "null"], description: `Free text about the ${name}.` },
      status: { type: "string", enum: status },
      tags: { type: "array", items: { type: "string" }, maxItems: 20 },
      metadata: { $ref: "#/components/schemas/Metadata" },
    };
    for (let k = int(1, 3); k > 0; k--)
      properties[`${pick(fieldWords)}_ref_${k}`] = { $ref: `#/components/schemas/${pick(pool)}` };
    if (rand() < 0.5)
      properties.lines = { type: "array", items: { $ref: `#/components/schemas/${pick(pool)}` } };
    if (i > 0 && rand() < 0.3)
      properties.parent = {
        anyOf: [{ $ref: `#/components/schemas/${pascal(names[int(0, i - 1)])}` }, { type: "null" }],
      };
    schemas[Type] = {
      type: "object",
      description: `A ${name.replace(/_/g, " ")}.`,
      required: ["id", "created_at", "name", "status"],
      properties,
    };
    const input = {
      type: "object",
      required: ["name"],
      properties: {
        name: properties.name,
        description: properties.description,
        tags: properties.tags,
        metadata: properties.metadata,
      },
    };
    const tag = [pascal(group)];
    const json = (schema, description) => ({
      description,
      content: { "application/json": { schema } },
    });
    paths[base] = {
      get: {
        operationId: `list${Type}s`,
        summary: `List ${name}s`,
        description: `Returns a page of ${name}s, newest first.`,
        tags: tag,
        parameters: [
          { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
          {
            name: "limit",
            in: "query",
            schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
          },
          {
            name: "status",
            in: "query",
            schema: { type: "string", enum: status },
            description: "Only this status.",
          },
          {
            name: "sort",
            in: "query",
            schema: { type: "string", enum: ["created_at", "-created_at", "name"] },
          },
          { name: "created_after", in: "query", schema: { type: "string", format: "date-time" } },
        ],
        responses: {
          200: json(
            {
              type: "object",
              required: ["data", "page_info"],
              properties: {
                data: { type: "array", items: ref },
                page_info: { $ref: "#/components/schemas/PageInfo" },
              },
            },
            "A page.",
          ),
          400: errorResponses[400],
        },
      },
      post: {
        operationId: `create${Type}`,
        summary: `Create a ${name}`,
        tags: tag,
        requestBody: { required: true, content: { "application/json": { schema: input } } },
        responses: { 201: json(ref, "Created."), ...errorResponses },
      },
    };
    paths[`${base}/{id}`] = {
      parameters: [idParam],
      get: {
        operationId: `get${Type}`,
        summary: `Get a ${name}`,
        tags: tag,
        responses: { 200: json(ref, "Found."), ...errorResponses },
      },
      patch: {
        operationId: `update${Type}`,
        summary: `Update a ${name}`,
        tags: tag,
        requestBody: {
          required: true,
          content: { "application/json": { schema: { ...input, required: [] } } },
        },
        responses: { 200: json(ref, "Updated."), ...errorResponses },
      },
      delete: {
        operationId: `delete${Type}`,
        summary: `Delete a ${name}`,
        tags: tag,
        responses: { 204: { description: "Deleted." }, ...errorResponses },
      },
    };
    paths[`${base}/{id}/archive`] = {
      post: {
        operationId: `archive${Type}`,
        summary: `Archive a ${name}`,
        tags: tag,
        parameters: [
          idParam,
          { name: "Idempotency-Key", in: "header", schema: { type: "string" } },
        ],
        responses: {
          200: json(ref, "Archived."),
          409: json({ $ref: "#/components/schemas/Error" }, "Already archived."),
          ...errorResponses,
        },
      },
    };
  });

  return {
    openapi: "3.1.0",
    info: {
      title: `Synthetic ${operations}`,
      version: "1.0.0",
      description: `Synthetic API with ${resources * 6} operations.`,
    },
    servers: [{ url: "https://api.example.com" }],
    security: [{ bearer: [] }],
    tags: groups.map((g) => ({ name: pascal(g) })),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      responses: {
        BadRequest: {
          description: "Bad request.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
        NotFound: {
          description: "Not found.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
      schemas,
    },
  };
}

/** Write the spec for N operations to file; returns its size in bytes and counts. */
export function writeSyntheticSpec(operations, file) {
  const spec = syntheticSpec(operations);
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  writeFileSync(file, text);
  const ops = Object.values(spec.paths).reduce(
    (n, p) => n + Object.keys(p).filter((k) => k !== "parameters").length,
    0,
  );
  return {
    bytes: Buffer.byteLength(text),
    operations: ops,
    schemas: Object.keys(spec.components.schemas).length,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.stdout.write(
    `${JSON.stringify(syntheticSpec(Number(process.argv[2] ?? 1000)), null, 2)}\n`,
  );
}
