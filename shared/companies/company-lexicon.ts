import type { CompanyKind, WatchlistEntry } from '../domain/company';
import type { CatalogEntry } from './catalog-entry';
import { commonWordCues } from './common-word-cues';
import { companyCatalog } from './company-catalog';

/** A company as detection reports it. */
export interface LexiconCompany {
  readonly name: string;
  readonly ticker: string | null;
  readonly exchange: string | null;
  readonly kind: CompanyKind;
}

/** One spelling to look for in a text. */
export interface LexiconAlias {
  /** NFC, straight apostrophes; matched case-sensitively. */
  readonly text: string;
  /** Null for a phrase that only hides a company name inside it ("Nikola Tesla"). */
  readonly company: LexiconCompany | null;
  readonly ambiguous: boolean;
}

/** The catalog (and a watchlist) indexed for a single left-to-right scan of a text. */
export interface CompanyLexicon {
  /** Whether any alias starts with this UTF-16 code unit: most words need no lookup at all. */
  mayStartAlias(code: number): boolean;
  /** Aliases whose first word is exactly `word`, longest first. */
  aliasesStartingWith(word: string): readonly LexiconAlias[] | undefined;
  /** The company to report for a catalog company: a watchlist entry with its ticker wins. */
  canonical(company: LexiconCompany): LexiconCompany;
  /**
   * The company a ticker names. With an exchange, only a listing there (or on a sibling
   * exchange: NYSE/NASDAQ, the Euronext markets) counts; a cashtag prefers a US listing.
   */
  companyForTicker(ticker: string, exchange: string | null): LexiconCompany | undefined;
}

interface Listing {
  readonly company: LexiconCompany;
  readonly exchange: string;
}

const FIRST_WORD = /^[\p{L}\p{M}\p{N}]+/u;
/** "SIE.DE", "VOW3.F": a quote-site suffix after the exchange's own ticker. */
const QUOTE_SITE_SUFFIX = /\.[A-Z]{1,3}$/;
/** Long and upper-case enough to count as a name in prose: "NVDA", "HAG"; not "A" or "7203". */
const WORDLIKE_TICKER = /^[A-Z][A-Z0-9.]{2,}$/;
const US_EXCHANGES = new Set(['NASDAQ', 'NYSE', 'NYSE AMERICAN', 'NYSE ARCA', 'OTC']);

/** The form detection prepares texts in (NFC, straight apostrophes), for `startsWith`. */
const prepareAlias = (alias: string): string => alias.trim().normalize('NFC').replace(/[‘’]/g, "'");

/** "BRK-B", "brk.b" and "BRK B" are one ticker; "0700" and "700" one HKEX code. */
function tickerKey(ticker: string): string {
  const key = ticker
    .trim()
    .toUpperCase()
    .replace(/[\s\-/]+/g, '.')
    .replace(/\.+$/, '');
  return /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, '') : key;
}

function exchangeFamily(exchange: string): string {
  if (US_EXCHANGES.has(exchange)) return 'US';
  return exchange.startsWith('EURONEXT') ? 'EURONEXT' : exchange;
}

class AliasIndex {
  readonly byFirstWord = new Map<string, LexiconAlias[]>();
  /** 1 where some alias starts with that UTF-16 code unit. */
  readonly firstCodes = new Uint8Array(0x10000);

  add(raw: string, company: LexiconCompany | null, ambiguous: boolean): void {
    const text = prepareAlias(raw);
    const first = FIRST_WORD.exec(text)?.[0];
    // An alias must start on a word boundary to be found by the word scan.
    if (first === undefined || text.length < 2) return;
    const bucket = this.byFirstWord.get(first) ?? [];
    if (!bucket.some((a) => a.text === text && a.company === company)) {
      bucket.push({ text, company, ambiguous });
    }
    this.byFirstWord.set(first, bucket);
    this.firstCodes[first.charCodeAt(0)] = 1;
  }

  /** Longest first, so "Siemens Energy" wins over "Siemens"; stable for equal lengths. */
  sort(): void {
    for (const bucket of this.byFirstWord.values()) bucket.sort(byLengthDesc);
  }
}

const byLengthDesc = (a: LexiconAlias, b: LexiconAlias) => b.text.length - a.text.length;

interface BaseLexicon {
  readonly aliases: AliasIndex;
  readonly listings: Map<string, Listing[]>;
  readonly ambiguousTexts: ReadonlySet<string>;
}

function addCompany(base: BaseLexicon, entry: CatalogEntry, kind: CompanyKind): void {
  const company: LexiconCompany = {
    name: entry.name,
    ticker: entry.ticker,
    exchange: entry.exchange,
    kind,
  };
  const ambiguous = new Set((entry.ambiguousAliases ?? []).map(prepareAlias));
  for (const alias of new Set([entry.name, ...entry.aliases, ...ambiguous].map(prepareAlias))) {
    const isAmbiguous = ambiguous.has(alias);
    base.aliases.add(alias, company, isAmbiguous);
    // Headlines shout ("MICROSOFT"); a shouted common word ("TOTAL", "APPLE") proves nothing.
    const upper = alias.toUpperCase();
    if (!isAmbiguous && upper !== alias && alias.length >= 4) {
      base.aliases.add(upper, company, false);
    }
  }
  const listings = [
    ...(entry.ticker !== null && entry.exchange !== null
      ? [{ ticker: entry.ticker, exchange: entry.exchange }]
      : []),
    ...(entry.otherListings ?? []),
  ];
  for (const { ticker, exchange } of listings) {
    const key = tickerKey(ticker);
    base.listings.set(key, [...(base.listings.get(key) ?? []), { company, exchange }]);
  }
}

