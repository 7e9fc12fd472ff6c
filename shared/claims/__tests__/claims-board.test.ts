import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimArticleMeta } from '../claim-article-meta';
import type { ClaimQuery } from '../claim-query';
import type { ClaimRow } from '../claim-row';
import { ClaimsBoard } from '../claims-board';
import { queryClaims } from '../query-claims';
import {
  ARTICLE_SLOTS,
  articleId,
  articleRows,
  claimSpecArb,
  libraryArb,
  metaArb,
  queryArb,
} from './support/arbitrary-claims';
import {
  A1,
  A2,
  A3,
  C,
  CODEBOOK,
  ROWS,
  TAG,
  makeArticle,
  makeClaim,
  namesOf,
  query,
} from './support/claim-fixtures';
import { naiveQueryClaims } from './support/naive-query-claims';

const QUERIES: ClaimQuery[] = (
  ['article', 'published-desc', 'published-asc', 'created-desc', 'created-asc'] as const
).flatMap((sort) =>
  (['none', 'class', 'ticker', 'article'] as const).map((groupBy) =>
    query({ sort, groupBy, offset: 1, limit: 7 }),
  ),
);

/** The board answers every query as a board built afresh from `rows` would. */
function expectSameAsFresh(board: ClaimsBoard, rows: readonly ClaimRow[]) {
  const fresh = new ClaimsBoard(rows, CODEBOOK);
  for (const q of [...QUERIES, query({ filter: { tickers: ['msft'] }, groupBy: 'ticker' })]) {
    expect(board.query(q)).toEqual(fresh.query(q));
  }
  expect(board.claimCount).toBe(rows.length);
}

describe('ClaimsBoard updates', () => {
  it('adds a new article', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    const added = makeArticle(9, { articleTitle: 'Bonds', publishedAt: '2025-05-05' });
    const rows = [makeClaim(90, added, { claimClass: 'risk' }), makeClaim(91, added)];
    board.upsertArticleClaims(added.id, rows);
    expectSameAsFresh(board, [...ROWS, ...rows]);
    expect(board.query(query({ filter: { articleIds: [added.id] } })).rows).toEqual(rows);
  });

  it('replaces an article’s claims, and removes the article for none', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    const edited = [{ ...C.c2, note: 'Now noted' }, C.c1];
    board.upsertArticleClaims(A1.id, edited);
    const rest = ROWS.filter((r) => r.articleId !== A1.id);
    expectSameAsFresh(board, [...rest, ...edited]);
    expect(namesOf(board.query(query({ filter: { hasNote: true } })).rows)).toBe('c2 c1 c4 c8');
    board.upsertArticleClaims(A1.id, []);
    expectSameAsFresh(board, rest);
  });

  it('removes an article, ignoring unknown ones', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    board.removeArticle(A2.id);
    board.removeArticle(makeArticle(77).id);
    expectSameAsFresh(
      board,
      ROWS.filter((r) => r.articleId !== A2.id),
    );
  });

  it('applies new article metadata to its claims', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    const meta: ClaimArticleMeta = {
      articleTitle: 'Aardvark cloud',
      source: 'Reuters',
      publishedAt: '2025-07-01',
      tickers: ['AMZN'],
      language: 'en',
    };
    board.updateArticleMeta(A3.id, meta);
    board.updateArticleMeta(makeArticle(77).id, meta);
    const updated = ROWS.map((r) => (r.articleId === A3.id ? { ...r, ...meta } : r));
    expectSameAsFresh(board, updated);
    expect(namesOf(board.query(query({ sort: 'article', limit: 2 })).rows)).toBe('c6 c7');
    expect(board.query(query({ filter: { tickers: ['amzn'] } })).rows[0]).toEqual({
      ...C.c6,
      ...meta,
    });
  });

  it('follows a new codebook', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    board.setCodebook(CODEBOOK.filter((t) => t.id !== TAG.antitrust));
    expect(namesOf(board.query(query({ filter: { tagIds: [TAG.regulatory] } })).rows)).toBe('c4');
  });

  it('refuses rows of another article', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    expect(() => board.upsertArticleClaims(A1.id, [C.c4])).toThrow(/belongs to/);
  });

  it('handles articles of many claims (one linear pass instead of a splice per claim)', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    const big = makeArticle(60, { articleTitle: 'Big', publishedAt: '2025-04-01' });
    // Creation times interleave with the fixture's, and repeat within the article.
    const claims = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) =>
        makeClaim(from + i, big, {
          claimClass: (['thesis', 'risk', 'evidence'] as const)[i % 3],
          createdAt: `2025-04-0${1 + (i % 4)}T10:00:00.000Z`,
        }),
      );
    const first = claims(600, 40);
    board.upsertArticleClaims(big.id, first);
    expectSameAsFresh(board, [...ROWS, ...first]);
    const second = claims(700, 35);
    board.upsertArticleClaims(big.id, second);
    expectSameAsFresh(board, [...ROWS, ...second]);
    board.removeArticle(big.id);
    expectSameAsFresh(board, ROWS);
  });

  it('applies a highlight edit in place, keeping the views it already built', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    for (const q of QUERIES) board.query(q);
    const edited = [C.c1, { ...C.c2, claimClass: 'risk' as const, tags: [TAG.fx] }, C.c3];
    board.upsertArticleClaims(A1.id, edited);
    const rows = ROWS.map((r) => (r.id === C.c2.id ? edited[1]! : r));
    expectSameAsFresh(board, rows);
    expect(namesOf(board.query(query({ filter: { tagIds: [TAG.fx] } })).rows)).toBe('c2 c6 c9');
  });

  it('reuses freed slots without mixing claims up', () => {
    const board = new ClaimsBoard(ROWS, CODEBOOK);
    let rows = [...ROWS];
    for (let round = 0; round < 5; round++) {
      const article = makeArticle(50 + round, { tickers: ['MSFT'] });
      const added = [makeClaim(500 + round * 2, article), makeClaim(501 + round * 2, article)];
      board.removeArticle(rows[0]!.articleId);
      rows = rows.filter((r) => r.articleId !== rows[0]!.articleId);
      board.upsertArticleClaims(article.id, added);
      rows.push(...added);
      expectSameAsFresh(board, rows);
    }
  });
});

