import type { Tag } from '../shared/domain/codebook';
import type { ClaimClass } from '../shared/domain/highlight';
import type { ClaimArticleMeta } from '../shared/claims/claim-article-meta';
import type { ClaimPage } from '../shared/claims/claim-page';
import type {
  ClaimFilter,
  ClaimGroupBy,
  ClaimQuery,
  ClaimSort,
} from '../shared/claims/claim-query';
import type { ClaimRow } from '../shared/claims/claim-row';
import { ClaimsBoard } from '../shared/claims/claims-board';
import { naiveQueryClaims } from '../shared/claims/__tests__/support/naive-query-claims';
import { seededRandom, seededUuid } from './random';
import type { BenchRow } from './results';
import { median, percentile } from './stats';

const ARTICLES = 10_000;
const CLAIMS = 100_000;
const QUERIES = 200;
const UPDATES = 200;
const WARM_UPS = 20;
const SEED = 20261203;
const DAY_MS = 86_400_000;
/** Publication dates over two years. */
const FIRST_DAY = Date.UTC(2024, 0, 1);
const DAYS = 730;

const SORTS: ClaimSort[] = [
  'published-desc',
  'published-asc',
  'created-desc',
  'created-asc',
  'article',
];
const GROUPINGS: ClaimGroupBy[] = ['none', 'class', 'ticker', 'article'];
const CLASSES: ClaimClass[] = ['thesis', 'risk', 'evidence'];

const TICKERS = (
  'MSFT AAPL NVDA AMZN GOOGL META TSLA ORCL CRM ADBE INTC AMD IBM CSCO SAP.DE SIE.DE ' +
  'ALV.DE BAS.DE BMW.DE VOW3.DE DTE.DE MUV2.DE ASML.AS MC.PA OR.PA AIR.PA TTE.PA SAN.PA ' +
  'NESN.SW NOVN.SW ROG.SW UBSG.SW HSBA.L BP.L SHEL.L AZN.L ULVR.L JPM GS BAC'
).split(' ');
const SOURCES = [
  'Financial Times',
  'Wall Street Journal',
  'Reuters',
  'Bloomberg',
  'Handelsblatt',
  'FAZ',
  'Les Echos',
  'The Economist',
  'Barron’s',
  'Morgan Stanley Research',
  'Goldman Sachs Research',
  'Deutsche Bank Research',
  'Company filing',
  'Earnings call',
  'Substack',
];
const WORDS = (
  'cloud margin guidance quarter growth risk capex demand pricing regulation antitrust ' +
  'dividend buyback valuation outlook supply chain inflation rates currency AI chips ' +
  'Umsatz Prognose Wachstum Wettbewerb Bewertung croissance marge résultats'
).split(' ');
const TAG_TREE: Record<string, Record<string, string[]>> = {
  Risk: {
    Regulatory: ['Antitrust', 'Data privacy', 'Export controls'],
    Financial: ['Leverage', 'FX'],
    Operational: ['Supply chain', 'Key person'],
    Competition: ['Pricing pressure'],
    Litigation: [],
  },
  Growth: { Cloud: ['Azure', 'AWS', 'GCP'], AI: ['Training', 'Inference'], Emerging: [], M_A: [] },
  Margins: { 'Gross margin': [], Opex: ['R&D', 'SG&A'], Pricing: [] },
  Capital: { Buybacks: [], Dividends: [], Debt: [], Capex: ['Data centres', 'Fabs'] },
  Management: { Guidance: ['Raised', 'Cut'], Incentives: [], Governance: [] },
  Valuation: { Multiples: ['EV/EBITDA', 'P/E'], DCF: [], 'Sum of parts': [] },
  Macro: { Rates: ['Fed', 'ECB'], Inflation: [], 'Trade policy': ['Tariffs'] },
  ESG: { Climate: ['Emissions'], Labour: [] },
};

interface Library {
  rows: ClaimRow[];
  codebook: Tag[];
  articleIds: string[];
}

const day = (n: number) => new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10);

