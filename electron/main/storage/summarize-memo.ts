import type { Memo, MemoSummary } from '../../../shared/domain/memo';
import { citedHighlightIds, countCitations } from '../../../shared/memo/memo-doc-ops';
import { memoWordCount } from '../../../shared/memo/memo-plain-text';

/** What the memo list and the backlinks need of a memo, computed once per write. */
export interface MemoDigest {
  summary: MemoSummary;
  /** The highlights it cites, each once. */
  cited: readonly string[];
}

export function summarizeMemo(memo: Memo): MemoDigest {
  const { header } = memo;
  return {
    summary: {
      id: memo.id,
      title: memo.title,
      status: memo.status,
      createdAt: memo.createdAt,
      updatedAt: memo.updatedAt,
      version: memo.version,
      company: header.company,
      ticker: header.ticker,
      recommendation: header.recommendation,
      conviction: header.conviction,
      priceTarget: header.priceTarget,
      citations: countCitations(memo.doc),
      words: memoWordCount(memo.doc),
    },
    cited: citedHighlightIds(memo.doc),
  };
}
