import { stat } from 'node:fs/promises';
import { ClaimsBoard } from '../../../../shared/claims/claims-board';
import type { ClaimPage } from '../../../../shared/claims/claim-page';
import type { ClaimQuery } from '../../../../shared/claims/claim-query';
import type { ClaimRow } from '../../../../shared/claims/claim-row';
import { anchorHighlights } from '../../../../shared/anchoring/anchor-highlights';
import type { Article, ArticleSummary } from '../../../../shared/domain/article';
import type { Tag } from '../../../../shared/domain/codebook';
import type { AnchoredHighlight, Highlight } from '../../../../shared/domain/highlight';
import type { IndexStatus } from '../../../../shared/domain/search-result';
import { tagsWithDescendants } from '../../../../shared/claims/tags-with-descendants';
import { SearchIndex, type SearchHit } from '../../../../shared/search/search-index';
import type { Logger } from '../../logging/logger';
import type { CompanyDetection as StoredDetection } from '../../storage/articles-repo';
import { readIndexCache, writeIndexCache } from '../../storage/index-cache-file';
import { withDetection } from '../../storage/with-detection';
import type { Library } from '../../storage/open-library';
import type { CompanyDetector } from '../companies/company-detector';
import { claimRows } from './claim-rows';
import type { CachedArticle } from './index-cache-header';
import {
  INDEX_CACHE_FORMAT,
  IndexCacheHeader,
  type IndexCacheHeader as Header,
} from './index-cache-header';
import { LinkIndex, type IncomingLink } from './link-index';
import {
  articleDocId,
  articleSearchDocument,
  claimDocId,
  claimSearchDocument,
  claimSearchKey,
  codebookKey,
} from './search-documents';
import { summaryKey } from './summary-key';

export interface LibraryIndexDeps {
  library: Library;
  /** Reads an article's text (cached by the caller: highlights read the same articles). */
  articleText: (id: string) => Promise<Article>;
  /** The detector for the current watchlist. */
  detector: () => CompanyDetector;
  logger: Logger;
  /** How long after the last change the cache is written (it is also written on close). */
  cacheDelayMs?: number;
}

/**
 * Articles read per step of a build: one write of `library.json` for their detected
 * companies (which costs ~0.5 s of main's time for 10,000 articles, so not too often).
 */
const BUILD_BATCH = 500;
/** Articles read at once within a step (their texts are in memory together). */
const READ_AT_ONCE = 16;

interface ArticleEntry extends CachedArticle {
  /** Search keys of its claims, so an edit re-indexes only what changed. */
  searchKeys: Map<string, string>;
}

/** Why an article is read again during a build. */
interface Work {
  summary: ArticleSummary;
  annotationsStamp: string;
  claims: boolean;
  document: boolean;
  detection: boolean;
}

/**
 * Everything derived from the shards for finding claims: the claims board's rows, the
 * links between claims seen from their targets, and the full-text search index. It is a
 * cache (`cache/library-index.bin`): loaded at start, checked against the shards in the
 * background (stale or missing parts are rebuilt, with progress), updated on each change,
 * and written off the hot path. Queries answer from what is indexed at the moment.
 */
export class LibraryIndex {
  private readonly entries = new Map<string, ArticleEntry>();
  private readonly rowsById = new Map<string, ClaimRow>();
  private readonly claimsById = new Map<string, Highlight>();
  private readonly links = new LinkIndex();
  private readonly board: ClaimsBoard;
  /** The codebook the board last saw (sub-tag filters follow the parent chain). */
  private boardCodebook: readonly Tag[];
  /** Articles whose rows the board holds. */
  private readonly boardArticles = new Set<string>();
  private search = new SearchIndex();
  /** Bumped by each change of an article, so a build never applies what it read before it. */
  private readonly generations = new Map<string, number>();
  private readonly pending = new Set<Promise<unknown>>();
  private progress: IndexStatus = { state: 'building', done: 0, total: 0 };
  private loaded: Promise<void> = Promise.resolve();
  private building: Promise<void> = Promise.resolve();
  private cacheTimer: NodeJS.Timeout | null = null;
  /** The cache writes, one after the other (see writeCache). */
  private cacheWrites: Promise<void> = Promise.resolve();
  private dirty = false;
  private closed = false;
  private readonly cacheDelayMs: number;

  private constructor(private readonly deps: LibraryIndexDeps) {
    // Writing 100,000 claims takes ~1 s of main's time; a lost write only costs a re-check.
    this.cacheDelayMs = deps.cacheDelayMs ?? 60_000;
    this.boardCodebook = deps.library.codebook.list();
    this.board = new ClaimsBoard([], this.boardCodebook);
  }

