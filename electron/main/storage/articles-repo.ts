import { readFile, rm } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Low } from 'lowdb';
import {
  ArticleSummary,
  type Article,
  type ArticleAdded,
  type ArticleMetadataUpdate,
} from '../../../shared/domain/article';
import { AppError } from '../errors/app-error';
import { describeWriteFailure } from './describe-write-failure';
import { writeFileDurably } from './durable-write';
import { serializeStoreFile } from './parse-store-file';
import type { serialQueue } from './serial-queue';
import { readArticleFile } from './read-article-file';
import { reportUnreadableFile } from './report-unreadable-file';
import type { StoreContext } from './store-context';
import { StoreFileError } from './store-file-spec';
import { articleDetailsFileSpec, type LibraryFile } from './store-files';
import { toArticleSummary } from './to-article-summary';
import { withDetection } from './with-detection';
import { writeArticleFolder } from './write-article-folder';

export interface ArticlesRepo {
  /** The article index, newest import first. */
  list(): readonly ArticleSummary[];
  findById(id: string): ArticleSummary | undefined;
  findByContentHash(contentHash: string): ArticleSummary | undefined;
  get(id: string): Promise<Article>;
  /**
   * Adds the article, all or nothing. When an article with the same text is already in
   * the library, nothing is written and that one is returned with `created: false`.
   */
  insert(article: Article): Promise<ArticleAdded>;
  /** The same for a batch, with one index write (batch import, benchmarks). */
  insertMany(articles: readonly Article[]): Promise<ArticleAdded[]>;
  /**
   * Replaces the analyst-editable metadata of an article in the index (the article file
   * is never rewritten; the index wins when the article is read).
   */
  updateMetadata(update: ArticleMetadataUpdate): Promise<ArticleSummary>;
  /**
   * Stores what company detection found for many articles at once (one index write).
   * Tickers the analyst set by hand are kept; detection only fills the others.
   */
  updateDetections(detections: readonly CompanyDetection[]): Promise<void>;
  /** Resolves when every insert started so far has finished. */
  flush(): Promise<void>;
}

/** What company detection found in one article's text, and which detector found it. */
export interface CompanyDetection {
  id: string;
  companies: ArticleSummary['companies'];
  tickers: string[];
  stamp: string;
}

interface ArticlesRepoDeps extends StoreContext {
  index: Low<LibraryFile>;
  /** Every read-modify-write of `library.json` runs here (the codebook shares it). */
  indexWrites: ReturnType<typeof serialQueue>;
}

