// Pagination: a promise of the first page that is also an async iterable over every item of every
// page (and, via pages(), over the pages). Pages are fetched lazily, one at a time, never one too many.
import type { SendResult } from "./attempt.js";
import { throwIfAborted } from "./delay.js";
import { SdkError } from "./errors.js";
import { formatFieldPath, ownValue, readFieldPath } from "./field-path.js";
import { nextLinkOf } from "./follow-url.js";
import { withResponseOf } from "./response-meta.js";
import type { NoHeaders, WithResponse } from "./response-meta.js";
import type { OperationSpec, PaginationOptions, PaginationSpec, RequestOptions } from "./types.js";

/** Fetches one page with these arguments, returning its parsed body. */
export type PageFetcher = (
  args: Record<string, unknown> | undefined,
  options: RequestOptions,
) => Promise<unknown>;

/** A page's answer; `url`: where it came from, when known (relative next links resolve against it). */
export interface PageResult extends SendResult {
  readonly url?: string;
}

/** Fetches pages with their headers (Link headers), by arguments or by a URL the server gave. */
export interface PageSource {
  readonly fetch: (
    args: Record<string, unknown> | undefined,
    options: RequestOptions,
  ) => Promise<PageResult>;
  /** GETs `url`; a relative one resolves against `relativeTo` (the page that gave it), else the base URL. */
  readonly fetchUrl: (
    url: string,
    options: RequestOptions,
    relativeTo?: string,
  ) => Promise<PageResult>;
  /** The URL a call with these arguments requests (no query): the base of the first page's relative links. */
  readonly urlOf?: (args: Record<string, unknown> | undefined) => string;
}

/** Pagination styles whose next page is a URL rather than new arguments. */
type UrlPaging = Extract<PaginationSpec, { style: "linkHeader" | "nextLink" }>;
type ArgsPaging = Exclude<PaginationSpec, UrlPaging>;

/**
 * `await` it for the first page; `for await (const item of it)` for every item across pages;
 * `for await (const page of it.pages())` for page bodies. The first page is fetched once, on first
 * use, and shared by all three.
 */
