import { afterEach, describe, expect, it } from "vitest";
import { PagePromise } from "../../templates/runtime/paginate.js";
import { Transport } from "../../templates/runtime/transport.js";
import { paginate } from "../../templates/runtime/call-paginate.js";
import type { PaginationSpec } from "../../templates/runtime/types.js";
import { defaultStyles } from "../../templates/runtime/serialize.js";
import { op } from "./helpers/fixtures.js";
import { startServer } from "./helpers/http-server.js";
import type { Reply, TestServer } from "./helpers/http-server.js";

let server: TestServer;
afterEach(() => server?.close());

/** Items 1..7 (or `total`), served by a function of the query. */
function listing(page: (query: URLSearchParams) => unknown): Reply {
  return (res, req) => {
    const query = new URL(req.url, "http://x").searchParams;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(page(query)));
  };
}
const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from) }, (_, index) => from + index);

const spec = op({
  id: "listThings",
  params: ["page", "per_page", "cursor", "offset", "limit", "q"].map((name) => ({
    name,
    in: "query" as const,
    styles: defaultStyles,
  })),
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const pageStyles: [string, PaginationSpec, Reply, Record<string, unknown>][] = [
  [
    "page + hasNextPath",
    { style: "page", itemsPath: ["data"], pageParam: "page", hasNextPath: ["meta", "has_next"] },
    listing((query) => {
      const page = Number(query.get("page") ?? 1);
      return { data: range(page * 2 - 1, page * 2 + 1), meta: { has_next: page < 3 } };
    }),
    {},
  ],
  [
    "page + totalPagesPath",
    {
      style: "page",
      itemsPath: ["data"],
      pageParam: "page",
      totalPagesPath: ["total_pages"],
      firstPage: 0,
    },
    listing((query) => {
      const page = Number(query.get("page") ?? 0);
      return { data: range(page * 2 + 1, page * 2 + 3), total_pages: 3 };
    }),
    {},
  ],
  [
    "page + totalPath with limit",
    {
      style: "page",
      itemsPath: ["results"],
      pageParam: "page",
      totalPath: ["count"],
      limitParam: "per_page",
    },
    listing((query) => {
      const page = Number(query.get("page") ?? 1);
      return { results: range(page * 2 - 1, Math.min(page * 2 + 1, 7)), count: 6 };
    }),
    { per_page: 2 },
  ],
  [
    "cursor",
    { style: "cursor", itemsPath: ["items"], cursorParam: "cursor", nextCursorPath: ["next"] },
    listing((query) => {
      const cursor = query.get("cursor");
      if (cursor === null) return { items: [1, 2], next: "c2" };
      return cursor === "c2" ? { items: [3, 4], next: "c3" } : { items: [5, 6], next: null };
    }),
    {},
  ],
  [
    "offset",
    {
      style: "offset",
      itemsPath: ["rows"],
      offsetParam: "offset",
      limitParam: "limit",
      totalPath: ["total"],
    },
    listing((query) => {
      const offset = Number(query.get("offset") ?? 0);
      return { rows: range(offset + 1, Math.min(offset + 3, 7)), total: 6 };
    }),
    { limit: 2 },
  ],
];

describe.each(pageStyles)("%s", (_, paging, reply, args) => {
  it("iterates every item across 3 pages, fetching each page once", async () => {
    server = await startServer(reply);
    const transport = new Transport({}, { baseUrl: server.url });
    const pages = paginate<unknown, number>(
      transport,
      spec,
      { ...args, q: "x" },
      undefined,
      paging,
    );
    expect(await collect(pages)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.every((seen) => seen.url.includes("q=x"))).toBe(true);
  });

  it("stops at maxItems without fetching a page it does not need", async () => {
    server = await startServer(reply);
    const transport = new Transport({}, { baseUrl: server.url });
    expect(await collect(paginate(transport, spec, args, { maxItems: 4 }, paging))).toEqual([
      1, 2, 3, 4,
    ]);
    expect(server.requests).toHaveLength(2);
    expect(await collect(paginate(transport, spec, args, { maxItems: 3 }, paging))).toEqual([
      1, 2, 3,
    ]);
    expect(server.requests).toHaveLength(4);
  });
});

describe("PagePromise", () => {
  const cursorStyle = pageStyles[3];

  it("awaits to the first page, shared with later iteration (fetched once)", async () => {
    server = await startServer(cursorStyle[2]);
    const transport = new Transport({}, { baseUrl: server.url });
    const pages = paginate<{ items: number[] }, number>(
      transport,
      spec,
      {},
      undefined,
      cursorStyle[1],
    );
    expect(pages).toBeInstanceOf(PagePromise);
    expect(server.requests).toHaveLength(0);
    expect(await pages).toEqual({ items: [1, 2], next: "c2" });
    expect((await pages).items).toEqual([1, 2]);
    expect(server.requests).toHaveLength(1);
    expect(await collect(pages)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(server.requests).toHaveLength(3);
  });

  it("pages() yields page bodies", async () => {
    server = await startServer(cursorStyle[2]);
    const transport = new Transport({}, { baseUrl: server.url });
    const bodies = await collect(
      paginate<{ items: number[] }, number>(transport, spec, {}, undefined, cursorStyle[1]).pages(),
    );
    expect(bodies.map((body) => body.items)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(server.requests.map((seen) => seen.url)).toEqual([
      "/things",
      "/things?cursor=c2",
      "/things?cursor=c3",
    ]);
  });

  it("stops when the signal aborts between pages", async () => {
    server = await startServer(cursorStyle[2]);
    const transport = new Transport({}, { baseUrl: server.url });
    const controller = new AbortController();
    const seen: number[] = [];
    const iterate = async () => {
      for await (const item of paginate<unknown, number>(
        transport,
        spec,
        {},
        { signal: controller.signal },
        cursorStyle[1],
      )) {
        seen.push(item);
        if (item === 2) controller.abort(new Error("enough"));
      }
    };
    await expect(iterate()).rejects.toThrow("enough");
    expect(seen).toEqual([1, 2]);
    expect(server.requests).toHaveLength(1);
  });

  it("throws a clear error when the server repeats a cursor", async () => {
    server = await startServer(listing(() => ({ items: [1], next: "same" })));
    const transport = new Transport({}, { baseUrl: server.url });
    await expect(collect(paginate(transport, spec, {}, undefined, cursorStyle[1]))).rejects.toThrow(
      /listThings: the server returned cursor "same" a second time/,
    );
    expect(server.requests).toHaveLength(2);
  });

  it("ends on an empty page even if the body claims more, and rejects non-array items", async () => {
    server = await startServer(listing(() => ({ data: [], meta: { has_next: true } })));
    const transport = new Transport({}, { baseUrl: server.url });
    const paging: PaginationSpec = {
      style: "page",
      itemsPath: ["data"],
      pageParam: "page",
      hasNextPath: ["meta", "has_next"],
    };
    expect(await collect(paginate(transport, spec, {}, undefined, paging))).toEqual([]);
    expect(server.requests).toHaveLength(1);
    const wrong: PaginationSpec = { ...paging, itemsPath: ["meta"] };
    await expect(collect(paginate(transport, spec, {}, undefined, wrong))).rejects.toThrow(
      /expected an array of items at meta/,
    );
  });

  it("offset style ends on a short page without a total", async () => {
    server = await startServer(
      listing((query) => ({
        rows: range(
          Number(query.get("offset") ?? 0),
          Math.min(Number(query.get("offset") ?? 0) + 2, 5),
        ),
      })),
    );
    const transport = new Transport({}, { baseUrl: server.url });
    const paging: PaginationSpec = {
      style: "offset",
      itemsPath: ["rows"],
      offsetParam: "offset",
      limitParam: "limit",
    };
    expect(await collect(paginate(transport, spec, { limit: 2 }, undefined, paging))).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(server.requests.map((seen) => seen.url)).toEqual([
      "/things?limit=2",
      "/things?offset=2&limit=2",
      "/things?offset=4&limit=2",
    ]);
  });
});

describe("hostile cursor servers", () => {
  const cursorPaging: PaginationSpec = {
    style: "cursor",
    itemsPath: ["items"],
    cursorParam: "cursor",
    nextCursorPath: ["next"],
  };

  it("an empty page ends the listing even when it hands out a fresh cursor", async () => {
    let n = 0;
    server = await startServer(
      listing(() => (n++ === 0 ? { items: [1], next: `c${n}` } : { items: [], next: `c${n}` })),
    );
    const transport = new Transport({}, { baseUrl: server.url });
    expect(
      await collect(paginate<unknown, number>(transport, spec, {}, { maxItems: 10 }, cursorPaging)),
    ).toEqual([1]);
    expect(server.requests).toHaveLength(2);
  });

  it("maxPages stops whatever the pages hold", async () => {
    let n = 0;
    server = await startServer(listing(() => ({ items: [++n], next: `c${n}` })));
    const transport = new Transport({}, { baseUrl: server.url });
    expect(
      await collect(paginate<unknown, number>(transport, spec, {}, { maxPages: 3 }, cursorPaging)),
    ).toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(3);
  });

  it("an object cursor is refused, not spread into query parameters", async () => {
    server = await startServer(
      listing(() => ({ items: [1], next: { api_key: "x", admin: "true" } })),
    );
    const transport = new Transport({}, { baseUrl: server.url });
    await expect(
      collect(paginate<unknown, number>(transport, spec, {}, undefined, cursorPaging)),
    ).rejects.toThrow(/is an object/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("next links relative to the page that gave them (RFC 3986)", () => {
  const tenantItems = op({
    id: "listTenantItems",
    path: "/tenants/{tenant}/items",
    params: [{ name: "tenant", in: "path" }],
  });
  const seen = () => server.requests.map((r) => r.url);

  it("a body nextLink resolves against the page's URL, not the base URL", async () => {
    server = await startServer(
      listing(() => ({ value: [1], nextLink: "items?page=2" })),
      listing(() => ({ value: [2], nextLink: "?page=3" })),
      listing(() => ({ value: [3] })),
    );
    const transport = new Transport({}, { baseUrl: `${server.url}/api` });
    const paging: PaginationSpec = {
      style: "nextLink",
      itemsPath: ["value"],
      nextLinkPath: ["nextLink"],
    };
    expect(
      await collect(paginate(transport, tenantItems, { tenant: "t1" }, undefined, paging)),
    ).toEqual([1, 2, 3]);
    expect(seen()).toEqual([
      "/api/tenants/t1/items",
      "/api/tenants/t1/items?page=2",
      "/api/tenants/t1/items?page=3",
    ]);
  });

  it("a Link header's target resolves against the page's URL; an absolute path keeps its own", async () => {
    const linked =
      (link: string | undefined, items: number[]): Reply =>
      (res) => {
        res.writeHead(200, {
          "content-type": "application/json",
          ...(link ? { link: `<${link}>; rel="next"` } : {}),
        });
        res.end(JSON.stringify(items));
      };
    server = await startServer(
      linked("items?cursor=b", [1]),
      linked("/elsewhere/items?cursor=c", [2]),
      linked(undefined, [3]),
    );
    const transport = new Transport({}, { baseUrl: server.url });
    const paging: PaginationSpec = { style: "linkHeader", itemsPath: [] };
    expect(
      await collect(paginate(transport, tenantItems, { tenant: "t2" }, undefined, paging)),
    ).toEqual([1, 2, 3]);
    expect(seen()).toEqual([
      "/tenants/t2/items",
      "/tenants/t2/items?cursor=b",
      "/elsewhere/items?cursor=c",
    ]);
  });

  it("an empty page with a next link goes on, as Azure core-paging does (services filter server-side)", async () => {
    server = await startServer(
      listing(() => ({ value: [], nextLink: "items?page=2" })),
      listing(() => ({ value: [2] })),
    );
    const transport = new Transport({}, { baseUrl: server.url });
    const paging: PaginationSpec = {
      style: "nextLink",
      itemsPath: ["value"],
      nextLinkPath: ["nextLink"],
    };
    expect(
      await collect(paginate(transport, tenantItems, { tenant: "t3" }, undefined, paging)),
    ).toEqual([2]);
  });
});
