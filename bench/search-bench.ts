import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import { foldTermForms } from '../shared/search/fold-term';
import { parseQuery } from '../shared/search/parse-query';
import { SEARCH_FIELDS, type SearchField } from '../shared/search/search-fields';
import { SearchIndex, type SearchDocument } from '../shared/search/search-index';
import { forEachToken } from '../shared/search/tokenize';
import { seededRandom, seededUuid } from './random';
import type { BenchRow } from './results';
import { median, percentile } from './stats';

const ARTICLES = 10_000;
const CLAIMS_PER_ARTICLE = 10;
const WORDS_PER_ARTICLE = 600;
const QUERIES = 200;
const TIMED_PASSES = 2;
const LOADS = 5;
const UPDATES = 20;
const CHECKED_QUERIES = 40;
const SEED = 20261210;

const ROOT = join(import.meta.dirname, '..');
const SEED_ARTICLE = join(ROOT, 'seeds', 'microsoft-openai-de.txt');
const NEWS_PAGES = join(ROOT, 'e2e', 'fixtures', 'news-html');

const PUBLISHERS = ['Reuters', 'Handelsblatt', 'Les Échos', 'Bloomberg', 'FAZ', 'Le Monde'];
const TICKERS = ['MSFT', 'NVDA', 'AAPL', 'SAP', 'SIE', 'MC.PA', 'AIR.PA', 'BAYN', 'VOW3', 'ASML'];
const TAGS = [
  'Azure growth',
  'Regulierung',
  'Marge',
  'Risque réglementaire',
  'Capex',
  'KI-Nachfrage',
];
const NOTES = [
  'Check against the 10-Q before citing.',
  'Widerspricht der Guidance vom Vorquartal.',
  'Bestätigt unsere These zum Rückgang der Margen.',
  'À vérifier : chiffres non audités.',
  'Key risk for the bull case.',
  'Zahlen für Q3 prüfen, Überschätzung möglich.',
];

type Doc = SearchDocument;

/** Visible text of a page, crudely: no scripts, styles or tags; common entities decoded. */
function stripHtml(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };
  return html
    .replace(/<(script|style|noscript|svg)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (m, name: string) => entities[name.toLowerCase()] ?? m);
}

/** Words as written (with their punctuation), dropping markup debris such as URLs and code. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .filter(
      (w) => w.length <= 24 && /^[("„«“]?[\p{L}\p{N}][\p{L}\p{N}.,'’%-]*[)"“”»:;,.!?]?$/u.test(w),
    );
}

/** Word streams of the real texts: the German seed article and the test pages' visible text. */
function sourceTexts(): string[][] {
  const streams = [wordsOf(readFileSync(SEED_ARTICLE, 'utf8'))];
  for (const page of readdirSync(NEWS_PAGES).sort()) {
    let html: string;
    try {
      html = readFileSync(join(NEWS_PAGES, page, 'source.html'), 'utf8');
    } catch {
      continue;
    }
    const words = wordsOf(stripHtml(html));
    if (words.length >= 200) streams.push(words);
  }
  return streams;
}

interface Corpus {
  articles: Doc[];
  claims: Doc[][];
  /** Words (as written) that have an umlaut or ß, for transliterated queries. */
  umlautWords: string[];
}

/**
 * 10,000 articles of ~600 words: runs of 4–16 consecutive words from one real text (so
 * phrases and languages stay together), a tenth of runs from another text, and numbers
 * sprinkled in; 10 claims each (a 10–35-word quote, often a note, sometimes tags).
 */
