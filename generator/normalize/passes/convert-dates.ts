// The `dates` option: `format: date-time` strings become `Date` in the client, both ways. Request
// values serialise themselves (Date#toJSON, and the runtime writes query and path Dates as ISO
// strings); responses are revived by the runtime from per-operation plans (emit/views/date-plans.ts).
import type { Api, Operation } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { mapChildren } from "./map-schema.js";

export function convertDates(api: Api): Api {
  const convert = (schema: Schema): Schema => {
    const mapped = mapChildren(schema, convert);
    return mapped.kind === "string" && mapped.format === "date-time"
      ? { ...mapped, kind: "date" }
      : mapped;
  };
  const operations = api.operations.map((op): Operation => ({
    ...op,
    parameters: op.parameters.map((p) => ({ ...p, schema: convert(p.schema) })),
    requestBody: op.requestBody && { ...op.requestBody, schema: convert(op.requestBody.schema) },
    responses: op.responses.map((r) => ({ ...r, schema: r.schema && convert(r.schema) })),
  }));
  return {
    ...api,
    operations,
    schemas: api.schemas.map((s) => ({ ...s, schema: convert(s.schema) })),
  };
}
