import { randomUUID } from 'node:crypto';
import type { AnchoredHighlight, Highlight } from '../../../../shared/domain/highlight';
import { anchorHighlight, anchorHighlights } from '../../../../shared/anchoring/anchor-highlights';
import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import { articleTexts } from './article-texts';
import { highlightVersions } from './highlight-versions';
import { pageAt } from './page-at';
import { quoteSelectors } from './quote-selectors';

export interface HighlightsFeatureDeps {
  library: Library;
  now: () => Date;
}

type HighlightChannel =
  | 'highlights:list'
  | 'highlights:create'
  | 'highlights:update'
  | 'highlights:reattach'
  | 'highlights:delete'
  | 'highlights:restore';

/**
 * Highlights of one article: created from a range of its text (main takes the words),
 * anchored against the current text on every read, and written durably before the reply.
 */
export function createHighlightsHandlers({
  library,
  now,
}: HighlightsFeatureDeps): Pick<ChannelHandlers, HighlightChannel> {
  const article = articleTexts((id) => library.articles.get(id));
  const versions = highlightVersions();

  const anchored = async (highlight: Highlight): Promise<AnchoredHighlight> => {
    const { text } = await article(highlight.articleId);
    return { highlight, anchor: anchorHighlight(text, highlight.selectors) };
  };

  /** Tags must be in the codebook: a highlight never points at a tag that is not there. */
  const checkTags = (tags: readonly string[]) => {
    const known = new Set(library.codebook.list().map((t) => t.id));
    if (tags.some((id) => !known.has(id))) {
      throw new AppError('INVALID_INPUT', 'One of the tags is no longer in the codebook.');
    }
  };

  return {
    'highlights:list': async ({ articleId }) => {
      const [{ text }, highlights] = await Promise.all([
        article(articleId),
        library.annotations.listHighlights(articleId),
      ]);
      const anchors = anchorHighlights(
        text,
        highlights.map((h) => h.selectors),
      );
      return highlights.map((highlight, i) => ({ highlight, anchor: anchors[i] ?? null }));
    },

    'highlights:create': async ({ articleId, start, end, claimClass, tags, note, paraphrase }) => {
      const source = await article(articleId);
      checkTags(tags);
      const stamp = now().toISOString();
      const highlight: Highlight = {
        id: randomUUID(),
        articleId,
        selectors: quoteSelectors(source, start, end),
        page: pageAt(source.blocks, start),
        claimClass,
        tags: [...new Set(tags)],
        note,
        paraphrase,
        createdAt: stamp,
        updatedAt: stamp,
      };
      await library.annotations.insertHighlight(highlight);
      versions.remember(highlight);
      return { highlight, anchor: { start, end, method: 'position' } };
    },

    'highlights:update': async ({ articleId, id, ...changes }) => {
      if (changes.tags) checkTags(changes.tags);
      const updated = await library.annotations.updateHighlight(articleId, id, (current) => {
        versions.remember(current);
        return {
          ...current,
          ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
          ...(changes.tags && { tags: [...new Set(changes.tags)] }),
          updatedAt: now().toISOString(),
        };
      });
      versions.remember(updated);
      return anchored(updated);
    },

    'highlights:reattach': async ({ articleId, id, start, end }) => {
      const source = await article(articleId);
      const selectors = quoteSelectors(source, start, end);
      const updated = await library.annotations.updateHighlight(articleId, id, (current) => {
        versions.remember(current);
        return {
          ...current,
          selectors,
          page: pageAt(source.blocks, start),
          updatedAt: now().toISOString(),
        };
      });
      versions.remember(updated);
      return { highlight: updated, anchor: { start, end, method: 'position' } };
    },

    'highlights:delete': async ({ articleId, id }) => {
      const deleted = await library.annotations.deleteHighlight(articleId, id);
      versions.remember(deleted);
      return deleted;
    },

    /**
     * Undo: puts back a version main stored this session, replacing the current one if the
     * highlight still exists (undoing a re-attach), inserting it if it was deleted.
     */
    'highlights:restore': async ({ articleId, id, updatedAt }) => {
      const version = versions.find(id, updatedAt);
      if (!version || version.articleId !== articleId) {
        throw new AppError(
          'NOT_FOUND',
          'This version of the highlight is no longer known, so it cannot be restored.',
        );
      }
      await article(articleId); // NOT_FOUND when the article is gone
      const known = new Set(library.codebook.list().map((t) => t.id));
      // A tag merged away since the delete is dropped rather than left dangling.
      const restored = { ...version, tags: version.tags.filter((t) => known.has(t)) };
      await library.annotations.saveHighlight(restored);
      return anchored(restored);
    },
  };
}
