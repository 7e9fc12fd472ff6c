import type { Tag } from '../../../domain/codebook';
import type { ClaimPage } from '../../claim-page';
import type { ClaimQuery } from '../../claim-query';
import type { ClaimRow } from '../../claim-row';

/*
 * The reference implementation: the board's semantics written as plainly as possible
 * (filter chain, Array.sort with localeCompare, groups as arrays), with no index. The
 * property tests and bench/board-bench.ts check ClaimsBoard against it.
 */

const CLASSES = ['thesis', 'risk', 'evidence'] as const;
const LABELS = { thesis: 'Thesis', risk: 'Risk', evidence: 'Evidence' };
const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const upper = (ticker: string) => ticker.trim().toUpperCase();
const tickersOf = (row: ClaimRow) => [...new Set(row.tickers.map(upper))];
const active = <T>(list: readonly T[] | undefined): list is readonly T[] =>
  list !== undefined && list.length > 0;

/** The tag and its ancestors, walking up the codebook (stopping at a cycle). */
function selfAndAncestors(codebook: readonly Tag[], tagId: string): string[] {
  const chain: string[] = [];
  for (let id: string | null = tagId; id !== null && !chain.includes(id);) {
    chain.push(id);
    id = codebook.find((t) => t.id === id)?.parentId ?? null;
  }
  return chain;
}

