import { join } from 'node:path';
import type { Article, ArticleAdded } from '../../../shared/domain/article';
import type { Envelope } from '../../../shared/ipc/envelope';
import { buildArticle, type GivenMetadata } from '../features/articles/build-article';
import { companyDetector } from '../features/companies/company-detector';
import { parsePlainText } from '../features/import/formats/parse-plain-text';
import type { ParserPool } from '../features/import/worker/parser-pool';
import type { LibraryIndex } from '../features/library-index/library-index';
import { invokeChannel } from '../ipc/invoke-channel';
import type { Logger } from '../logging/logger';
import type { LibraryHost } from '../library-host';
import type { Library } from '../storage/open-library';
import type { AboutServices } from '../features/app/about-services';
import { chosenPathsDialogs, type ChosenPathsDialogs } from './chosen-paths-dialogs';
import { openAppHost } from './open-app-host';
import { collectingLogger } from './collecting-logger';
import { valueOf } from './envelope-of';
import { createTempDataDir } from './temp-data-dir';
import { recordingDesktop, type RecordingDesktop } from './recording-desktop';
import { AppEventQueue } from '../features/app-events/app-event-queue';
import { createChosenFiles } from '../features/import/chosen-files';

const seedsDir = join(import.meta.dirname, '../../../seeds');
/** A built `out/` folder may be absent in unit tests: its license lists are then skipped. */
const outDir = join(import.meta.dirname, '../../../out');

export interface MainHarness {
  /** The data folder: created by the first `start`, removed by `cleanup`. */
  readonly dataDir: string;
  /** The native dialogs: a test chooses paths and answers here before calling a channel. */
  readonly dialogs: ChosenPathsDialogs;
  /** The OS desktop: the folders main was asked to show. */
  readonly desktop: RecordingDesktop;
  /** Files opened with Margin and menu commands: a test pushes here as the OS and menu do. */
  readonly appEvents: AppEventQueue;
  /** The log folder About names, a temp folder of its own: empty until a test writes `main.log`. */
  readonly logDir: string;
  /** The open library; reading it while closed fails the test. */
  readonly library: Library;
  /** The index of the last start: tests wait for its builds. */
  readonly index: LibraryIndex;
  /** One call as the renderer makes it, through the contract and back in an envelope. */
  call(channel: string, payload?: unknown): Promise<Envelope<unknown>>;
  /**
   * Opens the library and every channel's handler as the app does, then waits for the
   * index's build unless told not to. `logger` replaces the quiet one until the next start.
   */
  start(options?: { wait?: boolean; logger?: Logger }): Promise<void>;
  close(): Promise<void>;
  restart(): Promise<void>;
  /** Closes the library and removes the data folder, so the next `start` gets a fresh one. */
  cleanup(): Promise<void>;
  /** The bundled sample, imported through its channel. */
  importSeed(): Promise<Article>;
  /**
   * A plain-text article stored and indexed as an import does (parsed, companies detected
   * with the current watchlist, dated `now()`), without the parser worker: its start-up
   * would dominate these tests.
   */
  addArticle(text: string, options: { language: string; given?: GivenMetadata }): Promise<Article>;
}

/**
 * The main process over a real temp data folder, wired as the app wires it: only the
 * native dialogs are replaced, and the log is kept quiet. The parser pool is the test's,
 * so it outlives restarts. Nothing here uses `this`: tests destructure `call` and the rest.
 */
export function mainHarness({
  parser,
  now,
  about,
}: {
  parser: ParserPool;
  now: () => Date;
  /** Replaces parts of what About is told (the home folder, the licenses' folder). */
  about?: Partial<Pick<AboutServices, 'versions' | 'licensesDir' | 'locale' | 'homeDir'>>;
}): MainHarness {
  const logger: Logger = collectingLogger();
  const dialogs = chosenPathsDialogs();
  const desktop = recordingDesktop();
  const appEvents = new AppEventQueue();
  const chosenFiles = createChosenFiles();
  let folder: { dir: string; cleanup: () => Promise<void> } | undefined;
  let logs: { dir: string; cleanup: () => Promise<void> } | undefined;
  let host: LibraryHost | undefined;
  let index: LibraryIndex | undefined;
  let callLogger = logger;

  const call = (channel: string, payload?: unknown) => {
    if (!host) throw new Error('a channel is called before the first start');
    return invokeChannel(host.handlers, channel, payload, callLogger);
  };
  const close = async () => {
    await host?.close();
    host = undefined;
  };
  const start: MainHarness['start'] = async ({ wait = true, logger: used = logger } = {}) => {
    folder ??= await createTempDataDir();
    logs ??= await createTempDataDir('margin-test-logs-');
    callLogger = used;
    host = await openAppHost(folder.dir, {
      seedsDir,
      parser,
      dialogs,
      now,
      logger: used,
      onIndex: (created) => (index = created),
      appEvents,
      chosenFiles,
      about: {
        versions: process.versions,
        dataDir: folder.dir,
        logDir: logs.dir,
        licensesDir: outDir,
        desktop,
        ...about,
      },
    });
    if (wait) await harness.index.whenBuilt();
  };

  const harness: MainHarness = {
    dialogs,
    desktop,
    appEvents,
    get logDir() {
      if (!logs) throw new Error('the log folder is read before the first start');
      return logs.dir;
    },
    get dataDir() {
      if (!folder) throw new Error('the data folder is read before the first start');
      return folder.dir;
    },
    get library() {
      if (!host) throw new Error('the library is read while it is closed');
      return host.library;
    },
    get index() {
      if (!index) throw new Error('the index is read before the first start');
      return index;
    },
    call,
    start,
    close,
    async restart() {
      await close();
      await start();
    },
    async cleanup() {
      await close();
      await folder?.cleanup();
      await logs?.cleanup();
      folder = undefined;
      logs = undefined;
    },
    async importSeed() {
      const { article } = valueOf<ArticleAdded>(
        await call('samples:import', { sampleId: 'microsoft-openai-de' }),
      );
      return valueOf<Article>(await call('articles:get', { id: article.id }));
    },
    async addArticle(text, { language, given }) {
      const built = await buildArticle(
        {
          document: { ...parsePlainText(text), metadata: { language } },
          given,
          origin: { kind: 'paste', format: 'text' },
          detector: companyDetector(harness.library.settings.watchlist()),
        },
        now(),
      );
      const { article } = await harness.library.articles.insert(built);
      await harness.index.articleChanged(article.id);
      return valueOf<Article>(await call('articles:get', { id: article.id }));
    },
  };
  return harness;
}
