import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { IntegrityProblem } from '../../../../shared/domain/durability';
import type { StoreNotice } from '../../../../shared/domain/library-status';
import { AppError } from '../../errors/app-error';
import type { AnnotationsRepo } from '../annotations-repo';
import type { ArticlesRepo } from '../articles-repo';
import type { CodebookRepo } from '../codebook-repo';
import type { LibraryLayout } from '../library-layout';
import type { MemosRepo } from '../memos-repo';
import { readArticleDetails } from '../read-article-details';
import { reportUnreadableFile } from '../report-unreadable-file';
import { scanArticleFolders } from '../scan-article-folders';
import { StoreFileError } from '../store-file-spec';
import { sweepTempFiles } from '../sweep-temp-files';
import { checkFileEnds } from './check-file-ends';
import { rollingCopyFolders } from '../generations/rolling-copy-folders';
import { findIntegrityProblems, type HighlightRef } from './find-integrity-problems';

export interface StartupCheckDeps {
  layout: LibraryLayout;
  articles: ArticlesRepo;
  annotations: AnnotationsRepo;
  codebook: CodebookRepo;
  memos: MemosRepo;
  report: (notice: StoreNotice) => void;
  now: () => Date;
  /** False in a read-only library: nothing is swept, moved or restored, only reported. */
  writable: boolean;
  /** Aborted when the library closes: the check stops between two files. */
  signal: AbortSignal;
}

/** Files checked between two turns of the event loop: the app answers while it runs. */
const FILES_PER_TURN = 8;

/**
 * Checks every store file the open did not read, after the library is open: each
 * article's text, highlights and edited details, and each memo's folder. Damaged files go
 * the way every damaged file goes (set aside, restored from a rolling copy when there is
 * one, the analyst told); temp files left by interrupted writes are swept; references that
 * point at nothing are returned as problems, never deleted.
 */
export async function runStartupCheck({
  layout,
  articles,
  annotations,
  codebook,
  memos,
  report,
  now,
  writable,
  signal,
}: StartupCheckDeps): Promise<IntegrityProblem[]> {
  const highlights: HighlightRef[] = [];
  const missingFolders: string[] = [];
  let checked = 0;
  const pause = async () => {
    if (++checked % FILES_PER_TURN === 0) await yieldToEvents();
    signal.throwIfAborted();
  };

  const onDisk = new Set(await scanArticleFolders(layout));
  for (const summary of [...articles.list()]) {
    await pause();
    const id = summary.id;
    if (!onDisk.has(id)) {
      missingFolders.push(id);
      continue;
    }
    if (writable) await sweepTempFiles(layout.articleDir(id), layout.dataDir, report, now());
    await checkArticleText(id, summary.title);
    await checkDetails(id, summary.title);
    try {
      for (const h of await annotations.listHighlights(id)) {
        highlights.push({ id: h.id, articleId: h.articleId, folderId: id, tags: h.tags });
      }
    } catch (error) {
      // A damaged file the open set aside and could not restore is reported already.
      if (!(error instanceof AppError)) throw error;
    }
  }

  const listed = new Set(articles.list().map((a) => a.id));
  const unlistedWithHighlights: string[] = [];
  for (const id of onDisk) {
    if (listed.has(id)) continue;
    const names = await readdir(layout.articleDir(id)).catch((): string[] => []);
    if (names.includes('annotations.json')) unlistedWithHighlights.push(id);
  }

  for (const memo of memos.citations()) {
    await pause();
    if (!writable) continue;
    await sweepTempFiles(layout.memoDir(memo.id), layout.dataDir, report, now());
    await sweepTempFiles(layout.revisionsDir(memo.id), layout.dataDir, report, now());
  }

  if (writable) {
    // Rolling copies and snapshots cut off mid-write: Margin's own copies, nothing to keep.
    const backups = join(layout.dataDir, 'backups');
    const own = [backups, join(backups, 'daily'), ...(await rollingCopyFolders(layout.dataDir))];
    for (const folder of own) {
      await pause();
      await sweepTempFiles(folder, layout.dataDir, report, now(), { keepCutOffSaves: false });
    }
  }

  return findIntegrityProblems({
    highlights,
    tagIds: new Set(codebook.list().map((t) => t.id)),
    memos: memos.citations(),
    missingFolders,
    unlistedWithHighlights,
  });

  /**
   * `article.json` is written once at import and read in full when it is opened; here
   * only its ends are looked at. A damaged one is set aside and reported.
   */
  async function checkArticleText(id: string, title: string): Promise<void> {
    const path = layout.articleFile(id);
    try {
      await checkFileEnds(path);
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      await reportDamaged(
        path,
        error,
        `"${title}" cannot be opened; its highlights are untouched. A daily snapshot in Settings → Backups may hold a good copy.`,
      );
    }
  }

  /** `details.json` copies what the index holds; the index keeps the edits when it is damaged. */
  async function checkDetails(id: string, title: string): Promise<void> {
    const path = layout.detailsFile(id);
    try {
      await readArticleDetails(path);
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      await reportDamaged(
        path,
        error,
        `The edited details of "${title}" are still in the library index; they are written here again at their next edit.`,
      );
    }
  }

  async function reportDamaged(path: string, error: StoreFileError, outcome: string) {
    const readOnly = !writable;
    await reportUnreadableFile(layout.dataDir, path, error, outcome, report, now(), { readOnly });
  }
}
