import { describe, expect, it } from 'vitest';
import { describeTextRange } from '../describe-text-range';
import { foldedQuote } from '../folded-quote';
import { matchingText } from '../matching-text';
import { MIN_DISTINCTIVE_QUOTE_CHARS, matchTextQuote } from '../text-quote-selector';

const SENTENCE = 'Der Umsatz stieg um fünf Prozent.';

const outros = [
  'Die Prognose für das Gesamtjahr bleibt unverändert.',
  'Analysten hatten mit deutlich weniger gerechnet.',
  'Der Vorstand kündigte zugleich Sparmaßnahmen an.',
  'Die Dividende soll dennoch stabil bleiben, hieß es.',
  'An der Börse reagierten Anleger erleichtert darauf.',
];
/** Five paragraphs with the same sentence, each with its own context. */
const paragraphs = [
  'Im ersten Quartal meldete die Allianz solide Zahlen.',
  'Für das zweite Quartal sprach Siemens von Rückenwind.',
  'Im dritten Quartal überraschte die BASF alle Analysten.',
  'Zum Jahresende blieb die Deutsche Telekom zurückhaltend.',
  'Nach der Übernahme legte Bayer überraschend deutlich zu.',
].map((intro, i) => `${intro} ${SENTENCE} ${outros[i]}`);
const text = paragraphs.join('\n\n');

const starts = [...text.matchAll(/Der Umsatz stieg/g)].map((m) => m.index);
const selectors = starts.map((s) => describeTextRange(text, s, s + SENTENCE.length));

/** The sentence with the same 32 characters of context each side, for copies of a passage. */
const block = `Eine lange Einleitung vor dem Satz: ${SENTENCE} Und ein langer Nachsatz, stets gleich.`;

describe('matchTextQuote', () => {
  it('tells the copies of a repeated sentence apart by their context', () => {
    // Expected far from all of them (a long passage inserted before): context decides.
    const matching = matchingText(text);
    selectors.forEach((s) => {
      const farAway = matching.folded.length + 20_000;
      const { match } = matchTextQuote(matching.folded, foldedQuote(s.quote), farAway);
      expect(match && matching.realRange(match.start, match.end)).toEqual(s.position);
    });
  });

  it('does not let a copy at the expected place win against its own context', () => {
    // Expected exactly where the next copy is: that copy is near, but its context is not
    // this highlight's. Either the right copy or nothing, never the neighbour.
    const matching = matchingText(text);
    selectors.forEach((s, i) => {
      const neighbour = matching.foldedOffset(starts[(i + 1) % starts.length]!);
      const { match } = matchTextQuote(matching.folded, foldedQuote(s.quote), neighbour);
      if (match !== null) expect(matching.realRange(match.start, match.end)).toEqual(s.position);
    });
  });

  it('takes the copy nearest the expected place when the contexts are the same', () => {
    const same = `${block} ${'Füllsatz ohne Bezug. '.repeat(60)}${block}`;
    const [first, second] = [...same.matchAll(/Der Umsatz/g)].map((m) => m.index);
    const quote = foldedQuote(describeTextRange(same, first!, first! + SENTENCE.length).quote);
    expect(matchTextQuote(same, quote, first! + 20).match?.start).toBe(first);
    expect(matchTextQuote(same, quote, second! - 20).match?.start).toBe(second);
  });

  it('refuses copies equally far away with the same context: ambiguous', () => {
    const same = `${block} ${'Füllsatz. '.repeat(60)}${block}`;
    const [first, second] = [...same.matchAll(/Der Umsatz/g)].map((m) => m.index);
    const quote = foldedQuote(describeTextRange(same, first!, first! + SENTENCE.length).quote);
    const midway = Math.round((first! + second!) / 2);
    expect(matchTextQuote(same, quote, midway).match).toBeNull();
  });

  it('refuses a short quote whose only occurrences have other context', () => {
    const quote = {
      exact: 'Quartal',
      prefix: 'Die Bilanz zeigt für das vierte ',
      suffix: ' einen Verlust von 3 Mrd. Euro.',
      contextChars: 64,
    };
    const result = matchTextQuote(text, quote, 0);
    expect(result.match).toBeNull();
    expect(result.occurrences).toBe(3);
  });

  it('accepts a distinctive quote found once, whatever its context (a moved paragraph)', () => {
    const exact = 'Nach der Übernahme legte Bayer überraschend deutlich zu.';
    expect(exact.length).toBeGreaterThanOrEqual(MIN_DISTINCTIVE_QUOTE_CHARS);
    const quote = {
      exact,
      prefix: 'ganz anderer Kontext davor hier ',
      suffix: ' und danach ganz anderer Kontext',
      contextChars: 64,
    };
    expect(matchTextQuote(text, quote, 0).match?.start).toBe(text.indexOf(exact));
  });

  it('reports no occurrences for words that are not there', () => {
    const quote = { exact: 'Gewinnwarnung', prefix: '', suffix: '', contextChars: 0 };
    expect(matchTextQuote(text, quote, 0)).toEqual({ match: null, occurrences: 0 });
  });
});
