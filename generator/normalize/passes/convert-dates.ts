// The `dates` option: `format: date-time` strings become `Date` in the client, both ways. Request
// values serialise themselves (Date#toJSON, and the runtime writes query and path Dates as ISO
// strings); responses are revived by the runtime from per-operation plans (emit/views/date-plans.ts).
import type { Api, Operation } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";

export function convertDates(api: Api): Api {
  const convert = (schema: Schema): Schema => {
    switch (schema.kind) {
      case "string":
        return schema.format === "date-time" ? { ...schema, kind: "date" } : schema;
      case "array":
        return { ...schema, items: convert(schema.items) };
      case "tuple":
        return { ...schema, items: schema.items.map(convert), rest: schema.rest && convert(schema.rest) };
      case "object":
        return {
          ...schema,
          additional: typeof schema.additional === "object" ? convert(schema.additional) : schema.additional,
          properties: schema.properties.map((p) => ({ ...p, schema: convert(p.schema) })),
        };
      case "union":
        return { ...schema, variants: schema.variants.map(convert) };
      case "intersection":
        return { ...schema, parts: schema.parts.map(convert) };
      default:
        return schema;
    }
  };
  const operations = api.operations.map((op): Operation => ({
    ...op,
    parameters: op.parameters.map((p) => ({ ...p, schema: convert(p.schema) })),
    requestBody: op.requestBody && { ...op.requestBody, schema: convert(op.requestBody.schema) },
    responses: op.responses.map((r) => ({ ...r, schema: r.schema && convert(r.schema) })),
  }));
  return { ...api, operations, schemas: api.schemas.map((s) => ({ ...s, schema: convert(s.schema) })) };
}
