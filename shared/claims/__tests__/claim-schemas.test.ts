import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_MAX_CHARS } from '../../domain/highlight-limits';
import { ClaimPage } from '../claim-page';
import { ClaimQuery } from '../claim-query';
import { ClaimRow } from '../claim-row';
import { queryClaims } from '../query-claims';
import { C, CODEBOOK, ROWS, TAG, query, uuid } from './support/claim-fixtures';

const withFilter = (filter: object) => ({ ...query(), filter });
const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe('ClaimQuery', () => {
  it('accepts a full query', () => {
    const full = query({
      filter: {
        classes: ['thesis', 'risk'],
        tagIds: [TAG.risk],
        articleIds: [C.c1.articleId],
        sources: ['FT'],
        tickers: [' msft '],
        languages: ['en', 'und'],
        published: { from: '2025-01-01', to: '2025-12-31' },
        created: { from: '2025-01-01' },
        hasNote: true,
        orphaned: false,
        ids: [C.c1.id],
      },
      sort: 'created-desc',
      groupBy: 'ticker',
      offset: 1_000,
      limit: 500,
    });
    expect(ClaimQuery.parse(full).filter.tickers).toEqual(['msft']);
  });

  it('refuses paging outside bounds', () => {
    for (const paging of [{ limit: 0 }, { limit: 501 }, { offset: -1 }, { limit: 1.5 }]) {
      expect(ClaimQuery.safeParse({ ...query(), ...paging }).success).toBe(false);
    }
  });

  it('refuses unknown sorts, groupings and classes', () => {
    expect(ClaimQuery.safeParse({ ...query(), sort: 'title' }).success).toBe(false);
    expect(ClaimQuery.safeParse({ ...query(), groupBy: 'tag' }).success).toBe(false);
    expect(ClaimQuery.safeParse(withFilter({ classes: ['opinion'] })).success).toBe(false);
  });

  it('refuses oversized lists and strings', () => {
    const oversized = [
      { classes: ['thesis', 'risk', 'evidence', 'thesis'] },
      { tagIds: many(201, uuid) },
      { articleIds: many(1_001, uuid) },
      { ids: many(2_001, uuid) },
      { sources: many(201, (i) => `Source ${i}`) },
      { sources: ['x'.repeat(301)] },
      { tickers: many(201, (i) => `T${i}`) },
      { tickers: ['X'.repeat(33)] },
      { languages: many(201, () => 'en') },
    ];
    for (const filter of oversized) {
      expect(
        ClaimQuery.safeParse(withFilter(filter)).success,
        JSON.stringify(filter).slice(0, 80),
      ).toBe(false);
    }
    expect(ClaimQuery.safeParse(withFilter({ ids: many(2_000, uuid) })).success).toBe(true);
  });

  it('refuses malformed values', () => {
    const malformed = [
      { tagIds: ['not-a-uuid'] },
      { tickers: ['   '] },
      { languages: ['english'] },
      { published: { from: '2025-13-01' } },
      { created: { to: '2025-01-01T00:00:00Z' } },
      { hasNote: 'yes' },
    ];
    for (const filter of malformed) {
      expect(ClaimQuery.safeParse(withFilter(filter)).success, JSON.stringify(filter)).toBe(false);
    }
  });
});

describe('ClaimRow', () => {
  it('accepts the fixture rows', () => {
    for (const row of ROWS) expect(ClaimRow.parse(row)).toEqual(row);
  });

  it('refuses oversized or negative fields', () => {
    const bad = [
      { quote: 'x'.repeat(HIGHLIGHT_MAX_CHARS + 1) },
      { quote: '' },
      { note: 'x'.repeat(20_001) },
      { tags: many(51, uuid) },
      { supports: -1 },
      { contradicts: 0.5 },
      { page: 0 },
      { publishedAt: '2025-02-30' },
      { createdAt: '2025-01-01' },
    ];
    for (const change of bad) {
      expect(ClaimRow.safeParse({ ...C.c1, ...change }).success, Object.keys(change)[0]).toBe(
        false,
      );
    }
  });
});

describe('ClaimPage', () => {
  it('describes what queryClaims returns', () => {
    const page = queryClaims(ROWS, query({ groupBy: 'ticker' }), CODEBOOK);
    expect(ClaimPage.parse(page)).toEqual(page);
  });
});
