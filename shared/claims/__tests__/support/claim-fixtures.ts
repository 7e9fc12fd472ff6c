import type { Tag } from '../../../domain/codebook';
import type { ClaimArticleMeta } from '../../claim-article-meta';
import type { ClaimQuery } from '../../claim-query';
import type { ClaimRow } from '../../claim-row';

/** A valid, readable v4-shaped UUID for test entity `n`. */
export const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export type TestArticle = ClaimArticleMeta & { id: string };

export function makeArticle(n: number, fields: Partial<ClaimArticleMeta> = {}): TestArticle {
  return {
    id: uuid(0xa00 + n),
    articleTitle: `Article ${n}`,
    source: null,
    publishedAt: null,
    tickers: [],
    language: 'en',
    ...fields,
  };
}

export function makeClaim(n: number, article: TestArticle, fields: Partial<ClaimRow> = {}) {
  const { id: articleId, ...meta } = article;
  const row: ClaimRow = {
    id: uuid(n),
    articleId,
    claimClass: 'evidence',
    quote: `Words of claim ${n}`,
    note: '',
    paraphrase: '',
    tags: [],
    page: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    orphaned: false,
    ...meta,
    supports: 0,
    contradicts: 0,
    relatedTo: 0,
    ...fields,
  };
  return row;
}

export const makeTag = (id: string, name: string, parentId: string | null): Tag => ({
  id,
  name,
  parentId,
  createdAt: '2025-01-01T00:00:00.000Z',
});

export const query = (fields: Partial<ClaimQuery> = {}): ClaimQuery => ({
  filter: {},
  sort: 'article',
  groupBy: 'none',
  offset: 0,
  limit: 500,
  ...fields,
});

/*
 * A small library whose every answer can be worked out by hand.
 *
 *   A1 "Azure growth"  FT    2025-03-31  MSFT          en   c1 thesis  c2 evidence  c3 risk
 *   A2 "Banking rules" WSJ   2025-04-01  MSFT, SAP.DE  de   c4 risk    c5 thesis
 *   A3 "Cloud margins" —     undated     —             fr   c6 evidence c7 thesis
 *   A4 "Data centres"  FT    2025-06-15  sap.de        en   c8 thesis  c9 evidence
 *
 * Codebook: Risk › Regulatory › Antitrust, Risk › FX; Growth › Cloud.
 */
export const TAG = {
  risk: uuid(0x100),
  regulatory: uuid(0x101),
  antitrust: uuid(0x102),
  fx: uuid(0x103),
  growth: uuid(0x104),
  cloud: uuid(0x105),
};

export const CODEBOOK: Tag[] = [
  makeTag(TAG.risk, 'Risk', null),
  makeTag(TAG.regulatory, 'Regulatory', TAG.risk),
  makeTag(TAG.antitrust, 'Antitrust', TAG.regulatory),
  makeTag(TAG.fx, 'FX', TAG.risk),
  makeTag(TAG.growth, 'Growth', null),
  makeTag(TAG.cloud, 'Cloud', TAG.growth),
];

export const A1 = makeArticle(1, {
  articleTitle: 'Azure growth',
  source: 'FT',
  publishedAt: '2025-03-31',
  tickers: ['MSFT'],
  language: 'en',
});
export const A2 = makeArticle(2, {
  articleTitle: 'Banking rules',
  source: 'WSJ',
  publishedAt: '2025-04-01',
  tickers: ['MSFT', 'SAP.DE'],
  language: 'de',
});
export const A3 = makeArticle(3, { articleTitle: 'Cloud margins', language: 'fr' });
export const A4 = makeArticle(4, {
  articleTitle: 'Data centres',
  source: 'FT',
  publishedAt: '2025-06-15',
  tickers: ['sap.de'],
  language: 'en',
});

export const C = {
  c1: makeClaim(1, A1, {
    claimClass: 'thesis',
    tags: [TAG.cloud],
    note: 'Strong',
    createdAt: '2025-04-01T10:00:00.000Z',
  }),
  c2: makeClaim(2, A1, { claimClass: 'evidence', createdAt: '2025-04-02T09:00:00.000Z' }),
  c3: makeClaim(3, A1, {
    claimClass: 'risk',
    tags: [TAG.antitrust],
    orphaned: true,
    createdAt: '2025-04-03T00:00:00.000Z',
  }),
  c4: makeClaim(4, A2, {
    claimClass: 'risk',
    tags: [TAG.regulatory],
    note: 'Check',
    createdAt: '2025-04-01T10:00:00.000Z',
  }),
  c5: makeClaim(5, A2, {
    claimClass: 'thesis',
    tags: [TAG.growth],
    note: '  \n',
    createdAt: '2025-05-10T12:00:00.000Z',
  }),
  // Made late on 1 April in UTC−2: 2 April in UTC.
  c6: makeClaim(6, A3, {
    claimClass: 'evidence',
    tags: [TAG.fx],
    createdAt: '2025-04-01T23:30:00.000-02:00',
  }),
  c7: makeClaim(7, A3, { claimClass: 'thesis', createdAt: '2025-03-31T12:00:00.000Z' }),
  c8: makeClaim(8, A4, {
    claimClass: 'thesis',
    tags: [TAG.risk],
    note: 'Growth risk',
    createdAt: '2025-06-20T08:00:00.000Z',
  }),
  c9: makeClaim(9, A4, {
    claimClass: 'evidence',
    tags: [TAG.cloud, TAG.fx],
    createdAt: '2025-06-21T08:00:00.000Z',
  }),
};

/** Articles interleaved, each article's claims in document order. */
export const ROWS: ClaimRow[] = [C.c1, C.c4, C.c6, C.c2, C.c8, C.c5, C.c3, C.c7, C.c9];

const names = new Map(Object.entries(C).map(([name, row]) => [row.id, name]));

/** `c1 c2 …` for the fixture's rows, to compare results at a glance. */
export const namesOf = (rows: readonly ClaimRow[]) =>
  rows.map((r) => names.get(r.id) ?? r.id).join(' ');
