import { access, constants, mkdir } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { IntegrityProblem } from '../../../shared/domain/durability';
import type { LibraryStatus, StoreNotice } from '../../../shared/domain/library-status';
import type { Logger } from '../logging/logger';
import { createAnnotationsRepo, type AnnotationsRepo } from './annotations-repo';
import { createArticlesRepo, type ArticlesRepo } from './articles-repo';
import { createCodebookRepo, type CodebookRepo } from './codebook-repo';
import { rollBackInterruptedRestore } from './backup/roll-back-interrupted-restore';
import { acquireDataFolderLock, type DataFolderLock } from './data-folder-lock';
import {
  DAILY_SNAPSHOT_DELAY_MS,
  scheduleDailySnapshots,
} from './snapshots/schedule-daily-snapshots';
import { externalChangeError } from './external-change';
import { createGenerationStore, type GenerationStore } from './generations/generation-store';
import { copyTime, restoreNewestGeneration } from './generations/restore-newest-generation';
import { reportUnreadableFile } from './report-unreadable-file';
import { runStartupCheck } from './startup-check/run-startup-check';
import { createWriteHealth, type WriteHealth } from './write-health';
import { DurableJsonFile } from './durable-json-file';
import { libraryLayout, type LibraryLayout } from './library-layout';
import { openMemosRepo, type MemosRepo } from './memos-repo';
import { readOnlyGuard } from './read-only-guard';
import { readArticleSummaries } from './read-article-summaries';
import { scanArticleFolders } from './scan-article-folders';
import { serialQueue } from './serial-queue';
import { createSettingsRepo, type SettingsRepo } from './settings-repo';
import { StoreFileError } from './store-file-spec';
import { emptyLibraryFile, LibraryFile, libraryFileSpec } from './store-files';
import { sweepStaging } from './sweep-staging';

/** The open library: the only way the rest of main reaches the data folder. */
export interface Library {
  readonly layout: LibraryLayout;
  readonly articles: ArticlesRepo;
  readonly annotations: AnnotationsRepo;
  readonly codebook: CodebookRepo;
  readonly settings: SettingsRepo;
  readonly memos: MemosRepo;
  /** Rolling copies of library.json, the memos and the highlights files. */
  readonly generations: GenerationStore;
  /** Whether saving works; set by the handlers when a write fails. */
  readonly writeHealth: WriteHealth;
  /** The background check of every store file started at open; resolves when it is done. */
  readonly startupCheck: Promise<void>;
  status(): LibraryStatus;
  /** Runs `task` when the library closes, before its own writes finish (caches flush here). */
  beforeClose(task: () => Promise<void>): void;
  /**
   * Runs the close tasks, takes a `close` revision of each memo changed since its last
   * one, waits for pending writes, then releases the lock.
   */
  close(): Promise<void>;
}

export interface OpenLibraryOptions {
  now?: () => Date;
  logger?: Logger;
  /** Named in the daily snapshots. */
  appVersion?: string;
  /** How long after opening the day's snapshot is taken (tests pass Infinity: none). */
  dailySnapshotDelayMs?: number;
}

interface LoadedIndex {
  index: Low<LibraryFile>;
  readOnlyReason: string | null;
}

interface LoadIndexOptions {
  layout: LibraryLayout;
  report: (notice: StoreNotice) => void;
  now: () => Date;
  generations: GenerationStore;
  /** False when the folder cannot be written: nothing is moved or rewritten. */
  writable: boolean;
  adapter: DurableJsonFile<LibraryFile>;
}

/** The index rebuilt from the article folders (each holds its own metadata). */
async function rebuiltIndex(
  layout: LibraryLayout,
  report: (notice: StoreNotice) => void,
  now: Date,
  writable = true,
): Promise<LibraryFile> {
  const folders = await scanArticleFolders(layout);
  const articles = await readArticleSummaries(layout, folders, report, now, writable);
  return { ...emptyLibraryFile(), articles };
}

/**
 * A library whose `library.json` is gone (deleted by hand, by a sync tool) but which has
 * rolling copies of it gets the newest valid one back. A new library has neither.
 */
async function restoreIfMissing(
  layout: LibraryLayout,
  generations: GenerationStore,
  report: (notice: StoreNotice) => void,
): Promise<void> {
  const exists = await access(layout.libraryFile).then(
    () => true,
    () => false,
  );
  if (exists) return;
  const file = { kind: 'library' } as const;
  const copy = await restoreNewestGeneration(
    generations,
    file,
    libraryFileSpec,
    layout.libraryFile,
  );
  if (!copy) return;
  report({
    file: 'library.json',
    setAsideAs: null,
    reason: 'it was missing',
    outcome: `Margin put back its rolling copy of ${copyTime(copy.at)}; changes to settings and tags made after that time are lost, articles imported since are listed again from their folders.`,
  });
}

