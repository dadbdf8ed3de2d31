// The entry points of operations polled by id (a status endpoint and the ids a starting call
// returned): pollers, start-and-wait, wait-for and resume, over the client core.
import { formatFieldPath, readFieldPath } from "./field-path.js";
import { afterAcceptedStart, isOwnLroFailure } from "./lro-engine.js";
import { lroContext } from "./lro-context.js";
import { UntrackedOperationError } from "./lro-outcome.js";
import { createPoller } from "./poller.js";
import type { Poller } from "./poller.js";
import type { PollerTarget } from "./poller.js";
import { decodeResumeToken } from "./resume-token.js";
import type { Transport } from "./transport.js";
import type {
  FieldPath,
  LroSpec,
  OperationSpec,
  PollOptions,
  RequestOptions,
  StartSpec,
  WaitTargets,
} from "./types.js";

/**
 * A poller on existing ids (all must succeed). One id resolves to its state; several ids (or
 * `isMulti`) resolve to an array of states: create it as Poller<Item[]> then.
 */
export function pollerFor<TState>(
  transport: Transport,
  name: string,
  lro: LroSpec,
  ids: readonly string[],
  options?: RequestOptions,
  isMulti: boolean = ids.length > 1,
): Poller<TState> {
  if (ids.length === 0 || ids.some((id) => typeof id !== "string" || id === "")) {
    throw new TypeError(`${name}: a poller needs at least one non-empty id`);
  }
  return createPoller<TState>(
    lroContext(transport),
    name,
    lro,
    { ids: [...ids], isMulti },
    options,
  );
}

/**
 * Calls the starting operation at once and gives the poller of what it started: it reads the
 * id(s) from the start's body at idPath / idsPath (`poller.submitted()` resolves with that body).
 * idsPath makes a multi-id poller (create it as startPoller<Item[]>), even when the server returns
 * a single id.
 */
export function startPoller<TState>(
  transport: Transport,
  op: OperationSpec,
  args: object | undefined,
  options: RequestOptions | undefined,
  name: string,
  lro: LroSpec,
  start: StartSpec,
): Poller<TState> {
  const target = transport.send(op, args, options).then(({ body }): PollerTarget => ({
    ids: readStartIds(op, body, args, start),
    isMulti: start.idsPath !== undefined,
    startBody: body,
    isChangeAwaited: start.isChangeAwaited,
    history: lro.rules?.atStart(lro, body, op, args),
  }));
  return createPoller<TState>(lroContext(transport), name, lro, target, options);
}

/**
 * Start a long-running operation and wait for its end: what generated `<method>AndWait` calls.
 * Only the signal of `options` applies to the starting request; the rest is about the wait
 * (its timeoutMs bounds the whole wait, not the request). With `start.isIdOptional` it resolves an
 * LroOutcome of TState (TResult): a missing id, or a status endpoint that keeps failing, resolves
 * `{ tracked: false, start }` where a wait on a promised id rejects with UntrackedOperationError
 * (the accepted-start rule, isOwnLroFailure).
 */
export async function startAndWait<TState, TResult = TState>(
  transport: Transport,
  op: OperationSpec,
  args: object | undefined,
  options: PollOptions<TState> | undefined,
  name: string,
  lro: LroSpec,
  start: StartSpec = {},
): Promise<TResult> {
  const spec = start.target ? { ...lro, ...start.target } : lro;
  const poller = startPoller<TState>(
    transport,
    op,
    args,
    { signal: options?.signal },
    name,
    spec,
    start,
  );
  const isOutcome = start.isIdOptional;
  let accepted: unknown;
  try {
    accepted = await poller.submitted();
  } catch (error) {
    // Not accepted: nothing started. Accepted without an id: an outcome, where one is wanted.
    if (!isOutcome || !(error instanceof UntrackedOperationError)) throw error;
    return { tracked: false, start: error.start, reason: error.message } as TResult;
  }
  try {
    const state = await poller.pollUntilDone(options);
    return (isOutcome ? { tracked: true, state, start: accepted } : state) as TResult;
  } catch (error) {
    if (!isOutcome) throw afterAcceptedStart(error, options?.signal, name, accepted);
    if (isOwnLroFailure(error, options?.signal)) throw error;
    const reason = `the status of ${poller.ids.join(", ")} could not be read: ${String(error)}`;
    return { tracked: false, start: accepted, reason } as TResult;
  }
}

