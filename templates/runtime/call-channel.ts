// The entry point of a WebSocket channel over the client core.
import { Channel, channelArgs, channelUrl } from "./channel.js";
import type { ChannelCallOptions } from "./channel.js";
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
  const url = channelUrl(spec, transport.baseUrl, args);
  return new Channel<TServer, TClient, TResult>(
    spec,
    url,
    transport.clientOptions,
    args.body,
    options as ChannelCallOptions | undefined,
  );
}
