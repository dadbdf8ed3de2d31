// The entry point of a WebSocket channel over the client core.
import { channelArgs, channelUrl, createChannel } from "./channel.js";
import type { Channel, ChannelCallOptions } from "./channel.js";
import type { Transport } from "./transport.js";
import type { ChannelOptions, ChannelSpec } from "./types.js";

/**
 * Opens a WebSocket channel (see Channel): iterate its messages, await its result. `options`:
 * ChannelOptions plus the handler its ChannelSpec names (ChannelSpec.request).
 */
export function openChannel<TServer, TClient, TResult>(
  transport: Transport,
  spec: ChannelSpec,
  first: unknown,
  // `any`: the generated options type is an interface plus the handler, and an interface has no
  // index signature to match `unknown` values.
  options?: ChannelOptions<TServer> & Record<string, any>,
): Channel<TServer, TClient, TResult> {
  const args = channelArgs(spec, first);
  return createChannel<TServer, TClient, TResult>(
    spec,
    channelUrl(spec, transport.baseUrl, args),
    transport.clientOptions,
    args.body,
    options as ChannelCallOptions | undefined,
  );
}