export class PagePromise<TPage, TItem, THeaders = NoHeaders>
  implements PromiseLike<TPage>, AsyncIterable<TItem>
{
  readonly #source: PageSource;
  readonly #paging: PaginationSpec;
  readonly #args: Record<string, unknown> | undefined;
  readonly #maxItems: number | undefined;
  readonly #maxPages: number | undefined;
  readonly #requestOptions: RequestOptions;
  readonly #operationId: string;
  /** Declares the response headers `.withResponse()` parses; none: only rawHeaders. */
  readonly #op: OperationSpec | undefined;
  #firstPage: Promise<PageResult> | undefined;

  constructor(
    fetchPage: PageFetcher | PageSource,
    paging: PaginationSpec,
    args: object | undefined,
    options: PaginationOptions | undefined,
    operationId: string,
    op?: OperationSpec,
  ) {
    const { maxItems, maxPages, ...requestOptions } = options ?? {};
    this.#source = typeof fetchPage === "function" ? bodyOnlySource(fetchPage) : fetchPage;
    this.#paging = paging;
    this.#args = args as Record<string, unknown> | undefined;
    this.#maxItems = maxItems;
    this.#maxPages = maxPages;
    this.#requestOptions = requestOptions;
    this.#operationId = operationId;
    this.#op = op;
  }

  get [Symbol.toStringTag](): string {
    return "PagePromise";
  }

  then<TResult1 = TPage, TResult2 = never>(
    onFulfilled?: ((page: TPage) => TResult1 | PromiseLike<TResult1>) | null,
    onRejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#firstBody().then(onFulfilled, onRejected);
  }

  catch<TResult = never>(
    onRejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<TPage | TResult> {
    return this.#firstBody().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<TPage> {
    return this.#firstBody().finally(onFinally);
  }

  /** The first page with its status and headers (declared ones parsed), as a plain call's `.withResponse()`. */
  withResponse(): Promise<WithResponse<TPage, THeaders>> {
    return this.#first().then((result) =>
      withResponseOf<TPage, THeaders>(this.#op ?? { responses: [] }, result),
    );
  }

  /** Page bodies in order; stops at the last page, at maxItems or maxPages, or when the signal aborts. */
  async *pages(): AsyncGenerator<TPage, void, undefined> {
    const { signal } = this.#requestOptions;
    const seenCursors = new Set<string>();
    const paging = this.#paging;
    let args = this.#args;
    let result = await this.#first();
    let itemCount = 0;
    let firstPageSize: number | undefined;
    for (let pageCount = 1; ; pageCount++) {
      const page = result.body as Awaited<TPage>;
      yield page;
      const items = this.#itemsOf(page);
      firstPageSize ??= items.length;
      itemCount += items.length;
      if (this.#maxItems !== undefined && itemCount >= this.#maxItems) return;
      if (this.#maxPages !== undefined && pageCount >= this.#maxPages) return;
      if (paging.style === "nextLink" || paging.style === "linkHeader") {
        const url = nextPageUrl(paging, result, seenCursors, this.#operationId);
        if (url === undefined) return;
        throwIfAborted(signal);
        const target = paging.style === "nextLink" ? nextLinkTarget(paging, url, args) : url;
        // RFC 3986: a relative link resolves against the page that gave it; a next operation's
        // path (linkTemplate) is relative to the base URL.
        const isTemplated = paging.style === "nextLink" && paging.linkTemplate !== undefined;
        const pageUrl = isTemplated ? undefined : (result.url ?? this.#source.urlOf?.(args));
        result = await this.#source.fetchUrl(target, this.#requestOptions, pageUrl);
        continue;
      }
      const nextArgs = nextPageArgs(
        paging,
        args,
        page,
        items,
        firstPageSize,
        seenCursors,
        this.#operationId,
      );
      if (nextArgs === undefined) return;
      throwIfAborted(signal);
      args = nextArgs;
      result = await this.#source.fetch(args, this.#requestOptions);
    }
  }

  /** Every item across pages, at most maxItems. */
  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    let count = 0;
    for await (const page of this.pages()) {
      for (const item of this.#itemsOf(page)) {
        if (this.#maxItems !== undefined && count >= this.#maxItems) return;
        count++;
        yield item as TItem;
      }
    }
  }

  #first(): Promise<PageResult> {
    this.#firstPage ??= this.#source.fetch(this.#args, this.#requestOptions);
    return this.#firstPage;
  }

  #firstBody(): Promise<TPage> {
    return this.#first().then((result) => result.body as TPage);
  }

  #itemsOf(page: unknown): readonly unknown[] {
    const items = readFieldPath(page, this.#paging.itemsPath);
    if (items === undefined || items === null) return [];
    if (!Array.isArray(items)) {
      throw new SdkError(
        `${this.#operationId}: expected an array of items at ${formatFieldPath(this.#paging.itemsPath)}, got ${typeof items}`,
      );
    }
    return items;
  }
}

/** The arguments of the page after `page`, or undefined when `page` is the last. */
export function nextPageArgs(
  paging: ArgsPaging,
  args: Record<string, unknown> | undefined,
  page: unknown,
  items: readonly unknown[],
  firstPageSize: number,
  seenCursors: Set<string>,
  operationId: string,
): Record<string, unknown> | undefined {
  if (paging.style === "cursor") {
    // An empty page ends the listing even with a cursor: a server handing out fresh cursors with
    // no items would otherwise be paged forever (and maxItems would never be reached).
    if (items.length === 0) return undefined;
    const cursor = readFieldPath(page, paging.nextCursorPath);
    if (cursor === undefined || cursor === null || cursor === "") return undefined;
    if (typeof cursor === "object") {
      // Sent as the cursor parameter, an object would be spread into query parameters of its own.
      throw new SdkError(
        `${operationId}: the next cursor at ${formatFieldPath(paging.nextCursorPath)} is an object, not a token; refusing to send it as "${paging.cursorParam}"`,
      );
    }
    const sent = ownValue(args, paging.cursorParam);
    if (sent !== undefined && sent !== null) seenCursors.add(String(sent));
    if (seenCursors.has(String(cursor))) {
      throw new SdkError(
        `${operationId}: the server returned cursor ${JSON.stringify(String(cursor))} a second time; stopping instead of looping forever`,
      );
    }
    seenCursors.add(String(cursor));
    return { ...args, [paging.cursorParam]: cursor };
  }
  // Page and offset styles end on an empty page whatever the body claims, so a server bug cannot loop forever.
  if (items.length === 0) return undefined;
  const limit =
    paging.limitParam === undefined ? undefined : finiteNumber(ownValue(args, paging.limitParam));
  if (limit !== undefined && items.length < limit) return undefined;
  if (paging.style === "offset") {
    const nextOffset = (finiteNumber(ownValue(args, paging.offsetParam)) ?? 0) + items.length;
    const total =
      paging.totalPath === undefined
        ? undefined
        : finiteNumber(readFieldPath(page, paging.totalPath));
    return total !== undefined && nextOffset >= total
      ? undefined
      : { ...args, [paging.offsetParam]: nextOffset };
  }
  const firstPage = paging.firstPage ?? 1;
  const current = finiteNumber(ownValue(args, paging.pageParam)) ?? firstPage;
  const pagesSeen = current - firstPage + 1;
  if (paging.hasNextPath !== undefined && !readFieldPath(page, paging.hasNextPath))
    return undefined;
  const totalPages =
    paging.totalPagesPath === undefined
      ? undefined
      : finiteNumber(readFieldPath(page, paging.totalPagesPath));
  if (totalPages !== undefined && pagesSeen >= totalPages) return undefined;
  const total =
    paging.totalPath === undefined
      ? undefined
      : finiteNumber(readFieldPath(page, paging.totalPath));
  if (total !== undefined && pagesSeen * (limit ?? firstPageSize) >= total) return undefined;
  return { ...args, [paging.pageParam]: current + 1 };
}

/** The next page's URL (body field or Link header), or undefined when `result` is the last page. */
export function nextPageUrl(
  paging: UrlPaging,
  result: SendResult,
  seenUrls: Set<string>,
  operationId: string,
): string | undefined {
  if (paging.style === "nextLink" && paging.nextLinkPath === undefined) return undefined;
  const link =
    paging.style === "nextLink"
      ? readFieldPath(result.body, paging.nextLinkPath!)
      : nextLinkOf(result.headers.get("link"));
  if (typeof link !== "string" || link === "") return undefined;
  if (seenUrls.has(link)) {
    throw new SdkError(
      `${operationId}: the server returned next link ${JSON.stringify(link)} a second time; stopping instead of looping forever`,
    );
  }
  seenUrls.add(link);
  return link;
}

/**
 * Where a next link is fetched: the link itself, or the next operation's path with the link in
 * it; then the call's linkQuery arguments set on it (replacing what the link carries).
 */
export function nextLinkTarget(
  paging: Extract<PaginationSpec, { style: "nextLink" }>,
  link: string,
  args: Record<string, unknown> | undefined,
): string {
  const template = paging.linkTemplate;
  let url = link;
  if (template !== undefined) {
    // Relative to the base URL (no leading slash), so a base URL's path prefix is kept.
    url = template.path
      .replace(/^\//, "")
      .replace(/\{([^}]+)\}/g, (_, name: string) =>
        name === template.linkParam ? link : encodeURIComponent(String(ownValue(args, name) ?? "")),
      );
  }
  if (paging.linkQuery === undefined || paging.linkQuery.length === 0) return url;
  const hashAt = url.indexOf("#");
  const withoutHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = withoutHash.indexOf("?");
  const query = new URLSearchParams(queryAt === -1 ? "" : withoutHash.slice(queryAt + 1));
  for (const name of paging.linkQuery) {
    const value = ownValue(args, name);
    if (value !== undefined && value !== null) query.set(name, String(value));
  }
  const path = queryAt === -1 ? withoutHash : withoutHash.slice(0, queryAt);
  const text = query.toString();
  return text === "" ? path : `${path}?${text}`;
}

/** A PageSource around a fetcher of bodies only (no headers, no URLs). */
function bodyOnlySource(fetchPage: PageFetcher): PageSource {
  const fetch = async (
    args: Record<string, unknown> | undefined,
    options: RequestOptions,
  ): Promise<SendResult> => ({
    body: await fetchPage(args, options),
    status: 200,
    headers: new Headers(),
  });
  return {
    fetch,
    fetchUrl: () => Promise.reject(new SdkError("this page fetcher cannot follow next links")),
  };
}

function finiteNumber(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}
