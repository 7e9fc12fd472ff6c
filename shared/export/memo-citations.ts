import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import type { ClaimReferenceAttrs } from '../memo/claim-reference';
import { CitationFootnotes } from './citation-footnotes';
import { claimFromSnapshot } from './claim-from-snapshot';
import type { ReportClaim, ReportSource } from './report-input';
import { sourceFromSnapshot } from './source-from-snapshot';

/** A citation as the report prints it. */
export interface ResolvedCitation {
  /** The words to quote: the claim's current words, or the snapshot's for a deleted claim. */
  quote: string;
  /** The quoted article's language, which picks the quotation marks. */
  language: string;
  reference: FootnoteReference;
}

/**
 * The citations of one memo report: which words each citation quotes and which footnote
 * it points to. The library's current claim wins over the memo's snapshot (the analyst
 * may have edited the highlight since); a claim or article the library no longer has is
 * described by the first snapshot that cited it, so every citation of one claim shows
 * the same words and shares one footnote.
 */
export class MemoCitations {
  private readonly footnotes: CitationFootnotes;
  private readonly resolved = new Map<string, ReportClaim>();
  private readonly snapshotSources = new Map<string, ReportSource>();

  constructor(
    private readonly claims: ReadonlyMap<string, ReportClaim>,
    private readonly sources: ReadonlyMap<string, ReportSource>,
  ) {
    this.footnotes = new CitationFootnotes((claim) => this.sourceOf(claim.articleId));
  }

  /** A citation in the memo's text. */
  cite(attrs: ClaimReferenceAttrs): ResolvedCitation {
    if (!this.snapshotSources.has(attrs.articleId)) {
      this.snapshotSources.set(attrs.articleId, sourceFromSnapshot(attrs));
    }
    let claim = this.resolved.get(attrs.highlightId);
    if (!claim) {
      claim = this.claims.get(attrs.highlightId) ?? claimFromSnapshot(attrs);
      this.resolved.set(attrs.highlightId, claim);
    }
    return {
      quote: claim.quote,
      language: this.sourceOf(claim.articleId).language,
      reference: this.footnotes.reference(claim),
    };
  }

  /** A claim named by id (the conviction log); null when neither library nor memo knows it. */
  referenceById(highlightId: string): FootnoteReference | null {
    const claim = this.resolved.get(highlightId) ?? this.claims.get(highlightId);
    if (!claim) return null;
    this.resolved.set(highlightId, claim);
    return this.footnotes.reference(claim);
  }

  /** Every article cited so far, once each, sorted. */
  citedSources(): ReportSource[] {
    return this.footnotes.sources();
  }

  definitions(): FootnoteDefinition[] {
    return this.footnotes.definitions();
  }

  private sourceOf(articleId: string): ReportSource {
    return (
      this.sources.get(articleId) ??
      this.snapshotSources.get(articleId) ??
      sourceFromSnapshot({ articleId, source: null, articleTitle: null, publishedAt: null })
    );
  }
}
