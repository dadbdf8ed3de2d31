// What startLro returns. A real Promise cannot hold a Poller: resolving a Promise with a thenable
// adopts it, so it would settle to the operation's final state instead of the poller.
import type { Poller } from "./poller.js";

/**
 * A promise-like of the Poller of a just-started operation, settled once the starting call
 * returned. `.then((poller) => ...)` hands over the Poller itself; `await` goes one step further,
 * as the Poller is awaitable too: `await transport.startLro(...)` is the final state, exactly as
 * `await Promise.resolve(poller)` would be (and as TypeScript's Awaited<> types it).
 */
export class PollerPromise<TState> implements PromiseLike<Poller<TState>> {
  /** The poller, usable at once (its ids are known after `poller.submitted()`). */
  readonly poller: Poller<TState>;

  constructor(poller: Poller<TState>) {
    this.poller = poller;
  }

  then<TResult1 = Poller<TState>, TResult2 = never>(
    onFulfilled?: ((poller: Poller<TState>) => TResult1 | PromiseLike<TResult1>) | null,
    onRejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.poller
      .submitted()
      .then(
        () => (onFulfilled ? onFulfilled(this.poller) : (this.poller as unknown as TResult1)),
        onRejected,
      );
  }
}