/**
 * Reads `library.json`. A damaged index is set aside and replaced by its newest valid
 * rolling copy (the articles imported since are added back from their folders by
 * adoptUnlistedArticles), or, without one, rebuilt from the article folders (nothing is
 * lost but settings and tags). An index from a newer Margin is opened read-only.
 */
async function loadIndex({
  layout,
  report,
  now,
  generations,
  writable,
  adapter,
}: LoadIndexOptions): Promise<LoadedIndex> {
  const index = new Low(adapter, emptyLibraryFile());
  if (writable) await restoreIfMissing(layout, generations, report);
  try {
    await index.read();
    return { index, readOnlyReason: null };
  } catch (error) {
    if (!(error instanceof StoreFileError)) throw error;
    if (error.kind === 'newer-version') {
      const readable = LibraryFile.safeParse({
        ...error.data,
        schemaVersion: libraryFileSpec.currentVersion,
      });
      if (readable.success) index.data = readable.data;
      return {
        index,
        readOnlyReason: `library.json cannot be changed here: ${error.reason}. Margin opened it read-only so that it cannot damage it; update Margin to work in this library.`,
      };
    }
    if (!writable) {
      // Nothing may be moved or written: the list is rebuilt in memory only.
      index.data = await rebuiltIndex(layout, () => undefined, now(), false);
      report({
        file: 'library.json',
        setAsideAs: null,
        reason: error.reason,
        outcome: `Margin listed the articles from their folders (${index.data.articles.length}) and left the file as it is.`,
      });
      return { index, readOnlyReason: null };
    }
    await reportUnreadableFile(
      layout.dataDir,
      layout.libraryFile,
      error,
      'Margin could not write a replacement; it lists the articles from their folders until it can.',
      report,
      now(),
      {
        recover: async () => {
          const copy = await restoreNewestGeneration(
            generations,
            { kind: 'library' },
            libraryFileSpec,
            layout.libraryFile,
          );
          if (copy) {
            await index.read();
            return `Margin put back its rolling copy of ${copyTime(copy.at)} and listed again the articles imported since from their folders; changes to settings and tags made after that time are in the set-aside file only.`;
          }
          index.data = await rebuiltIndex(layout, report, now());
          await index.write();
          return `Margin had no good copy of it, so it rebuilt the article list from the article folders (${index.data.articles.length} articles); settings and tags were reset to their defaults.`;
        },
      },
    );
    return { index, readOnlyReason: null };
  }
}

/**
 * Adds to the index the article folders it does not list: an import whose folder was
 * complete when the app stopped before updating the index.
 */
async function adoptUnlistedArticles(
  layout: LibraryLayout,
  index: Low<LibraryFile>,
  report: (notice: StoreNotice) => void,
  now: () => Date,
  logger: Logger,
): Promise<void> {
  const listed = new Set(index.data.articles.map((a) => a.id));
  const unlisted = (await scanArticleFolders(layout)).filter((id) => !listed.has(id));
  if (unlisted.length === 0) return;
  const adopted = await readArticleSummaries(layout, unlisted, report, now());
  if (adopted.length === 0) return;
  index.data.articles = [...adopted, ...index.data.articles].sort((a, b) =>
    b.importedAt.localeCompare(a.importedAt),
  );
  await index.write();
  logger.info(`Listed ${adopted.length} article(s) whose import finished as the app stopped.`);
}

/** The data folder cannot be written at all: the library is opened for reading only. */
const UNWRITABLE_FOLDER =
  'Margin is not allowed to write to its data folder (it or the disk is read-only, or it belongs to another user), so it opened the library read-only. Nothing you see can be changed until that is fixed; then start Margin again.';

