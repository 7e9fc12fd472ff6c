import type { Memo } from '../../../domain/memo';
import type { MemoNode } from '../../../domain/memo-doc';
import { CLAIM_REFERENCE } from '../../../memo/claim-reference';
import { forEachMemoNode } from '../../../memo/memo-walk';
import type { MemoReportInput } from '../../memo-markdown';
import type { ReportClaim, ReportGenerator, ReportSource } from '../../report-input';

/** A golden case's input file: the report input with its maps as arrays. */
export interface MemoReportInputFile {
  description: string;
  memo: Memo;
  claims: ReportClaim[];
  sources: ReportSource[];
  generator: ReportGenerator;
  includeConvictionLog: boolean;
}

export function memoReportInput(file: Omit<MemoReportInputFile, 'description'>): MemoReportInput {
  return {
    memo: file.memo,
    claims: new Map(file.claims.map((claim) => [claim.highlightId, claim])),
    sources: new Map(file.sources.map((source) => [source.articleId, source])),
    generator: file.generator,
    includeConvictionLog: file.includeConvictionLog,
  };
}

/** The front matter a report must carry, worked out from the memo independently of the code. */
export function expectedFrontMatter({ memo, generator }: MemoReportInput): Record<string, unknown> {
  const { header } = memo;
  return {
    title: memo.title,
    company: header.company === '' ? null : header.company,
    ticker: header.ticker,
    recommendation: header.recommendation,
    price_target: header.priceTarget?.amount ?? null,
    currency: header.priceTarget?.currency ?? null,
    horizon: header.horizon === '' ? null : header.horizon,
    conviction: header.conviction,
    author: header.author === '' ? null : header.author,
    date: header.date,
    memo_id: memo.id,
    generator: `${generator.name} ${generator.version}`,
  };
}

/**
 * How many footnotes the report must have: the distinct claims cited in the text, plus
 * those the printed conviction log names that the library or the text knows.
 */
export function expectedFootnotes({ memo, claims, includeConvictionLog }: MemoReportInput): number {
  const ids = new Set<string>();
  forEachMemoNode(memo.doc, (node: MemoNode) => {
    if (node.type === CLAIM_REFERENCE) ids.add(String(node.attrs?.highlightId));
  });
  if (includeConvictionLog) {
    for (const entry of memo.convictionLog) {
      for (const id of entry.claimIds) if (claims.has(id)) ids.add(id);
    }
  }
  return ids.size;
}
