import { afterEach, describe, expect, it } from "vitest";
import { serializeParams as serializeInto } from "../../templates/runtime/params.js";
import { defaultStyles, serializeCookieParam } from "../../templates/runtime/serialize.js";
import { paramStyles } from "../../templates/runtime/param-styles.js";
import { Transport } from "../../templates/runtime/transport.js";
import type { OperationSpec, ParameterSpec } from "../../templates/runtime/types.js";
import { op } from "./helpers/fixtures.js";
import { json, startServer } from "./helpers/http-server.js";
import type { TestServer } from "./helpers/http-server.js";

/** serializeParams's output split for the tables: path, query pieces, the headers it set. */
function serializeParams(spec: OperationSpec, args: Record<string, unknown>) {
  const headers: Record<string, string> = {};
  const [path, query] = serializeInto(spec, args, headers).split("?");
  return { path, query: query ? query.split("&") : [], headers };
}

/** A parameter as the runtime sends it: by the serializer its descriptor names (here default: defaultStyles). */
const serializePathParam = (param: ParameterSpec, value: unknown) =>
  (param.styles ?? defaultStyles).path(param, value);
const serializeQueryParam = (param: ParameterSpec, value: unknown) =>
  (param.styles ?? defaultStyles).query(param, value);

/**
 * Every way a parameter of `style` may be sent: by the default serializers when it is the
 * location's default (the generator names no styles then), and always through paramStyles,
 * which a descriptor names for the other styles and which must agree on the defaults.
 */
function asSent(param: ParameterSpec): ParameterSpec[] {
  const isDefault =
    !param.allowReserved &&
    (param.style === undefined || param.style === "simple" || param.style === "form");
  return isDefault
    ? [param, { ...param, styles: paramStyles }]
    : [{ ...param, styles: paramStyles }];
}

// The OpenAPI 3.1 "Style Examples" table: color = "blue" | ["blue","black","brown"] | {R:100,G:200,B:150}.
const primitive = "blue";
const array = ["blue", "black", "brown"];
const object = { R: 100, G: 200, B: 150 };

describe("path parameters (OpenAPI style examples)", () => {
  const table: [ParameterSpec["style"], boolean, string, string, string][] = [
    ["simple", false, "blue", "blue,black,brown", "R,100,G,200,B,150"],
    ["simple", true, "blue", "blue,black,brown", "R=100,G=200,B=150"],
    ["label", false, ".blue", ".blue,black,brown", ".R,100,G,200,B,150"],
    ["label", true, ".blue", ".blue.black.brown", ".R=100.G=200.B=150"],
    ["matrix", false, ";color=blue", ";color=blue,black,brown", ";color=R,100,G,200,B,150"],
    ["matrix", true, ";color=blue", ";color=blue;color=black;color=brown", ";R=100;G=200;B=150"],
  ];
  it.each(table)("%s explode=%s", (style, explode, wantPrimitive, wantArray, wantObject) => {
    for (const param of asSent({ name: "color", in: "path", style, explode })) {
      expect(serializePathParam(param, primitive)).toBe(wantPrimitive);
      expect(serializePathParam(param, array)).toBe(wantArray);
      expect(serializePathParam(param, object)).toBe(wantObject);
    }
  });

  it("percent-encodes values and keeps the delimiters", () => {
    expect(serializePathParam({ name: "id", in: "path" }, "a/b c?")).toBe("a%2Fb%20c%3F");
    expect(serializePathParam({ name: "id", in: "path" }, ["a,b", "c"])).toBe("a%2Cb,c");
  });

  it("fills the template and rejects missing path parameters before any request", () => {
    const spec = op({
      path: "/users/{userId}/posts/{postId}",
      params: [
        { name: "userId", in: "path" },
        { name: "postId", in: "path" },
      ],
    });
    expect(serializeParams(spec, { userId: 7, postId: "x y" }).path).toBe("/users/7/posts/x%20y");
    expect(() => serializeParams(spec, { userId: 7 })).toThrow(TypeError);
    expect(() => serializeParams(spec, { userId: 7 })).toThrow(
      /getThings: missing required path parameter "postId"/,
    );
    expect(() => serializeParams(spec, { userId: null, postId: 1 })).toThrow(/"userId"/);
    expect(() => serializeParams(spec, { userId: "", postId: 1 })).toThrow(/empty string/);
  });

  it("plain path parameters left out of the descriptor are read off the path template", () => {
    const spec = op({ path: "/users/{userId}/posts/{postId}" });
    expect(serializeParams(spec, { userId: 7, postId: "x/y" }).path).toBe("/users/7/posts/x%2Fy");
    expect(() => serializeParams(spec, { userId: 7 })).toThrow(
      /getThings: missing required path parameter "postId"/,
    );
    expect(() => serializeParams(spec, { userId: "", postId: 1 })).toThrow(/empty string/);
  });

  it("a plain path value is encoded without a serializer; others use the one the descriptor names", () => {
    const spec = (styles?: ParameterSpec["styles"]) =>
      op({ path: "/at/{when}", params: [{ name: "when", in: "path", styles }] });
    const when = new Date("2024-05-06T07:08:09Z");
    expect(serializeParams(spec(), { when }).path).toBe("/at/2024-05-06T07%3A08%3A09.000Z");
    expect(serializeParams(spec(), { when: true }).path).toBe("/at/true");
    expect(serializeParams(spec(defaultStyles), { when: ["a b", "c"] }).path).toBe("/at/a%20b,c");
  });

  it('an empty path value is sent when the parameter declares it (allowsEmpty: enum with "")', () => {
    const spec = op({
      path: "/paths/string/empty/{stringPath}",
      params: [{ name: "stringPath", in: "path", allowsEmpty: true }],
    });
    expect(serializeParams(spec, { stringPath: "" }).path).toBe("/paths/string/empty/");
  });
});

