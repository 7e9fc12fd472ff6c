import { describe, expect, it } from 'vitest';
import type { ClaimFilter } from '../claim-query';
import { queryClaims } from '../query-claims';
import { A2, A4, C, CODEBOOK, ROWS, TAG, makeTag, namesOf, query } from './support/claim-fixtures';

/** The fixture's matching claims, in `article` order (c1…c9 is that order). */
const matching = (filter: ClaimFilter, codebook = CODEBOOK) =>
  namesOf(queryClaims(ROWS, query({ filter }), codebook).rows);

describe('queryClaims filter facets', () => {
  it('without a filter returns every claim', () => {
    expect(matching({})).toBe('c1 c2 c3 c4 c5 c6 c7 c8 c9');
  });

  it('treats empty lists and open ranges as no filter', () => {
    const all = matching({});
    expect(matching({ classes: [], tagIds: [], tickers: [], sources: [], ids: [] })).toEqual(all);
    expect(matching({ published: {}, created: {} })).toEqual(all);
  });

  it('filters by class, values OR-ed', () => {
    expect(matching({ classes: ['thesis'] })).toBe('c1 c5 c7 c8');
    expect(matching({ classes: ['risk', 'evidence'] })).toBe('c2 c3 c4 c6 c9');
  });

  it('matches a tag through any of its descendants in the codebook', () => {
    expect(matching({ tagIds: [TAG.risk] })).toBe('c3 c4 c6 c8 c9');
    expect(matching({ tagIds: [TAG.regulatory] })).toBe('c3 c4');
    expect(matching({ tagIds: [TAG.antitrust] })).toBe('c3');
    expect(matching({ tagIds: [TAG.growth] })).toBe('c1 c5 c9');
    expect(matching({ tagIds: [TAG.cloud, TAG.antitrust] })).toBe('c1 c3 c9');
  });

  it('follows the codebook it is given, and survives a cycle in it', () => {
    // Cloud moved under Risk: Risk now reaches c1 and c9 through Cloud as well.
    const moved = CODEBOOK.map((t) => (t.id === TAG.cloud ? { ...t, parentId: TAG.risk } : t));
    expect(matching({ tagIds: [TAG.risk] }, moved)).toBe('c1 c3 c4 c6 c8 c9');
    const cyclic = [
      ...CODEBOOK.filter((t) => t.id !== TAG.growth),
      makeTag(TAG.growth, 'Growth', TAG.cloud),
    ];
    expect(matching({ tagIds: [TAG.cloud] }, cyclic)).toBe('c1 c5 c9');
  });

  it('matches an unknown tag only by itself', () => {
    expect(matching({ tagIds: [TAG.fx.replace('103', '999')] })).toBe('');
    expect(matching({ tagIds: [TAG.fx] }, [])).toBe('c6 c9');
  });

  it('filters by article, source and language', () => {
    expect(matching({ articleIds: [A2.id, A4.id] })).toBe('c4 c5 c8 c9');
    expect(matching({ sources: ['FT'] })).toBe('c1 c2 c3 c8 c9');
    expect(matching({ sources: ['ft'] })).toBe('');
    expect(matching({ sources: ['WSJ', 'FT'] })).toBe('c1 c2 c3 c4 c5 c8 c9');
    expect(matching({ languages: ['en'] })).toBe('c1 c2 c3 c8 c9');
    expect(matching({ languages: ['de', 'fr'] })).toBe('c4 c5 c6 c7');
  });

  it('compares tickers case-insensitively', () => {
    expect(matching({ tickers: ['msft'] })).toBe('c1 c2 c3 c4 c5');
    expect(matching({ tickers: ['SAP.DE'] })).toBe('c4 c5 c8 c9');
    expect(matching({ tickers: ['Sap.De', 'MSFT'] })).toBe('c1 c2 c3 c4 c5 c8 c9');
    expect(matching({ tickers: ['AAPL'] })).toBe('');
  });

  it('filters by publication date, inclusive at both ends, leaving undated articles out', () => {
    expect(matching({ published: { from: '2025-03-31', to: '2025-04-01' } })).toBe(
      'c1 c2 c3 c4 c5',
    );
    expect(matching({ published: { from: '2025-04-01' } })).toBe('c4 c5 c8 c9');
    expect(matching({ published: { to: '2025-03-31' } })).toBe('c1 c2 c3');
    expect(matching({ published: { from: '2025-06-16' } })).toBe('');
  });

  it('filters by the UTC date of creation, inclusive at both ends', () => {
    // c6 was made on 1 April at 23:30 in UTC−2, which is 2 April in UTC.
    expect(matching({ created: { from: '2025-04-02', to: '2025-04-02' } })).toBe('c2 c6');
    expect(matching({ created: { from: '2025-04-01', to: '2025-04-01' } })).toBe('c1 c4');
    expect(matching({ created: { to: '2025-03-31' } })).toBe('c7');
    expect(matching({ created: { from: '2025-06-01' } })).toBe('c8 c9');
  });

  it('filters by note (whitespace is no note) and by orphaned', () => {
    expect(matching({ hasNote: true })).toBe('c1 c4 c8');
    expect(matching({ hasNote: false })).toBe('c2 c3 c5 c6 c7 c9');
    expect(matching({ orphaned: true })).toBe('c3');
    expect(matching({ orphaned: false })).toBe('c1 c2 c4 c5 c6 c7 c8 c9');
  });

  it('filters by claim id', () => {
    expect(matching({ ids: [C.c9.id, C.c2.id] })).toBe('c2 c9');
  });

  it('AND-combines facets', () => {
    expect(
      matching({
        classes: ['thesis', 'evidence'],
        tickers: ['MSFT'],
        published: { from: '2025-04-01' },
      }),
    ).toBe('c5');
    expect(matching({ tagIds: [TAG.risk], languages: ['en'], hasNote: false })).toBe('c3 c9');
    expect(matching({ sources: ['FT'], orphaned: false, created: { from: '2025-04-02' } })).toEqual(
      'c2 c8 c9',
    );
    expect(matching({ articleIds: [A2.id], ids: [C.c1.id, C.c4.id] })).toBe('c4');
    expect(matching({ classes: ['risk'], tagIds: [TAG.growth] })).toBe('');
  });
});
