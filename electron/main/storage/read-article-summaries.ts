import type { ArticleSummary } from '../../../shared/domain/article';
import type { StoreNotice } from '../../../shared/domain/library-status';
import { AppError } from '../errors/app-error';
import type { LibraryLayout } from './library-layout';
import { readArticleDetails } from './read-article-details';
import { readArticleFile } from './read-article-file';
import { reportUnreadableFile } from './report-unreadable-file';
import { StoreFileError } from './store-file-spec';
import { toArticleSummary } from './to-article-summary';

/**
 * Reads the index entries back from the given article folders (each `article.json` holds
 * its own metadata, and `details.json` the analyst's edits of it, so the index can always
 * be rebuilt). A damaged `article.json` is set
 * aside and reported, never dropped silently.
 */
export async function readArticleSummaries(
  layout: LibraryLayout,
  ids: readonly string[],
  report: (notice: StoreNotice) => void,
  now: Date,
  /** False in a folder Margin may not write: damaged files are reported where they lie. */
  writable = true,
): Promise<ArticleSummary[]> {
  const reportDamaged = (path: string, error: StoreFileError, outcome: string) =>
    reportUnreadableFile(layout.dataDir, path, error, outcome, report, now, {
      readOnly: !writable,
    });
  const summaries: ArticleSummary[] = [];
  for (const id of ids) {
    const path = layout.articleFile(id);
    let summary: ArticleSummary;
    try {
      summary = toArticleSummary(await readArticleFile(path, layout.dataDir));
    } catch (error) {
      if (error instanceof AppError && error.code === 'FORBIDDEN') {
        // A folder replaced by a link out of the data folder is not Margin's to read.
        report({
          file: `articles/${id}`,
          setAsideAs: null,
          reason: 'the folder is a link to a place outside the data folder',
          outcome: 'Margin did not follow the link; the folder was left as it is.',
        });
        continue;
      }
      if (!(error instanceof StoreFileError)) throw error;
      const outcome = `The article in folder articles/${id} could not be listed; its folder was left as it is.`;
      await reportDamaged(path, error, outcome);
      continue;
    }
    // The analyst's edits of title, source, tickers… survive a rebuilt index.
    const detailsPath = layout.detailsFile(id);
    try {
      const details = await readArticleDetails(detailsPath);
      if (details) summary = { ...summary, ...details };
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      const outcome = `"${summary.title}" is listed with the details it was imported with.`;
      await reportDamaged(detailsPath, error, outcome);
    }
    summaries.push(summary);
  }
  return summaries.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}
