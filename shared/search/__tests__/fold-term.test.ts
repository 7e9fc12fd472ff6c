import { describe, expect, it } from 'vitest';
import { foldTerm, foldTermForms } from '../fold-term';

describe('foldTerm', () => {
  it.each([
    ['Rückgang', 'rueckgang'],
    ['rueckgang', 'rueckgang'],
    ['Ruckgang', 'ruckgang'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Œuvre', 'oeuvre'],
    ['Ærø', 'aero'],
    ['Łódź', 'lodz'],
    ['Ørsted', 'orsted'],
    ['é', 'e'],
    ['Élysée', 'elysee'],
    ['Ä', 'ae'],
    ['ÖL', 'oel'],
    ['ﬁnance', 'finance'],
    ['Microsoft-Aktie', 'microsoftaktie'],
    ['2,5', '2.5'],
    ['Frequenz', 'frequenz'],
    ['quelque', 'quelque'],
    ['blue', 'blue'],
  ])('%s → %s', (word, folded) => {
    expect(foldTerm(word)).toBe(folded);
  });

  it('folds a decomposed umlaut like a composed one', () => {
    expect(foldTerm('Ru\u0308ckgang')).toBe('rueckgang');
  });
});

describe('foldTermForms', () => {
  it('files a word with umlauts under its transliterated and its dotless form', () => {
    expect(foldTermForms('Rückgang')).toEqual(['rueckgang', 'ruckgang']);
    expect(foldTermForms('Übernahme-Gerüchte')).toEqual([
      'uebernahmegeruechte',
      'ubernahmegeruchte',
    ]);
  });

  it('files other words under one form only', () => {
    expect(foldTermForms('Frequenz')).toEqual(['frequenz']);
    expect(foldTermForms('économie')).toEqual(['economie']);
    expect(foldTermForms('Straße')).toEqual(['strasse']);
  });
});
