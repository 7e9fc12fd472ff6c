import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Article } from '../shared/domain/article';
import type { Highlight } from '../shared/domain/highlight';
import type { Memo, MemoRevision } from '../shared/domain/memo';
import { DEFAULT_RECOMMENDATION_SCALE } from '../shared/memo/logged-fields';
import { citationParagraph, insertIntoSection } from '../shared/memo/memo-doc-ops';
import { memoWordCount } from '../shared/memo/memo-plain-text';
import { newMemo } from '../electron/main/features/memos/new-memo';
import { libraryLayout } from '../electron/main/storage/library-layout';
import {
  memoFileSpec,
  revisionFileSpec,
  revisionsIndexSpec,
} from '../electron/main/storage/memo-files';
import { serializeStoreFile } from '../electron/main/storage/parse-store-file';
import {
  annotationsFileSpec,
  articleFileSpec,
  libraryFileSpec,
} from '../electron/main/storage/store-files';
import { toArticleSummary } from '../electron/main/storage/to-article-summary';
import { seededRandom, seededUuid } from './random';

const WORDS = (
  'Microsoft Azure OpenAI Umsatz Marge Prognose Analysten Quartal Wachstum Risiko Aktie ' +
  'revenue margin guidance quarter growth risk shares investors cloud capital expenditure ' +
  'the and der die das und mit für von auf hat wird sich nicht eine einer zum zur im ' +
  'Wettbewerb Regulierung Nachfrage Bewertung Dividende cash flow earnings valuation'
).split(' ');

export interface SyntheticLibrary {
  articles: Article[];
  highlights: Highlight[];
}

function paragraph(random: () => number): string {
  const words = Array.from(
    { length: 40 + Math.floor(random() * 60) },
    () => WORDS[Math.floor(random() * WORDS.length)]!,
  );
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
}

/** An analyst-year: `articleCount` articles of about 5 KB with `highlightsPerArticle` each. */
export function generateLibrary(
  articleCount: number,
  highlightsPerArticle: number,
  seed: number,
): SyntheticLibrary {
  const random = seededRandom(seed);
  const start = Date.parse('2025-11-25T08:00:00Z');
  const articles: Article[] = [];
  const highlights: Highlight[] = [];
  for (let n = 0; n < articleCount; n++) {
    const paragraphs: string[] = [];
    while (paragraphs.join('\n\n').length < 5_000) paragraphs.push(paragraph(random));
    const text = paragraphs.join('\n\n');
    let offset = 0;
    const blocks = paragraphs.map((p) => {
      const block = { kind: 'paragraph' as const, start: offset, end: offset + p.length };
      offset += p.length + 2;
      return block;
    });
    const importedAt = new Date(start + n * 3_000_000).toISOString();
    const article: Article = {
      id: seededUuid(random),
      title: `Synthetic article ${n + 1}`,
      source: 'Bench Wire',
      author: null,
      publishedAt: importedAt.slice(0, 10),
      language: n % 2 ? 'en' : 'de',
      importedAt,
      url: null,
      tickers: [],
      companies: [],
      companiesStamp: null,
      tickersByAnalyst: false,
      versionOf: null,
      origin: { kind: 'paste', format: 'text' },
      contentHash: createHash('sha256').update(text).digest('hex'),
      wordCount: text.split(/\s+/).length,
      text,
      blocks,
      links: [],
    };
    articles.push(article);
    for (let h = 0; h < highlightsPerArticle; h++) highlights.push(highlightIn(article, random));
  }
  return { articles, highlights };
}

/** The one codebook tag synthetic highlights carry. */
const AZURE_TAG_ID = '6f1c1b8e-3c1d-4a55-9a7e-0a4d2b7c9e11';

export function highlightIn(article: Article, random: () => number): Highlight {
  const start = Math.floor(random() * (article.text.length - 200));
  const end = start + 40 + Math.floor(random() * 150);
  return {
    id: seededUuid(random),
    articleId: article.id,
    selectors: {
      quote: {
        exact: article.text.slice(start, end),
        prefix: article.text.slice(Math.max(0, start - 32), start),
        suffix: article.text.slice(end, end + 32),
      },
      position: { start, end },
    },
    claimClass: (['thesis', 'risk', 'evidence'] as const)[Math.floor(random() * 3)]!,
    page: null,
    tags: random() < 0.3 ? [AZURE_TAG_ID] : [],
    paraphrase: '',
    links: [],
    note: random() < 0.5 ? 'Check against the 10-Q before citing.' : '',
    createdAt: article.importedAt,
    updatedAt: article.importedAt,
  };
}

/**
 * Writes the library in Margin's own sharded format (the same serializers as the app),
 * without fsync: this is the fixture, not the thing measured.
 */
