import type { ClaimReferenceAttrs } from '../memo/claim-reference';
import type { ReportClaim } from './report-input';

/**
 * A claim deleted since the memo cited it, as the citation's snapshot remembers it: the
 * words as cited, marked deleted so its footnote says so.
 */
export function claimFromSnapshot(attrs: ClaimReferenceAttrs): ReportClaim {
  return {
    highlightId: attrs.highlightId,
    articleId: attrs.articleId,
    quote: attrs.quote,
    claimClass: attrs.claimClass,
    paraphrase: attrs.paraphrase,
    locator: attrs.locator,
    state: 'deleted',
    tags: [],
    note: '',
  };
}
