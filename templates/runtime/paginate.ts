// Pagination: a promise of the first page that is also an async iterable over every item of every
// page (and, via pages(), over the pages). Pages are fetched lazily, one at a time, never one too many.
import { throwIfAborted } from "./delay.js";
import { SdkError } from "./errors.js";
import { formatFieldPath, readFieldPath } from "./field-path.js";
import type { PaginationOptions, PaginationSpec, RequestOptions } from "./types.js";

/** Fetches one page with these arguments, returning its parsed body. */
export type PageFetcher = (
  args: Record<string, unknown> | undefined,
  options: RequestOptions,
) => Promise<unknown>;

/**
 * `await` it for the first page; `for await (const item of it)` for every item across pages;
 * `for await (const page of it.pages())` for page bodies. The first page is fetched once, on first
 * use, and shared by all three.
 */
export class PagePromise<TPage, TItem> implements PromiseLike<TPage>, AsyncIterable<TItem> {
  readonly #fetchPage: PageFetcher;
  readonly #paging: PaginationSpec;
  readonly #args: Record<string, unknown> | undefined;
  readonly #maxItems: number | undefined;
  readonly #requestOptions: RequestOptions;
  readonly #operationId: string;
  #firstPage: Promise<TPage> | undefined;

  constructor(
    fetchPage: PageFetcher,
    paging: PaginationSpec,
    args: object | undefined,
    options: PaginationOptions | undefined,
    operationId: string,
  ) {
    const { maxItems, ...requestOptions } = options ?? {};
    this.#fetchPage = fetchPage;
    this.#paging = paging;
    this.#args = args as Record<string, unknown> | undefined;
    this.#maxItems = maxItems;
    this.#requestOptions = requestOptions;
    this.#operationId = operationId;
  }

  get [Symbol.toStringTag](): string {
    return "PagePromise";
  }

  then<TResult1 = TPage, TResult2 = never>(
    onFulfilled?: ((page: TPage) => TResult1 | PromiseLike<TResult1>) | null,
    onRejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#first().then(onFulfilled, onRejected);
  }

  catch<TResult = never>(
    onRejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<TPage | TResult> {
    return this.#first().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<TPage> {
    return this.#first().finally(onFinally);
  }

  /** Page bodies in order; stops at the last page, at maxItems, or when the signal aborts. */
  async *pages(): AsyncGenerator<TPage, void, undefined> {
    const { signal } = this.#requestOptions;
    const seenCursors = new Set<string>();
    let args = this.#args;
    let page = await this.#first();
    let itemCount = 0;
    let firstPageSize: number | undefined;
    for (;;) {
      yield page;
      const items = this.#itemsOf(page);
      firstPageSize ??= items.length;
      itemCount += items.length;
      if (this.#maxItems !== undefined && itemCount >= this.#maxItems) return;
      const nextArgs = nextPageArgs(
        this.#paging,
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
      page = (await this.#fetchPage(args, this.#requestOptions)) as Awaited<TPage>;
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

  #first(): Promise<TPage> {
    this.#firstPage ??= this.#fetchPage(this.#args, this.#requestOptions) as Promise<TPage>;
    return this.#firstPage;
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
  paging: PaginationSpec,
  args: Record<string, unknown> | undefined,
  page: unknown,
  items: readonly unknown[],
  firstPageSize: number,
  seenCursors: Set<string>,
  operationId: string,
): Record<string, unknown> | undefined {
  if (paging.style === "cursor") {
    const cursor = readFieldPath(page, paging.nextCursorPath);
    if (cursor === undefined || cursor === null || cursor === "") return undefined;
    const sent = args?.[paging.cursorParam];
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
    paging.limitParam === undefined ? undefined : finiteNumber(args?.[paging.limitParam]);
  if (limit !== undefined && items.length < limit) return undefined;
  if (paging.style === "offset") {
    const nextOffset = (finiteNumber(args?.[paging.offsetParam]) ?? 0) + items.length;
    const total =
      paging.totalPath === undefined
        ? undefined
        : finiteNumber(readFieldPath(page, paging.totalPath));
    return total !== undefined && nextOffset >= total
      ? undefined
      : { ...args, [paging.offsetParam]: nextOffset };
  }
  const firstPage = paging.firstPage ?? 1;
  const current = finiteNumber(args?.[paging.pageParam]) ?? firstPage;
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

function finiteNumber(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) ? number : undefined;
}