export async function writeShardedLibrary(
  dataDir: string,
  library: SyntheticLibrary,
): Promise<void> {
  const layout = libraryLayout(dataDir);
  const byArticle = new Map<string, Highlight[]>();
  for (const h of library.highlights)
    byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h]);
  for (const article of library.articles) {
    await mkdir(layout.articleDir(article.id), { recursive: true });
    await writeFile(
      layout.articleFile(article.id),
      serializeStoreFile(articleFileSpec, {
        schemaVersion: articleFileSpec.currentVersion,
        article,
      }),
    );
    await writeFile(
      layout.annotationsFile(article.id),
      serializeStoreFile(annotationsFileSpec, {
        schemaVersion: annotationsFileSpec.currentVersion,
        articleId: article.id,
        highlights: byArticle.get(article.id) ?? [],
        dismissedSuggestions: [],
      }),
    );
  }
  await mkdir(layout.memosDir, { recursive: true });
  const summaries = library.articles.map(toArticleSummary).reverse(); // newest first
  await writeFile(
    layout.libraryFile,
    serializeStoreFile(libraryFileSpec, {
      schemaVersion: libraryFileSpec.currentVersion,
      settings: {
        watchlist: [],
        recommendationScale: [...DEFAULT_RECOMMENDATION_SCALE],
        suggestions: { lexicons: {}, cueStats: [] },
      },
      codebook: [
        {
          id: AZURE_TAG_ID,
          name: 'Azure growth',
          parentId: null,
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
      articles: summaries,
    }),
  );
}

/**
 * The analyst-year the library benchmarks share (store, backup, memory): 10,000 articles
 * with 10 highlights each, and 40 memos (about one a week), each citing 20 of those
 * highlights and kept in 25 revisions.
 */
export const ANALYST_YEAR = {
  articles: 10_000,
  highlightsPerArticle: 10,
  memos: 40,
  revisionsPerMemo: 25,
  citationsPerMemo: 20,
  seed: 20261125,
} as const;

export interface MemoOptions {
  memos: number;
  revisionsPerMemo: number;
  citationsPerMemo: number;
  seed: number;
}

const summaryOf = ({ doc: _doc, header: _header, ...summary }: MemoRevision) => summary;

/**
 * Memos citing the library's highlights (from the app's memo template, the citations in
 * its evidence section), each with its revisions, written as the app writes them:
 * `memos/<id>/memo.json`, `revisions.json` and one file per revision. No fsync: a fixture.
 */
export async function writeMemos(
  dataDir: string,
  library: SyntheticLibrary,
  { memos, revisionsPerMemo, citationsPerMemo, seed }: MemoOptions,
): Promise<void> {
  const layout = libraryLayout(dataDir);
  const random = seededRandom(seed);
  const byId = new Map(library.articles.map((a) => [a.id, a]));
  const pick = (): Highlight =>
    library.highlights[Math.floor(random() * library.highlights.length)]!;
  const start = Date.parse('2026-01-05T08:00:00Z');
  for (let m = 0; m < memos; m++) {
    const created = new Date(start + m * 7 * 86_400_000);
    let memo: Memo = newMemo({ ticker: `T${m}` }, seededUuid(random), created);
    const citations = Array.from({ length: citationsPerMemo }, () => {
      const h = pick();
      const article = byId.get(h.articleId)!;
      return citationParagraph({
        highlightId: h.id,
        articleId: h.articleId,
        quote: h.selectors.quote.exact,
        claimClass: h.claimClass,
        paraphrase: h.paraphrase,
        source: article.source,
        articleTitle: article.title,
        publishedAt: article.publishedAt,
        locator: '¶1',
      });
    });
    memo = { ...memo, doc: insertIntoSection(memo.doc, 'evidence', citations), version: 1 };
    const revisions: MemoRevision[] = Array.from({ length: revisionsPerMemo }, (_, r) => ({
      id: seededUuid(random),
      memoId: memo.id,
      at: new Date(created.getTime() + (r + 1) * 3_600_000).toISOString(),
      reason: r % 5 === 0 ? 'manual' : 'hourly',
      version: 1,
      title: memo.title,
      words: memoWordCount(memo.doc),
      label: r % 5 === 0 ? `Draft ${r / 5 + 1}` : '',
      doc: memo.doc,
      header: memo.header,
    }));
    await mkdir(layout.revisionsDir(memo.id), { recursive: true });
    for (const revision of revisions) {
      await writeFile(
        layout.revisionFile(memo.id, revision.id),
        serializeStoreFile(revisionFileSpec, {
          schemaVersion: revisionFileSpec.currentVersion,
          revision,
        }),
      );
    }
    await writeFile(
      layout.revisionsFile(memo.id),
      serializeStoreFile(revisionsIndexSpec, {
        schemaVersion: revisionsIndexSpec.currentVersion,
        memoId: memo.id,
        revisions: revisions.map(summaryOf),
      }),
    );
    const newest = revisions.at(-1);
    await writeFile(
      layout.memoFile(memo.id),
      serializeStoreFile(memoFileSpec, {
        schemaVersion: memoFileSpec.currentVersion,
        memo,
        newestRevision: newest ? { id: newest.id, at: newest.at, version: newest.version } : null,
      }),
    );
  }
}

/**
 * The analyst-year on disk in Margin's format (articles, highlights, memos and their
 * revisions), written without fsync: the fixture, not what is measured.
 */
export async function writeAnalystYear(dataDir: string): Promise<SyntheticLibrary> {
  const { articles, highlightsPerArticle, seed } = ANALYST_YEAR;
  const library = generateLibrary(articles, highlightsPerArticle, seed);
  await writeShardedLibrary(dataDir, library);
  await writeMemos(dataDir, library, { ...ANALYST_YEAR, seed: seed + 3 });
  return library;
}
