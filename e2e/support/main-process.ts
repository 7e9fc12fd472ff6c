import { createMainHandlers } from '../../electron/main/features/create-main-handlers';
import type { ChannelHandlers } from '../../electron/main/ipc/channel-handlers';
import { handleCall } from '../../electron/main/ipc/handle-call';
import type { Logger } from '../../electron/main/logging/logger';
import { openLibrary, type Library } from '../../electron/main/storage/open-library';
import { seedsDir } from './paths';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: console.error };

/**
 * The real main-process side, in the test process: the same storage, handlers, input
 * parsing and sender guard as in Electron, over a real data folder. `restart` is a
 * fresh start over the same folder, as after quitting and relaunching the app.
 */
export class MainProcess {
  private constructor(
    readonly dataDir: string,
    private library: Library,
    private handlers: ChannelHandlers,
  ) {}

  static async start(dataDir: string): Promise<MainProcess> {
    const library = await openLibrary(dataDir, { logger: quiet });
    return new MainProcess(dataDir, library, createMainHandlers({ library, seedsDir }));
  }

  async restart(): Promise<void> {
    await this.library.close();
    this.library = await openLibrary(this.dataDir, { logger: quiet });
    this.handlers = createMainHandlers({ library: this.library, seedsDir });
  }

  stop(): Promise<void> {
    return this.library.close();
  }

  /** One call from the page, taking the same path as in Electron: sender guard, then payload. */
  invoke(
    sender: { url: string; parent: unknown },
    appOrigin: string,
    channel: unknown,
    payload: unknown,
  ) {
    const entry = { kind: 'http', origin: appOrigin } as const;
    return handleCall(this.handlers, entry, sender, channel, payload, quiet);
  }
}
