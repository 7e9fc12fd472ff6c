import { failure, type Envelope } from '../../../shared/ipc/envelope';
import type { Logger } from '../logging/logger';
import type { ChannelHandlers } from './channel-handlers';
import { invokeChannel } from './invoke-channel';
import { isTrustedSender, type RendererEntry, type SenderFrame } from './sender-guard';

/**
 * One call from a renderer, as main receives it: the sender is checked first (only the
 * app's own top-level frame), then the payload and the feature (see invokeChannel).
 * Electron's ipcMain and the end-to-end bridge both come through here.
 */
export async function handleCall(
  handlers: ChannelHandlers,
  entry: RendererEntry,
  sender: SenderFrame | null | undefined,
  channel: unknown,
  payload: unknown,
  logger: Logger,
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(sender, entry)) {
    logger.warn(`Refused ${String(channel)} from an untrusted frame: ${sender?.url ?? 'none'}`);
    return failure(
      'FORBIDDEN',
      "This request did not come from Margin's own window and was refused.",
    );
  }
  return invokeChannel(handlers, channel, payload, logger);
}
