import { describe, expect, it } from 'vitest';
import type { ClaimQuery } from '../claim-query';
import { queryClaims } from '../query-claims';
import {
  A1,
  A2,
  A3,
  A4,
  CODEBOOK,
  ROWS,
  makeArticle,
  makeClaim,
  namesOf,
  query,
} from './support/claim-fixtures';

const run = (fields: Partial<ClaimQuery>) => queryClaims(ROWS, query(fields), CODEBOOK);
const order = (fields: Partial<ClaimQuery>) => namesOf(run(fields).rows);

describe('queryClaims sorting', () => {
  it('article: by title, then document order', () => {
    expect(order({ sort: 'article' })).toBe('c1 c2 c3 c4 c5 c6 c7 c8 c9');
  });

  it('published: newest or oldest article first, undated articles last either way', () => {
    expect(order({ sort: 'published-desc' })).toBe('c8 c9 c4 c5 c1 c2 c3 c6 c7');
    expect(order({ sort: 'published-asc' })).toBe('c1 c2 c3 c4 c5 c8 c9 c6 c7');
  });

  it('created: by instant (offsets resolved), ties by article then position either way', () => {
    // c1 and c4 were made in the same millisecond: c1's article id is lower, both ways.
    expect(order({ sort: 'created-asc' })).toBe('c7 c1 c4 c6 c2 c3 c5 c8 c9');
    expect(order({ sort: 'created-desc' })).toBe('c9 c8 c5 c3 c2 c6 c1 c4 c7');
  });

  it('breaks ties between articles of the same title and date by article id', () => {
    const twinA = makeArticle(20, { articleTitle: 'Same', publishedAt: '2025-01-01' });
    const twinB = makeArticle(21, { articleTitle: 'Same', publishedAt: '2025-01-01' });
    const rows = [makeClaim(31, twinB), makeClaim(30, twinA), makeClaim(32, twinB)];
    for (const sort of ['article', 'published-asc', 'published-desc', 'created-asc'] as const) {
      const ids = queryClaims(rows, query({ sort }), []).rows.map((r) => r.id);
      expect(ids).toEqual([rows[1]!.id, rows[0]!.id, rows[2]!.id]);
    }
    // Same instant throughout: created-desc keeps the ascending tie-break.
    const desc = queryClaims(rows, query({ sort: 'created-desc' }), []).rows.map((r) => r.id);
    expect(desc).toEqual([rows[1]!.id, rows[0]!.id, rows[2]!.id]);
  });

  it('keeps document order within an article as given, not by id', () => {
    const article = makeArticle(22, { articleTitle: 'Order' });
    const rows = [makeClaim(42, article), makeClaim(41, article), makeClaim(43, article)];
    const ids = queryClaims(rows, query({ sort: 'article' }), []).rows.map((r) => r.id);
    expect(ids).toEqual(rows.map((r) => r.id));
  });
});

describe('queryClaims grouping', () => {
  it('none: no groups, total equals the claims', () => {
    const page = run({ groupBy: 'none' });
    expect(page.groups).toEqual([]);
    expect(page.total).toBe(9);
    expect(page.claimCount).toBe(9);
  });

  it('class: thesis, risk, evidence, each in sort order', () => {
    const page = run({ groupBy: 'class' });
    expect(page.groups).toEqual([
      { key: 'thesis', label: 'Thesis', start: 0, count: 4 },
      { key: 'risk', label: 'Risk', start: 4, count: 2 },
      { key: 'evidence', label: 'Evidence', start: 6, count: 3 },
    ]);
    expect(namesOf(page.rows)).toBe('c1 c5 c7 c8 c3 c4 c2 c6 c9');
  });

  it('class: leaves out empty classes', () => {
    const page = run({ groupBy: 'class', filter: { classes: ['evidence', 'thesis'] } });
    expect(page.groups.map((g) => g.key)).toEqual(['thesis', 'evidence']);
  });

  it('ticker: a claim of two tickers in both groups, claims without one in "No ticker" last', () => {
    const page = run({ groupBy: 'ticker' });
    expect(page.groups).toEqual([
      { key: 'MSFT', label: 'MSFT', start: 0, count: 5 },
      { key: 'SAP.DE', label: 'SAP.DE', start: 5, count: 4 },
      { key: '', label: 'No ticker', start: 9, count: 2 },
    ]);
    expect(page.total).toBe(11);
    expect(page.claimCount).toBe(9);
    expect(namesOf(page.rows)).toBe('c1 c2 c3 c4 c5 c4 c5 c8 c9 c6 c7');
  });

  it('ticker: no "No ticker" group when every claim has a ticker', () => {
    const page = run({ groupBy: 'ticker', filter: { sources: ['FT'] } });
    expect(page.groups.map((g) => g.key)).toEqual(['MSFT', 'SAP.DE']);
  });

  it('ticker: a ticker given twice in different case counts once', () => {
    const article = makeArticle(23, { tickers: ['msft', 'MSFT', ' Msft'] });
    const page = queryClaims([makeClaim(50, article)], query({ groupBy: 'ticker' }), []);
    expect(page.groups).toEqual([{ key: 'MSFT', label: 'MSFT', start: 0, count: 1 }]);
  });

  it('article: groups follow the sort', () => {
    const published = run({ groupBy: 'article', sort: 'published-desc' });
    expect(published.groups).toEqual([
      { key: A4.id, label: 'Data centres', start: 0, count: 2 },
      { key: A2.id, label: 'Banking rules', start: 2, count: 2 },
      { key: A1.id, label: 'Azure growth', start: 4, count: 3 },
      { key: A3.id, label: 'Cloud margins', start: 7, count: 2 },
    ]);
    // By the newest claim of each article, claims within in the same order.
    const created = run({ groupBy: 'article', sort: 'created-desc' });
    expect(created.groups.map((g) => [g.key, g.count])).toEqual([
      [A4.id, 2],
      [A2.id, 2],
      [A1.id, 3],
      [A3.id, 2],
    ]);
    expect(namesOf(created.rows)).toBe('c9 c8 c5 c4 c3 c2 c1 c6 c7');
    const created2 = run({ groupBy: 'article', sort: 'created-asc' });
    expect(created2.groups.map((g) => g.label)).toEqual([
      'Cloud margins',
      'Azure growth',
      'Banking rules',
      'Data centres',
    ]);
  });
});

describe('queryClaims paging', () => {
  it('windows the grouped result across group boundaries', () => {
    const page = run({ groupBy: 'ticker', offset: 3, limit: 4 });
    expect(namesOf(page.rows)).toBe('c4 c5 c4 c5');
    expect(page.groups).toHaveLength(3);
    expect(page.total).toBe(11);
    expect(namesOf(run({ groupBy: 'ticker', offset: 8, limit: 5 }).rows)).toBe('c9 c6 c7');
  });

  it('pages through the ungrouped result without gaps or repeats', () => {
    const pages = [0, 4, 8].map((offset) => order({ sort: 'created-asc', offset, limit: 4 }));
    expect(pages).toEqual(['c7 c1 c4 c6', 'c2 c3 c5 c8', 'c9']);
    expect(pages.join(' ')).toBe(order({ sort: 'created-asc' }));
  });

  it('past the end returns no rows but the full counts and groups', () => {
    const page = run({ groupBy: 'class', offset: 20, limit: 10 });
    expect(page.rows).toEqual([]);
    expect(page.total).toBe(9);
    expect(page.groups).toHaveLength(3);
  });

  it('returns the rows as given', () => {
    expect(run({ filter: { ids: [ROWS[0]!.id] } }).rows).toEqual([ROWS[0]]);
  });
});