const isUnwritable = (error: unknown) =>
  ['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * Creates the library's folders and takes its lock. A folder Margin may read but not
 * write gives no lock (null) instead of an error: the library then opens read-only.
 */
async function lockForWriting(layout: LibraryLayout): Promise<DataFolderLock | null> {
  try {
    await mkdir(layout.articlesDir, { recursive: true, mode: 0o700 });
    await mkdir(layout.memosDir, { recursive: true, mode: 0o700 });
    return await acquireDataFolderLock(layout.lockFile);
  } catch (error) {
    if (!isUnwritable(error)) throw error;
    await access(layout.dataDir, constants.R_OK); // not even readable: nothing to open
    return null;
  }
}

/**
 * Opens the library in `dataDir` (created if needed) as its one writer: takes the lock,
 * sweeps interrupted writes, validates the index and recovers what can be recovered, then
 * checks every other store file in the background (`startupCheck`). A folder Margin may
 * not write opens read-only. Throws DataFolderLockedError when another process has it open.
 */
export async function openLibrary(
  dataDir: string,
  {
    now = () => new Date(),
    logger = console,
    appVersion = 'unknown',
    dailySnapshotDelayMs = DAILY_SNAPSHOT_DELAY_MS,
  }: OpenLibraryOptions = {},
): Promise<Library> {
  const layout = libraryLayout(dataDir);
  const lock = await lockForWriting(layout);
  try {
    const notices: StoreNotice[] = [];
    const report = (notice: StoreNotice) => {
      notices.push(notice);
      logger.warn(`Store: ${notice.file}: ${notice.reason}. ${notice.outcome}`);
    };
    const writable = lock !== null;
    const generations = createGenerationStore({ dataDir, now, logger });
    const writeHealth = createWriteHealth({ dataDir, now });
    if (writable) {
      const rolledBack = await rollBackInterruptedRestore(dataDir);
      if (rolledBack) report(rolledBack);
      await sweepStaging(layout, report, now());
    }
    const indexWrites = serialQueue();
    let index: Low<LibraryFile> | null = null;
    const indexAdapter = new DurableJsonFile(layout.libraryFile, libraryFileSpec, {
      onWritten: (text) => {
        writeHealth.succeeded();
        generations.record({ kind: 'library' }, text);
      },
      onConflict: (copy) => {
        // After the change under way has rolled back, the index is read again from disk.
        void indexWrites(async () => {
          await index?.read().catch((error: unknown) => {
            logger.warn('Store: library.json changed outside Margin and cannot be read.', error);
          });
        });
        return externalChangeError(
          dataDir,
          layout.libraryFile,
          copy,
          'the library',
          report,
          'Margin now uses the version on disk; make the change again.',
        );
      },
    });
    const loaded = await loadIndex({
      layout,
      report,
      now,
      generations,
      writable,
      adapter: indexAdapter,
    });
    index = loaded.index;
    const readOnlyReason = writable ? loaded.readOnlyReason : UNWRITABLE_FOLDER;
    if (!readOnlyReason) await adoptUnlistedArticles(layout, index, report, now, logger);
    let closing: Promise<void> | undefined;
    let stopWrites = false;
    const assertWritable = readOnlyGuard(() =>
      stopWrites ? 'Margin is closing the library.' : readOnlyReason,
    );
    const saved = () => writeHealth.succeeded();
    const context = { layout, assertWritable, report, now, generations, saved };
    const articles = createArticlesRepo({ ...context, index, indexWrites });
    const codebook = createCodebookRepo({ index, indexWrites, assertWritable, now });
    const settings = createSettingsRepo({ index, indexWrites, assertWritable });
    const closeTasks: Array<() => Promise<void>> = [];
    const annotations = createAnnotationsRepo({
      ...context,
      articleExists: (id) => articles.findById(id) !== undefined,
    });
    const memos = await openMemosRepo({ ...context, readOnly: readOnlyReason !== null });

    // Every other store file is checked after the library is open: the window does not wait.
    let integrity: IntegrityProblem[] = [];
    let checking = true;
    const check = new AbortController();
    const startupCheck = runStartupCheck({
      layout,
      articles,
      annotations,
      codebook,
      memos,
      report,
      now,
      writable: readOnlyReason === null,
      signal: check.signal,
    })
      .then((problems) => {
        integrity = problems;
        for (const problem of problems) logger.warn(`Store check: ${problem.message}`);
      })
      .catch((error: unknown) => logger.warn('Store: the startup check stopped.', error))
      .finally(() => {
        checking = false;
      });
    const snapshots = scheduleDailySnapshots({
      layout,
      appVersion,
      now,
      logger,
      firstDelayMs: dailySnapshotDelayMs,
      enabled: readOnlyReason === null,
      settle: () => Promise.all([articles.flush(), annotations.flush(), memos.flush()]),
    });

    return {
      layout,
      articles,
      annotations,
      codebook,
      settings,
      memos,
      generations,
      writeHealth,
      startupCheck,
      beforeClose: (task) => closeTasks.push(task),
      status: () => ({
        dataDir,
        readOnlyReason,
        articleCount: index.data.articles.length,
        notices: [...notices],
        writeFailure: writeHealth.current(),
        integrity,
        checking,
      }),
      close: () => {
        // The close tasks and the memos' close revisions run first (they may still write);
        // then new writes are refused and the ones under way finish before the lock is released.
        check.abort();
        closing ??= Promise.allSettled([...closeTasks.map((task) => task()), startupCheck])
          .then(() => snapshots.stop())
          .then(() =>
            memos.takeCloseRevisions().catch((error: unknown) => {
              logger.warn('Store: could not take the close revisions of the memos.', error);
            }),
          )
          .then(() => {
            stopWrites = true;
            return Promise.all([
              articles.flush(),
              annotations.flush(),
              memos.flush(),
              indexWrites(async () => undefined),
            ]);
          })
          .then(() => generations.flush())
          .then(() => {
            writeHealth.stop();
            return lock?.release();
          });
        return closing;
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
