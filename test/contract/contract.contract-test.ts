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
  {
    kind: "bug",
    match: /^(opencode:(globalEvent|vcsDiffRaw)|digitalocean:(invoicesGetCsvByUUID|invoicesGetPdfByUUID|kubernetesGetKubeconfig)) .*406 NOT_ACCEPTABLE/,
    reason: "B1: Accept is application/json whenever any response is JSON, even when the success response is text/event-stream, text/plain, text/csv, application/pdf or application/yaml",
  },
  {
    kind: "bug",
    match: /^hey-api-transforms-read-write:\w+ 406 NOT_ACCEPTABLE/,
    reason: "B1 (and Prism): the 200 response is declared `*/*`; the client still sends Accept: application/json (Prism does not let a declared */* satisfy it)",
  },
  {
    kind: "bug",
    match: /^hey-api-3\.[01]-full:getCallWithOptionalParam threw before sending: ConnectionError: .*GET\/HEAD method cannot have body/,
    reason: "B2: a GET operation with a requestBody sends the body; fetch refuses, and the runtime reports that TypeError as a ConnectionError (and would retry it)",
  },
  {
    kind: "document",
    match: /^hey-api-3\.[01]-full:getApiVApiVersionSimpleOperation .*must have required property 'foo_param'/,
    reason: "declares path parameter foo_param that is not in the path template /api/v{api-version}/simple:operation; Prism requires it, the client (rightly) cannot send it",
  },
  {
    kind: "document",
    match: /^hey-api-3\.[01]-full:complexTypes .*parameterobject\.first must be object/,
    reason: "a form-style query object with a nested object property: OpenAPI does not define how to serialize it (the client sends the nested value as JSON text)",
  },
  {
    kind: "document",
    match: /^digitalocean:dropletActionsPostByTag .*must match exactly one schema in oneOf/,
    reason: "the body's oneOf members are not exclusive ({\"type\":\"reboot\"} matches several), so no value of the first member is valid",
  },
  {
    kind: "document",
    match: /^openai:createSpeech threw before sending: ConnectionError: .*Content-Length can't be present with Transfer-Encoding/,
    reason: "the 200 response declares a Transfer-Encoding header; Prism sends it next to Content-Length, which is not HTTP/1.1, and fetch refuses the response",
  },
  {
    kind: "prism",
    match: /\[text\/json\] request\.body: Request body must be/,
    reason: "Prism reads a request body as JSON only for application/json and application/*+json; a text/json body (sent as JSON, as declared) is validated as a string",
  },
  {
    kind: "prism",
    match: /^hey-api-3\.[01]-full:callWithWeirdParameterNames 404 NO_PATH_MATCHED_ERROR/,
    reason: "Prism does not route a path whose parameter names contain dots ({parameter.path.1})",
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
  const header = ["spec", "mode", "operations called", "violations", "parse failures", "client errors", "mock errors", "known bugs", "document", "Prism", "examples rejected", "warnings", "s"];
  const lines = [
    header,
    ...rows.map((r) =>
      [r.spec, r.mode, r.called, r.violations, r.parse, r.client, r.mock, r.excused.bug, r.excused.document, r.excused.prism, r.examples, r.warnings, r.seconds.toFixed(1)].map(String),
    ),
  ];
  const widths = header.map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const table = lines.map((line) => `| ${line.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`);
  table.splice(1, 0, `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  const stale = only ? [] : excuses.filter((excuse) => !used.has(excuse));
  const out = [
    "contract (Prism): violations, parse failures and client errors include the excused ones (known bugs, document, Prism);",
    "mock errors are Prism failing to build a response (not counted); examples rejected: the document's example failed Prism, retried with sampled values",
    ...table,
    ...(unexpected.length ? ["UNEXPECTED failures:", ...unexpected.map((line) => `  ${line}`)] : []),
    "excused:",
    ...excuses.filter((excuse) => used.has(excuse)).map((excuse) => `  [${excuse.kind}] ${excuse.reason}`),
    ...(stale.length ? ["stale excuses (matched nothing):", ...stale.map((excuse) => `  [${excuse.kind}] ${excuse.match.source}`)] : []),
    "left out:",
    ...Object.entries(leftOut).map(([file, reason]) => `  ${file}: ${reason}`),
  ].join("\n");
  console.log(out);
  writeFileSync(path.join(generatedRoot, "summary.txt"), `${out}\n`);
});

describe("contract: generated clients against Prism", () => {
  // Two specs at a time (one Prism each): most of a small spec's time is Prism starting.
  it.concurrent.for(specs.map((spec) => [spec.key, spec] as const))("%s", async ([, spec], { expect }) => {
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
        const count = (outcome: CallResult["outcome"]) => results.filter((r) => r.outcome === outcome).length;
        const excused: Record<ExcuseKind, number> = { bug: 0, document: 0, prism: 0 };
        for (const r of results) {
          if (r.outcome === "ok" || r.outcome === "mock") continue;
          const line = `${spec.key}:${r.label} ${r.detail}`;
          const excuse = excuses.find((candidate) => candidate.match.test(line));
          if (excuse) {
            used.add(excuse);
            excused[excuse.kind]++;
          } else failures.push(`${spec.key}:${r.label} (${mode}) ${r.outcome}: ${r.detail}${verbose ? `\n${formatExchange(r)}` : ""}`);
        }
        rows.push({
          spec: spec.key, mode, called: results.length, violations: count("violation"), parse: count("parse"), client: count("client"),
          mock: count("mock"), excused, examples: results.filter((r) => r.exampleRejected).length,
          warnings: results.reduce((n, r) => n + r.warnings.length, 0), seconds,
        });
      }
      writeFileSync(path.join(generatedRoot, spec.key, "results.json"), JSON.stringify(dump, null, 1));
      unexpected.push(...failures.map((line) => line.split("\n")[0].slice(0, 400)));
      expect(failures, failures.join("\n")).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

function formatExchange(result: CallResult): string {
  const exchange = result.exchange;
  if (!exchange) return "    (no request sent)";
  const { request, response } = exchange;
  return [
    `    > ${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([name, value]) => `    > ${name}: ${value}`),
    ...(request.body !== undefined ? [`    > ${request.body.slice(0, 500)}`] : []),
    ...(response ? [`    < ${response.status} ${response.headers["content-type"] ?? ""}`, `    < ${response.text.slice(0, 500)}`] : []),
  ].join("\n");
}
