import type { IpcMain } from 'electron';
import { channels } from '../../../shared/ipc/channels';
import { failure } from '../../../shared/ipc/envelope';
import type { Logger } from '../logging/logger';
import type { ChannelHandlers } from './channel-handlers';
import { invokeChannel } from './invoke-channel';
import { isTrustedSender, type RendererEntry } from './sender-guard';

/** Registers every contract channel, each behind the sender guard. The only `ipcMain.handle` in the app. */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: ChannelHandlers,
  entry: RendererEntry,
  logger: Logger,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, entry)) {
        logger.warn(
          `Refused ${channel} from an untrusted frame: ${event.senderFrame?.url ?? 'none'}`,
        );
        return failure(
          'FORBIDDEN',
          "This request did not come from Margin's own window and was refused.",
        );
      }
      return invokeChannel(handlers, channel, payload, logger);
    });
  }
}
