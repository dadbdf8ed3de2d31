// Contract suite: every operation of every generated client, sent to Stoplight Prism serving the
// very document the client was generated from. Prism is an independent OpenAPI implementation: it
// validates each request (path, query, headers, body; not cookies) and answers from the document's
// examples (static) or from json-schema-faker (dynamic, fixed seed). The suite fails when Prism
// reports a request violation, when the client did not hand back what Prism sent, or when it threw
// instead of sending, unless the call is listed below with its reason. `npm run test:contract`.
//   CONTRACT_ONLY=tensorpool,openai   run only these specs
//   CONTRACT_VERBOSE=1                print every unexpected failure with its request and response
// Every call's request, response and outcome: test/contract/.generated/<spec>/results.json.
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generatedRoot, prepareSpec } from "./load.js";
import { startPrism, type PrismServer } from "./prism.js";
import { loadClient, planCalls, runCalls, type CallResult } from "./run.js";
import { contractSpecs, leftOut } from "./specs.js";

/** Seed for Prism's dynamic (json-schema-faker) responses, so every run sends the same bodies. */
const seed = "clientgen-contract";

type ExcuseKind = "bug" | "document" | "prism";
interface Excuse {
  kind: ExcuseKind;
  /** Tested against "<spec>:<label> <detail>" of a failing call. */
  match: RegExp;
  reason: string;
}

/**
 * Failures that are not (or not only) the client's to fix right now, by kind:
 *   bug       a bug in the generator or the runtime, reported with a reproduction in
 *             test/contract/BUGS.md (B1, B2, ...); not fixed here on purpose
 *   document  the document is wrong or leaves the behaviour undefined (broken examples are
 *             already retried with sampled values and need no entry)
 *   prism     Prism is wrong; each shown on its own in prism-quirks.contract-test.ts
 * An entry that no longer matches anything is printed as stale (not a failure).
 */
