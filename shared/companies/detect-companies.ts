import type { DetectedCompany, WatchlistEntry } from '../domain/company';
import { commonWordCues } from './common-word-cues';
import type { CompanyLexicon, LexiconAlias, LexiconCompany } from './company-lexicon';
import { companyLexicon } from './company-lexicon';
import { isCorporateCue } from './corporate-cues';
import { isLegalSuffix } from './legal-suffixes';
import type { TickerPattern } from './ticker-patterns';
import { findTickerPatterns } from './ticker-patterns';
import { WordSpans } from './word-spans';

/** One naming of a company: an alias, a cashtag or an exchange listing. */
interface Mention {
  readonly company: LexiconCompany;
  readonly start: number;
  /** End of the name itself (a German genitive "s" is not part of it). */
  readonly end: number;
  /** Index of the first word in the text's word list. */
  readonly firstWord: number;
  readonly ambiguous: boolean;
  readonly fromTicker: boolean;
}

/** Words cue each other only within this distance and within one sentence. */
const CONTEXT_WORDS = 8;

const SENTENCE_BREAK = /[.!?…]['")\]”’»]*\s|\n/;
/** What may separate the names in "Google, Amazon und Meta". */
const LIST_GAP =
  /^(?:'?s)?\s*(?:,\s*(?:and|und|et|or|oder|ou|sowie)?|;|\/|&|\+|and|und|et|or|oder|ou|sowie|as well as|vs\.?|versus)\s*$/i;
/** A listing that merely repeats the name before it: "Microsoft (NASDAQ: MSFT)". */
const ECHO_GAP = /^(?:'?s)?\s*[([]?\s*$/;
/** Cashtags that are currencies ("$US 5 million"), never companies Margin does not know. */
const CURRENCIES = new Set(['US', 'USD', 'AUD', 'CAD', 'NZD', 'HKD', 'SGD', 'NT', 'HK', 'EUR']);
/** Exchanges whose tickers are numbers ("TYO: 7203"). */
const NUMERIC_TICKER_EXCHANGES = new Set(['TSE', 'HKEX', 'KRX', 'TWSE', 'SSE', 'SZSE', 'TADAWUL']);

const NEEDS_NFC = /[\p{M}\u1100-\u11ff]/u;
const WHITESPACE = /\s/;
const ENDS_IN_LETTER = /\p{L}$/u;
const SPACES = /^\s+$/;
/** Between a name and the word after it: "Apple pie", "Apple-Kuchen", "Apple's pie". */
const ADJOINING = /^(?:'?s)?[\s-]+$/;
const BEFORE_SUFFIX = /^,?\s+$/;
const UNKNOWN_CASHTAG = /^[A-Z][A-Z0-9.]+$/;
const HAS_LETTER = /[A-Z]/;
const PREPARED_AWAY = /[\u00ad\u200b-\u200d\u2060\ufeff‘’]|\r\n?|[^\S\n ]/g;

/**
 * Texts are scanned in NFC with straight apostrophes and one space per whitespace character
 * (line breaks kept: they end sentences); soft hyphens and zero-width spaces split no names.
 */
function prepareText(text: string): string {
  // One pass; plain spaces are not matched at all: rewriting each of them was the slowest step.
  // NFC only changes text with combining marks or Hangul jamo; skipping it saves a copy.
  const composed = NEEDS_NFC.test(text) ? text.normalize('NFC') : text;
  return composed.replace(PREPARED_AWAY, (found) => {
    if (found === '‘' || found === '’') return "'";
    if (found.startsWith('\r')) return '\n';
    return WHITESPACE.test(found) ? ' ' : '';
  });
}

const isWordAt = WordSpans.isWordAt;

/**
 * Whether the alias ends on a word boundary. A single trailing "s" is allowed after a letter:
 * German genitive "Microsofts"; English "Microsoft's" ends at the apostrophe anyway.
 */
function endsCleanly(text: string, end: number, alias: string): boolean {
  if (!isWordAt(alias, alias.length - 1)) return true;
  if (!isWordAt(text, end)) return true;
  return text[end] === 's' && ENDS_IN_LETTER.test(alias) && !isWordAt(text, end + 1);
}

/** `startsWith`, except that a space in the alias also matches a line break ("Deutsche\nBank"). */
function spelledAt(text: string, start: number, alias: string): boolean {
  if (text.startsWith(alias, start)) return true;
  if (!alias.includes(' ')) return false;
  for (let i = 0; i < alias.length; i++) {
    const expected = alias[i];
    const actual = text[start + i];
    if (actual !== expected && !(expected === ' ' && actual === '\n')) return false;
  }
  return true;
}

function aliasAt(
  text: string,
  start: number,
  candidates: readonly LexiconAlias[] | undefined,
): LexiconAlias | undefined {
  return candidates?.find(
    (alias) =>
      spelledAt(text, start, alias.text) &&
      endsCleanly(text, start + alias.text.length, alias.text),
  );
}

/** Every alias mention, longest alias first at each word; words inside tickers are skipped. */
function aliasMentions(
  words: WordSpans,
  lexicon: CompanyLexicon,
  patterns: readonly TickerPattern[],
): Mention[] {
  const { text } = words;
  const mentions: Mention[] = [];
  let skipUntil = 0;
  let nextPattern = 0;
  for (let index = 0; index < words.count; index++) {
    const start = words.start(index);
    if (start < skipUntil || !lexicon.mayStartAlias(text.charCodeAt(start))) continue;
    // Words inside "$SAP" or "(Xetra: SAP)" belong to the ticker mention.
    while ((patterns[nextPattern]?.end ?? Infinity) <= start) nextPattern++;
    if ((patterns[nextPattern]?.start ?? Infinity) <= start) continue;

    const word = words.word(index) ?? '';
    const alias =
      aliasAt(text, start, lexicon.aliasesStartingWith(word)) ??
      (word.length > 2 && word.endsWith('s')
        ? aliasAt(text, start, lexicon.aliasesStartingWith(word.slice(0, -1)))
        : undefined);
    if (alias === undefined) continue;
    skipUntil = start + alias.text.length;
    if (alias.company === null) continue;
    mentions.push({
      company: lexicon.canonical(alias.company),
      start,
      end: start + alias.text.length,
      firstWord: index,
      ambiguous: alias.ambiguous,
      fromTicker: false,
    });
  }
  return mentions;
}

function unknownTickerAllowed(pattern: TickerPattern): boolean {
  const { ticker, exchange, explicit } = pattern;
  if (!explicit) return false;
  if (exchange === null) {
    return UNKNOWN_CASHTAG.test(ticker) && !CURRENCIES.has(ticker);
  }
  return HAS_LETTER.test(ticker) || NUMERIC_TICKER_EXCHANGES.has(exchange);
}

/** Mentions from cashtags and listings; unknown tickers become companies named by ticker. */
function tickerMentions(
  patterns: readonly TickerPattern[],
  lexicon: CompanyLexicon,
  words: WordSpans,
  seenExchange: Map<LexiconCompany, string>,
): Mention[] {
  const unknown = new Map<
    string,
    { name: string; ticker: string; exchange: string | null; kind: 'listed' }
  >();
  const mentions: Mention[] = [];
  for (const pattern of patterns) {
    let company = lexicon.companyForTicker(pattern.ticker, pattern.exchange);
    if (company === undefined) {
      if (!unknownTickerAllowed(pattern)) continue;
      const ticker = pattern.ticker;
      const known = unknown.get(ticker);
      if (known !== undefined) {
        known.exchange ??= pattern.exchange;
        company = known;
      } else {
        const created = {
          name: ticker,
          ticker,
          exchange: pattern.exchange,
          kind: 'listed' as const,
        };
        unknown.set(ticker, created);
        company = created;
      }
    } else if (company.exchange === null && pattern.exchange !== null) {
      // A watchlist entry Margin has no listing for: the text says where it trades.
      if (!seenExchange.has(company)) seenExchange.set(company, pattern.exchange);
    }
    mentions.push({
      company,
      start: pattern.start,
      end: pattern.end,
      firstWord: words.indexAt(pattern.start),
      ambiguous: false,
      fromTicker: true,
    });
  }
  return mentions;
}

/** Decides, mention by mention, whether an ambiguous name is used as a company name. */
class ContextJudge {
  constructor(private readonly words: WordSpans) {}

  private lastWord(mention: Mention): number {
    return Math.max(mention.firstWord, this.words.indexAt(mention.end) - 1);
  }

  /** "Apple pie", "the Amazon rainforest", "Diese Allianz". */
  vetoed(mention: Mention): boolean {
    const { words } = this;
    const before = mention.firstWord - 1;
    const after = this.lastWord(mention) + 1;
    const previous = words.word(before);
    const next = words.word(after);
    return (
      (previous !== undefined &&
        SPACES.test(words.gap(before, mention.firstWord)) &&
        commonWordCues.before.has(previous.toLowerCase())) ||
      (next !== undefined &&
        ADJOINING.test(words.gap(after - 1, after)) &&
        commonWordCues.after.has(next.toLowerCase()))
    );
  }

  /** "Apple Inc", "Allianz SE", "Orange, SA". */
  hasLegalSuffix(mention: Mention): boolean {
    const after = this.lastWord(mention) + 1;
    const next = this.words.word(after);
    return (
      next !== undefined &&
      BEFORE_SUFFIX.test(this.words.gap(after - 1, after)) &&
      isLegalSuffix(next)
    );
  }

  /** A finance or business word within a few words, in the same sentence. */
  hasCorporateCue(mention: Mention): boolean {
    const { words } = this;
    const cue = (i: number) => isCorporateCue(words.word(i) ?? '', words.word(i - 1));
    const last = this.lastWord(mention);
    for (let i = mention.firstWord - 1; i >= mention.firstWord - CONTEXT_WORDS && i >= 0; i--) {
      if (SENTENCE_BREAK.test(words.gap(i, i + 1))) break;
      if (cue(i)) return true;
    }
    for (let i = last + 1; i <= last + CONTEXT_WORDS && i < words.count; i++) {
      if (SENTENCE_BREAK.test(words.gap(i - 1, i))) break;
      if (cue(i)) return true;
    }
    return false;
  }
}

/**
 * Which mentions name a company. Unambiguous names and tickers always do. An ambiguous name
 * does when its company is named unambiguously elsewhere, when a legal form follows it, when
 * business words surround it, or when it stands in a list with accepted names ("Google,
 * Amazon und Meta"). Once one mention of a company is accepted, its other mentions are too
 * (a text uses a name in one sense), except those vetoed as everyday words.
 */
function acceptMentions(words: WordSpans, mentions: readonly Mention[]): boolean[] {
  const { text } = words;
  const judge = new ContextJudge(words);
  const vetoed = mentions.map((m) => m.ambiguous && judge.vetoed(m));
  // Starts with the unambiguously named; once a company is in, its other mentions need no
  // context check (they are accepted below anyway), which keeps long articles fast.
  const confirmed = new Set(mentions.filter((m) => !m.ambiguous).map((m) => m.company));
  const accepted = mentions.map((m, i) => {
    if (!m.ambiguous) return true;
    if (vetoed[i]) return false;
    if (confirmed.has(m.company) || judge.hasLegalSuffix(m) || judge.hasCorporateCue(m)) {
      confirmed.add(m.company);
      return true;
    }
    return false;
  });

  const listed = (a: number, b: number) => {
    const left = mentions[a];
    const right = mentions[b];
    return (
      left !== undefined && right !== undefined && LIST_GAP.test(text.slice(left.end, right.start))
    );
  };
  for (let changed = true; changed;) {
    changed = false;
    mentions.forEach((_, i) => {
      if (accepted[i] || vetoed[i]) return;
      if ((accepted[i - 1] && listed(i - 1, i)) || (accepted[i + 1] && listed(i, i + 1))) {
        accepted[i] = true;
        changed = true;
      }
    });
  }

  for (const [i, m] of mentions.entries()) if (accepted[i]) confirmed.add(m.company);
  return mentions.map((m, i) => accepted[i] === true || (!vetoed[i] && confirmed.has(m.company)));
}

/**
 * Companies an article names, each once with how often it is named, most-named first (then
 * by first appearance). Finds catalog and watchlist names on word boundaries (also inside
 * hyphenated compounds and genitives: "Microsoft-Aktie", "Microsofts"), `$TICKER` cashtags
 * and listings such as "(NASDAQ: MSFT)"; names that are also everyday words need corporate
 * context (see `acceptMentions`). A watchlist entry whose ticker is in the catalog replaces
 * that catalog company: reported once, with the analyst's name and kind 'watchlist'.
 */
export function detectCompanies(
  text: string,
  options: { watchlist?: readonly WatchlistEntry[] } = {},
): DetectedCompany[] {
  const lexicon = companyLexicon(options.watchlist);
  const prepared = prepareText(text);
  const patterns = findTickerPatterns(prepared);
  const words = new WordSpans(prepared);
  const seenExchange = new Map<LexiconCompany, string>();
  const mentions = [
    ...aliasMentions(words, lexicon, patterns),
    ...tickerMentions(patterns, lexicon, words, seenExchange),
  ].sort((a, b) => a.start - b.start);
  const accepted = acceptMentions(words, mentions);

  const tally = new Map<LexiconCompany, { count: number; first: number }>();
  mentions.forEach((mention, i) => {
    if (!accepted[i]) return;
    const previous = mentions[i - 1];
    const echo =
      mention.fromTicker &&
      previous !== undefined &&
      accepted[i - 1] === true &&
      previous.company === mention.company &&
      ECHO_GAP.test(prepared.slice(previous.end, mention.start));
    const entry = tally.get(mention.company);
    if (entry === undefined) tally.set(mention.company, { count: 1, first: mention.start });
    else if (!echo) entry.count++;
  });

  return [...tally]
    .sort(([, a], [, b]) => b.count - a.count || a.first - b.first)
    .map(([company, { count }]) => ({
      name: company.name,
      ticker: company.ticker,
      exchange: company.exchange ?? seenExchange.get(company) ?? null,
      kind: company.kind,
      mentions: count,
    }));
}
