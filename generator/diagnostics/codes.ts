// Every diagnostic code clientgen reports, with its severity, the stage that reports it and what
// it means. docs/diagnostics.md is rendered from this table and a test holds both to the codes the
// sources actually report, so neither can drift. Errors stop the run (the code would be wrong);
// warnings can be silenced by code (`silence: ["NAME001"]`, `--silence NAME001`).
import type { Severity } from "./diagnostic.js";

export interface DiagnosticCode {
  code: string;
  /** What the code means, one sentence. */
  meaning: string;
  severity: Severity;
  stage: "load" | "normalize" | "validate";
}

const codes: [code: string, severity: Severity, stage: DiagnosticCode["stage"], meaning: string][] =
  [
    ["BODY001", "warning", "normalize", "A request body has no content; it is not sent."],
    [
      "BODY002",
      "warning",
      "normalize",
      "A GET or HEAD operation declares a request body, which fetch cannot send; it is left out.",
    ],
    [
      "CHN001",
      "error",
      "normalize",
      "`x-clientgen-channels` is not a map of method names to channel descriptions.",
    ],
    [
      "CHN002",
      "error",
      "normalize",
      "A channel description cannot work: a missing path or messages, or `result: end` without an `end` message.",
    ],
    [
      "CHN003",
      "error",
      "normalize",
      "A channel close code is not `{ outcome: normal | lost | refused | error, meaning }`.",
    ],
    ["CHN004", "error", "normalize", "A channel takes the name of another client method."],
    [
      "DIA001",
      "warning",
      "normalize",
      "A vendor dialect's poller has no operation to poll, or one that cannot be polled by one id; no poller is generated.",
    ],
    [
      "DIA002",
      "warning",
      "normalize",
      "A vendor dialect's poll response has no field that tells when the operation is done; no poller is generated.",
    ],
    [
      "DIA003",
      "warning",
      "normalize",
      "A vendor dialect's items path is not an array in the response; the operation is not paginated.",
    ],
    [
      "DIA004",
      "warning",
      "normalize",
      "A vendor extension has a value clientgen cannot use (e.g. an unknown `final-state-via`); the message says what is used instead.",
    ],
    [
      "HEU001",
      "warning",
      "normalize",
      "Heuristics (opt-in) made an operation a long-running one from a status enum: check the guess.",
    ],
    [
      "HEU002",
      "warning",
      "normalize",
      "Heuristics (opt-in) made an operation paginated from its paging parameters: check the guess.",
    ],
    [
      "LOAD001",
      "error",
      "load",
      "A file cannot be read, or is not a regular file (a FIFO, a device or a folder is never opened).",
    ],
    ["LOAD002", "error", "load", "Invalid YAML."],
    ["LOAD003", "error", "load", "Invalid JSON."],
    [
      "LOAD004",
      "error",
      "load",
      "Not an OpenAPI document (no `openapi` field, or the top level is not a mapping).",
    ],
    [
      "LOAD005",
      "error",
      "load",
      "An unsupported version (clientgen reads Swagger 2.0 and OpenAPI 3.0 and 3.1).",
    ],
    [
      "LOAD006",
      "warning",
      "load",
      "Swagger 2.0 was converted to OpenAPI 3.0; pointers in other diagnostics refer to the converted document.",
    ],
    ["LOAD007", "warning", "load", "OpenAPI 3.2 is read as 3.1; 3.2-only features are ignored."],
    ["LOAD008", "error", "load", "The Swagger 2.0 document cannot be converted to OpenAPI 3.0."],
    [
      "LOAD010",
      "error",
      "load",
      "The document nests deeper than the limit (see Safety in the README).",
    ],
    [
      "LOAD011",
      "error",
      "load",
      "YAML aliases expand beyond the limit (see Safety in the README).",
    ],
    [
      "LRO001",
      "error",
      "normalize",
      "`x-clientgen-lro` lacks `poller` or an id (`id`, `ids` or `idArg`).",
    ],
    [
      "LRO002",
      "error",
      "normalize",
      "`x-clientgen-pollers` is not a map of descriptors with `operation`, `idParam` and `status`.",
    ],
    ["LRO003", "error", "normalize", "A poller names an operationId no operation has."],
    [
      "LRO004",
      "error",
      "normalize",
      "A poller's `idParam` is not a parameter of its status operation.",
    ],
    ["LRO005", "error", "normalize", "An operation names an unknown poller."],
    [
      "LRO006",
      "error",
      "normalize",
      "`x-clientgen-server-wait` lacks `flag`, `duration`, `unit` (seconds or minutes) or a numeric `default`.",
    ],
    ["LRO007", "error", "normalize", "A wait names an `until` target its poller does not have."],
    ["LRO008", "error", "normalize", "An operation's `idArg` is not one of its parameters."],
    [
      "NAME001",
      "warning",
      "normalize",
      "A type, method or argument name was taken (a reserved word, a runtime export or another name) and the generated one differs.",
    ],
    [
      "OP001",
      "warning",
      "validate",
      "Two operations share an operationId; one gets a numeric suffix.",
    ],
    ["OVL001", "error", "load", "An invalid overlay or overlay action."],
    ["OVL002", "error", "load", "An overlay target matches nothing (the spec may have changed)."],
    ["OVL003", "error", "load", "An overlay target is not a valid JSONPath (RFC 9535)."],
    [
      "PAG001",
      "error",
      "normalize",
      "`x-clientgen-pagination` cannot work (missing or contradictory fields).",
    ],
    ["PAG002", "error", "normalize", "A pagination items path is not an array in the response."],
    [
      "PAR001",
      "error",
      "normalize",
      "A parameter lacks a name or an `in` of path, query, header or cookie.",
    ],
    [
      "PAR002",
      "warning",
      "normalize",
      "A path template parameter is not declared; it is added as a required string.",
    ],
    ["PAR003", "warning", "validate", "A declared path parameter does not appear in the path."],
    [
      "PAR004",
      "warning",
      "validate",
      "A path parameter is not marked required (path parameters always are).",
    ],
    [
      "PAR005",
      "warning",
      "normalize",
      "A parameter has the same name as another argument of its method and is passed under another name.",
    ],
    [
      "REF001",
      "error",
      "load",
      "A `$ref` does not resolve (locally or in another file), or is not a string.",
    ],
    ["REF002", "error", "load", "A remote (http) `$ref`: clientgen never fetches one."],
    [
      "REF003",
      "error",
      "load",
      "A `$ref` points outside the spec's folder (allow it with `allowOutsideRefs`).",
    ],
    [
      "REF004",
      "error",
      "validate",
      "Circular references that cannot be typed (a `$ref` chain, or a schema that must contain itself).",
    ],
    [
      "REF005",
      "warning",
      "validate",
      "Keywords beside a `$ref` in OpenAPI 3.0, which ignores them.",
    ],
    [
      "REF006",
      "error",
      "normalize",
      "Schemas reference each other deeper than the limit (see Safety in the README).",
    ],
    ["SCH001", "warning", "normalize", "A schema is not an object; typed as unknown."],
    [
      "SCH002",
      "warning",
      "normalize",
      "An unsupported schema keyword (`not`, `if`/`then`/`else`, ...) is ignored, never silently typed.",
    ],
    ["SCH003", "warning", "normalize", "An unknown `type`; typed as unknown."],
    ["SCH004", "warning", "normalize", "A discriminator without `propertyName` is ignored."],
    [
      "SCH005",
      "warning",
      "normalize",
      "An enum integer beyond 2^53 cannot be represented exactly in JavaScript.",
    ],
    [
      "SCH006",
      "warning",
      "normalize",
      "`additionalProperties: false` beside allOf/oneOf/anyOf without own properties would reject every variant; it is ignored.",
    ],
    [
      "SCH007",
      "warning",
      "normalize",
      "A `type` beside a `$ref` to a schema of another type admits no value; the type is ignored.",
    ],
    [
      "SCH008",
      "warning",
      "normalize",
      "allOf parts of different types admit no value; typed as any one of them.",
    ],
    ["SEC001", "warning", "normalize", "An unsupported security scheme; requests go without it."],
    [
      "STR001",
      "error",
      "normalize",
      "`x-clientgen-stream` lacks `field`, the JSON body field that asks for the stream.",
    ],
    [
      "STR002",
      "warning",
      "normalize",
      "`x-clientgen-stream` on an operation with no event-stream or NDJSON success response is ignored.",
    ],
    [
      "STR003",
      "warning",
      "normalize",
      "An operation answers JSON or a stream and nothing names the request field that asks for the stream; the client takes the JSON answer.",
    ],
  ];

