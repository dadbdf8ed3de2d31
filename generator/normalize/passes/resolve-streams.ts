// Decides how each operation with a stream response (SSE, NDJSON) is called: always streaming,
// or streaming when a JSON body field asks for it (OpenAI's `stream: true`), read from
// x-clientgen-stream or, failing that, a boolean `stream` property of the body.
import type { Api, Operation, Response } from "../../model/api.js";
import type { Schema } from "../../model/schema.js";
import { report, type NormalizeContext } from "../context.js";
import { schemaAtPath } from "./schema-lookup.js";

/** The body field most APIs use to ask for a stream. */
const CONVENTIONAL_FIELD = "stream";

export function resolveStreams(ctx: NormalizeContext, api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s.schema]));
  return { ...api, operations: api.operations.map((op) => resolveOperation(ctx, op, byId)) };
}

export function isStreamResponse(response: Response): boolean {
  return response.kind === "sse" || response.kind === "ndjson";
}

function resolveOperation(
  ctx: NormalizeContext,
  op: Operation,
  byId: Map<string, Schema>,
): Operation {
  const responses = withoutErrorStreams(op.responses);
  const streams = responses.filter(isStreamResponse);
  // At the extension when the spec has one, else at the operation: a pointer to a key the document
  // lacks makes the position lookup re-parse the whole file (about 1 s on a 2 MB spec).
  const pointer = op.streamField === undefined ? op.pointer : `${op.pointer}/x-clientgen-stream`;
  const where = { file: ctx.spec.file, pointer };
  if (streams.length === 0) {
    if (op.streamField !== undefined)
      report(
        ctx,
        where,
        "warning",
        "STR002",
        `${op.id} declares no text/event-stream or NDJSON success response; x-clientgen-stream is ignored`,
      );
    return { ...op, responses, streamField: undefined };
  }
  const hasOtherSuccess = responses.some(
    (r) => r.status.startsWith("2") && !isStreamResponse(r) && r.kind !== "empty",
  );
  if (!hasOtherSuccess) return { ...op, responses, streamField: undefined };
  // A field of an object body: JSON, or the fields of a multipart or urlencoded form.
  const body =
    op.requestBody && op.requestBody.kind !== "binary" && op.requestBody.kind !== "text"
      ? op.requestBody.schema
      : undefined;
  const field =
    op.streamField ??
    (body && schemaAtPath(body, [CONVENTIONAL_FIELD], byId)?.kind === "boolean"
      ? CONVENTIONAL_FIELD
      : undefined);
  if (field === undefined || body === undefined) {
    report(
      ctx,
      where,
      "warning",
      "STR003",
      `${op.id} answers JSON or a stream, but nothing says which request asks for the stream; the client takes the JSON answer. Name the JSON body field with x-clientgen-stream: { field: <name> } in an overlay`,
    );
    return {
      ...op,
      responses: responses.filter((r) => !isStreamResponse(r)),
      streamField: undefined,
    };
  }
  return { ...op, responses, streamField: field };
}

/** A stream offered for an error status is read like any error body (text or JSON), not streamed. */
function withoutErrorStreams(responses: Response[]): Response[] {
  return responses.flatMap((r): Response[] => {
    if (r.status.startsWith("2") || !isStreamResponse(r)) return [r];
    const hasOther = responses.some((o) => o !== r && o.status === r.status);
    return hasOther ? [] : [{ ...r, kind: "text", schema: { kind: "string" } }];
  });
}
