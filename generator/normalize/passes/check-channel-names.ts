// A channel's method must not take the name of another client method (an operation, its
// AndWait, a poller's poll/waitFor, resumePoller): both would be emitted and one silently lost;
// nor a name the emitted files bind themselves (reserved-names.ts).
import type { Api } from "../../model/api.js";
import { report, type NormalizeContext } from "../context.js";
import { reservedMethodNames } from "../reserved-names.js";

export function checkChannelNames(ctx: NormalizeContext, api: Api): Api {
  if (api.channels.length === 0) return api;
  const taken = new Set<string>(reservedMethodNames);
  for (const op of api.operations) {
    taken.add(op.name);
    if (op.lro) taken.add(op.lro.waitMethodName);
    if (op.urlLro) taken.add(op.urlLro.waitMethodName);
  }
  for (const poller of api.pollers) taken.add(`poll${poller.name}`).add(`waitFor${poller.name}`);
  if (api.pollers.length > 0) taken.add("resumePoller");
  const channels = api.channels.filter((channel) => {
    if (!taken.has(channel.name)) return true;
    report(
      ctx,
      { file: ctx.spec.file, pointer: channel.pointer },
      "error",
      "CHN004",
      `channel ${channel.name} takes the name of another client method or a reserved one; rename it`,
    );
    return false;
  });
  return { ...api, channels };
}