function buildCodebook(random: () => number): Tag[] {
  const tags: Tag[] = [];
  const add = (name: string, parentId: string | null) => {
    const tag: Tag = {
      id: seededUuid(random),
      name,
      parentId,
      createdAt: '2024-01-01T00:00:00.000Z',
    };
    tags.push(tag);
    return tag.id;
  };
  for (const [root, children] of Object.entries(TAG_TREE)) {
    const rootId = add(root, null);
    for (const [child, grandchildren] of Object.entries(children)) {
      const childId = add(child, rootId);
      for (const grandchild of grandchildren) add(grandchild, childId);
    }
  }
  return tags;
}

/**
 * 100,000 claims over 10,000 articles (5–15 each), 40 tickers of skewed popularity, a
 * 60-tag codebook in three levels, three languages, two years of dates (3 % undated),
 * 20 % of claims with a note, 2 % orphaned.
 */
function buildLibrary(random: () => number): Library {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const codebook = buildCodebook(random);
  const rows: ClaimRow[] = [];
  const articleIds: string[] = [];
  let spread = 0;
  for (let a = 0; a < ARTICLES; a++) {
    // Pairs of articles share 20 claims, so the total is exactly 100,000.
    spread = a % 2 === 0 ? Math.floor(random() * 6) : -spread;
    const claims = CLAIMS / ARTICLES + spread;
    const tickerCount = random() < 0.1 ? 0 : 1 + Math.floor(random() * random() * 3);
    const tickers = [
      ...new Set(
        Array.from({ length: tickerCount }, () => TICKERS[Math.floor(random() ** 2 * 40)]!),
      ),
    ];
    const published = Math.floor(random() * DAYS);
    const meta: ClaimArticleMeta = {
      articleTitle: `${tickers[0] ?? pick(WORDS)}: ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
      source: random() < 0.05 ? null : pick(SOURCES),
      publishedAt: random() < 0.03 ? null : day(published),
      tickers: random() < 0.1 ? tickers.map((t) => t.toLowerCase()) : tickers,
      language: random() < 0.6 ? 'en' : random() < 0.75 ? 'de' : 'fr',
    };
    const articleId = seededUuid(random);
    articleIds.push(articleId);
    for (let c = 0; c < claims; c++) {
      const created = FIRST_DAY + (published + random() * 30) * DAY_MS;
      const createdAt = new Date(Math.floor(created / 1000) * 1000).toISOString();
      const claimClass = pick(CLASSES);
      rows.push({
        id: seededUuid(random),
        articleId,
        claimClass,
        quote: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
        note: random() < 0.2 ? `Note on ${pick(WORDS)}` : '',
        paraphrase: '',
        tags: [
          ...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(codebook).id)),
        ],
        page: null,
        createdAt,
        updatedAt: createdAt,
        orphaned: random() < 0.02,
        ...meta,
        supports: claimClass === 'thesis' ? Math.floor(random() * 4) : 0,
        contradicts: claimClass === 'thesis' ? Math.floor(random() * 2) : 0,
        relatedTo: claimClass === 'thesis' ? 0 : Math.floor(random() * 2),
      });
    }
  }
  return { rows, codebook, articleIds };
}

/** A date range of `days` days starting anywhere in the two years. */
function range(random: () => number, days: number) {
  const from = Math.floor(random() * (DAYS - days));
  return { from: day(from), to: day(from + days) };
}

/** Filters an analyst would set: single facets, combinations, sub-tag trees, id lists. */
function filterTemplates(library: Library, random: () => number): Array<() => ClaimFilter> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const roots = library.codebook.filter((t) => t.parentId === null);
  const some = <T>(items: readonly T[], n: number) => Array.from({ length: n }, () => pick(items));
  return [
    () => ({}),
    () => ({ classes: [pick(CLASSES)] }),
    () => ({ tagIds: [pick(roots).id] }),
    () => ({ tagIds: some(library.codebook, 2).map((t) => t.id) }),
    () => ({ tickers: [pick(TICKERS).toLowerCase()] }),
    () => ({ sources: some(SOURCES, 2) }),
    () => ({ languages: [pick(['de', 'fr'])] }),
    () => ({ published: range(random, 90) }),
    () => ({ created: range(random, 30) }),
    () => ({ hasNote: true }),
    () => ({ orphaned: true }),
    () => ({ articleIds: some(library.articleIds, 5) }),
    () => ({ ids: some(library.rows, 50).map((r) => r.id) }),
    () => ({ classes: [pick(CLASSES)], tickers: [pick(TICKERS)], published: range(random, 180) }),
    () => ({ tagIds: [pick(roots).id], languages: ['en'], hasNote: true }),
    () => ({ classes: ['thesis', 'risk'], sources: some(SOURCES, 3), created: range(random, 365) }),
    () => ({ tickers: some(TICKERS, 4), orphaned: false, published: { from: day(365) } }),
  ];
}

function buildQueries(library: Library, random: () => number): ClaimQuery[] {
  const templates = filterTemplates(library, random);
  const offsets = [0, 0, 0, 500, 5_000, 40_000, 99_500];
  return Array.from({ length: QUERIES }, (_, i) => ({
    filter: templates[i % templates.length]!(),
    sort: SORTS[i % SORTS.length]!,
    groupBy: GROUPINGS[Math.floor(i / SORTS.length) % GROUPINGS.length]!,
    offset: offsets[Math.floor(random() * offsets.length)]!,
    limit: 100,
  }));
}

/** Where two answers differ, or null: row ids, counts, groups and overview. */
function difference(a: ClaimPage, b: ClaimPage): string | null {
  if (a.total !== b.total || a.claimCount !== b.claimCount) {
    return `total ${a.total}/${b.total}, claims ${a.claimCount}/${b.claimCount}`;
  }
  const ids = (p: ClaimPage) => p.rows.map((r) => r.id).join();
  if (ids(a) !== ids(b)) return 'row ids differ';
  if (JSON.stringify(a.groups) !== JSON.stringify(b.groups)) return 'groups differ';
  if (JSON.stringify(a.overview) !== JSON.stringify(b.overview)) return 'overview differs';
  return null;
}

const describeQuery = (q: ClaimQuery) =>
  `${JSON.stringify(q.filter).slice(0, 100)} ${q.sort} by ${q.groupBy} @${q.offset}`;

const time = <T>(task: () => T): [T, number] => {
  const start = performance.now();
  const result = task();
  return [result, performance.now() - start];
};

const figures = (samples: readonly number[]) =>
  `p50 ${median(samples).toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms, ` +
  `max ${Math.max(...samples).toFixed(2)} ms`;

/**
 * Article-level edits the main process makes, each timed, then the board's refresh (a
 * query) timed too: a highlight edited (upsert with one note changed), a highlight added,
 * metadata corrected (new title and date: the article moves in every order), an article
 * deleted and imported back.
 */
function measureUpdates(
  board: ClaimsBoard,
  library: Library,
  queries: readonly ClaimQuery[],
  random: () => number,
) {
  const byArticle = new Map<string, ClaimRow[]>();
  for (const row of library.rows) {
    const list = byArticle.get(row.articleId);
    if (list) list.push(row);
    else byArticle.set(row.articleId, [row]);
  }
  const updateMs: number[] = [];
  const refreshMs: number[] = [];
  for (let i = 0; i < UPDATES; i++) {
    const articleId = library.articleIds[Math.floor(random() * ARTICLES)]!;
    const rows = byArticle.get(articleId)!;
    const kind = i % 4;
    if (kind === 0) {
      const edited = rows.map((r, n) => (n === 0 ? { ...r, note: `Edited ${i}` } : r));
      updateMs.push(time(() => board.upsertArticleClaims(articleId, edited))[1]);
      byArticle.set(articleId, edited);
    } else if (kind === 1) {
      const added = { ...rows[0]!, id: seededUuid(random), createdAt: '2026-01-01T00:00:00.000Z' };
      const next = [...rows, added];
      updateMs.push(time(() => board.upsertArticleClaims(articleId, next))[1]);
      byArticle.set(articleId, next);
    } else if (kind === 2) {
      const first = rows[0]!;
      const meta: ClaimArticleMeta = {
        articleTitle: `Revised ${i}`,
        source: first.source,
        publishedAt: day(Math.floor(random() * DAYS)),
        tickers: first.tickers,
        language: first.language,
      };
      updateMs.push(time(() => board.updateArticleMeta(articleId, meta))[1]);
      byArticle.set(
        articleId,
        rows.map((r) => ({ ...r, ...meta })),
      );
    } else {
      updateMs.push(time(() => board.removeArticle(articleId))[1]);
      updateMs.push(time(() => board.upsertArticleClaims(articleId, rows))[1]);
    }
    refreshMs.push(time(() => board.query(queries[i % queries.length]!))[1]);
  }
  library.rows = [...byArticle.values()].flat();
  return { updateMs, refreshMs };
}

/**
 * The claims board over 100,000 claims: 200 varied queries (facets alone and combined,
 * sub-tag trees, every sort and grouping, first and deep pages) on ClaimsBoard against the
 * naive filter/sort baseline, which must give the same answers; then article edits.
 */
export async function runBoardBench(log: (line: string) => void): Promise<BenchRow[]> {
  const random = seededRandom(SEED);
  const library = buildLibrary(random);
  const [board, buildMs] = time(() => new ClaimsBoard(library.rows, library.codebook));
  log(
    `Claims board: ${library.rows.length.toLocaleString('en')} claims over ` +
      `${ARTICLES.toLocaleString('en')} articles, ${library.codebook.length} tags; ` +
      `built in ${buildMs.toFixed(0)} ms.`,
  );

  const queries = buildQueries(library, random);
  for (const q of queries.slice(0, WARM_UPS)) board.query(q);
  // All board queries first, then all naive ones: the naive garbage would otherwise make
  // the collector pause inside the board's timings.
  const boardRuns = queries.map((q) => time(() => board.query(q)));
  const boardMs = boardRuns.map(([, ms]) => ms);
  const naiveMs: number[] = [];
  const mismatches: string[] = [];
  queries.forEach((q, i) => {
    const [naive, ms] = time(() => naiveQueryClaims(library.rows, q, library.codebook));
    naiveMs.push(ms);
    const diff = difference(boardRuns[i]![0], naive);
    if (diff) mismatches.push(`${describeQuery(q)}: ${diff}`);
  });
  log(`Board queries: ${figures(boardMs)}.`);
  log(`Naive filter/sort: ${figures(naiveMs)}.`);

  const { updateMs, refreshMs } = measureUpdates(board, library, queries, random);
  log(`Board updates (${updateMs.length}): ${figures(updateMs)}.`);
  log(`First query after each update (rebuilds the flat orders): ${figures(refreshMs)}.`);
  // After the edits, the board must still answer as the baseline does over the new rows.
  for (const q of queries.slice(0, 20)) {
    const diff = difference(board.query(q), naiveQueryClaims(library.rows, q, library.codebook));
    if (diff) mismatches.push(`after updates, ${describeQuery(q)}: ${diff}`);
  }
  log(`Mismatches against the baseline: ${mismatches.length}.`);
  for (const m of mismatches.slice(0, 10)) log(`  ${m}`);

  const peer = 'naive filter/sort';
  return [
    {
      id: 'board.filter.p95',
      label: `Claims board query (filter + sort + group + overview + page) over 100,000 claims, p95 of ${QUERIES}`,
      value: percentile(boardMs, 95),
      unit: 'ms',
      target: 50,
      peer: { label: peer, value: percentile(naiveMs, 95) },
    },
    {
      id: 'board.filter.p50',
      label: `Claims board query over 100,000 claims, median of ${QUERIES}`,
      value: median(boardMs),
      unit: 'ms',
      target: null,
      peer: { label: peer, value: median(naiveMs) },
    },
    {
      id: 'board.filter.mismatches',
      label: 'Board answers differing from the naive baseline (ids, counts, groups, overview)',
      value: mismatches.length,
      unit: 'count',
      target: 0,
      peer: null,
    },
    {
      id: 'board.refresh.p95',
      label: 'First board query after an update (flat orders rebuilt), p95',
      value: percentile(refreshMs, 95),
      unit: 'ms',
      target: 50,
      peer: null,
    },
    {
      id: 'board.update.p95',
      label: 'Board update for one article (edit, add, metadata, remove, re-add), p95',
      value: percentile(updateMs, 95),
      unit: 'ms',
      target: 5,
      peer: null,
    },
    {
      id: 'board.build.ms',
      label: 'Building the board from 100,000 claims (main process start)',
      value: buildMs,
      unit: 'ms',
      target: null,
      peer: null,
    },
  ];
}