  /**
   * Loads the cache and starts checking it against the shards in the background; the
   * index answers at once from what the cache held.
   */
  static start(deps: LibraryIndexDeps): LibraryIndex {
    const index = new LibraryIndex(deps);
    index.loaded = index.loadCache().catch((error: unknown) => {
      deps.logger.warn('Index: could not read its cache; rebuilding.', error);
    });
    index.building = index.loaded.then(() => index.build());
    deps.library.beforeClose(() => index.close());
    return index;
  }

  status(): IndexStatus {
    return { ...this.progress };
  }

  /** Resolves when the current build has finished (tests, benchmarks). */
  async whenBuilt(): Promise<void> {
    await this.building;
    await this.settled();
  }

  async queryClaims(query: ClaimQuery): Promise<ClaimPage> {
    await this.settled();
    const codebook = this.deps.library.codebook.list();
    if (codebook !== this.boardCodebook) {
      this.board.setCodebook(codebook);
      this.boardCodebook = codebook;
    }
    return this.board.query(query);
  }

  async searchHits(query: string, limit: number): Promise<SearchHit[]> {
    await this.settled();
    return this.search.search(query, { limit });
  }

  row(claimId: string): ClaimRow | undefined {
    return this.rowsById.get(claimId);
  }

  claim(claimId: string): Highlight | undefined {
    return this.claimsById.get(claimId);
  }

  incomingLinks(claimId: string): readonly IncomingLink[] {
    return this.links.incoming(claimId);
  }