let base: BaseLexicon | undefined;

/** Built on first use, then shared by every call and every watchlist. */
function baseLexicon(): BaseLexicon {
  if (base !== undefined) return base;
  const built: BaseLexicon = {
    aliases: new AliasIndex(),
    listings: new Map(),
    ambiguousTexts: new Set(
      [...companyCatalog.listed, ...companyCatalog.private].flatMap((entry) =>
        (entry.ambiguousAliases ?? []).map(prepareAlias),
      ),
    ),
  };
  for (const entry of companyCatalog.listed) addCompany(built, entry, 'listed');
  for (const entry of companyCatalog.private) addCompany(built, entry, 'private');
  for (const phrase of commonWordCues.phrases) built.aliases.add(phrase, null, false);
  built.aliases.sort();
  base = built;
  return built;
}

function findListing(
  listings: readonly Listing[] | undefined,
  exchange: string | null,
): Listing | undefined {
  if (listings === undefined) return undefined;
  if (exchange === null) {
    return listings.find((l) => exchangeFamily(l.exchange) === 'US') ?? listings[0];
  }
  return (
    listings.find((l) => l.exchange === exchange) ??
    listings.find((l) => exchangeFamily(l.exchange) === exchangeFamily(exchange))
  );
}

/** For a watchlist ticker: the company's primary listing if that is the one, else any. */
function primaryListing(listings: readonly Listing[] | undefined): Listing | undefined {
  return listings?.find((l) => l.exchange === l.company.exchange) ?? findListing(listings, null);
}

function lexiconFor(
  watchlist: readonly WatchlistEntry[],
  { aliases, listings, ambiguousTexts }: BaseLexicon,
): CompanyLexicon {
  const overrides = new Map<LexiconCompany, LexiconCompany>();
  const watchTickers = new Map<string, LexiconCompany>();
  const watchAliases = new AliasIndex();

  for (const entry of watchlist) {
    const key = tickerKey(entry.ticker);
    let company = watchTickers.get(key);
    if (company === undefined) {
      // "SIE.DE" on a watchlist is Siemens: try the bare symbol when the full one is unknown.
      const listing =
        primaryListing(listings.get(key)) ??
        primaryListing(listings.get(key.replace(QUOTE_SITE_SUFFIX, '')));
      company = {
        name: entry.name.trim(),
        ticker: entry.ticker.trim(),
        exchange: listing?.exchange ?? null,
        kind: 'watchlist',
      };
      watchTickers.set(key, company);
      if (listing !== undefined && !overrides.has(listing.company)) {
        overrides.set(listing.company, company);
      }
    }
    const symbol = entry.ticker.trim();
    // A bare ticker counts as a name only when it cannot be an everyday word or number.
    const names = WORDLIKE_TICKER.test(symbol) ? [symbol] : [];
    for (const alias of [entry.name, ...entry.aliases, ...names]) {
      // The analyst naming "Apple" does not make "Apple pie" a company.
      watchAliases.add(alias, company, ambiguousTexts.has(prepareAlias(alias)));
    }
  }

  // Merge once per watchlist; watchlist spellings come first among equal lengths.
  const merged = new Map<string, LexiconAlias[]>();
  for (const [word, bucket] of watchAliases.byFirstWord) {
    merged.set(word, [...bucket, ...(aliases.byFirstWord.get(word) ?? [])].sort(byLengthDesc));
  }

  const canonical = (company: LexiconCompany) => overrides.get(company) ?? company;
  return {
    mayStartAlias: (code) => aliases.firstCodes[code] === 1 || watchAliases.firstCodes[code] === 1,
    aliasesStartingWith: (word) => merged.get(word) ?? aliases.byFirstWord.get(word),
    canonical,
    companyForTicker(ticker, exchange) {
      const key = tickerKey(ticker);
      const listing = findListing(listings.get(key), exchange);
      return listing !== undefined ? canonical(listing.company) : watchTickers.get(key);
    },
  };
}

const byWatchlist = new WeakMap<readonly WatchlistEntry[], CompanyLexicon>();
let catalogOnly: CompanyLexicon | undefined;

/**
 * The lexicon for a watchlist, compiled once per watchlist array (keep passing the same
 * array to reuse it) on top of the catalog index, which is compiled once per process.
 */
export function companyLexicon(watchlist?: readonly WatchlistEntry[]): CompanyLexicon {
  const shared = baseLexicon();
  if (watchlist === undefined || watchlist.length === 0) {
    catalogOnly ??= lexiconFor([], shared);
    return catalogOnly;
  }
  let lexicon = byWatchlist.get(watchlist);
  if (lexicon === undefined) {
    lexicon = lexiconFor(watchlist, shared);
    byWatchlist.set(watchlist, lexicon);
  }
  return lexicon;
}
