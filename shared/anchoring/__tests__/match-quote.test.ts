import { describe, expect, it } from 'vitest';
import { describeTextRange } from '../describe-text-range';
import { foldedQuote } from '../folded-quote';
import {
  MAX_FUZZY_ERROR_RATE,
  MIN_FUZZY_AGREEMENT,
  WHOLE_TEXT_FUZZY_BUDGET,
  matchQuote,
} from '../match-quote';

const text = [
  'Microsoft hat in den letzten Jahren massiv in OpenAI investiert und sich als exklusiver Cloud-Anbieter positioniert.',
  'Diese Allianz ermöglichte es Microsoft, sich in einem wettbewerbsintensiven Markt hervorzutun.',
  'Dennoch haben interne Divergenzen über strategische Prioritäten das Verhältnis zunehmend belastet.',
].join(' ');

const QUOTE = 'sich in einem wettbewerbsintensiven Markt hervorzutun';
const start = text.indexOf(QUOTE);
const selectors = describeTextRange(text, start, start + QUOTE.length);
const quote = foldedQuote(selectors.quote);
const budget = () => ({ remaining: WHOLE_TEXT_FUZZY_BUDGET });

describe('matchQuote', () => {
  it('finds the quote after a word of it was edited, where its context still is', () => {
    const edited = text.replace('wettbewerbsintensiven', 'hart umkämpften');
    expect(matchQuote(edited, quote, start, true, budget())).toBeNull(); // more than one edit in five

    const typo = text.replace('wettbewerbsintensiven', 'wettbewerbsintensivem');
    const match = matchQuote(typo, quote, start, true, budget());
    expect(match).not.toBeNull();
    expect(typo.slice(match!.start, match!.end)).toBe(
      'sich in einem wettbewerbsintensivem Markt hervorzutun',
    );
    expect(match!.agreement).toBe(1);
  });

  it('orphans a deleted quote rather than match similar words with other context', () => {
    const deleted = text.replace(` ${QUOTE}`, '');
    const elsewhere = `${deleted}\n\nAuch Google versuchte, sich in einem wettbewerbsintensiven Markt zu behaupten, ohne Erfolg.`;
    expect(matchQuote(elsewhere, quote, start, true, budget())).toBeNull();
  });

  it('looks in the whole text only when told that no exact occurrence exists', () => {
    const typo = text.replace('wettbewerbsintensiven', 'wettbewerbsintensivem');
    const far = `${'Ein Absatz ohne Bezug zum Thema. '.repeat(200)}${typo}`;
    expect(matchQuote(far, quote, start, false, budget())).toBeNull();
    const found = matchQuote(far, quote, start, true, budget());
    expect(found?.start).toBe(far.indexOf('sich in einem wettbewerbsintensivem'));
  });

  it('searches the whole text only within its budget', () => {
    const typo = text.replace('wettbewerbsintensiven', 'wettbewerbsintensivem');
    const far = `${'Ein Absatz ohne Bezug zum Thema. '.repeat(200)}${typo}`;
    const spent = { remaining: 100 };
    expect(matchQuote(far, quote, start, true, spent)).toBeNull();
    expect(spent.remaining).toBe(100);
  });

  it('documents its thresholds', () => {
    expect(MAX_FUZZY_ERROR_RATE).toBe(0.2);
    expect(MIN_FUZZY_AGREEMENT).toBeGreaterThan(0.5);
  });
});