/** Every code, sorted. */
export const diagnosticCodes: readonly DiagnosticCode[] = codes.map(
  ([code, severity, stage, meaning]) => ({ code, meaning, severity, stage }),
);

const byCode = new Map(diagnosticCodes.map((d) => [d.code, d]));

/** The entry for `code`, or undefined when clientgen has no such code. */
export function diagnosticCode(code: string): DiagnosticCode | undefined {
  return byCode.get(code);
}

/** Why `code` cannot be silenced (unknown, or an error), or undefined when it can. */
export function whyNotSilenceable(code: string): string | undefined {
  const entry = byCode.get(code);
  if (entry === undefined)
    return `"${code}" is not a clientgen diagnostic code (docs/diagnostics.md lists them)`;
  if (entry.severity === "error")
    return `${code} is an error (the generated code would be wrong) and cannot be silenced`;
  return undefined;
}

/** docs/diagnostics.md, rendered from the table. */
export function diagnosticsMarkdown(): string {
  const rows = diagnosticCodes.map(
    (d) => `| \`${d.code}\` | ${d.severity} | ${d.stage} | ${d.meaning.replace(/\|/g, "\\|")} |`,
  );
  return [
    "# Diagnostics",
    "",
    "<!-- Rendered from generator/diagnostics/codes.ts; test/unit/diagnostics/codes.test.ts checks it (CLIENTGEN_UPDATE_DOCS=1 rewrites it). -->",
    "",
    "Every problem is one line: `file:line:col #/json/pointer severity CODE message (hint)`. Errors stop",
    "the run and leave the previous output untouched (the code would be wrong); warnings can be",
    'silenced by code: `options.silence: ["NAME001"]` in the config, or `--silence NAME001`.',
    "",
    "| code | severity | stage | meaning |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
