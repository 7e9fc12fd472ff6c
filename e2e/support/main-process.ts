import type { ChannelHandlers } from '../../electron/main/ipc/channel-handlers';
import { handleCall } from '../../electron/main/ipc/handle-call';
import { invokeChannel } from '../../electron/main/ipc/invoke-channel';
import { createWorkbenchApi } from '../../shared/ipc/create-workbench-api';
import {
  createWorkbenchClient,
  type WorkbenchClient,
} from '../../renderer/src/lib/workbench-client';
import type { Logger } from '../../electron/main/logging/logger';
import {
  createParserPool,
  type ParserPool,
} from '../../electron/main/features/import/worker/parser-pool';
import type { LibraryHost } from '../../electron/main/library-host';
import { openAppHost } from '../../electron/main/test-support/open-app-host';
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
  private host!: LibraryHost;

  private stopped = false;

  private constructor(
    readonly dataDir: string,
    private readonly now: (() => Date) | undefined,
  ) {
    this.parser.warm(); // as the app does once its window is up
  }

  private get handlers(): ChannelHandlers {
    return this.host.handlers;
  }

  /**
   * `now` replaces the clock of every handler (a frozen clock makes exports reproducible:
   * the docs' example report is made and checked with one).
   */
  static async start(dataDir: string, { now }: { now?: () => Date } = {}): Promise<MainProcess> {
    const main = new MainProcess(dataDir, now);
    await main.launch();
    return main;
  }

  /** Opens the library and every handler over it, as the app does when it starts. */
  private async launch(): Promise<void> {
    const { dataDir, parser, dialogs, now } = this;
    this.host = await openAppHost(dataDir, { seedsDir, parser, dialogs, now, logger: quiet });
    this.stopped = false;
  }

  /** Quit and relaunch (after `stop`, a fresh start), with `whileClosed` run in between. */
  async restart(whileClosed: () => Promise<void> = async () => undefined): Promise<void> {
    if (!this.stopped) {
      await this.host.replaceContents(whileClosed);
      return;
    }
    await whileClosed();
    await this.launch();
  }

  /**
   * The workbench API over these handlers, for a test to set the library up quickly the
   * way the page would (it skips only the sender check, which needs a page).
   */
  client(): WorkbenchClient {
    return createWorkbenchClient(
      createWorkbenchApi((channel, payload) =>
        invokeChannel(this.handlers, channel, payload, quiet),
      ),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.host.close(), this.parser.close()]);
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
