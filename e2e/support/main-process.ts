import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { AppEventQueue } from '../../electron/main/features/app-events/app-event-queue';
import { createChosenFiles } from '../../electron/main/features/import/chosen-files';
import { chosenPathsDialogs } from '../../electron/main/test-support/chosen-paths-dialogs';
import { recordingDesktop } from '../../electron/main/test-support/recording-desktop';
import { buildDir, importWorkerBundle, seedsDir } from './paths';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: console.error };

/**
 * The real main-process side, in the test process: the same storage, handlers, input
 * parsing and sender guard as in Electron, over a real data folder. `restart` is a
 * fresh start over the same folder, as after quitting and relaunching the app.
 */
export class MainProcess {
  /** The open-file dialog: a test calls `dialogs.choose([...paths])` before pressing Ctrl+O. */
  readonly dialogs = chosenPathsDialogs();
  /** Files opened with Margin and menu commands; they outlive a restart, as in the app. */
  private readonly appEvents = new AppEventQueue();
  private readonly chosenFiles = createChosenFiles();
  /** The OS file manager: `desktop.opened` lists the folders the page asked main to show. */
  readonly desktop = recordingDesktop();
  /** The parser worker as the app ships it: the bundle built by `electron-vite build`. */
  private readonly parser: ParserPool = createParserPool({
    workerFile: importWorkerBundle,
    logger: quiet,
  });
  private host!: LibraryHost;

  private stopped = false;

  private constructor(
    readonly dataDir: string,
    /** Where About says the log is: a temp folder for a test's `main.log`, removed by `stop`. */
    readonly logDir: string,
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
    const logDir = await mkdtemp(join(tmpdir(), 'margin-e2e-logs-'));
    const main = new MainProcess(dataDir, logDir, now);
    await main.launch();
    return main;
  }

  /** Opens the library and every handler over it, as the app does when it starts. */
  private async launch(): Promise<void> {
    const { dataDir, logDir, parser, dialogs, desktop, now } = this;
    await mkdir(logDir, { recursive: true });
    this.host = await openAppHost(dataDir, {
      seedsDir,
      parser,
      dialogs,
      now,
      logger: quiet,
      // Main runs in Node here: `process.versions` has no Electron or Chromium, truthfully.
      about: { versions: process.versions, dataDir, logDir, licensesDir: buildDir, desktop },
      appEvents: this.appEvents,
      chosenFiles: this.chosenFiles,
    });
    this.stopped = false;
  }

  /**
   * The OS hands files to Margin ("Open with Margin", a double-click, a second launch with
   * paths): main queues them for the page exactly as `open-file` and `second-instance` do.
   */
  openWith(paths: string[]): void {
    this.appEvents.push({ kind: 'openFiles', paths });
  }

  /** A Help menu item, as the application menu sends it. */
  menu(item: 'showAbout' | 'reportProblem'): void {
    this.appEvents.push({ kind: item });
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

  /** Quits; the log folder goes too (a relaunch makes it again, empty). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([
      this.host.close(),
      this.parser.close(),
      rm(this.logDir, { recursive: true, force: true }),
    ]);
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