describe("query parameters (OpenAPI style examples)", () => {
  const table: [ParameterSpec["style"], boolean | undefined, string[], string[], string[]][] = [
    [
      "form",
      undefined,
      ["color=blue"],
      ["color=blue", "color=black", "color=brown"],
      ["R=100", "G=200", "B=150"],
    ],
    [
      "form",
      true,
      ["color=blue"],
      ["color=blue", "color=black", "color=brown"],
      ["R=100", "G=200", "B=150"],
    ],
    ["form", false, ["color=blue"], ["color=blue,black,brown"], ["color=R,100,G,200,B,150"]],
    [
      "spaceDelimited",
      false,
      ["color=blue"],
      ["color=blue%20black%20brown"],
      ["color=R%20100%20G%20200%20B%20150"],
    ],
    [
      "spaceDelimited",
      true,
      ["color=blue"],
      ["color=blue", "color=black", "color=brown"],
      ["R=100", "G=200", "B=150"],
    ],
    [
      "pipeDelimited",
      false,
      ["color=blue"],
      ["color=blue|black|brown"],
      ["color=R|100|G|200|B|150"],
    ],
    [
      "pipeDelimited",
      true,
      ["color=blue"],
      ["color=blue", "color=black", "color=brown"],
      ["R=100", "G=200", "B=150"],
    ],
    [
      "deepObject",
      true,
      ["color=blue"],
      ["color=blue", "color=black", "color=brown"],
      ["color[R]=100", "color[G]=200", "color[B]=150"],
    ],
  ];
  it.each(table)("%s explode=%s", (style, explode, wantPrimitive, wantArray, wantObject) => {
    for (const param of asSent({ name: "color", in: "query", style, explode })) {
      expect(serializeQueryParam(param, primitive)).toEqual(wantPrimitive);
      expect(serializeQueryParam(param, array)).toEqual(wantArray);
      expect(serializeQueryParam(param, object)).toEqual(wantObject);
    }
  });

  it("nests deepObject values and skips null/undefined members", () => {
    const param: ParameterSpec = {
      name: "filter",
      in: "query",
      style: "deepObject",
      explode: true,
      styles: paramStyles,
    };
    expect(
      serializeQueryParam(param, {
        status: "open",
        tags: ["a", "b"],
        owner: { id: 3 },
        gone: undefined,
        none: null,
      }),
    ).toEqual([
      "filter[status]=open",
      "filter[tags][0]=a",
      "filter[tags][1]=b",
      "filter[owner][id]=3",
    ]);
  });

  it("encodes values, Dates, booleans, JSON-content params and allowReserved", () => {
    expect(serializeQueryParam({ name: "q", in: "query" }, "a&b=c d+é")).toEqual([
      "q=a%26b%3Dc%20d%2B%C3%A9",
    ]);
    expect(
      serializeQueryParam({ name: "at", in: "query" }, new Date("2024-05-06T07:08:09Z")),
    ).toEqual(["at=2024-05-06T07%3A08%3A09.000Z"]);
    expect(serializeQueryParam({ name: "on", in: "query" }, false)).toEqual(["on=false"]);
    expect(serializeQueryParam({ name: "f", in: "query", isJson: true }, { a: [1] })).toEqual([
      "f=%7B%22a%22%3A%5B1%5D%7D",
    ]);
    expect(
      serializeQueryParam(
        { name: "p", in: "query", allowReserved: true, styles: paramStyles },
        "/a/b:c,d&e",
      ),
    ).toEqual(["p=/a/b:c,d%26e"]);
    expect(serializeQueryParam({ name: "ids", in: "query" }, [])).toEqual([]);
  });

  it("x-ms-skip-url-encoding: path and query values go as they are, '..' segments still refused", () => {
    const spec = op({
      path: "/files/{name}",
      params: [
        { name: "name", in: "path", skipsEncoding: true, styles: paramStyles },
        { name: "q1", in: "query", skipsEncoding: true, styles: paramStyles },
        { name: "q2", in: "query", styles: paramStyles },
      ],
    });
    expect(
      serializeParams(spec, { name: "path1/path2/path3", q1: "value1&q2=value2", q2: "a&b" }),
    ).toEqual({
      path: "/files/path1/path2/path3",
      query: ["q1=value1", "q2=value2", "q2=a%26b"],
      headers: {},
    });
    expect(() => serializeParams(spec, { name: "a/../b" })).toThrow(/would change the path/);
  });

  it("an empty delimited list is the empty value; tabDelimited (Swagger 2.0 tsv) joins with %09", () => {
    expect(serializeQueryParam({ name: "ids", in: "query", explode: false }, [])).toEqual(["ids="]);
    expect(
      serializeQueryParam(
        {
          name: "ids",
          in: "query",
          style: "tabDelimited",
          explode: false,
          styles: paramStyles,
        },
        ["a b", "c"],
      ),
    ).toEqual(["ids=a%20b%09c"]);
  });

  it("omits undefined and null query values, keeps empty strings", () => {
    const spec = op({
      params: [
        { name: "a", in: "query", styles: defaultStyles },
        { name: "b", in: "query", styles: defaultStyles },
        { name: "c", in: "query", styles: defaultStyles },
      ],
    });
    expect(serializeParams(spec, { a: undefined, b: null, c: "" }).query).toEqual(["c="]);
  });
});