export const excuses: Excuse[] = [
  // ---- bugs in the generator or the runtime (test/contract/BUGS.md): B1-B3 are fixed -----------
  // ---- the document asks for what fetch cannot do ---------------------------------------------
  {
    kind: "document",
    match: /^hey-api-3\.[01]-full:getCallWithOptionalParam request: Body parameter is required/,
    reason:
      "a GET that requires a request body: fetch cannot send one, so the client leaves it out (BODY002 at generation)",
  },
  {
    kind: "prism",
    match: /^internal-accounting:\w+ \[text\/plain\] request\.body: Request body must be object/,
    reason:
      "a text/plain body whose schema is an object: the client sends it as JSON text (B3, fixed); Prism reads text/plain as a string and wants an object",
  },
  // ---- the document is wrong or leaves the behaviour undefined --------------------------------
  {
    kind: "document",
    match:
      /^hey-api-3\.[01]-full:getApiVApiVersionSimpleOperation .*must have required property 'foo_param'/,
    reason:
      "declares path parameter foo_param that is not in the path template /api/v{api-version}/simple:operation; Prism requires it, the client (rightly) cannot send it",
  },
  {
    kind: "document",
    match:
      /^ots-parameters-test:getEndpoint request\.path: Request path must have required property/,
    reason:
      "declares path parameters (local_param_a, local_ref_a, ...) that are not in the path template /endpoint",
  },
  {
    kind: "document",
    match:
      /^hey-api-3\.[01]-full:(complexTypes .*parameterobject\.first must be object|postCallWithOptionalParam .*parameter\.sort must be array)/,
    reason:
      "a form-style query object holding a nested object or array: OpenAPI does not define how to serialize it (the client sends the nested value as JSON text)",
  },
  {
    kind: "document",
    match:
      /^hey-api-3\.[01]-full:(putWithFormUrlEncoded request\.body: Request body must be array|uploadFile request\.body: Request body must be string)/,
    reason:
      "an application/x-www-form-urlencoded body whose schema is an array or a binary string: form bodies are objects, OpenAPI does not define these",
  },
  {
    kind: "document",
    match:
      /^hey-api-3\.[01]-full:callToTestOrderOfParams request\.query: Request query must have required property 'parameterstringwithemptydefault'/,
    reason:
      'a required query parameter whose default is "": the client sends `name=`, and allowEmptyValue (default false) forbids an empty value',
  },
  {
    kind: "document",
    match:
      /^hey-api-3\.1-full:types request\.query: Request query must have required property 'parameterobject'/,
    reason:
      "required query parameters of type [object, null] with default null: the client omits a null parameter",
  },
  {
    kind: "document",
    match:
      /^(digitalocean:dropletActionsPostByTag|hey-api-3\.[01]-full:complexParams) .*must match exactly one schema in oneOf/,
    reason:
      'the oneOf members are not exclusive ({"type":"reboot"}, {"prop":"string"} match several), so values of the first member are invalid',
  },
  {
    kind: "document",
    match:
      /^openai:createSpeech threw before sending: ConnectionError: .*Content-Length can't be present with Transfer-Encoding/,
    reason:
      "the 200 response declares a Transfer-Encoding header; Prism sends it next to Content-Length, which is not HTTP/1.1, and fetch refuses the response",
  },
  // ---- Prism (prism-quirks.contract-test.ts) ----------------------------------------------------
  {
    kind: "prism",
    match: /\[text\/json\] request\.body: Request body must be/,
    reason:
      "Prism reads a request body as JSON only for application/json and application/*+json; a text/json body (sent as JSON, as declared) is validated as a string",
  },
  {
    kind: "prism",
    match: /\[application\/xml\] request\.body: Request body must be object/,
    reason: "Prism does not parse XML request bodies: an XML document is validated as a string",
  },
  {
    kind: "prism",
    match: /^hey-api-3\.[01]-full:callWithWeirdParameterNames 404 NO_PATH_MATCHED_ERROR/,
    reason: "Prism does not route a path whose parameter names contain dots ({parameter.path.1})",
  },
  {
    kind: "prism",
    match:
      /^hey-api-3\.[01]-full:nonAsciiAAooeE request\.query: Request query must have required property 'nonasciiparam%/,
    reason:
      "Prism looks for a non-ASCII query parameter name percent-encoded, but reads the request's names decoded: it never finds it",
  },
  {
    kind: "prism",
    match: /^hey-api-transforms-read-write:\w+ 406 NOT_ACCEPTABLE/,
    reason:
      "Prism cannot mock a JSON object response declared `*/*`: 406 for Accept: application/json, 500 NO_COMPLEX_OBJECT_TEXT otherwise",
  },
  {
    kind: "prism",
    match:
      /^coverage:postBody \[(application\/x-www-form-urlencoded|multipart\/form-data)\] request\.body\.tags: Request body property tags must be array/,
    reason:
      "Prism keeps only the last of repeated form/multipart fields and splits arrays only when an encoding.style is declared: an exploded array (tags=a&tags=b) fails",
  },
  {
    kind: "prism",
    match: /^coverage:queryDelimited request\.query\.spaced\.0:/,
    reason:
      'Prism splits spaceDelimited values on the text "%20" after decoding the query, so alpha%20beta is never split',
  },
  {
    kind: "prism",
    match:
      /^(hey-api-3\.1-full:(deprecatedCall request\.header\.parameter|multipartRequest request\.body\.data)|openai:createFile request\.body\.expires_after): .* must be object/,
    reason:
      "Prism only decodes a parameter or multipart part into an object when the schema says `type: object` directly; under oneOf/anyOf (or as a multipart part) it validates the raw text",
  },
  {
    kind: "prism",
    match:
      /^hey-api-discriminator-one-of-rw:postPets request\.body\.animal: .*required property 'displayBreed'/,
    reason:
      "Prism still requires readOnly properties in a request when they sit in allOf members of a oneOf",
  },
];

const only = process.env.CONTRACT_ONLY?.split(",").map((key) => key.trim());
const verbose = process.env.CONTRACT_VERBOSE === "1";
const specs = contractSpecs.filter((spec) => !only || only.includes(spec.key));

interface Row {
  spec: string;
  mode: string;
  called: number;
  violations: number;
  parse: number;
  client: number;
  mock: number;
  excused: Record<ExcuseKind, number>;
  examples: number;
  warnings: number;
  seconds: number;
}
const rows: Row[] = [];
const used = new Set<Excuse>();
const unexpected: string[] = [];