  /** Waits for the changes already announced (not for a build under way). */
  async settled(): Promise<void> {
    await this.loaded;
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** An article's highlights changed on disk (created, edited, deleted, linked…). */
  claimsChanged(articleId: string): Promise<void> {
    return this.track(articleId, async () => {
      const summary = this.deps.library.articles.findById(articleId);
      if (!summary) return this.forget(articleId);
      const [article, highlights, stamp] = await Promise.all([
        this.deps.articleText(articleId),
        this.deps.library.annotations.listHighlights(articleId),
        this.annotationsStamp(articleId),
      ]);
      return () => {
        // An article edit whose own update was overtaken by this one lands here.
        if (this.documentStale(summary)) this.applyDocument(summary, article.text);
        const known = this.entries.get(articleId)?.claims;
        this.applyClaims(summary, anchored(article.text, highlights, known), stamp);
      };
    });
  }

  private documentStale(summary: ArticleSummary): boolean {
    const entry = this.entries.get(summary.id);
    return entry?.summaryKey !== summaryKey(summary) || !this.search.has(articleDocId(summary.id));
  }

  /** An article was imported or its metadata edited. */
  articleChanged(articleId: string): Promise<void> {
    return this.track(articleId, async () => {
      const summary = this.deps.library.articles.findById(articleId);
      if (!summary) return this.forget(articleId);
      const article = await this.deps.articleText(articleId);
      const entry = this.entries.get(articleId);
      if (entry) {
        return () => {
          this.applyDocument(summary, article.text);
          this.applyClaims(summary, entry.claims, entry.annotationsStamp);
        };
      }
      const [highlights, stamp] = await Promise.all([
        this.deps.library.annotations.listHighlights(articleId),
        this.annotationsStamp(articleId),
      ]);
      return () => {
        this.applyDocument(summary, article.text);
        const known = this.entries.get(articleId)?.claims;
        this.applyClaims(summary, anchored(article.text, highlights, known), stamp);
      };
    });
  }

  /**
   * Tag names changed (rename, merge): claims carrying these tags (or any, without ids) are
   * found by their new paths.
   */
  codebookChanged(tagIds?: readonly string[]): Promise<void> {
    const run = (async () => {
      await this.loaded;
      const codebook = this.deps.library.codebook.list();
      // A rename changes the paths of the tag and everything below it; nothing else.
      const touched = tagIds ? new Set(tagsWithDescendants(codebook, tagIds)) : null;
      for (const [articleId, entry] of this.entries) {
        const title = this.deps.library.articles.findById(articleId)?.title ?? '';
        for (const { highlight } of entry.claims) {
          if (highlight.tags.length === 0) continue;
          if (touched && !highlight.tags.some((t) => touched.has(t))) continue;
          this.search.add(claimSearchDocument(highlight, title, codebook));
        }
      }
      this.markDirty();
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run)).catch(() => undefined);
    return run;
  }

  /** The watchlist changed: every article is searched for companies again, in the background. */
  redetectCompanies(): void {
    this.building = this.building.catch(() => undefined).then(() => this.build());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.building.catch(() => undefined);
    await this.settled();
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    await this.writeCache();
  }

  // ── changes ──────────────────────────────────────────────────────────────

  /**
   * Runs an update: `read` does the I/O and returns the synchronous part, which is applied
   * only if no later change of the same article was applied meanwhile.
   */
  private track(articleId: string, read: () => Promise<(() => void) | void>): Promise<void> {
    const generation = this.bump(articleId);
    const run = (async () => {
      await this.loaded; // a change made while the cache loads must not be replaced by it
      const apply = await read();
      if (apply && this.generations.get(articleId) === generation) apply();
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run)).catch(() => undefined);
    return run.catch((error: unknown) => {
      this.deps.logger.warn(`Index: could not update article ${articleId}`, error);
    });
  }

  private bump(articleId: string): number {
    const next = (this.generations.get(articleId) ?? 0) + 1;
    this.generations.set(articleId, next);
    return next;
  }

  private applyDocument(summary: ArticleSummary, text: string): void {
    this.search.add(articleSearchDocument(summary, text));
    this.markDirty();
  }

  private applyClaims(
    summary: ArticleSummary,
    claims: readonly AnchoredHighlight[],
    annotationsStamp: string,
  ): void {
    const id = summary.id;
    const before = this.entries.get(id);
    const codebook = this.deps.library.codebook.list();
    const searchKeys = new Map<string, string>();
    for (const { highlight } of claims) {
      const key = claimSearchKey(highlight, summary.title);
      searchKeys.set(highlight.id, key);
      if (before?.searchKeys.get(highlight.id) !== key) {
        this.search.add(claimSearchDocument(highlight, summary.title, codebook));
      }
    }
    for (const { highlight } of before?.claims ?? []) {
      if (!searchKeys.has(highlight.id)) {
        this.search.remove(claimDocId(highlight.id));
        this.rowsById.delete(highlight.id);
        this.claimsById.delete(highlight.id);
      }
    }
    // Link counts live on the targets' rows: their articles' rows are refreshed too.
    const targetsBefore = (before?.claims ?? []).flatMap((c) => c.highlight.links);
    this.links.setArticle(
      id,
      claims.map((c) => c.highlight),
    );
    this.entries.set(id, {
      summaryKey: summaryKey(summary),
      title: summary.title,
      annotationsStamp,
      claims: [...claims],
      searchKeys,
    });
    this.refreshRows(summary);
    // …and the claims linked to this article's claims count their targets anew.
    const linked = new Set([
      ...[...targetsBefore, ...claims.flatMap((c) => c.highlight.links)].map((l) => l.to.articleId),
      ...[...(before?.claims ?? []), ...claims].flatMap((c) =>
        this.links.incoming(c.highlight.id).map((e) => e.from.articleId),
      ),
    ]);
    linked.delete(id);
    for (const articleId of linked) {
      const other = this.deps.library.articles.findById(articleId);
      if (other && this.entries.has(articleId)) this.refreshRows(other);
    }
    this.markDirty();
  }

  private refreshRows(summary: ArticleSummary): void {
    const entry = this.entries.get(summary.id);
    if (!entry) return;
    for (const { highlight } of entry.claims) this.claimsById.set(highlight.id, highlight);
    const rows = claimRows(summary, entry.claims, this.links, (id) => this.claimsById.has(id));
    for (const row of rows) this.rowsById.set(row.id, row);
    this.board.upsertArticleClaims(summary.id, rows);
    this.boardArticles.add(summary.id);
  }

  private forget(articleId: string): void {
    const entry = this.entries.get(articleId);
    if (!entry) return;
    for (const { highlight } of entry.claims) {
      this.search.remove(claimDocId(highlight.id));
      this.rowsById.delete(highlight.id);
      this.claimsById.delete(highlight.id);
    }
    this.search.remove(articleDocId(articleId));
    const targets = new Set(
      entry.claims.flatMap((c) => c.highlight.links.map((l) => l.to.articleId)),
    );
    this.links.removeArticle(articleId);
    this.board.removeArticle(articleId);
    this.boardArticles.delete(articleId);
    this.entries.delete(articleId);
    // The theses its claims were linked to count one link fewer.
    for (const target of targets) {
      const summary = this.deps.library.articles.findById(target);
      if (summary && target !== articleId) this.refreshRows(summary);
    }
    this.markDirty();
  }

  private async annotationsStamp(articleId: string): Promise<string> {
    const file = await stat(this.deps.library.layout.annotationsFile(articleId)).catch(() => null);
    return file ? `${file.mtimeMs}:${file.size}` : 'none';
  }

  // ── the build ────────────────────────────────────────────────────────────

  /** Brings the index up to date with the shards: only what is missing or stale is read. */
  private async build(): Promise<void> {
    const { library, logger } = this.deps;
    const articles = library.articles.list();
    const listed = new Set(articles.map((a) => a.id));
    for (const id of [...this.entries.keys()]) if (!listed.has(id)) this.forget(id);

    const detector = this.deps.detector();
    const work: Work[] = [];
    for (let i = 0; i < articles.length; i += 64) {
      const slice = articles.slice(i, i + 64);
      const stamps = await Promise.all(slice.map((a) => this.annotationsStamp(a.id)));
      slice.forEach((summary, j) => {
        const entry = this.entries.get(summary.id);
        const annotationsStamp = stamps[j]!;
        const item: Work = {
          summary,
          annotationsStamp,
          claims: entry?.annotationsStamp !== annotationsStamp,
          document:
            entry?.summaryKey !== summaryKey(summary) || !this.search.has(articleDocId(summary.id)),
          detection: summary.companiesStamp !== detector.stamp,
        };
        if (item.claims || item.document || item.detection) work.push(item);
      });
    }
    // The cached rows answer at once; stale ones are replaced as the build reaches them.
    for (const summary of articles) {
      if (this.entries.has(summary.id) && !this.boardArticles.has(summary.id)) {
        this.refreshRows(summary);
      }
    }
    this.progress = { state: work.length > 0 ? 'building' : 'ready', done: 0, total: work.length };
    if (work.length > 0)
      logger.info(`Index: updating ${work.length} article(s) in the background.`);

    for (let i = 0; i < work.length && !this.closed; i += BUILD_BATCH) {
      await this.buildBatch(work.slice(i, i + BUILD_BATCH), detector);
      this.progress = { ...this.progress, done: Math.min(work.length, i + BUILD_BATCH) };
      await new Promise((resolve) => setImmediate(resolve)); // let queries in between
    }
    // A bulk load leaves many recent postings: folded into the base, queries stay fast.
    if (work.length > 0) this.search.compact();
    this.progress = { state: 'ready', done: work.length, total: work.length };
    if (work.length > 0) this.scheduleCacheWrite(0);
  }

  private async buildBatch(batch: readonly Work[], detector: CompanyDetector): Promise<void> {
    const { library, logger } = this.deps;
    const detections: StoredDetection[] = [];
    // A few at a time: each article's text is held only until it is indexed.
    for (let i = 0; i < batch.length && !this.closed; i += READ_AT_ONCE) {
      const read = await Promise.all(
        batch.slice(i, i + READ_AT_ONCE).map(async (item) => {
          const generation = this.generations.get(item.summary.id) ?? 0;
          try {
            const article = await library.articles.get(item.summary.id);
            const highlights = item.claims
              ? await library.annotations.listHighlights(item.summary.id)
              : null;
            return { item, generation, article, highlights };
          } catch (error) {
            logger.warn(`Index: skipped article ${item.summary.id}`, error);
            return null;
          }
        }),
      );
      for (const r of read) {
        if (!r || this.closed) continue;
        const id = r.item.summary.id;
        const current = library.articles.findById(id);
        if (!current) continue;
        // Indexed as the summary will read once the batch's detections are stored.
        let summary = current;
        if (r.item.detection) {
          const found = { id, stamp: detector.stamp, ...detector.detect(r.article.text) };
          detections.push(found);
          summary = withDetection(current, found);
        }
        const fresh = (this.generations.get(id) ?? 0) === r.generation;
        // The document follows the summary as it is now, whoever changed it meanwhile.
        if (fresh || this.documentStale(summary)) this.applyDocument(summary, r.article.text);
        if (!fresh) continue; // a later change of its claims was applied already
        const entry = this.entries.get(id);
        const claims = r.highlights
          ? anchored(r.article.text, r.highlights, entry?.claims)
          : (entry?.claims ?? []);
        this.applyClaims(summary, claims, r.item.annotationsStamp);
      }
    }
    try {
      await library.articles.updateDetections(detections);
    } catch (error) {
      logger.warn('Index: could not store the companies found', error);
    }
  }

  // ── the cache ────────────────────────────────────────────────────────────

  private async loadCache(): Promise<void> {
    const { layout } = this.deps.library;
    const contents = await readIndexCache(layout.indexCacheFile);
    if (!contents) return;
    const header = IndexCacheHeader.safeParse(contents.header);
    if (!header.success) {
      this.deps.logger.warn('Index: the cache is from another version or damaged; rebuilding.');
      return;
    }
    try {
      this.search = SearchIndex.deserialize(contents.searchBytes);
    } catch (error) {
      this.deps.logger.warn('Index: the search cache is unreadable; rebuilding.', error);
      this.search = new SearchIndex();
      return;
    }
    for (const [id, cached] of Object.entries(header.data.articles)) {
      const searchKeys = new Map<string, string>();
      // Keys as the cached documents were made: a title changed since is then re-indexed.
      for (const { highlight } of cached.claims) {
        searchKeys.set(highlight.id, claimSearchKey(highlight, cached.title));
      }
      this.entries.set(id, { ...cached, searchKeys });
      // An article no longer listed is forgotten by the build; its links never count.
      if (!this.deps.library.articles.findById(id)) continue;
      this.links.setArticle(
        id,
        cached.claims.map((c) => c.highlight),
      );
    }
    // Tags renamed after the cache was written: their claims are indexed under the new paths.
    if (header.data.codebookKey !== codebookKey(this.deps.library.codebook.list())) {
      void this.codebookChanged();
    }
    // Fix: the cached rows go on the board now (after every article's links are known, for
    // the counts). They used to wait for the build to stat every annotations file, so until
    // then the board was empty and search dropped every claim hit (no row to show).
    const listed = [...this.entries].filter(([id]) => this.deps.library.articles.findById(id));
    for (const [, entry] of listed) {
      for (const { highlight } of entry.claims) this.claimsById.set(highlight.id, highlight);
    }
    for (const [id] of listed) this.refreshRows(this.deps.library.articles.findById(id)!);
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.progress.state === 'ready') this.scheduleCacheWrite(this.cacheDelayMs);
  }

