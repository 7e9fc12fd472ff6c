import { randomUUID } from 'node:crypto';
import { CLAIM_LINKS_MAX, type ClaimLink } from '../../../../shared/domain/claim-relation';
import type { RelatedClaim } from '../../../../shared/domain/claim-relations';
import { AppError } from '../../errors/app-error';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { Library } from '../../storage/open-library';
import type { LibraryIndex } from '../library-index/library-index';

type ClaimsChannel = 'claims:query' | 'claims:relations' | 'relations:create' | 'relations:delete';

const newestFirst = (a: RelatedClaim, b: RelatedClaim) => b.createdAt.localeCompare(a.createdAt);

/**
 * The claims board across the library, and links between claims: an evidence or risk
 * claim supports or contradicts a thesis claim. A link is stored on the claim it starts
 * from, written durably before the reply.
 */
export function createClaimsHandlers({
  library,
  index,
  now,
}: {
  library: Library;
  index: LibraryIndex;
  now: () => Date;
}): Pick<ChannelHandlers, ClaimsChannel> {
  /** Reads the claim from its article's file: the index may lag behind a build. */
  async function claimOnDisk(articleId: string, id: string) {
    const highlights = await library.annotations.listHighlights(articleId);
    const claim = highlights.find((h) => h.id === id);
    if (!claim) {
      throw new AppError(
        'NOT_FOUND',
        'This claim is no longer in its article; it may have been deleted.',
      );
    }
    return claim;
  }

  return {
    'claims:query': (query) => index.queryClaims(query),

    'claims:relations': async ({ id }) => {
      await index.settled();
      const claim = index.claim(id);
      if (!claim) throw new AppError('NOT_FOUND', 'This claim is not in the library (any more).');
      const to = claim.links.flatMap((link): RelatedClaim[] => {
        const row = index.row(link.to.id);
        return row
          ? [{ linkId: link.id, kind: link.kind, createdAt: link.createdAt, claim: row }]
          : [];
      });
      const from = index.incomingLinks(id).flatMap(({ from: source, link }): RelatedClaim[] => {
        const row = index.row(source.id);
        return row
          ? [{ linkId: link.id, kind: link.kind, createdAt: link.createdAt, claim: row }]
          : [];
      });
      return { to: to.sort(newestFirst), from: from.sort(newestFirst) };
    },

    'relations:create': async ({ from, to, kind }) => {
      const target = await claimOnDisk(to.articleId, to.id);
      if (target.claimClass !== 'thesis') {
        throw new AppError(
          'INVALID_INPUT',
          'Claims can support or contradict a thesis claim only; this one is not tagged thesis.',
        );
      }
      let made: ClaimLink | undefined;
      await library.annotations.updateHighlight(from.articleId, from.id, (current) => {
        if (current.claimClass === 'thesis') {
          throw new AppError(
            'INVALID_INPUT',
            'A thesis claim cannot support or contradict another thesis: link evidence or risk claims to it.',
          );
        }
        const existing = current.links.find((l) => l.to.id === to.id);
        if (existing?.kind === kind) {
          throw new AppError('CONFLICT', `This claim already ${kind} that thesis.`);
        }
        if (!existing && current.links.length >= CLAIM_LINKS_MAX) {
          throw new AppError(
            'INVALID_INPUT',
            `A claim can carry at most ${CLAIM_LINKS_MAX} links.`,
          );
        }
        made = existing
          ? { ...existing, kind }
          : { id: randomUUID(), to, kind, createdAt: now().toISOString() };
        const link = made;
        return {
          ...current,
          links: existing
            ? current.links.map((l) => (l.id === existing.id ? link : l))
            : [...current.links, link],
        };
      });
      await index.claimsChanged(from.articleId);
      return made!;
    },

    'relations:delete': async ({ from, id }) => {
      let removed: ClaimLink | undefined;
      await library.annotations.updateHighlight(from.articleId, from.id, (current) => {
        removed = current.links.find((l) => l.id === id);
        if (!removed) throw new AppError('NOT_FOUND', 'This link between claims is already gone.');
        return { ...current, links: current.links.filter((l) => l.id !== id) };
      });
      await index.claimsChanged(from.articleId);
      return removed!;
    },
  };
}
