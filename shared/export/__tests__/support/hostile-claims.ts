import type { ClaimsReportInput } from '../../claims-markdown';
import type { ReportClaim, ReportSource } from '../../report-input';

/**
 * A claims board export with `s` everywhere the analyst or an article fills in: title,
 * filters, quotes, tags, notes, paraphrases, locators and the sources' metadata, over
 * German, French and English articles, one of them missing from the sources map.
 */
export function hostileClaimsInput(s: string): ClaimsReportInput {
  const source = (articleId: string, language: string): ReportSource => ({
    articleId,
    title: s,
    publisher: s,
    author: s,
    publishedAt: '2026-11-24',
    url: `https://example.com/${s}`,
    fileName: s,
    language,
    inLibrary: true,
  });
  const claim = (
    highlightId: string,
    articleId: string,
    claimClass: ReportClaim['claimClass'],
    state: ReportClaim['state'] = 'ok',
  ): ReportClaim => ({
    highlightId,
    articleId,
    quote: `q ${s}`,
    claimClass,
    paraphrase: s,
    locator: s,
    state,
    tags: [s],
    note: `${s}\n${s}\n\n${s}`,
  });
  const claims = [
    claim('c1', 'de', 'risk'),
    claim('c2', 'fr', 'thesis', 'orphaned'),
    claim('c3', 'en', 'evidence', 'deleted'),
    claim('c4', 'gone', 'risk'),
  ];
  return {
    title: s,
    filters: [s, `Class: ${s}`],
    claims: [...claims, claims[0]!],
    sources: new Map([
      ['de', source('de', 'de')],
      ['fr', source('fr', 'fr')],
      ['en', source('en', s)],
    ]),
    generator: { name: 'Margin', version: s },
    exportedAt: '2026-12-01T09:30:00.000Z',
  };
}
