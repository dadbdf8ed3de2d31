// The entry points of operations polled at a URL their response names (Azure, AEP, 202 +
// Location), over the client core: wait for the result, or for the first page of a pageable one.
import { sendPageUrl } from "./call-paginate.js";
import { urlLroContext } from "./url-lro-context.js";
import { PagePromise } from "./paginate.js";
import type { PageSource } from "./paginate.js";
import type { Transport } from "./transport.js";
import type { OperationSpec, PaginationSpec, PollOptions, UrlLroSpec } from "./types.js";
import { waitForUrlLro } from "./url-lro.js";

/**
 * Start a long-running operation polled at the URL its response names and wait for its end: what
 * generated `<method>AndWait` calls. The options' timeoutMs bounds the whole wait.
 */
export function startAndWaitAtUrl<TState>(
  transport: Transport,
  op: OperationSpec,
  args: object | undefined,
  options: PollOptions<TState> | undefined,
  name: string,
  lro: UrlLroSpec,
): Promise<TState> {
  return waitForUrlLro<TState>(urlLroContext(transport), op, args, options ?? {}, name, lro);
}

/**
 * A pageable long-running operation: await it for the final result (the first page), iterate it
 * for every item, the next links followed after the wait.
 */
export function startAndPaginate<TPage, TItem>(
  transport: Transport,
  op: OperationSpec,
  args: object | undefined,
  options: PollOptions<TPage> | undefined,
  name: string,
  lro: UrlLroSpec,
  paging: PaginationSpec,
): PagePromise<TPage, TItem> {
  const source: PageSource = {
    fetch: async () => ({
      body: await waitForUrlLro<TPage>(
        urlLroContext(transport),
        op,
        args,
        options ?? {},
        name,
        lro,
      ),
      status: 200,
      headers: new Headers(),
    }),
    // Next pages are GETs answering JSON pages, whatever the starting POST declares.
    fetchUrl: (url, pageOptions, relativeTo) =>
      sendPageUrl(transport, pageOp, url, pageOptions, relativeTo),
  };
  const pageOp: OperationSpec = { ...op, responses: [{ status: "default", kind: "json" }] };
  return new PagePromise<TPage, TItem>(source, paging, args, { signal: options?.signal }, op.id);
}
