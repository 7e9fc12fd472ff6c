import type { ClaimClass } from '../domain/highlight';
import type { CueLexicon } from './cue-lexicon';

/** What the scorer proposes for one sentence, and why. */
export interface SentenceScore {
  claimClass: ClaimClass;
  /** 0–1: how sure the scorer is; shown to the analyst and used to order suggestions. */
  confidence: number;
  /** For the analyst, on hover: "contains 20 %", "'Rückgang'". */
  reasons: string[];
  /** The lexicon cues that fired (counted when the analyst accepts or dismisses). */
  cues: string[];
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
/** A percentage: "20 %", "3,5%", "12 percent", "5 pour cent". */
const PERCENT = /\d+(?:[.,]\d+)?\s?(?:%|prozent\b|percent\b|per cent\b|pour cent\b|pct\b)/iu;
/** An amount of money: "€ 4,4", "$4.5 bn", "12 Euro", "4,4 Mrd. Euro", "3,5 milliards d'euros". */
const MONEY =
  /(?:[$€£¥]\s?\d[\d.,]*(?:\s?(?:bn|mn|m|mrd|mio)\b\.?)?|\d[\d.,]*\s?(?:(?:mrd|mio|bn|mn|milliarden|millionen|billion|million|milliards?|millions?|mds?)\.?\s?)?(?:€|\$|£|eur\b|euros?\b|d'euros\b|usd\b|dollars?\b|chf\b|franken\b|pfund\b))/iu;
/** A short period label: "Q3", "3Q", "H1", "FY2026", "GJ 2025". */
const PERIOD_LABEL = /\b(?:q[1-4]|[1-4]q|h[12]|fy\s?\d{2,4}|gj\s?\d{2,4})\b/iu;
/** A growth or change in points: "+12", "-3,5", "um 4 Punkte". */
const SIGNED = /(?:^|\s)[+−-]\d/u;
/** A year. */
const YEAR = /\b(?:19|20)\d{2}\b/u;
/**
 * A count: "438 votes", "2 209 personnes", "10 civilians". Not a year, not part of a
 * version, time or date ("5.3", "10.10", "3. März" are caught by the dot after the digits).
 */
const COUNT =
  /(?<![\p{L}\p{N}.,:/-])(?!(?:19|20)\d{2}\b)\d{1,3}(?:[  .,]\d{3})*(?![\p{N}.,:/]|\.\s?\p{L})/u;

/**
 * The figures that make a sentence evidence, named as cues for the per-cue counts. The `#`
 * keeps them apart from lexicon cues, which never start with one.
 */
export const PATTERN_CUES = {
  percentage: '#percentage',
  money: '#money',
  magnitude: '#amount',
  periodLabel: '#period-label',
  signedChange: '#signed-change',
  count: '#count',
  period: '#period',
} as const;

/** Negations that are not one: "nicht nur … sondern auch", "not only", "non seulement". */
const NOT_ONLY = new Set(['nur', 'only', 'seulement']);

function stemMatches(word: string, cue: string, compounds: boolean): boolean {
  if (cue.length < 5) return word === cue;
  if (!compounds) return word.startsWith(cue);
  const at = word.indexOf(cue);
  // Inside a German compound ("Konkurrenzdruck", "Kooperationsrisiken"), but not after
  // the negating prefix: "unabhängig" is not "abhängig".
  return at === 0 || (at > 0 && !word.slice(0, at).endsWith('un'));
}

/**
 * A negation up to five words before a cue ("no risk of a dividend cut", "ohne vollständig
 * von … abhängig") or two after ("sank nicht", "ne baisse pas") cancels it.
 */
function isNegated(words: readonly string[], at: number, negations: ReadonlySet<string>): boolean {
  for (let i = Math.max(0, at - 5); i <= Math.min(words.length - 1, at + 2); i++) {
    if (i === at) continue;
    const word = words[i]!;
    const negation = negations.has(word) || (word.endsWith("n't") && negations.has("n't"));
    if (negation && !NOT_ONLY.has(words[i + 1] ?? '')) return true;
  }
  return false;
}

/**
 * The words of the sentence that a cue of `cues` matches and no negation near it cancels:
 * each word once (under the first cue that matched it), each phrase once.
 */
function firedCues(
  lower: string,
  words: readonly string[],
  cues: readonly string[],
  negations: ReadonlySet<string>,
  compounds: boolean,
): Array<{ cue: string; word: string }> {
  const fired: Array<{ cue: string; word: string }> = [];
  const taken = new Set<number>();
  for (const cue of cues) {
    // Phrases, and cues with an apostrophe ("d'après"), match the sentence's text.
    if (cue.includes(' ') || cue.includes("'")) {
      const at = lower.indexOf(cue);
      if (at >= 0 && (at === 0 || !/\p{L}/u.test(lower[at - 1]!))) fired.push({ cue, word: cue });
      continue;
    }
    words.forEach((word, index) => {
      if (taken.has(index) || !stemMatches(word, cue, compounds)) return;
      if (isNegated(words, index, negations)) return;
      taken.add(index);
      fired.push({ cue, word });
    });
  }
  return fired;
}

/** French elision: "s'inquiètent" is matched as "inquiètent", "l'enquête" as "enquête". */
const ELISION = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/u;
function withoutElision(word: string, language: string): string {
  return language === 'fr' ? word.replace(ELISION, '') : word;
}

/** A matched word as the sentence spells it (the match was made in lower case). */
function shownWord(sentence: string, lowerWord: string): string {
  for (const match of sentence.matchAll(WORD)) {
    const lower = match[0].toLowerCase().replace(/’/g, "'");
    if (lower === lowerWord) return match[0];
    const at = lower.indexOf(lowerWord);
    if (at > 0 && ELISION.test(lower)) return match[0].slice(at);
  }
  return lowerWord;
}

/** What scoring needs of a lexicon, built once per lexicon rather than once per sentence. */
const compiledLexicons = new WeakMap<
  CueLexicon,
  { negations: ReadonlySet<string>; magnitudes: ReadonlyArray<[unit: string, RegExp]> }
>();
function compiled(lexicon: CueLexicon) {
  let found = compiledLexicons.get(lexicon);
  if (!found) {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    found = {
      negations: new Set(lexicon.negations),
      magnitudes: lexicon.magnitudes.map((unit) => [
        unit,
        new RegExp(`\\d[\\d.,]*\\s?${escape(unit)}(?!\\p{L})`, 'iu'),
      ]),
    };
    compiledLexicons.set(lexicon, found);
  }
  return found;
}

/** Distinct cues, for the per-cue counts. */
const cueNames = (fired: ReadonlyArray<{ cue: string }>) => [...new Set(fired.map((f) => f.cue))];

/**
 * Proposes a class for one sentence, with a confidence and the reasons. Pure and
 * explainable: figures and sourced facts point to **evidence**, cue words of what could go
 * wrong to **risk** (unless negated nearby), evaluative and forward-looking words to
 * **thesis**. The class with the most weight wins; null when nothing points anywhere.
 */
export function scoreSentence(
  sentence: string,
  lexicon: CueLexicon,
  language: string,
): SentenceScore | null {
  // Typographic apostrophes match cues typed with straight ones ("d’après", "d'après").
  const straight = sentence.replace(/’/g, "'");
  const lower = straight.toLowerCase();
  const words = [...lower.matchAll(WORD)].map((m) => withoutElision(m[0], language));
  const { negations, magnitudes } = compiled(lexicon);
  const compounds = language === 'de';

  const evidence = { weight: 0, reasons: [] as string[], cues: [] as string[] };
  // Figures count under pattern cues ("#percentage"), so Settings can show how they fare.
  const figure = (pattern: RegExp, weight: number, cue: string) => {
    const match = straight.match(pattern);
    if (!match) return;
    evidence.weight += weight;
    evidence.cues.push(cue);
    evidence.reasons.push(`contains ${match[0].trim()}`);
  };
  figure(PERCENT, 2, PATTERN_CUES.percentage);
  figure(MONEY, 2, PATTERN_CUES.money);
  const magnitude = magnitudes.find(([, pattern]) => pattern.test(straight))?.[0];
  if (magnitude) {
    evidence.weight += 2;
    evidence.cues.push(PATTERN_CUES.magnitude);
    // Named once: "contains 4,4 Mrd. Euro" already says it.
    const named = evidence.reasons.some((reason) => reason.toLowerCase().includes(magnitude));
    if (!named) evidence.reasons.push(`contains an amount in ${magnitude}`);
  }
  figure(PERIOD_LABEL, 1, PATTERN_CUES.periodLabel);
  figure(SIGNED, 1, PATTERN_CUES.signedChange);
  // A bare count is a weak figure: a risk or thesis cue in the sentence says more.
  if (evidence.weight === 0) figure(COUNT, 0.75, PATTERN_CUES.count);
  const [period] = firedCues(lower, words, lexicon.quarters, new Set(), compounds);
  // A period names when a figure was measured; without a figure ("un trimestre record") it
  // is no evidence.
  if (period && evidence.weight > 0) {
    evidence.weight += 1;
    evidence.cues.push(PATTERN_CUES.period);
    evidence.reasons.push(`names a period ('${shownWord(sentence, period.word)}')`);
  }
  // A year alone is weak (a background date); with a figure it strengthens it.
  if (evidence.weight > 0 && YEAR.test(sentence)) evidence.weight += 0.5;
  const [source] = firedCues(lower, words, lexicon.sources, new Set(), false);
  const [reporting] =
    evidence.weight > 0 ? firedCues(lower, words, lexicon.reporting, new Set(), false) : [];
  const sourced = source ?? reporting;
  if (sourced) {
    // A source makes a figure a reported fact; alone ("according to the company"), it is
    // weaker than any risk or thesis cue in the same sentence, which says what it is about.
    evidence.weight += evidence.weight > 0 ? 1.5 : 0.9;
    // Reporting verbs are not counted: Settings cannot edit them, and the figure is.
    if (source) evidence.cues.push(source.cue);
    evidence.reasons.push(`reports a source ('${shownWord(sentence, sourced.word)}')`);
  }

  const risk = firedCues(lower, words, lexicon.risk, negations, compounds);
  const thesis = firedCues(lower, words, lexicon.thesis, negations, compounds);
  const candidates: Array<{
    claimClass: ClaimClass;
    weight: number;
    reasons: string[];
    cues: string[];
  }> = [
    evidence.weight > 0 ? { claimClass: 'evidence' as const, ...evidence } : null,
    risk.length > 0
      ? {
          claimClass: 'risk' as const,
          weight: risk.length,
          reasons: risk.map(({ word }) => `'${shownWord(sentence, word)}'`),
          cues: cueNames(risk),
        }
      : null,
    thesis.length > 0
      ? {
          claimClass: 'thesis' as const,
          weight: thesis.length,
          reasons: thesis.map(({ word }) => `'${shownWord(sentence, word)}'`),
          cues: cueNames(thesis),
        }
      : null,
  ].filter((c) => c !== null);
  if (candidates.length === 0) return null;

  // Ties go to evidence, then risk: a checkable figure or a danger matters most in a memo.
  candidates.sort((a, b) => b.weight - a.weight);
  const [best, runnerUp] = candidates as [(typeof candidates)[0], ...typeof candidates];
  const margin = best.weight - (runnerUp?.weight ?? 0);
  const confidence = Math.min(0.95, 0.35 + 0.15 * best.weight + 0.1 * margin);
  return {
    claimClass: best.claimClass,
    confidence: Math.round(confidence * 100) / 100,
    reasons: best.reasons,
    cues: best.cues,
  };
}