describe('ClaimsBoard against the reference implementation', () => {
  it('answers random queries as the reference does', () => {
    fc.assert(
      fc.property(
        libraryArb,
        fc.array(queryArb, { minLength: 1, maxLength: 5 }),
        (rows, queries) => {
          const board = new ClaimsBoard(rows, CODEBOOK);
          for (const q of queries) {
            expect(board.query(q)).toEqual(naiveQueryClaims(rows, q, CODEBOOK));
          }
        },
      ),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('stays equal to the reference through upserts, edits, removals and metadata changes', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('upsert' as const),
        slot: fc.nat({ max: ARTICLE_SLOTS - 1 }),
        meta: metaArb,
        claims: fc.array(claimSpecArb, { maxLength: 5 }),
      }),
      fc.record({ kind: fc.constant('remove' as const), slot: fc.nat({ max: ARTICLE_SLOTS - 1 }) }),
      // A highlight edit: same claims and instants, new class, tags, note or orphan state.
      fc.record({
        kind: fc.constant('edit' as const),
        slot: fc.nat({ max: ARTICLE_SLOTS - 1 }),
        specs: fc.array(claimSpecArb, { minLength: 6, maxLength: 6 }),
      }),
      fc.record({
        kind: fc.constant('meta' as const),
        slot: fc.nat({ max: ARTICLE_SLOTS - 1 }),
        meta: metaArb,
      }),
    );
    fc.assert(
      fc.property(libraryArb, fc.array(op, { maxLength: 12 }), queryArb, (initial, ops, q) => {
        const board = new ClaimsBoard(initial, CODEBOOK);
        // The model: each article's rows in document order, articles in first-seen order.
        const model = new Map<string, ClaimRow[]>();
        for (const row of initial)
          model.set(row.articleId, [...(model.get(row.articleId) ?? []), row]);
        ops.forEach((o, n) => {
          const id = articleId(o.slot);
          if (o.kind === 'remove') {
            board.removeArticle(id);
            model.delete(id);
          } else if (o.kind === 'upsert') {
            const rows = articleRows(o.slot, o.meta, o.claims, 0x10000 + n * 16);
            board.upsertArticleClaims(id, rows);
            model.delete(id);
            if (rows.length > 0) model.set(id, rows);
          } else if (o.kind === 'edit') {
            const edited = (model.get(id) ?? []).map((r, i) => {
              const { claimClass, tags, note, orphaned } = o.specs[i]!;
              return { ...r, claimClass, tags, note, orphaned };
            });
            board.upsertArticleClaims(id, edited);
            if (edited.length > 0) model.set(id, edited);
          } else {
            board.updateArticleMeta(id, o.meta);
            const rows = model.get(id);
            if (rows)
              model.set(
                id,
                rows.map((r) => ({ ...r, ...o.meta })),
              );
          }
          // Querying between updates builds the views that the next update must refresh.
          const rows = [...model.values()].flat();
          expect(board.query(q)).toEqual(naiveQueryClaims(rows, q, CODEBOOK));
        });
        const rows = [...model.values()].flat();
        expect(board.query(q)).toEqual(queryClaims(rows, q, CODEBOOK));
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
