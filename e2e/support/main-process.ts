import { createMainHandlers } from '../../electron/main/features/create-main-handlers';
import type { ChannelHandlers } from '../../electron/main/ipc/channel-handlers';
import { handleCall } from '../../electron/main/ipc/handle-call';
import type { Logger } from '../../electron/main/logging/logger';
import {
  createParserPool,
  type ParserPool,
} from '../../electron/main/features/import/worker/parser-pool';
import { openLibrary, type Library } from '../../electron/main/storage/open-library';
import { chosenPathsDialogs } from '../../electron/main/test-support/chosen-paths-dialogs';
import { importWorkerBundle, seedsDir } from './paths';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: console.error };

/**
 * The real main-process side, in the test process: the same storage, handlers, input
 * parsing and sender guard as in Electron, over a real data folder. `restart` is a
 * fresh start over the same folder, as after quitting and relaunching the app.
 */
export class MainProcess {
  /** The open-file dialog: a test calls `dialogs.choose([...paths])` before pressing Ctrl+O. */
  readonly dialogs = chosenPathsDialogs();
  /** The parser worker as the app ships it: the bundle built by `electron-vite build`. */
  private readonly parser: ParserPool = createParserPool({
    workerFile: importWorkerBundle,
    logger: quiet,
  });
  private handlers: ChannelHandlers;

  private constructor(
    readonly dataDir: string,
    private library: Library,
  ) {
    this.handlers = this.createHandlers();
    this.parser.warm(); // as the app does once its window is up
  }

  private createHandlers(): ChannelHandlers {
    const { library, parser, dialogs } = this;
    return createMainHandlers({ library, seedsDir, parser, dialogs, logger: quiet });
  }

  static async start(dataDir: string): Promise<MainProcess> {
    return new MainProcess(dataDir, await openLibrary(dataDir, { logger: quiet }));
  }

  async restart(whileClosed?: () => Promise<void>): Promise<void> {
    await this.library.close();
    await whileClosed?.();
    this.library = await openLibrary(this.dataDir, { logger: quiet });
    this.handlers = this.createHandlers();
  }

  async stop(): Promise<void> {
    await Promise.all([this.library.close(), this.parser.close()]);
  }

  private readonly holds = new Map<string, { passes: number; gate: Promise<void> }>();

  /**
   * Holds calls on `channel` (after letting `afterCalls` through) until `release()`: the
   * test's way to catch a batch in the middle for a screenshot, without slowing anything.
   */
  hold(channel: string, { afterCalls = 0 } = {}): { release(): void } {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(channel, { passes: afterCalls, gate });
    return {
      release: () => {
        this.holds.delete(channel);
        release();
      },
    };
  }

  private async waitIfHeld(channel: string): Promise<void> {
    const hold = this.holds.get(channel);
    if (!hold) return;
    if (hold.passes > 0) hold.passes--;
    else await hold.gate;
  }

  /** One call from the page, taking the same path as in Electron: sender guard, then payload. */
  async invoke(
    sender: { url: string; parent: unknown },
    appOrigin: string,
    channel: unknown,
    payload: unknown,
  ) {
    const entry = { kind: 'http', origin: appOrigin } as const;
    if (typeof channel === 'string') await this.waitIfHeld(channel);
    return handleCall(this.handlers, entry, sender, channel, payload, quiet);
  }
}
