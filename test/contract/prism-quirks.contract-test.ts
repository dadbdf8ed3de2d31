// Where Prism 5.16 itself disagrees with OpenAPI, each shown with a raw request (no client), so
// the excuses of the contract suite are backed by evidence. The tests assert Prism's current
// (wrong) behaviour: when one starts failing, Prism was fixed and its excuse can go.
// Plus two sanity checks of the harness: a wrong request and a misread response are caught.
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareSpec } from "./load.js";
import { parseViolations, startPrism, type PrismServer } from "./prism.js";
import { loadClient, planCalls, runCalls } from "./run.js";

const quirks = path.resolve("test/contract/fixtures/prism-quirks.yaml");

describe("Prism quirks (minimal reproductions)", () => {
  let prism: PrismServer;
  beforeAll(async () => {
    prism = await startPrism(quirks);
  });
  afterAll(() => prism.stop());

  /** Violations from the header, or (no 422 in the document) from Prism's problem+json body. */
  const violationsOf = async (response: Response): Promise<{ message: string }[]> => {
    const header = parseViolations(response.headers.get("sl-violations")).filter(
      (v) => v.severity === "Error",
    );
    if (header.length > 0) return header;
    const text = await response.text();
    return text.startsWith("{")
      ? ((JSON.parse(text) as { validation?: { message: string }[] }).validation ?? [])
      : [];
  };

  it("reads a text/json request body as a string, not JSON", async () => {
    const response = await fetch(`${prism.url}/text-json`, {
      method: "POST",
      headers: { "Content-Type": "text/json" },
      body: JSON.stringify({ a: 1 }),
    });
    expect(response.status).toBe(422);
    expect((await violationsOf(response)).map((v) => v.message)).toContain(
      "Request body must be object",
    );
  });

  it("does not route a path whose parameter name has a dot ({param.one})", async () => {
    const response = await fetch(`${prism.url}/dotted/value`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("NO_PATH_MATCHED_ERROR");
  });

  it("rejects a one-item exploded query array when the schema is anyOf [array, null]", async () => {
    // OpenAPI form/explode: ["a"] is `files=a`; Prism only wraps a lone value when type is array.
    const one = await fetch(`${prism.url}/nullable-array?files=a`);
    expect((await violationsOf(one)).map((v) => v.message)).toContain(
      "Request query parameter files must be array",
    );
    const two = await fetch(`${prism.url}/nullable-array?files=a&files=b`);
    expect(two.status).toBe(200);
  });

  it("cannot mock a JSON object response declared */*: 406 for Accept: application/json, else 500", async () => {
    const response = await fetch(`${prism.url}/any-media`, {
      headers: { Accept: "application/json" },
    });
    expect(response.status).toBe(406);
    const wildcard = await fetch(`${prism.url}/any-media`, { headers: { Accept: "*/*" } });
    expect(wildcard.status).toBe(500);
    expect(await wildcard.text()).toContain("NO_COMPLEX_OBJECT_TEXT");
  });

  it("splits spaceDelimited on the text %20 after decoding, so words=a%20b is one item", async () => {
    const response = await fetch(`${prism.url}/space-delimited?words=a%20b`);
    expect((await violationsOf(response)).map((v) => v.message).join()).toContain(
      "must be equal to one of the allowed values",
    );
  });

  it("reads an exploded form array (tags=a&tags=b) as its last value only", async () => {
    const body = "tags=a&tags=b";
    const response = await fetch(`${prism.url}/form-body`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    expect((await violationsOf(response)).map((v) => v.message)).toContain(
      "Request body property tags must be array",
    );
  });

  it("does not decode a header object (simple: x,1) when the schema is oneOf [object, null]", async () => {
    const response = await fetch(`${prism.url}/nullable-object-header`, {
      headers: { "X-Point": "x,1" },
    });
    expect((await violationsOf(response)).map((v) => v.message)).toContain(
      "Request header parameter x-point must be object",
    );
  });

  it("does not validate cookie parameters (a missing required cookie passes)", async () => {
    const response = await fetch(`${prism.url}/cookie`);
    expect(response.status).toBe(200);
    expect(await violationsOf(response)).toEqual([]);
  });
});

describe("Prism crash", () => {
  it("exits on a path parameter holding an array of two items (simple style: ids=a,b)", async () => {
    const prism = await startPrism(quirks);
    try {
      const one = await fetch(`${prism.url}/items/a`);
      expect(one.status).toBe(200);
      const error = await fetch(`${prism.url}/items/a,b`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TypeError); // connection reset: the server process died
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(prism.log()).toContain("value.split is not a function");
    } finally {
      await prism.stop();
    }
  });
});

describe("contract harness sanity", () => {
  it("reports a violation for a wrongly serialized parameter and a parse failure for a misread body", async () => {
    const prepared = await prepareSpec({
      key: "coverage-sanity",
      spec: "test/contract/fixtures/coverage.yaml",
      overlays: [],
    });
    const client = await loadClient(prepared.clientDir);
    const { calls } = planCalls(prepared.document, client);
    const form = calls.find((call) => call.label === "queryForm");
    const text = calls.find((call) => call.label === "getText");
    expect(form && text).toBeTruthy();
    // Arrays sent as arr=alpha,beta where the document says form/explode (arr=alpha&arr=beta).
    const wrongStyle = {
      ...form!,
      label: "wrong-style",
      variant: {
        ...form!.op,
        params: (form!.op.params ?? []).map((p) =>
          p.name === "arr" ? { ...p, explode: false } : p,
        ),
      },
    };
    // A text/plain body read as JSON (Accept set by hand, or Prism would answer 406).
    const wrongKind = {
      ...text!,
      label: "wrong-kind",
      headers: { Accept: "text/plain" },
      variant: { ...text!.op, responses: [{ status: "200", kind: "json" as const }] },
    };
    const prism = await startPrism(prepared.prismDocument);
    try {
      const [style, kind] = await runCalls(client, [wrongStyle, wrongKind], prism.url, {
        dynamic: false,
      });
      expect(style.outcome).toBe("violation");
      expect(style.detail).toContain("request.query.arr");
      expect(kind.outcome).toBe("parse");
    } finally {
      await prism.stop();
    }
  });
});
