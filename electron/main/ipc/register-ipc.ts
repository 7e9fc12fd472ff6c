import type { IpcMain } from 'electron';
import { channels } from '../../../shared/ipc/channels';
import type { Logger } from '../logging/logger';
import type { ChannelHandlers } from './channel-handlers';
import { handleCall } from './handle-call';
import type { RendererEntry } from './sender-guard';

/** Registers every contract channel, each behind the sender guard. The only `ipcMain.handle` in the app. */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: ChannelHandlers,
  entry: RendererEntry,
  logger: Logger,
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      handleCall(handlers, entry, event.senderFrame, channel, payload, logger),
    );
  }
}