function monthNumber(month: string) {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function naiveQueryClaims(
  rows: readonly ClaimRow[],
  query: ClaimQuery,
  codebook: readonly Tag[],
): ClaimPage {
  const position = new Map<ClaimRow, number>();
  const seen = new Map<string, number>();
  for (const row of rows) {
    const p = seen.get(row.articleId) ?? 0;
    position.set(row, p);
    seen.set(row.articleId, p + 1);
  }

  const f = query.filter;
  let matched = [...rows];
  if (active(f.classes)) matched = matched.filter((r) => f.classes!.includes(r.claimClass));
  if (active(f.tagIds)) {
    matched = matched.filter((r) =>
      r.tags.some((t) => selfAndAncestors(codebook, t).some((a) => f.tagIds!.includes(a))),
    );
  }
  if (active(f.articleIds)) {
    const articleIds = new Set(f.articleIds);
    matched = matched.filter((r) => articleIds.has(r.articleId));
  }
  if (active(f.sources)) {
    matched = matched.filter((r) => r.source !== null && f.sources!.includes(r.source));
  }
  if (active(f.tickers)) {
    const wanted = f.tickers.map(upper);
    matched = matched.filter((r) => r.tickers.some((t) => wanted.includes(upper(t))));
  }
  if (active(f.languages)) matched = matched.filter((r) => f.languages!.includes(r.language));
  const published = f.published;
  if (published && (published.from !== undefined || published.to !== undefined)) {
    matched = matched.filter(
      (r) =>
        r.publishedAt !== null &&
        (published.from === undefined || r.publishedAt >= published.from) &&
        (published.to === undefined || r.publishedAt <= published.to),
    );
  }
  const created = f.created;
  if (created && (created.from !== undefined || created.to !== undefined)) {
    matched = matched.filter((r) => {
      const day = new Date(r.createdAt).toISOString().slice(0, 10);
      return (
        (created.from === undefined || day >= created.from) &&
        (created.to === undefined || day <= created.to)
      );
    });
  }
  if (f.hasNote !== undefined)
    matched = matched.filter((r) => (r.note.trim() !== '') === f.hasNote);
  if (f.orphaned !== undefined) matched = matched.filter((r) => r.orphaned === f.orphaned);
  if (active(f.ids)) {
    const ids = new Set(f.ids);
    matched = matched.filter((r) => ids.has(r.id));
  }

  const inArticle = (a: ClaimRow, b: ClaimRow) =>
    a.articleTitle.localeCompare(b.articleTitle) ||
    codeUnits(a.articleId, b.articleId) ||
    position.get(a)! - position.get(b)! ||
    codeUnits(a.id, b.id);
  const byDate = (descending: boolean) => (a: ClaimRow, b: ClaimRow) => {
    if (a.publishedAt === b.publishedAt) return 0;
    if (a.publishedAt === null) return 1;
    if (b.publishedAt === null) return -1;
    return descending
      ? codeUnits(b.publishedAt, a.publishedAt)
      : codeUnits(a.publishedAt, b.publishedAt);
  };
  const byCreated = (descending: boolean) => (a: ClaimRow, b: ClaimRow) => {
    const diff = Date.parse(a.createdAt) - Date.parse(b.createdAt);
    return (
      (descending ? -diff : diff) ||
      codeUnits(a.articleId, b.articleId) ||
      position.get(a)! - position.get(b)! ||
      codeUnits(a.id, b.id)
    );
  };
  const comparators = {
    article: inArticle,
    'published-asc': (a: ClaimRow, b: ClaimRow) => byDate(false)(a, b) || inArticle(a, b),
    'published-desc': (a: ClaimRow, b: ClaimRow) => byDate(true)(a, b) || inArticle(a, b),
    'created-asc': byCreated(false),
    'created-desc': byCreated(true),
  };
  const sorted = [...matched].sort(comparators[query.sort]);

  const groups: { key: string; label: string; rows: ClaimRow[] }[] = [];
  if (query.groupBy === 'class') {
    for (const c of CLASSES) {
      groups.push({ key: c, label: LABELS[c], rows: sorted.filter((r) => r.claimClass === c) });
    }
  } else if (query.groupBy === 'ticker') {
    const byTickerRows = new Map<string, ClaimRow[]>();
    const noTicker: ClaimRow[] = [];
    for (const row of sorted) {
      const tickers = tickersOf(row);
      if (tickers.length === 0) noTicker.push(row);
      for (const t of tickers) {
        if (!byTickerRows.has(t)) byTickerRows.set(t, []);
        byTickerRows.get(t)!.push(row);
      }
    }
    for (const t of [...byTickerRows.keys()].sort(codeUnits)) {
      groups.push({ key: t, label: t, rows: byTickerRows.get(t)! });
    }
    groups.push({ key: '', label: 'No ticker', rows: noTicker });
  } else if (query.groupBy === 'article') {
    const byArticle = new Map<string, ClaimRow[]>();
    for (const row of sorted) {
      if (!byArticle.has(row.articleId)) byArticle.set(row.articleId, []);
      byArticle.get(row.articleId)!.push(row);
    }
    for (const [id, inGroup] of byArticle) {
      groups.push({ key: id, label: inGroup[0]!.articleTitle, rows: inGroup });
    }
  }
  const shown = groups.filter((g) => g.rows.length > 0);
  const laidOut = query.groupBy === 'none' ? sorted : shown.flatMap((g) => g.rows);
  let start = 0;
  const pageGroups = shown.map((g) => {
    const group = { key: g.key, label: g.label, start, count: g.rows.length };
    start += g.rows.length;
    return group;
  });

  const tickerCounts = new Map<string, { thesis: number; risk: number; evidence: number }>();
  const monthCounts = new Map<number, { thesis: number; risk: number; evidence: number }>();
  let undated = 0;
  for (const row of matched) {
    for (const ticker of tickersOf(row)) {
      const c = tickerCounts.get(ticker) ?? { thesis: 0, risk: 0, evidence: 0 };
      c[row.claimClass]++;
      tickerCounts.set(ticker, c);
    }
    if (row.publishedAt === null) {
      undated++;
      continue;
    }
    const month = monthNumber(row.publishedAt);
    const c = monthCounts.get(month) ?? { thesis: 0, risk: 0, evidence: 0 };
    c[row.claimClass]++;
    monthCounts.set(month, c);
  }
  const byTicker = [...tickerCounts]
    .map(([ticker, c]) => ({ ticker, ...c }))
    .sort(
      (a, b) =>
        b.thesis + b.risk + b.evidence - (a.thesis + a.risk + a.evidence) ||
        codeUnits(a.ticker, b.ticker),
    )
    .slice(0, 12);
  const months = [...monthCounts.keys()].sort((a, b) => a - b);
  const timeline: ClaimPage['overview']['timeline'] = [];
  for (let m = months[0] ?? 0; m <= (months.at(-1) ?? -1); m++) {
    const month = `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
    timeline.push({ month, ...(monthCounts.get(m) ?? { thesis: 0, risk: 0, evidence: 0 }) });
  }

  return {
    total: laidOut.length,
    claimCount: matched.length,
    groups: query.groupBy === 'none' ? [] : pageGroups,
    rows: laidOut.slice(query.offset, query.offset + query.limit),
    overview: { byTicker, timeline, undated },
  };
}
