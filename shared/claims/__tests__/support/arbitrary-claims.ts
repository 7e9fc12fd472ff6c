import fc from 'fast-check';
import type { ClaimArticleMeta } from '../../claim-article-meta';
import type { ClaimFilter, ClaimQuery } from '../../claim-query';
import type { ClaimRow } from '../../claim-row';
import { TAG, makeClaim, uuid } from './claim-fixtures';

/*
 * Small random libraries and queries over few distinct values, so that filters hit,
 * titles, dates and creation instants tie, and tickers differ only in case.
 */
const DAY_MS = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2024, 10, 20) + n * DAY_MS).toISOString().slice(0, 10);
const dateArb = fc.integer({ min: 0, max: 120 }).map(day);

export const ARTICLE_SLOTS = 8;
export const articleId = (slot: number) => uuid(0xa00 + slot);

export const metaArb: fc.Arbitrary<ClaimArticleMeta> = fc.record({
  articleTitle: fc.constantFrom('Alpha', 'alpha', 'Beta', 'Ärger', 'Zeta', 'Same'),
  source: fc.constantFrom(null, 'FT', 'WSJ'),
  publishedAt: fc.option(dateArb, { nil: null }),
  tickers: fc.array(fc.constantFrom('MSFT', 'msft', 'SAP.DE', 'AAPL', 'Aapl'), { maxLength: 3 }),
  language: fc.constantFrom('en', 'de', 'fr'),
});

const UNKNOWN_TAG = uuid(0x1ff);
const TAG_POOL = [...Object.values(TAG), UNKNOWN_TAG];

/** A creation instant from few distinct ones (ties), written in one of three offsets. */
const createdAtArb = fc
  .record({
    quarterDay: fc.integer({ min: 0, max: 60 }),
    offsetHours: fc.constantFrom(0, 2, -5),
  })
  .map(({ quarterDay, offsetHours }) => {
    const utc = Date.UTC(2024, 11, 1) + quarterDay * (DAY_MS / 4);
    if (offsetHours === 0) return new Date(utc).toISOString();
    const local = new Date(utc + offsetHours * 3_600_000).toISOString().slice(0, 23);
    const sign = offsetHours > 0 ? '+' : '-';
    return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
  });

export type ClaimSpec = Pick<ClaimRow, 'claimClass' | 'tags' | 'note' | 'orphaned' | 'createdAt'>;

export const claimSpecArb: fc.Arbitrary<ClaimSpec> = fc.record({
  claimClass: fc.constantFrom('thesis', 'risk', 'evidence'),
  tags: fc.subarray(TAG_POOL, { maxLength: 3 }),
  note: fc.constantFrom('', ' ', 'A note'),
  orphaned: fc.boolean(),
  createdAt: createdAtArb,
});

/** The rows of one article, claim ids from `firstId` up. */
export function articleRows(
  slot: number,
  meta: ClaimArticleMeta,
  specs: readonly ClaimSpec[],
  firstId: number,
): ClaimRow[] {
  const article = { id: articleId(slot), ...meta };
  return specs.map((spec, i) => makeClaim(firstId + i, article, spec));
}

/** Up to 8 articles of up to 6 claims; rows of different articles interleaved or not. */
export const libraryArb: fc.Arbitrary<ClaimRow[]> = fc
  .record({
    articles: fc.array(fc.tuple(metaArb, fc.array(claimSpecArb, { maxLength: 6 })), {
      maxLength: ARTICLE_SLOTS,
    }),
    interleave: fc.boolean(),
  })
  .map(({ articles, interleave }) => {
    const perArticle = articles.map(([meta, specs], slot) =>
      articleRows(slot, meta, specs, 1 + slot * 10),
    );
    if (!interleave) return perArticle.flat();
    const rows: ClaimRow[] = [];
    for (let i = 0; i < 6; i++) for (const list of perArticle) if (list[i]) rows.push(list[i]!);
    return rows;
  });

const rangeArb = fc.record({ from: dateArb, to: dateArb }, { requiredKeys: [] });

const facetsArb = fc.record({
  classes: fc.subarray(['thesis', 'risk', 'evidence'] as const, { minLength: 1 }),
  tagIds: fc.subarray(TAG_POOL, { minLength: 1, maxLength: 2 }),
  articleIds: fc.subarray(
    Array.from({ length: ARTICLE_SLOTS }, (_, slot) => articleId(slot)),
    { minLength: 1, maxLength: 4 },
  ),
  sources: fc.subarray(['FT', 'WSJ', 'ft'], { minLength: 1 }),
  tickers: fc.subarray(['msft', 'SAP.DE', 'aapl', 'NONE'], { minLength: 1 }),
  languages: fc.subarray(['en', 'de', 'fr'], { minLength: 1 }),
  published: rangeArb,
  created: rangeArb,
  hasNote: fc.boolean(),
  orphaned: fc.boolean(),
  ids: fc.subarray(
    Array.from({ length: 80 }, (_, i) => uuid(i + 1)),
    { minLength: 1, maxLength: 30 },
  ),
});
const FACETS = [
  'classes',
  'tagIds',
  'articleIds',
  'sources',
  'tickers',
  'languages',
  'published',
  'created',
  'hasNote',
  'orphaned',
  'ids',
] as const satisfies readonly (keyof ClaimFilter)[];

/** Up to `most` facets, drawn at random (with many at once, almost nothing matches). */
const filterArb = (most: number): fc.Arbitrary<ClaimFilter> =>
  fc
    .tuple(facetsArb, fc.shuffledSubarray([...FACETS], { maxLength: most }))
    .map(([all, chosen]) => Object.fromEntries(chosen.map((k) => [k, all[k]])));

export const queryArb: fc.Arbitrary<ClaimQuery> = fc.record({
  filter: fc.oneof({ arbitrary: filterArb(2), weight: 4 }, { arbitrary: filterArb(6), weight: 1 }),
  sort: fc.constantFrom(
    'published-desc',
    'published-asc',
    'created-desc',
    'created-asc',
    'article',
  ),
  groupBy: fc.constantFrom('none', 'class', 'ticker', 'article'),
  offset: fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, fc.nat({ max: 20 })),
  limit: fc.integer({ min: 1, max: 25 }),
});