describe("cookie and header parameters", () => {
  it("serializes cookies in form style", () => {
    expect(serializeCookieParam({ name: "id", in: "cookie" }, 5)).toEqual(["id=5"]);
    expect(serializeCookieParam({ name: "ids", in: "cookie", explode: false }, [3, 4])).toEqual([
      "ids=3,4",
    ]);
    expect(serializeCookieParam({ name: "ids", in: "cookie" }, [3, 4])).toEqual(["ids=3", "ids=4"]);
    expect(serializeCookieParam({ name: "s", in: "cookie" }, "a b;c")).toEqual(["s=a%20b%3Bc"]);
  });

  it("serializes headers in simple style without percent-encoding", () => {
    const spec = op({
      params: [
        { name: "X-Ids", in: "header", styles: defaultStyles },
        { name: "X-Obj", in: "header", explode: true, styles: defaultStyles },
        { name: "X-Plain", in: "header", styles: defaultStyles },
      ],
    });
    expect(
      serializeParams(spec, { "X-Ids": [1, 2], "X-Obj": { a: 1, b: "x y" }, "X-Plain": "a/b" })
        .headers,
    ).toEqual({ "x-ids": "1,2", "x-obj": "a=1,b=x y", "x-plain": "a/b" });
  });
});

describe("parameters on the wire", () => {
  let server: TestServer;
  afterEach(() => server?.close());

  it("sends path, query, header and cookie parameters as the server sees them", async () => {
    server = await startServer(json(200, { ok: true }));
    const transport = new Transport(
      { headers: { "X-Client": "1", Cookie: "pref=dark" } },
      { baseUrl: `${server.url}/v1/` },
    );
    const spec = op({
      path: "/items/{id}{rev}",
      params: [
        { name: "id", in: "path" },
        { name: "rev", in: "path", style: "matrix", styles: paramStyles },
        { name: "tag", in: "query", styles: defaultStyles },
        { name: "filter", in: "query", style: "deepObject", explode: true, styles: paramStyles },
        { name: "X-Trace", in: "header", styles: defaultStyles },
        { name: "session", in: "cookie", styles: defaultStyles },
        { name: "theme", in: "cookie", styles: defaultStyles },
      ],
    });
    const body = await transport.request(
      spec,
      {
        id: "a b",
        rev: 3,
        tag: ["x", "y"],
        filter: { n: 1 },
        "X-Trace": "t-1",
        session: "s1",
        theme: "blue",
      },
      { headers: { "x-client": "2" } },
    );
    expect(body).toEqual({ ok: true });
    const [seen] = server.requests;
    expect(seen.method).toBe("GET");
    expect(seen.url).toBe("/v1/items/a%20b;rev=3?tag=x&tag=y&filter[n]=1");
    expect(seen.headers["x-trace"]).toBe("t-1");
    expect(seen.headers["x-client"]).toBe("2");
    expect(seen.headers.accept).toBe("application/json");
    expect(seen.headers.cookie).toBe("pref=dark; session=s1; theme=blue");
  });
});
