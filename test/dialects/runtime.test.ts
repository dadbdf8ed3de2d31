// Runtime pieces the dialects added, unit by unit: Link header parsing, same-origin resolution,
// spec retry policies (status lists, connection errors), negative field-path indices.
import { describe, expect, it } from "vitest";
import { nextLinkOf, resolveSameOrigin } from "../../templates/runtime/follow-url.js";
import { readFieldPath } from "../../templates/runtime/field-path.js";
import { isRetryable } from "../../templates/runtime/retry.js";
import { op } from "../runtime/helpers/fixtures.js";

describe("nextLinkOf (RFC 8288)", () => {
  it.each([
    ['<https://a.test/x?page=2>; rel="next"', "https://a.test/x?page=2"],
    ['</p1>; rel="prev", </p3>; rel="next"', "/p3"],
    ["</p3>; rel=next", "/p3"],
    ['</p3>; rel="last next"', "/p3"],
    ['</p1>; rel="prev"', undefined],
    ["", undefined],
  ])("%s", (header, want) => {
    expect(nextLinkOf(header)).toBe(want);
  });
});

describe("resolveSameOrigin", () => {
  it("keeps same-origin and relative links (relative to the base URL's path)", () => {
    expect(resolveSameOrigin("operations/1", "https://a.test/v1", "link", "op")).toBe(
      "https://a.test/v1/operations/1",
    );
    expect(resolveSameOrigin("/x?y=1", "https://a.test/v1/", "link", "op")).toBe(
      "https://a.test/x?y=1",
    );
    expect(resolveSameOrigin("https://a.test/v1/p2", "https://a.test/v1", "link", "op")).toBe(
      "https://a.test/v1/p2",
    );
  });

  it.each([
    "https://evil.test/v1/p2",
    "//evil.test/p2",
    "http://a.test/v1/p2",
    "https://a.test:8443/p2",
  ])("refuses %s", (link) => {
    expect(() =>
      resolveSameOrigin(link, "https://a.test/v1", "next page link", "listThings"),
    ).toThrow(/refusing to follow the next page link/);
  });
});

describe("OperationSpec.retry", () => {
  const get = op({ retry: { statusCodes: ["5XX", "429"] } });
  it("statusCodes replaces the default set for idempotent calls", () => {
    expect(isRetryable(get, get.retry, { status: 501 })).toBe(true);
    expect(isRetryable(get, get.retry, { status: 408 })).toBe(false);
  });
  it("a non-idempotent call still retries only when the server did not act", () => {
    const post = op({ method: "POST", retry: { statusCodes: ["5XX"] } });
    expect(isRetryable(post, post.retry, { status: 500 })).toBe(false);
  });
  it("isConnectionRetried: false stops network and timeout retries", () => {
    const strict = op({ retry: { isConnectionRetried: false } });
    expect(isRetryable(strict, strict.retry, { isNotSent: true })).toBe(false);
    expect(isRetryable(strict, strict.retry, {})).toBe(false);
    expect(isRetryable(op(), undefined, {})).toBe(true);
  });
});

describe("readFieldPath", () => {
  it("negative indices count from the end of arrays", () => {
    expect(readFieldPath({ a: [{ id: 1 }, { id: 2 }] }, ["a", -1, "id"])).toBe(2);
    expect(readFieldPath({ a: [] }, ["a", -1, "id"])).toBeUndefined();
  });
});
