import { mkdir } from 'node:fs/promises';
import { relative } from 'node:path';
import { Low } from 'lowdb';
import type { LibraryStatus, StoreNotice } from '../../../shared/domain/library-status';
import type { Logger } from '../logging/logger';
import { createAnnotationsRepo, type AnnotationsRepo } from './annotations-repo';
import { createArticlesRepo, type ArticlesRepo } from './articles-repo';
import { createCodebookRepo, type CodebookRepo } from './codebook-repo';
import { rollBackInterruptedRestore } from './backup/roll-back-interrupted-restore';
import { acquireDataFolderLock } from './data-folder-lock';
import { DurableJsonFile } from './durable-json-file';
import { libraryLayout, type LibraryLayout } from './library-layout';
import { openMemosRepo, type MemosRepo } from './memos-repo';
import { readOnlyGuard } from './read-only-guard';
import { readArticleSummaries } from './read-article-summaries';
import { scanArticleFolders } from './scan-article-folders';
import { serialQueue } from './serial-queue';
import { createSettingsRepo, type SettingsRepo } from './settings-repo';
import { setAsideFile } from './set-aside-file';
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
}

interface LoadedIndex {
  index: Low<LibraryFile>;
  readOnlyReason: string | null;
}

/**
 * Reads `library.json`. A damaged index is set aside and rebuilt from the article folders
 * (nothing is lost but settings); an index from a newer Margin is opened read-only.
 */
async function loadIndex(
  layout: LibraryLayout,
  report: (notice: StoreNotice) => void,
  now: () => Date,
): Promise<LoadedIndex> {
  const index = new Low(
    new DurableJsonFile(layout.libraryFile, libraryFileSpec),
    emptyLibraryFile(),
  );
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
    const setAsideAs = await setAsideFile(layout.libraryFile, now());
    const articles = await readArticleSummaries(
      layout,
      await scanArticleFolders(layout),
      report,
      now(),
    );
    index.data = { ...emptyLibraryFile(), articles };
    await index.write();
    report({
      file: 'library.json',
      setAsideAs: relative(layout.dataDir, setAsideAs),
      reason: error.reason,
      outcome: `Margin rebuilt the article list from the article folders (${articles.length} articles); settings were reset to their defaults.`,
    });
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

/**
 * Opens the library in `dataDir` (created if needed) as its one writer: takes the lock,
 * sweeps interrupted writes, validates the index and recovers what can be recovered.
 * Throws DataFolderLockedError when another process has it open.
 */
export async function openLibrary(
  dataDir: string,
  { now = () => new Date(), logger = console }: OpenLibraryOptions = {},
): Promise<Library> {
  const layout = libraryLayout(dataDir);
  await mkdir(layout.articlesDir, { recursive: true, mode: 0o700 });
  await mkdir(layout.memosDir, { recursive: true, mode: 0o700 });
  const lock = await acquireDataFolderLock(layout.lockFile);
  try {
    const notices: StoreNotice[] = [];
    const report = (notice: StoreNotice) => {
      notices.push(notice);
      logger.warn(`Store: ${notice.file}: ${notice.reason}. ${notice.outcome}`);
    };
    const rolledBack = await rollBackInterruptedRestore(dataDir);
    if (rolledBack) report(rolledBack);
    await sweepStaging(layout);
    const { index, readOnlyReason } = await loadIndex(layout, report, now);
    if (!readOnlyReason) await adoptUnlistedArticles(layout, index, report, now, logger);
    let closing: Promise<void> | undefined;
    let stopWrites = false;
    const assertWritable = readOnlyGuard(() =>
      stopWrites ? 'Margin is closing the library.' : readOnlyReason,
    );
    const indexWrites = serialQueue();
    const articles = createArticlesRepo({
      layout,
      index,
      indexWrites,
      assertWritable,
      report,
      now,
    });
    const codebook = createCodebookRepo({ index, indexWrites, assertWritable, now });
    const settings = createSettingsRepo({ index, indexWrites, assertWritable });
    const closeTasks: Array<() => Promise<void>> = [];
    const annotations = createAnnotationsRepo({
      layout,
      assertWritable,
      report,
      now,
      articleExists: (id) => articles.findById(id) !== undefined,
    });
    const memos = await openMemosRepo({
      layout,
      assertWritable,
      report,
      now,
      readOnly: readOnlyReason !== null,
    });
    return {
      layout,
      articles,
      annotations,
      codebook,
      settings,
      memos,
      beforeClose: (task) => closeTasks.push(task),
      status: () => ({
        dataDir,
        readOnlyReason,
        articleCount: index.data.articles.length,
        notices: [...notices],
      }),
      close: () => {
        // The close tasks and the memos' close revisions run first (they may still write);
        // then new writes are refused and the ones under way finish before the lock is released.
        closing ??= Promise.allSettled(closeTasks.map((task) => task()))
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
          .then(() => lock.release());
        return closing;
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
