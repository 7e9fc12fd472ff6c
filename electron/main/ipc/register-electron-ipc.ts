import { ipcMain } from 'electron';
import type { Logger } from '../logging/logger';
import type { ChannelHandlers } from './channel-handlers';
import { registerIpc } from './register-ipc';
import type { RendererEntry } from './sender-guard';

/** Registers the handlers on Electron's own ipcMain (kept apart so tests never load Electron). */
export function registerElectronIpc(
  handlers: ChannelHandlers,
  entry: RendererEntry,
  logger: Logger,
): void {
  registerIpc(ipcMain, handlers, entry, logger);
}