function buildCorpus(random: () => number): Corpus {
  const streams = sourceTexts();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const run = (stream: readonly string[], length: number) => {
    const at = Math.floor(random() * Math.max(1, stream.length - length));
    return stream.slice(at, at + length);
  };
  const number = () => {
    const r = random();
    if (r < 0.3) return `${Math.floor(random() * 100)},${Math.floor(random() * 10)}%`;
    if (r < 0.6) return `${2015 + Math.floor(random() * 12)}`;
    if (r < 0.8) return `Q${1 + Math.floor(random() * 4)}`;
    return `${Math.floor(random() * 1000)}.${Math.floor(random() * 1000)}`;
  };
  const articles: Doc[] = [];
  const claims: Doc[][] = [];
  for (let n = 0; n < ARTICLES; n++) {
    const home = pick(streams);
    const words: string[] = [];
    const target = WORDS_PER_ARTICLE - 100 + Math.floor(random() * 200);
    while (words.length < target) {
      words.push(...run(random() < 0.9 ? home : pick(streams), 4 + Math.floor(random() * 13)));
      if (random() < 0.15) words.push(number());
    }
    const paragraphs: string[] = [];
    for (let i = 0; i < words.length; i += 80) paragraphs.push(words.slice(i, i + 80).join(' '));
    const title = run(home, 6 + Math.floor(random() * 7)).join(' ');
    const tickers = Array.from({ length: Math.floor(random() * 3) }, () => pick(TICKERS));
    const article: Doc = {
      id: seededUuid(random),
      kind: 'article',
      fields: {
        title,
        text: paragraphs.join('\n\n'),
        source: pick(PUBLISHERS),
        tickers: tickers.join(' '),
      },
    };
    articles.push(article);
    claims.push(
      Array.from({ length: CLAIMS_PER_ARTICLE }, () => {
        const length = 10 + Math.floor(random() * 26);
        const at = Math.floor(random() * Math.max(1, words.length - length));
        const fields: Partial<Record<SearchField, string>> = {
          quote: words.slice(at, at + length).join(' '),
          context: title,
        };
        if (random() < 0.5) fields.note = pick(NOTES);
        if (random() < 0.2) fields.paraphrase = run(home, 8 + Math.floor(random() * 8)).join(' ');
        if (random() < 0.4) fields.tags = pick(TAGS);
        return { id: seededUuid(random), kind: 'claim' as const, fields };
      }),
    );
  }
  const umlautWords = [
    ...new Set(streams.flat().filter((w) => /^[\p{L}]{4,}$/u.test(w) && /[äöüÄÖÜß]/.test(w))),
  ].sort();
  return { articles, claims, umlautWords };
}

interface Query {
  text: string;
  /** The last word is incomplete: MiniSearch is asked with `prefix: true`. */
  prefix: boolean;
}

