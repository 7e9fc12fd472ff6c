import { WriteFailedError } from '../../errors/write-failed-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { WriteHealth } from '../../storage/write-health';

/**
 * Every handler, reporting failed saves to `health`: the page then shows a banner that
 * stays until main finds the data folder writable again. The error still reaches the page
 * (the call failed), which keeps what it could not save.
 */
export function watchWriteFailures(
  handlers: ChannelHandlers,
  health: WriteHealth,
): ChannelHandlers {
  const watched: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers)) {
    const run = handler as (input: unknown) => Promise<unknown>;
    watched[channel] = async (input) => {
      try {
        return await run(input);
      } catch (error) {
        if (error instanceof WriteFailedError) health.failed(error.what, error);
        throw error;
      }
    };
  }
  return watched as unknown as ChannelHandlers;
}
