// The entry point of a paginated operation over the client core: a PagePromise whose pages are
// sent through the client's retry loop.
import { throwIfAborted } from "./delay.js";
import { resolveSameOrigin } from "./follow-url.js";
import { PagePromise } from "./paginate.js";
import type { PageResult } from "./paginate.js";
import { prepareRequest } from "./request-builder.js";
import type { NoHeaders } from "./response-meta.js";
import { sendUrl } from "./send-url.js";
import type { Transport } from "./transport.js";
import type { OperationSpec, PaginationOptions, PaginationSpec, RequestOptions } from "./types.js";

/** Paginated call: resolves to the first page like request(); also async-iterable over items across pages; .pages() iterates page bodies. */
export function paginate<TPage, TItem, THeaders = NoHeaders>(
  transport: Transport,
  op: OperationSpec,
  args: object | undefined,
  options: PaginationOptions | undefined,
  paging: PaginationSpec,
): PagePromise<TPage, TItem, THeaders> {
  return new PagePromise<TPage, TItem, THeaders>(
    {
      fetch: (pageArgs, pageOptions) => transport.send(op, pageArgs, pageOptions),
      fetchUrl: (url, pageOptions, relativeTo) =>
        sendPageUrl(transport, op, url, pageOptions, relativeTo),
      urlOf: (pageArgs) =>
        prepareRequest(op, pageArgs, transport.baseUrl, undefined, undefined).url.split("?")[0],
    },
    paging,
    args,
    options,
    op.id,
    op,
  );
}

/** GETs a next page link, resolved against the page that gave it; the answer carries its URL. */
export async function sendPageUrl(
  transport: Transport,
  op: OperationSpec,
  link: string,
  options: RequestOptions,
  relativeTo: string | undefined,
): Promise<PageResult> {
  throwIfAborted(options.signal);
  const what = "next page link";
  const url = resolveSameOrigin(link, transport.baseUrl, what, op.id, relativeTo);
  return { ...(await sendUrl(transport, op, url, options, what)), url };
}
