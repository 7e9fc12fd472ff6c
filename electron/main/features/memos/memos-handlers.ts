import { randomUUID } from 'node:crypto';
import type { Article } from '../../../../shared/domain/article';
import type { MemoBacklinks, MemoRevisionSummary } from '../../../../shared/domain/memo';
import { citationParagraph, insertIntoSection } from '../../../../shared/memo/memo-doc-ops';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import { HOURLY_REVISION_MS } from '../../storage/memos-repo';
import type { Library } from '../../storage/open-library';
import type { LibraryIndex } from '../library-index/library-index';
import { assembleSections } from './assemble-sections';
import { checkedMemoDoc } from './checked-memo-doc';
import { citationSnapshot } from './citation-snapshots';
import { citationStates } from './citation-states';
import { headerUpdate } from './header-update';
import { newMemo } from './new-memo';

export interface MemosFeatureDeps {
  library: Library;
  /** Claims and their rows: citations are snapshots of what the index holds. */
  index: LibraryIndex;
  /** Recently read articles (their blocks give a citation's locator). */
  articleText: (id: string) => Promise<Article>;
  now: () => Date;
}

type MemoChannel = Extract<keyof ChannelHandlers, `memos:${string}`>;

/**
 * Investment memos: created from the template, autosaved as tiptap JSON (checked against
 * the editor's schema first), header changes logged with their reason, revisions, and the
 * citations that tie a memo to the library's claims.
 */
export function createMemosHandlers({
  library,
  index,
  articleText,
  now,
}: MemosFeatureDeps): Pick<ChannelHandlers, MemoChannel> {
  const memos = library.memos;

  /**
   * The revision the renderer asks for. A manual one is always taken; before a restore,
   * or on the hour, the newest revision is reused when it already copies this version
   * (or, on the hour, is less than an hour old).
   */
  async function snapshot(
    id: string,
    reason: 'manual' | 'hourly' | 'before-restore',
    label: string,
  ): Promise<MemoRevisionSummary> {
    const newest = memos.newestRevision(id);
    const version = memos.findById(id)?.version;
    const at = now();
    const recent = newest !== null && at.getTime() - Date.parse(newest.at) < HOURLY_REVISION_MS;
    const reuse =
      reason !== 'manual' &&
      newest !== null &&
      (newest.version === version || (reason === 'hourly' && recent));
    if (reuse) {
      const [kept] = await memos.revisions(id);
      if (kept && kept.id === newest.id) return kept;
    }
    return memos.addRevision(id, reason, label, at);
  }

  return {
    'memos:list': async () => memos.list(),

    'memos:get': ({ id }) => memos.get(id),

    'memos:create': (input) => memos.create(newMemo(input, randomUUID(), now())),

    'memos:save': async ({ id, baseVersion, title, doc }) =>
      memos.save(id, baseVersion, { title, doc: checkedMemoDoc(doc) }, now()),

    'memos:updateHeader': async (update) => {
      const at = now();
      const scale = library.settings.recommendationScale();
      return memos.update(
        update.id,
        update.baseVersion,
        (current) => headerUpdate(current, update, scale, randomUUID(), at),
        at,
      );
    },

    'memos:setStatus': ({ id, baseVersion, status }) =>
      memos.update(id, baseVersion, (current) => ({ ...current, status }), now()),

    'memos:revisions': ({ id }) => memos.revisions(id),

    'memos:revision': ({ id, revisionId }) => memos.revision(id, revisionId),

    'memos:snapshot': ({ id, reason, label }) => snapshot(id, reason, label),

    'memos:citation': ({ highlightId }) => citationSnapshot({ index, articleText }, highlightId),

    'memos:citationStates': ({ highlightIds }) => citationStates(index, highlightIds),

    'memos:backlinks': async ({ highlightIds }) => {
      const backlinks: MemoBacklinks = {};
      for (const highlightId of highlightIds) {
        const citing = memos.citedBy(highlightId);
        if (citing.length > 0) backlinks[highlightId] = citing;
      }
      return backlinks;
    },

    'memos:addCitation': async ({ id, highlightId, section }) => {
      const cited = citationParagraph(await citationSnapshot({ index, articleText }, highlightId));
      return memos.update(
        id,
        null,
        (current) => ({ ...current, doc: insertIntoSection(current.doc, section, [cited]) }),
        now(),
      );
    },

    'memos:assemble': (input) => assembleSections({ index, articleText }, input),
  };
}
