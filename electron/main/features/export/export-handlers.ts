import type { Article } from '../../../../shared/domain/article';
import { CLAIMS_EXPORT_MAX } from '../../../../shared/domain/export-limits';
import type { Memo } from '../../../../shared/domain/memo';
import { articleMarkdown } from '../../../../shared/export/article-markdown';
import { claimsMarkdown } from '../../../../shared/export/claims-markdown';
import { memoMarkdown } from '../../../../shared/export/memo-markdown';
import type { ReportGenerator, ReportSource } from '../../../../shared/export/report-input';
import { safeFileName } from '../../../../shared/export/safe-file-name';
import { webAnnotationJson } from '../../../../shared/export/web-annotation';
import { anchorHighlights } from '../../../../shared/anchoring/anchor-highlights';
import { citedHighlightIds } from '../../../../shared/memo/memo-doc-ops';
import { forEachMemoNode } from '../../../../shared/memo/memo-walk';
import { CLAIM_REFERENCE } from '../../../../shared/memo/claim-reference';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import type { Dialogs } from '../dialogs';
import type { LibraryIndex } from '../library-index/library-index';
import { MARKDOWN_FILTERS, WEB_ANNOTATION_FILTERS } from './export-file-filters';
import { reportClaimOf, reportClaims } from './report-claims';
import { tagPaths } from '../../../../shared/domain/tag-path';
import { reportSource } from './report-source';
import { saveExportFile } from './save-export-file';

export interface ExportFeatureDeps {
  library: Library;
  index: LibraryIndex;
  articleText: (id: string) => Promise<Article>;
  dialogs: Dialogs;
  generator: ReportGenerator;
  now: () => Date;
}

type ExportChannel = Extract<keyof ChannelHandlers, `export:${string}`>;

/** The articles a memo's citations point at (from their snapshots: the claim may be gone). */
function citedArticleIds(memo: Memo): string[] {
  const ids = new Set<string>();
  forEachMemoNode(memo.doc, (node) => {
    if (node.type === CLAIM_REFERENCE) ids.add((node.attrs as { articleId: string }).articleId);
  });
  return [...ids];
}

/**
 * The analyst's work leaving the app: the memo as a Markdown report, an annotated article
 * as Markdown or W3C Web Annotations, the claims board's selection as Markdown. Each asks
 * where to save, never replaces a file without asking, and writes all or nothing.
 */
export function createExportHandlers(
  deps: ExportFeatureDeps,
): Pick<ChannelHandlers, ExportChannel> {
  const { library, index, articleText, dialogs, generator, now } = deps;
  const claimDeps = { index, articleText, codebook: () => library.codebook.list() };

  /** The library's articles among these ids, as report sources. */
  function sources(articleIds: Iterable<string>): Map<string, ReportSource> {
    const found = new Map<string, ReportSource>();
    for (const id of articleIds) {
      const article = library.articles.findById(id);
      if (article) found.set(id, reportSource(article));
    }
    return found;
  }

  return {
    'export:memoMarkdown': async ({ id, includeConvictionLog }) => {
      const memo = await library.memos.get(id);
      const logged = memo.convictionLog.flatMap((entry) => entry.claimIds);
      const claims = await reportClaims(claimDeps, [...citedHighlightIds(memo.doc), ...logged]);
      const articleIds = [
        ...citedArticleIds(memo),
        ...[...claims.values()].map((c) => c.articleId),
      ];
      const markdown = memoMarkdown({
        memo,
        claims,
        sources: sources(articleIds),
        generator,
        includeConvictionLog,
      });
      return saveExportFile({
        dialogs,
        request: {
          title: 'Export memo as Markdown',
          defaultName: safeFileName(memo.title, 'md'),
          filters: MARKDOWN_FILTERS,
        },
        contents: markdown,
        what: 'the memo report',
      });
    },

    'export:articleMarkdown': async ({ articleId, includeFullText }) => {
      const article = await library.articles.get(articleId);
      const highlights = await library.annotations.listHighlights(articleId);
      const anchors = anchorHighlights(
        article.text,
        highlights.map((h) => h.selectors),
      );
      const paths = tagPaths(library.codebook.list());
      const claims = highlights.map((highlight, i) => ({
        ...reportClaimOf(highlight, article.blocks, paths, anchors[i] === null),
        start: anchors[i]?.start ?? null,
      }));
      const markdown = articleMarkdown({
        source: reportSource(article),
        tickers: article.tickers,
        importedAt: article.importedAt,
        claims,
        fullText: includeFullText
          ? {
              text: article.text,
              blocks: article.blocks,
              links: article.links,
              anchors: highlights.flatMap((highlight, i) => {
                const anchor = anchors[i];
                return anchor
                  ? [{ highlightId: highlight.id, start: anchor.start, end: anchor.end }]
                  : [];
              }),
            }
          : null,
        generator,
        exportedAt: now().toISOString(),
      });
      return saveExportFile({
        dialogs,
        request: {
          title: 'Export article with its claims as Markdown',
          defaultName: safeFileName(article.title, 'md'),
          filters: MARKDOWN_FILTERS,
        },
        contents: markdown,
        what: 'the article report',
      });
    },

    'export:articleAnnotations': async ({ articleId }) => {
      const article = await library.articles.get(articleId);
      const highlights = await library.annotations.listHighlights(articleId);
      const json = webAnnotationJson({
        article,
        highlights,
        tagNames: tagPaths(library.codebook.list()),
        generator,
        exportedAt: now().toISOString(),
      });
      return saveExportFile({
        dialogs,
        request: {
          title: 'Export highlights as Web Annotations',
          defaultName: safeFileName(`${article.title} annotations`, 'jsonld'),
          filters: WEB_ANNOTATION_FILTERS,
        },
        contents: json,
        what: 'the annotations',
      });
    },

    'export:claimsMarkdown': async ({ filter, sort, title, filters }) => {
      const ids: string[] = [];
      for (let offset = 0; offset < CLAIMS_EXPORT_MAX; offset += 500) {
        const page = await index.queryClaims({ filter, sort, groupBy: 'none', offset, limit: 500 });
        ids.push(...page.rows.map((row) => row.id));
        if (page.rows.length < 500) break;
      }
      const found = await reportClaims(claimDeps, ids.slice(0, CLAIMS_EXPORT_MAX));
      const claims = ids.flatMap((id) => found.get(id) ?? []);
      const markdown = claimsMarkdown({
        title,
        filters,
        claims,
        sources: sources(claims.map((c) => c.articleId)),
        generator,
        exportedAt: now().toISOString(),
      });
      return saveExportFile({
        dialogs,
        request: {
          title: 'Export claims as Markdown',
          defaultName: safeFileName(title, 'md'),
          filters: MARKDOWN_FILTERS,
        },
        contents: markdown,
        what: 'the claims report',
      });
    },
  };
}