export function createArticlesRepo({
  layout,
  index,
  indexWrites: serialize,
  assertWritable,
  report,
  now,
}: ArticlesRepoDeps): ArticlesRepo {
  const findById = (id: string) => index.data.articles.find((a) => a.id === id);

  async function get(id: string): Promise<Article> {
    const summary = findById(id);
    if (!summary) throw new AppError('NOT_FOUND', 'This article is no longer in the library.');
    const path = layout.articleFile(id);
    try {
      // The index holds the analyst's metadata edits; the file keeps the imported content.
      return { ...(await readArticleFile(path, layout.dataDir)), ...summary };
    } catch (error) {
      if (!(error instanceof StoreFileError)) throw error;
      const file = relative(layout.dataDir, path);
      if (error.kind === 'newer-version') {
        throw new AppError(
          'STORE_READ_ONLY',
          `Couldn't open "${summary.title}": ${error.reason} (${file}). Update Margin to read it; nothing was changed.`,
        );
      }
      const outcome = `The article "${summary.title}" cannot be opened; its highlights are untouched.`;
      const { setAsideAs } = await reportUnreadableFile(
        layout.dataDir,
        path,
        error,
        outcome,
        report,
        now(),
      );
      throw new AppError(
        'STORE_CORRUPT',
        `Couldn't open "${summary.title}": its file ${file} is damaged (${error.reason}).` +
          (setAsideAs ? ` Margin set it aside as ${setAsideAs} and changed nothing else.` : ''),
      );
    }
  }

  async function insertNew(articles: readonly Article[]): Promise<void> {
    const what = articles.length === 1 ? `"${articles[0]?.title}"` : `${articles.length} articles`;
    const written: Article[] = [];
    const previous = index.data.articles;
    try {
      for (const article of articles) {
        await writeArticleFolder(layout, article);
        written.push(article);
      }
      index.data.articles = [...articles.map(toArticleSummary), ...previous];
      await index.write();
    } catch (error) {
      // All or nothing: forget the index change and remove the folders already written.
      index.data.articles = previous;
      await Promise.all(
        written.map((a) => rm(layout.articleDir(a.id), { recursive: true, force: true })),
      );
      throw describeWriteFailure(what, error);
    }
  }

  async function insertMany(articles: readonly Article[]): Promise<ArticleAdded[]> {
    assertWritable(); // checked when asked: a request accepted before close() still completes
    return serialize(async () => {
      const known = new Map(index.data.articles.map((a) => [a.contentHash, a]));
      const fresh: Article[] = [];
      const results = articles.map((article): ArticleAdded => {
        // A new version of an article repeats its text on purpose.
        const existing = article.versionOf ? undefined : known.get(article.contentHash);
        if (existing) return { article: existing, created: false };
        const summary = toArticleSummary(article);
        known.set(article.contentHash, summary);
        fresh.push(article);
        return { article: summary, created: true };
      });
      if (fresh.length > 0) await insertNew(fresh);
      return results;
    });
  }

  async function updateMetadata(update: ArticleMetadataUpdate): Promise<ArticleSummary> {
    assertWritable();
    return serialize(async () => {
      const { id, ...fields } = update;
      const previous = index.data.articles;
      const current = previous.find((a) => a.id === id);
      if (!current) throw new AppError('NOT_FOUND', 'This article is no longer in the library.');
      const tickersChanged = fields.tickers.join('\n') !== current.tickers.join('\n');
      const updated = ArticleSummary.parse({
        ...current,
        ...fields,
        tickersByAnalyst: current.tickersByAnalyst || tickersChanged,
      });
      const detailsPath = layout.detailsFile(id);
      const before = await readFile(detailsPath).catch(() => null);
      try {
        // First beside the article (what a rebuilt index reads), then in the index.
        await writeFileDurably(
          detailsPath,
          serializeStoreFile(articleDetailsFileSpec, {
            schemaVersion: 2,
            articleId: id,
            details: fields,
            tickersByAnalyst: updated.tickersByAnalyst,
          }),
        );
        index.data.articles = previous.map((a) => (a.id === id ? updated : a));
        await index.write();
      } catch (error) {
        index.data.articles = previous;
        if (before) await writeFileDurably(detailsPath, before).catch(() => undefined);
        else await rm(detailsPath, { force: true }).catch(() => undefined);
        throw describeWriteFailure(`the details of "${current.title}"`, error);
      }
      return updated;
    });
  }

  async function updateDetections(detections: readonly CompanyDetection[]): Promise<void> {
    if (detections.length === 0) return;
    assertWritable();
    return serialize(async () => {
      const byId = new Map(detections.map((d) => [d.id, d]));
      const previous = index.data.articles;
      index.data.articles = previous.map((article) => {
        const found = byId.get(article.id);
        return found ? withDetection(article, found) : article;
      });
      try {
        await index.write();
      } catch (error) {
        index.data.articles = previous;
        throw describeWriteFailure('the companies found in the articles', error);
      }
    });
  }

  return {
    list: () => index.data.articles,
    updateMetadata,
    updateDetections,
    findById,
    findByContentHash: (hash) => index.data.articles.find((a) => a.contentHash === hash),
    get,
    insertMany,
    insert: async (article) => (await insertMany([article]))[0]!,
    flush: () => serialize(async () => undefined),
  };
}