afterAll(() => {
  const order = contractSpecs.map((spec) => spec.key);
  rows.sort((a, b) => order.indexOf(a.spec) - order.indexOf(b.spec) || (a.mode < b.mode ? 1 : -1));
  const header = [
    "spec",
    "mode",
    "operations called",
    "violations",
    "parse failures",
    "client errors",
    "mock errors",
    "known bugs",
    "document",
    "Prism",
    "examples rejected",
    "warnings",
    "s",
  ];
  const lines = [
    header,
    ...rows.map((r) =>
      [
        r.spec,
        r.mode,
        r.called,
        r.violations,
        r.parse,
        r.client,
        r.mock,
        r.excused.bug,
        r.excused.document,
        r.excused.prism,
        r.examples,
        r.warnings,
        r.seconds.toFixed(1),
      ].map(String),
    ),
  ];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const table = lines.map(
    (line) => `| ${line.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`,
  );
  table.splice(1, 0, `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  const stale = only ? [] : excuses.filter((excuse) => !used.has(excuse));
  const out = [
    "contract (Prism): violations, parse failures and client errors include the excused ones (known bugs, document, Prism);",
    "mock errors are Prism failing to build a response (not counted); examples rejected: the document's example failed Prism, retried with sampled values",
    ...table,
    ...(unexpected.length
      ? ["UNEXPECTED failures:", ...unexpected.map((line) => `  ${line}`)]
      : []),
    "excused:",
    ...excuses
      .filter((excuse) => used.has(excuse))
      .map((excuse) => `  [${excuse.kind}] ${excuse.reason}`),
    ...(stale.length
      ? [
          "stale excuses (matched nothing):",
          ...stale.map((excuse) => `  [${excuse.kind}] ${excuse.match.source}`),
        ]
      : []),
    "left out:",
    ...Object.entries(leftOut).map(([file, reason]) => `  ${file}: ${reason}`),
  ].join("\n");
  console.log(out);
  writeFileSync(path.join(generatedRoot, "summary.txt"), `${out}\n`);
});

describe("contract: generated clients against Prism", () => {
  // Two specs at a time (one Prism each): most of a small spec's time is Prism starting.
  it.concurrent.for(specs.map((spec) => [spec.key, spec] as const))(
    "%s",
    async ([, spec], { expect }) => {
      const prepared = await prepareSpec(spec);
      const client = await loadClient(prepared.clientDir);
      const { calls, problems } = planCalls(prepared.document, client);
      // `prism mock -d --seed`: dynamic by default; each call's Prefer header picks its mode.
      const server: PrismServer = await startPrism(prepared.prismDocument, { dynamic: true, seed });
      try {
        const modes = [
          { mode: "static", options: { dynamic: false } },
          { mode: "dynamic", options: { dynamic: true, seed } },
        ] as const;
        const runs = await Promise.all(
          modes.map(async ({ mode, options }) => {
            const started = Date.now();
            const results = [...problems, ...(await runCalls(client, calls, server.url, options))];
            return { mode, results, seconds: (Date.now() - started) / 1000 };
          }),
        );
        const failures: string[] = [];
        const dump: Record<string, CallResult[]> = {};
        for (const { mode, results, seconds } of runs) {
          dump[mode] = results;
          const count = (outcome: CallResult["outcome"]) =>
            results.filter((r) => r.outcome === outcome).length;
          const excused: Record<ExcuseKind, number> = { bug: 0, document: 0, prism: 0 };
          for (const r of results) {
            if (r.outcome === "ok" || r.outcome === "mock") continue;
            const line = `${spec.key}:${r.label} ${r.detail}`;
            const excuse = excuses.find((candidate) => candidate.match.test(line));
            if (excuse) {
              used.add(excuse);
              excused[excuse.kind]++;
            } else
              failures.push(
                `${spec.key}:${r.label} (${mode}) ${r.outcome}: ${r.detail}${verbose ? `\n${formatExchange(r)}` : ""}`,
              );
          }
          rows.push({
            spec: spec.key,
            mode,
            called: results.length,
            violations: count("violation"),
            parse: count("parse"),
            client: count("client"),
            mock: count("mock"),
            excused,
            examples: results.filter((r) => r.exampleRejected).length,
            warnings: results.reduce((n, r) => n + r.warnings.length, 0),
            seconds,
          });
        }
        writeFileSync(
          path.join(generatedRoot, spec.key, "results.json"),
          JSON.stringify(dump, null, 1),
        );
        unexpected.push(...failures.map((line) => line.split("\n")[0].slice(0, 400)));
        expect(failures, failures.join("\n")).toEqual([]);
      } finally {
        await server.stop();
      }
    },
  );
});

function formatExchange(result: CallResult): string {
  const exchange = result.exchange;
  if (!exchange) return "    (no request sent)";
  const { request, response } = exchange;
  return [
    `    > ${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([name, value]) => `    > ${name}: ${value}`),
    ...(request.body !== undefined ? [`    > ${request.body.slice(0, 500)}`] : []),
    ...(response
      ? [
          `    < ${response.status} ${response.headers["content-type"] ?? ""}`,
          `    < ${response.text.slice(0, 500)}`,
        ]
      : []),
  ].join("\n");
}
