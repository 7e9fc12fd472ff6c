import type { Channel } from '../../../shared/ipc/channels';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';

/** What a feature implements for one channel: parsed input in, contract output out. */
export type ChannelHandler<C extends Channel> = (
  input: ParsedInput<C>,
) => Promise<ChannelOutput<C>>;

/** Every channel's handler; the type checker refuses a map that misses one. */
export type ChannelHandlers = { [C in Channel]: ChannelHandler<C> };
