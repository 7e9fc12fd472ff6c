import { randomUUID } from 'node:crypto';
import type { Article } from '../../../../shared/domain/article';
import type { AnchoredHighlight, Highlight } from '../../../../shared/domain/highlight';
import { anchorHighlight, anchorHighlights } from '../../../../shared/anchoring/anchor-highlights';
import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import type { LibraryIndex } from '../library-index/library-index';
import type { IncomingLink } from '../library-index/link-index';
import { highlightVersions } from './highlight-versions';
import { pageAt } from './page-at';
import { quoteSelectors } from './quote-selectors';

export interface HighlightsFeatureDeps {
  library: Library;
  /** Told of every change, so the claims board and search follow at once. */
  index: LibraryIndex;
  /** Recently read articles (immutable files: a save must not re-read a megabyte of JSON). */
  articleText: (id: string) => Promise<Article>;
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
  index,
  articleText: article,
  now,
}: HighlightsFeatureDeps): Pick<ChannelHandlers, HighlightChannel> {
  const versions = highlightVersions();
  /** Links from other claims that a delete took away, by deleted version, for its undo. */
  const removedLinks = new Map<string, readonly IncomingLink[]>();
  const versionKey = (h: Highlight) => `${h.id}@${h.updatedAt}`;

  /**
   * Takes the links that point at a deleted claim off the claims that hold them. One that
   * cannot be taken off (its claim is gone, the disk refused, the index had not read that
   * article yet) stays as a dangling link, which nothing counts or shows, and which comes
   * back to life if the claim is restored.
   */
  async function unlinkFrom(deleted: Highlight): Promise<void> {
    const incoming = index.incomingLinks(deleted.id);
    if (incoming.length === 0) return;
    removedLinks.set(versionKey(deleted), incoming);
    for (const { from, link } of incoming) {
      await library.annotations
        .updateHighlight(from.articleId, from.id, (h) => ({
          ...h,
          links: h.links.filter((l) => l.id !== link.id),
        }))
        .catch(() => undefined);
      await index.claimsChanged(from.articleId);
    }
  }

  /** Puts back the links a delete took away, on the claims that still exist. */
  async function relinkTo(restored: Highlight): Promise<void> {
    const incoming = removedLinks.get(versionKey(restored)) ?? [];
    for (const { from, link } of incoming) {
      await library.annotations
        .updateHighlight(from.articleId, from.id, (h) =>
          h.links.some((l) => l.to.id === link.to.id) ? h : { ...h, links: [...h.links, link] },
        )
        .catch(() => undefined);
      await index.claimsChanged(from.articleId);
    }
  }

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
        links: [],
        createdAt: stamp,
        updatedAt: stamp,
      };
      await library.annotations.insertHighlight(highlight);
      versions.remember(highlight);
      await index.claimsChanged(articleId);
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
      await index.claimsChanged(articleId);
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
      await index.claimsChanged(articleId);
      return { highlight: updated, anchor: { start, end, method: 'position' } };
    },

    'highlights:delete': async ({ articleId, id }) => {
      const deleted = await library.annotations.deleteHighlight(articleId, id);
      versions.remember(deleted);
      await index.claimsChanged(articleId);
      await unlinkFrom(deleted);
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
      const tags = version.tags.filter((t) => known.has(t));
      // Links are not part of an edit's undo: a claim that still exists keeps its current ones.
      const current = (await library.annotations.listHighlights(articleId)).find(
        (h) => h.id === id,
      );
      const restored = { ...version, tags, links: current ? current.links : version.links };
      await library.annotations.saveHighlight(restored);
      await index.claimsChanged(articleId);
      if (!current) await relinkTo(version);
      return anchored(restored);
    },
  };
}