  private scheduleCacheWrite(delay: number): void {
    if (this.closed) return;
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = null;
      void this.writeCache();
    }, delay);
    this.cacheTimer.unref();
  }

  /**
   * Fix: close() used to skip the write when a timer's write was still under way (it had
   * already cleared `dirty`), so the library closed, and its lock was released, before the
   * cache was on disk, or with the write still running. Writes now queue, and close()
   * waits for the queue.
   */
  private writeCache(): Promise<void> {
    this.cacheWrites = this.cacheWrites
      .then(() => this.writeCacheNow())
      .catch((error: unknown) => this.deps.logger.warn('Index: could not write its cache', error));
    return this.cacheWrites;
  }

  private async writeCacheNow(): Promise<void> {
    if (!this.dirty) return;
    // Fix: a library opened read-only (written by a newer Margin) must stay byte-identical,
    // its cache included; the index then lives in memory only.
    if (this.deps.library.status().readOnlyReason !== null) return;
    this.dirty = false;
    const header: Header = {
      format: INDEX_CACHE_FORMAT,
      codebookKey: codebookKey(this.deps.library.codebook.list()),
      articles: {},
    };
    for (const [id, { summaryKey: key, title, annotationsStamp, claims }] of this.entries) {
      header.articles[id] = { summaryKey: key, title, annotationsStamp, claims };
    }
    try {
      await writeIndexCache(this.deps.library.layout.indexCacheFile, {
        header,
        searchBytes: this.search.serialize(),
      });
    } catch (error) {
      this.dirty = true;
      this.deps.logger.warn(
        'Index: could not write its cache (it is rebuilt at next start)',
        error,
      );
    }
  }
}

/**
 * Anchors the article's highlights in its text. Article texts never change, so a claim
 * whose selectors are those of an already anchored version keeps that anchor: a save in an
 * article with 1,000 claims re-anchors one of them, not all.
 */
function anchored(
  text: string,
  highlights: readonly Highlight[],
  known: readonly AnchoredHighlight[] = [],
): AnchoredHighlight[] {
  const previous = new Map(known.map((c) => [c.highlight.id, c]));
  const kept = (h: Highlight) => {
    const before = previous.get(h.id);
    return before && sameSelectors(before.highlight.selectors, h.selectors) ? before : undefined;
  };
  const fresh = highlights.filter((h) => !kept(h));
  const anchors = anchorHighlights(
    text,
    fresh.map((h) => h.selectors),
  );
  const found = new Map(fresh.map((h, i) => [h.id, anchors[i] ?? null]));
  return highlights.map((highlight) => ({
    highlight,
    anchor: kept(highlight)?.anchor ?? found.get(highlight.id) ?? null,
  }));
}

function sameSelectors(a: Highlight['selectors'], b: Highlight['selectors']): boolean {
  return (
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end
  );
}
