import type { ClaimLink } from '../../../../shared/domain/claim-relation';
import type { Highlight, HighlightRef } from '../../../../shared/domain/highlight';

/** A link as seen from the claim it points at. */
export interface IncomingLink {
  from: HighlightRef;
  link: ClaimLink;
}

/**
 * Links are stored on the claim they start from; this finds them from the claim they point
 * at (a thesis's balance, the links to remove when a thesis is deleted).
 */
export class LinkIndex {
  private readonly byTarget = new Map<string, IncomingLink[]>();
  /** The links each article's claims hold, to take them out when the article changes. */
  private readonly byArticle = new Map<string, IncomingLink[]>();

  /** Replaces the links held by one article's claims. */
  setArticle(articleId: string, highlights: readonly Highlight[]): void {
    this.removeArticle(articleId);
    const held = highlights.flatMap((h) =>
      h.links.map((link) => ({ from: { articleId, id: h.id }, link })),
    );
    if (held.length === 0) return;
    this.byArticle.set(articleId, held);
    for (const entry of held) {
      const list = this.byTarget.get(entry.link.to.id);
      if (list) list.push(entry);
      else this.byTarget.set(entry.link.to.id, [entry]);
    }
  }

  removeArticle(articleId: string): void {
    const held = this.byArticle.get(articleId);
    if (!held) return;
    this.byArticle.delete(articleId);
    for (const entry of held) {
      const rest = (this.byTarget.get(entry.link.to.id) ?? []).filter((e) => e !== entry);
      if (rest.length > 0) this.byTarget.set(entry.link.to.id, rest);
      else this.byTarget.delete(entry.link.to.id);
    }
  }

  incoming(targetId: string): readonly IncomingLink[] {
    return this.byTarget.get(targetId) ?? [];
  }

  /** The articles whose claims point at `targetId` (their rows carry its counts). */
  articlesLinkingTo(targetId: string): string[] {
    return [...new Set(this.incoming(targetId).map((e) => e.from.articleId))];
  }
}
