import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64, encodeBase64Url } from "../../templates/runtime/base64.js";
import { delay, sleepUnlessAborted } from "../../templates/runtime/delay.js";
import { ApiError } from "../../templates/runtime/errors.js";
import { findServerMessage, readRateLimit, redact } from "../../templates/runtime/error-details.js";
import { formatFieldPath, readFieldPath } from "../../templates/runtime/field-path.js";
import { unhintedIntervalMs } from "../../templates/runtime/lro-status.js";
import { linkSignals } from "../../templates/runtime/signals.js";

describe("readFieldPath", () => {
  const body = { data: { items: [{ id: "a" }, { id: "b" }], has_next: false }, n: 0 };
  it.each([
    [["data", "items", 1, "id"], "b"],
    [["data", "has_next"], false],
    [["n"], 0],
    [[], body],
    [["data", "missing", "x"], undefined],
    [["data", "items", 5], undefined],
    [["constructor"], undefined],
    [["data", "items", "length"], 2],
  ])("%j", (path, want) => {
    expect(readFieldPath(body, path)).toEqual(want);
  });

  it("formats paths for messages", () => {
    expect(formatFieldPath(["data", "items", 0, "id"])).toBe("data.items[0].id");
    expect(formatFieldPath([])).toBe("(body)");
  });
});

describe("delay and signals", () => {
  it("delay waits, and rejects with the reason as soon as the signal aborts", async () => {
    const startedAt = Date.now();
    await delay(20);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const waiting = delay(60_000, controller.signal);
    controller.abort(new Error("now"));
    await expect(waiting).rejects.toThrow("now");
    await expect(delay(10, AbortSignal.abort())).rejects.toMatchObject({ name: "AbortError" });
  });

  it("delay never turns a wait longer than timers support into an immediate one", async () => {
    const controller = new AbortController();
    let isDone = false;
    const waiting = delay(2 ** 40, controller.signal).then(() => (isDone = true));
    await delay(20);
    expect(isDone).toBe(false);
    controller.abort(new Error("enough"));
    await expect(waiting).rejects.toThrow("enough");
  });

  it("sleepUnlessAborted passes the wait to the injected sleep", async () => {
    const waits: number[] = [];
    await sleepUnlessAborted(async (ms) => void waits.push(ms), 123, new AbortController().signal);
    expect(waits).toEqual([123]);
  });

  it("linkSignals follows its sources and times out, and dispose() detaches everything", async () => {
    const source = new AbortController();
    const linked = linkSignals([source.signal, undefined]);
    source.abort("why");
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe("why");
    expect(linked.isTimedOut).toBe(false);

    const other = new AbortController();
    const disposed = linkSignals([other.signal], 10);
    disposed.dispose();
    other.abort();
    await delay(30);
    expect(disposed.signal.aborted).toBe(false);

    const timed = linkSignals([], 5);
    await delay(30);
    expect(timed.isTimedOut).toBe(true);
    expect((timed.signal.reason as DOMException).name).toBe("TimeoutError");
  });
});

describe("base64", () => {
  it("round-trips UTF-8 and matches Node's encoders", () => {
    for (const text of ["", "a", "user:pass", "zoë:pässwörd 🚀", '{"v":1}']) {
      expect(encodeBase64(text)).toBe(Buffer.from(text).toString("base64"));
      expect(encodeBase64Url(text)).toBe(Buffer.from(text).toString("base64url"));
      expect(decodeBase64Url(encodeBase64Url(text))).toBe(text);
    }
    expect(() => decodeBase64Url("!!!")).toThrow();
  });
});

describe("error details", () => {
  it("reads the IETF combined RateLimit header", () => {
    expect(readRateLimit(new Headers({ ratelimit: "limit=100, remaining=40, reset=12" }))).toEqual({
      limit: 100,
      remaining: 40,
      reset: 12,
    });
    expect(
      readRateLimit(new Headers({ "x-ratelimit-limit": "10", "x-ratelimit-window": "60" })),
    ).toEqual({ limit: 10, window: 60 });
  });

  it("finds messages in common error shapes and truncates long ones", () => {
    expect(findServerMessage({ errors: [{ message: "first" }] })).toBe("first");
    expect(findServerMessage({ title: "Not Found", detail: "no job 7" })).toBe("no job 7");
    expect(findServerMessage({ error: "invalid_request" })).toBe("invalid_request");
    expect(findServerMessage({ code: 1 })).toBeUndefined();
    expect(findServerMessage("x".repeat(1000))?.length).toBe(300);
  });

  it("takes the Retry-After its caller parsed instead of parsing it again", () => {
    expect(readRateLimit(new Headers({ "x-ratelimit-remaining": "0" }), 1500)).toEqual({
      remaining: 0,
      retryAfterMs: 1500,
    });
    expect(readRateLimit(new Headers({ "retry-after": "3" }), 3000)).toBeUndefined();
  });

  it("redacts every kind of value by one walk, copying only what holds a key", () => {
    const key = "key-1234";
    const clean = { a: [1, "x"], d: new Date(0) };
    expect(redact(clean, [key])).toBe(clean);
    const headers = new Headers([
      ["set-cookie", `a=${key}`],
      ["set-cookie", "b=2"],
      ["x-echo", "none"],
    ]);
    const scrubbed = redact(headers, [key]);
    expect(scrubbed).not.toBe(headers);
    expect(scrubbed.getSetCookie()).toEqual(["a=[redacted]", "b=2"]);
    const quiet = new Headers({ a: "b" });
    expect(redact(quiet, [key])).toBe(quiet);
    const cause = new Error(`connect to ?key=${key}`);
    const thrown = new TypeError("fetch failed", { cause });
    expect(redact(thrown, [key])).toBe(thrown);
    expect(cause.message).toBe("connect to ?key=[redacted]");
    expect(cause.stack).not.toContain(key);
  });

  it("scrubs a key from an error message before the message is cut", () => {
    const key = "sk-live-abcdefghijkl";
    const error = new ApiError(
      {
        operationId: "getThing",
        method: "GET",
        url: "https://api.test/t",
        status: 400,
        headers: new Headers(),
        body: { message: `${"x".repeat(290)}${key}` },
      },
      [key],
    );
    expect(error.message).not.toContain(key.slice(0, 6));
    expect(error.message).toContain("x[redacted]");
  });

  it("scrubs secrets from nested bodies without touching other values", () => {
    expect(redact({ a: ["key-1234 here"], n: 1, nested: { k: "key-1234" } }, ["key-1234"])).toEqual(
      { a: ["[redacted] here"], n: 1, nested: { k: "[redacted]" } },
    );
  });
});

describe("poll intervals", () => {
  it("grow x1.5 to the cap, default cap 30 s, with up to 20% jitter", () => {
    expect([0, 1, 2, 3].map((n) => unhintedIntervalMs(n, 1000, 2000, () => 0))).toEqual([
      1000, 1500, 2000, 2000,
    ]);
    expect(unhintedIntervalMs(50, 1000, undefined, () => 0)).toBe(30_000);
    expect(unhintedIntervalMs(0, 1000, undefined, () => 0.999999)).toBe(800);
  });
});
