import { describe, expect, it } from 'vitest';
import { NO_LEXICON_EDITS } from '../../domain/suggestion';
import { BUILT_IN_LEXICONS } from '../cue-lexicon';
import { editedLexicon } from '../edited-lexicon';
import { suggestClaims } from '../suggest-claims';

const de = BUILT_IN_LEXICONS.de!;

describe("the analyst's lexicon edits", () => {
  it('leave the built-in lexicon as it is when there are none', () => {
    expect(editedLexicon(de, NO_LEXICON_EDITS)).toEqual(de);
  });

  it('add the analyst’s cues and take out the built-in cues they removed', () => {
    const sentence = 'Die Gewerkschaft droht mit Streik, der Druck wächst.';
    expect(suggestClaims(sentence, 'de', de)[0]?.cues).toEqual(['druck']);

    const edited = editedLexicon(de, {
      added: { risk: ['streik'], thesis: [], sources: [] },
      removed: { risk: ['druck'], thesis: [], sources: [] },
    });
    expect(edited.risk).toContain('streik');
    expect(edited.risk).not.toContain('druck');
    expect(edited.negations).toEqual(de.negations);
    expect(suggestClaims(sentence, 'de', edited)[0]).toMatchObject({
      claimClass: 'risk',
      cues: ['streik'],
      reasons: ["'Streik'"],
    });
  });

  it('list a cue once when the analyst adds one that is built in', () => {
    const edited = editedLexicon(de, {
      added: { risk: ['rückgang'], thesis: [], sources: [] },
      removed: { risk: [], thesis: [], sources: [] },
    });
    expect(edited.risk.filter((cue) => cue === 'rückgang')).toHaveLength(1);
  });
});