/** Wait until `ids` reach a terminal state: what generated `waitFor<Name>` calls. */
export function waitFor<TState>(
  transport: Transport,
  name: string,
  lro: LroSpec,
  ids: readonly string[],
  options?: PollOptions<TState>,
): Promise<TState> {
  // Plain JavaScript can pass `until` to a poller without targets; ignoring it would wait for
  // the wrong end, so it is refused (waitForTarget strips it once it has picked the target).
  if ((options as { until?: unknown } | undefined)?.until !== undefined) {
    return Promise.reject(new TypeError(`${name}: has no wait targets; "until" is not an option`));
  }
  return pollerFor<TState>(transport, name, lro, ids, {
    signal: options?.signal,
  }).pollUntilDone(options);
}

/**
 * waitFor for a poller with alternative ends (a cluster "running" or "stopped"): `options.until`
 * picks a success/failure set from `targets`. Its own function, so a client whose pollers have no
 * targets does not bundle it.
 */
export function waitForTarget<TState>(
  transport: Transport,
  name: string,
  lro: LroSpec,
  ids: readonly string[],
  options: (PollOptions<TState> & { until?: string }) | undefined,
  targets: WaitTargets,
): Promise<TState> {
  const { until, ...pollOptions } = options ?? {};
  if (until === undefined) return waitFor(transport, name, lro, ids, options);
  if (!Object.hasOwn(targets, until)) {
    return Promise.reject(
      new TypeError(
        `${name}: unknown until ${JSON.stringify(until)}; expected one of ${Object.keys(targets).join(", ")}`,
      ),
    );
  }
  return waitFor(transport, name, { ...lro, ...targets[until] }, ids, pollOptions);
}

/** Rebuild a poller from serialize()'s token; `lros` maps poller names to specs. Throws a clear error for a foreign/garbled token. */
export function resumePoller<TState>(
  transport: Transport,
  token: string,
  lros: Readonly<Record<string, LroSpec>>,
  options?: RequestOptions,
): Poller<TState> {
  const data = decodeResumeToken(token);
  if (!Object.hasOwn(lros, data.name)) {
    const known = Object.keys(lros).join(", ") || "none";
    throw new TypeError(
      `Invalid resume token: this client has no poller named "${data.name}" (known: ${known})`,
    );
  }
  return pollerFor<TState>(transport, data.name, lros[data.name], data.ids, options, data.isMulti);
}

/**
 * The id(s) a starting call returned (or the argument it was called with, idArg). None usable:
 * UntrackedOperationError, as the server accepted the call and it must not be sent again.
 */
function readStartIds(
  op: OperationSpec,
  body: unknown,
  args: object | undefined,
  start: StartSpec,
): string[] {
  if (start.idArg !== undefined) {
    const id = (args as Record<string, unknown> | undefined)?.[start.idArg];
    if (typeof id === "string" && id !== "") return [id];
    throw new TypeError(`${op.id}: argument ${start.idArg} is needed to wait`);
  }
  // The descriptor names one of them whenever idArg is absent.
  const path = (start.idsPath ?? start.idPath) as FieldPath;
  const value = readFieldPath(body, path);
  const values = start.idsPath !== undefined && Array.isArray(value) ? value : [value];
  const isUsable = (id: unknown): boolean =>
    (typeof id === "string" && id !== "") || typeof id === "number";
  if (values.length === 0 || !values.every(isUsable)) {
    throw new UntrackedOperationError(
      `${op.id} started an operation but its response has no usable id at ${formatFieldPath(path)}`,
      body,
    );
  }
  return values.map(String);
}