const transliterate = (word: string, dotless: boolean) =>
  word.replace(/[äöüÄÖÜß]/g, (c) => {
    const map: Record<string, string> = dotless
      ? { ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U', ß: 'ss' }
      : { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
    return map[c]!;
  });

/**
 * 200 queries: half whole words, half prefixes of 3–6 characters; every fourth has two
 * words (adjacent in some article, so the AND has answers); every tenth types an umlaut
 * word as ue or without dots.
 */
function buildQueries(corpus: Corpus, random: () => number): Query[] {
  const queries: Query[] = [];
  const cleanWords = (doc: Doc) =>
    (doc.fields.text ?? '')
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  for (let i = 0; i < QUERIES; i++) {
    const prefix = i >= QUERIES / 2;
    const words = cleanWords(corpus.articles[Math.floor(random() * ARTICLES)]!);
    let at = Math.floor(random() * (words.length - 1));
    while (words[at]!.length < 4 && at < words.length - 2) at++;
    let chosen = i % 4 === 1 ? [words[at]!, words[at + 1]!] : [words[at]!];
    if (i % 10 === 3 && corpus.umlautWords.length > 0) {
      const word = corpus.umlautWords[Math.floor(random() * corpus.umlautWords.length)]!;
      chosen = [transliterate(word, random() < 0.5)];
    }
    if (prefix) {
      const last = chosen[chosen.length - 1]!;
      const length = Math.min(last.length, 3 + Math.floor(random() * 4));
      chosen[chosen.length - 1] = last.slice(0, length);
    }
    queries.push({ text: chosen.filter((w) => w !== '').join(' '), prefix });
  }
  return queries;
}

/** Every term each document is filed under, '\n'-delimited: the brute-force reference. */
function termLines(doc: Doc): string {
  const terms = new Set<string>();
  for (const field of SEARCH_FIELDS) {
    const text = doc.fields[field];
    if (!text) continue;
    forEachToken(text, (start, end) => {
      for (const form of foldTermForms(text.slice(start, end))) terms.add(form);
    });
  }
  return `\n${[...terms].join('\n')}\n`;
}

function bruteForce(lines: ReadonlyMap<string, string>, query: string): Set<string> {
  const terms = parseQuery(query);
  const found = new Set<string>();
  if (terms.length === 0) return found;
  for (const [id, text] of lines) {
    if (terms.every((t) => text.includes(t.prefix ? `\n${t.term}` : `\n${t.term}\n`))) {
      found.add(id);
    }
  }
  return found;
}

function timeQueries(queries: readonly Query[], run: (q: Query) => unknown): number[] {
  for (const q of queries) run(q); // warm-up
  const samples: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const q of queries) {
      const start = performance.now();
      run(q);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

/** Builds Margin's index from scratch; only its bytes are kept, as the app keeps them. */
function buildMargin(docs: readonly Doc[]): { buildMs: number; bytes: Uint8Array } {
  const started = performance.now();
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);
  index.compact();
  return { buildMs: performance.now() - started, bytes: index.serialize() };
}

/** The timed samples of query `i` (timeQueries runs the whole list once per pass). */
const timesOf = (samples: readonly number[], i: number) =>
  Array.from({ length: TIMED_PASSES }, (_, pass) => samples[pass * QUERIES + i]!);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const heapMb = () => `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB heap`;

/**
 * Full-text search over an analyst-year (10,000 articles, 100,000 claims): Margin's
 * SearchIndex against MiniSearch and FlexSearch in their default configurations, plus
 * loading the serialized index and updating one article with its claims.
 */
export async function runSearchBench(log: (line: string) => void): Promise<BenchRow[]> {
  const random = seededRandom(SEED);
  let started = performance.now();
  const corpus = buildCorpus(random);
  const docs: Doc[] = [...corpus.articles, ...corpus.claims.flat()];
  const tokens = docs.reduce(
    (sum, d) => sum + (d.fields.text ?? d.fields.quote ?? '').split(' ').length,
    0,
  );
  log(
    `Search corpus: ${corpus.articles.length.toLocaleString('en')} articles, ` +
      `${(docs.length - corpus.articles.length).toLocaleString('en')} claims, ` +
      `≈ ${(tokens / 1e6).toFixed(1)} M words, built in ${seconds(performance.now() - started)}.`,
  );
  const queries = buildQueries(corpus, random);

  log('Margin: building the index…');
  const { buildMs, bytes } = buildMargin(docs);
  log(
    `Margin: built in ${seconds(buildMs)}, serialized to ${(bytes.length / 1e6).toFixed(1)} MB, ${heapMb()}.`,
  );

  const loads: number[] = [];
  let index = new SearchIndex();
  for (let i = 0; i < LOADS; i++) {
    const start = performance.now();
    index = SearchIndex.deserialize(bytes);
    loads.push(performance.now() - start);
  }
  log(`Margin: deserialize median ${median(loads).toFixed(0)} ms.`);

  const marginTimes = timeQueries(queries, (q) => index.search(q.text));
  const slowest = queries
    .map((q, i) => ({ q: q.text, ms: Math.max(...timesOf(marginTimes, i)) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  log(`Margin: slowest ${slowest.map((s) => `"${s.q}" ${s.ms.toFixed(1)} ms`).join(', ')}.`);
  const hits = queries.map((q) => index.search(q.text, { limit: Infinity }).length);
  log(
    `Margin: query p95 ${percentile(marginTimes, 95).toFixed(2)} ms, median ` +
      `${median(marginTimes).toFixed(2)} ms; median ${median(hits)} matches per query, ` +
      `${hits.filter((h) => h === 0).length} queries without any.`,
  );

  const updates: number[] = [];
  for (let i = 0; i < UPDATES + 2; i++) {
    const n = Math.floor(random() * ARTICLES);
    const article = corpus.articles[n]!;
    const edited: Doc = {
      ...article,
      fields: {
        ...article.fields,
        text: `${article.fields.text ?? ''}\n\nNachtrag ${i}: Rückgang bestätigt.`,
      },
    };
    corpus.articles[n] = edited;
    const start = performance.now();
    index.remove(article.id);
    for (const claim of corpus.claims[n]!) index.remove(claim.id);
    index.add(edited);
    for (const claim of corpus.claims[n]!) index.add(claim);
    if (i >= 2) updates.push(performance.now() - start); // the first two warm up
  }
  log(
    `Margin: update one article + ${CLAIMS_PER_ARTICLE} claims, median ${median(updates).toFixed(2)} ms.`,
  );

  log(`Checking ${CHECKED_QUERIES} queries against a brute-force scan of the updated corpus…`);
  const lines = new Map<string, string>();
  for (const doc of [...corpus.articles, ...corpus.claims.flat()])
    lines.set(doc.id, termLines(doc));
  let mismatches = 0;
  for (const q of queries.filter((_, i) => i % (QUERIES / CHECKED_QUERIES) === 3)) {
    const expected = bruteForce(lines, q.text);
    const got = new Set(index.search(q.text, { limit: Infinity }).map((h) => h.id));
    const missing = [...expected].filter((id) => !got.has(id)).length;
    const extra = [...got].filter((id) => !expected.has(id)).length;
    if (missing + extra > 0) {
      mismatches++;
      log(`  MISMATCH "${q.text}": ${missing} missing, ${extra} extra of ${expected.size}.`);
    }
  }
  log(`Brute-force check: ${mismatches} of ${CHECKED_QUERIES} queries differ.`);
  lines.clear();

  log('MiniSearch (default options): building…');
  started = performance.now();
  const mini = new MiniSearch<Record<string, string>>({
    fields: [...SEARCH_FIELDS],
    storeFields: [],
  });
  mini.addAll(docs.map((d) => ({ id: d.id, ...d.fields })));
  const miniBuildMs = performance.now() - started;
  log(`MiniSearch: built in ${seconds(miniBuildMs)}, ${heapMb()}.`);
  const miniTimes = timeQueries(queries, (q) =>
    q.prefix ? mini.search(q.text, { prefix: true }) : mini.search(q.text),
  );
  log(`MiniSearch: query p95 ${percentile(miniTimes, 95).toFixed(2)} ms.`);
  mini.removeAll();

  log('FlexSearch (default Index, all fields as one text): building…');
  started = performance.now();
  const flex = new FlexIndex();
  docs.forEach((d, i) => flex.add(i, SEARCH_FIELDS.map((f) => d.fields[f] ?? '').join(' ')));
  log(`FlexSearch: built in ${seconds(performance.now() - started)}, ${heapMb()}.`);
  const flexTimes = timeQueries(queries, (q) => flex.search(q.text));
  log(`FlexSearch: query p95 ${percentile(flexTimes, 95).toFixed(2)} ms.`);

  const marginP95 = percentile(marginTimes, 95);
  const miniP95 = percentile(miniTimes, 95);
  const flexP95 = percentile(flexTimes, 95);
  const corpusLabel = '10,000 articles + 100,000 claims';
  return [
    {
      id: 'search.p95',
      label: `Margin search, p95 of ${QUERIES} queries × ${TIMED_PASSES} (half prefixes, AND, top 50; ${corpusLabel})`,
      value: marginP95,
      unit: 'ms',
      target: 20,
      peer: { label: 'MiniSearch p95', value: miniP95 },
    },
    {
      id: 'search.minisearch.p95',
      label:
        'Peer: MiniSearch 7 defaults (OR of terms, all results), prefix: true for prefix queries, p95',
      value: miniP95,
      unit: 'ms',
      target: null,
      peer: { label: 'Margin p95', value: marginP95 },
    },
    {
      id: 'search.flexsearch.p95',
      label: 'Peer: FlexSearch 0.8 default Index (whole words only, top 100), p95',
      value: flexP95,
      unit: 'ms',
      target: null,
      peer: { label: 'Margin p95', value: marginP95 },
    },
    {
      id: 'search.index_load.ms',
      label: `Deserialize Margin's index (${(bytes.length / 1e6).toFixed(0)} MB, ${corpusLabel}), median of ${LOADS}`,
      value: median(loads),
      unit: 'ms',
      target: 1000,
      peer: null,
    },
    {
      id: 'search.update_one.ms',
      label: `Remove and re-add one article and its ${CLAIMS_PER_ARTICLE} claims, median of ${UPDATES}`,
      value: median(updates),
      unit: 'ms',
      target: 50,
      peer: null,
    },
    {
      id: 'search.build.ms',
      label: `Build Margin's index from scratch (${corpusLabel}) and compact it`,
      value: buildMs,
      unit: 'ms',
      target: null,
      peer: { label: 'MiniSearch addAll', value: miniBuildMs },
    },
    {
      id: 'search.bruteforce_mismatches',
      label: `Queries (of ${CHECKED_QUERIES}) whose full result set differs from a brute-force scan`,
      value: mismatches,
      unit: 'count',
      target: 0,
      peer: null,
    },
  ];
}
