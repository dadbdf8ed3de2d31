// What every wait (pollers, URL-polled operations) borrows from the client: its send function
// and clock. Status bodies are redacted here, as they end up in errors.
import type { SendResult } from "./attempt.js";
import { redact } from "./error-details.js";
import type { LroContext } from "./lro-engine.js";
import type { Transport } from "./transport.js";

/** The context of every wait (both strategies' status bodies are redacted: they end up in errors). */
export function lroContext(transport: Transport): LroContext {
  return {
    send: (op, args, options) => transport.send(op, args, options).then(redactedBody),
    sleep: transport.sleep,
    random: transport.random,
    now: transport.now,
  };
}

/**
 * A status body with the caller's credential scrubbed: pollers keep it as their state and put it
 * in OperationFailedError, which ends up in logs. Unchanged (no copy) when nothing matches.
 */
export function redactedBody(result: SendResult): SendResult {
  const secrets = result.secrets ?? [];
  const body = redact(result.body, secrets);
  return body === result.body ? result : { ...result, body };
}
