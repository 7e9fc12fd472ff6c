import { describe, expect, it } from 'vitest';
import { BUILT_IN_LEXICONS, CueLexicon, lexiconFor } from '../cue-lexicon';
import { scoreSentence } from '../score-sentence';
import { suggestClaims } from '../suggest-claims';

const de = BUILT_IN_LEXICONS.de!;
const en = BUILT_IN_LEXICONS.en!;
const fr = BUILT_IN_LEXICONS.fr!;

describe('scoring one sentence', () => {
  it('explains a figure and a cue word the way the analyst reads them', () => {
    expect(scoreSentence('Der Umsatz sank um 20 % auf 4,4 Mrd. Euro.', de, 'de')).toEqual({
      claimClass: 'evidence',
      confidence: 0.95,
      reasons: ['contains 20 %', 'contains 4,4 Mrd. Euro'],
      // Figures count under pattern cues, so Settings can show how often they help.
      cues: ['#percentage', '#money', '#amount'],
    });
    expect(scoreSentence('Ein Rückgang der Nachfrage bleibt möglich.', de, 'de')).toMatchObject({
      claimClass: 'risk',
      reasons: ["'Rückgang'"],
      cues: ['rückgang'],
    });
  });

  it('names an amount without its currency by its unit', () => {
    expect(scoreSentence('Die Kosten lagen bei 3 Mio. im Jahr.', de, 'de')?.reasons).toEqual([
      'contains an amount in mio',
    ]);
  });

  it('counts a reported source as evidence ("laut", "according to", "selon")', () => {
    for (const [sentence, lexicon, language] of [
      ['Laut Vorstand ist die Integration abgeschlossen.', de, 'de'],
      ['According to the filing, the deal closed in May.', en, 'en'],
      ['Selon la direction, la fusion est achevée.', fr, 'fr'],
    ] as const) {
      expect(scoreSentence(sentence, lexicon, language)?.claimClass, sentence).toBe('evidence');
    }
  });

  it('lets a nearby negation cancel a cue, but not "nicht nur"', () => {
    expect(scoreSentence('Für die Dividende besteht kein Risiko.', de, 'de')).toBeNull();
    expect(scoreSentence('There is no risk of a dividend cut.', en, 'en')).toBeNull();
    expect(scoreSentence("Il n'y a aucun risque de liquidité.", fr, 'fr')).toBeNull();
    expect(
      scoreSentence('Das betrifft nicht nur Spannungen im Vorstand.', de, 'de')?.claimClass,
    ).toBe('risk');
  });

  it('finds cues inside German compounds, but not after the negating prefix "un"', () => {
    expect(scoreSentence('Der Konkurrenzdruck wächst.', de, 'de')?.reasons).toEqual([
      "'Konkurrenzdruck'",
    ]);
    expect(scoreSentence('Das Team arbeitet unabhängig.', de, 'de')).toBeNull();
    // English and French stems match at the start of a word only.
    expect(scoreSentence('The prerisk filing was late.', en, 'en')).toBeNull();
  });

  it('counts a word once, however many cues match it', () => {
    const score = scoreSentence('Die Marktposition wurde gestärkt.', de, 'de');
    expect(score?.reasons).toEqual(["'gestärkt'"]);
    expect(score?.confidence).toBe(0.6);
  });

  it('gives a tie to evidence, then to risk', () => {
    expect(scoreSentence('Competition grew, but the moat holds.', en, 'en')?.claimClass).toBe(
      'risk',
    );
    expect(scoreSentence('Sales fell 8% in China.', en, 'en')?.claimClass).toBe('evidence');
  });

  it('returns nothing for a sentence without any signal', () => {
    expect(scoreSentence('Der Vorstand tagt im Frühjahr in Berlin.', de, 'de')).toBeNull();
  });
});

describe('suggesting claims for an article', () => {
  it('gives sentence spans of the canonical text with their class, in text order', () => {
    const text = 'Ausblick\n\nDer Umsatz stieg um 12 %. Die Konkurrenz wächst. Der Vorstand tagt.';
    const suggestions = suggestClaims(text, 'de');
    expect(suggestions.map((s) => [text.slice(s.start, s.end), s.claimClass])).toEqual([
      ['Der Umsatz stieg um 12 %.', 'evidence'],
      ['Die Konkurrenz wächst.', 'risk'],
    ]);
  });

  it("uses the analyst's own lexicon when given one", () => {
    const own = CueLexicon.parse({ ...de, risk: [...de.risk, 'gewerkschaft'] });
    const text = 'Die Gewerkschaft ruft zum Streik auf.';
    expect(suggestClaims(text, 'de')).toEqual([]);
    expect(suggestClaims(text, 'de', own)[0]?.cues).toEqual(['gewerkschaft']);
  });

  it('uses the English lexicon for a language Margin has none for', () => {
    expect(lexiconFor('es').language).toBe('en');
    expect(lexiconFor('de-CH').language).toBe('de');
  });

  it('reads typographic apostrophes and French elision like straight text', () => {
    expect(scoreSentence('Les analystes s’inquiètent des retards.', fr, 'fr')).toMatchObject({
      claimClass: 'risk',
      reasons: ["'retards'", "'inquiètent'"],
    });
    expect(
      scoreSentence('Le chiffre d’affaires atteint 17,4 milliards d’euros.', fr, 'fr')?.cues,
    ).toContain('#money');
    expect(
      scoreSentence('D’après le groupe, les ventes ont atteint 3 millions.', fr, 'fr'),
    ).toMatchObject({ claimClass: 'evidence', cues: expect.arrayContaining(["d'après"]) });
  });

  it('takes no period and no reporting verb alone for evidence', () => {
    expect(
      scoreSentence('Airbus relève ses prévisions après un trimestre record', fr, 'fr'),
    ).toBeNull();
    expect(scoreSentence('The chief executive said the plan was on track.', en, 'en')).toBeNull();
    // With a figure, "said" makes it a reported fact; the figure is what is counted.
    expect(
      scoreSentence('The company said sales rose 12% in the quarter.', en, 'en'),
    ).toMatchObject({ claimClass: 'evidence', cues: ['#percentage', '#period'] });
  });
});
