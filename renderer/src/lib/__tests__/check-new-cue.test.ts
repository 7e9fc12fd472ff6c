import { describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- in Node there is no CSP: the zod-free copy is checked against the schema
import { CueText, NO_LEXICON_EDITS, type LexiconEdits } from '../../../../shared/domain/suggestion';
import { checkNewCue } from '../check-new-cue';

const builtIn = ['risik', 'verlust'];
const edits = (patch: Partial<LexiconEdits['added']>, removed: string[] = []): LexiconEdits => ({
  added: { ...NO_LEXICON_EDITS.added, ...patch },
  removed: { ...NO_LEXICON_EDITS.removed, risk: removed },
});

describe('checkNewCue', () => {
  it('takes a cue as main stores it: trimmed and in lower case', () => {
    expect(checkNewCue('  Streik ', 'risk', builtIn, NO_LEXICON_EDITS)).toEqual({
      ok: true,
      cue: 'streik',
    });
    expect(checkNewCue('According To', 'sources', [], NO_LEXICON_EDITS)).toEqual({
      ok: true,
      cue: 'according to',
    });
  });

  it('says why a cue is not one, naming what was typed', () => {
    expect(checkNewCue('<x>', 'risk', builtIn, NO_LEXICON_EDITS)).toEqual({
      ok: false,
      message:
        "Couldn't add '<x>': a cue holds letters, digits, spaces, apostrophes and hyphens only.",
    });
    expect(checkNewCue('a', 'risk', builtIn, NO_LEXICON_EDITS)).toMatchObject({
      message: "Couldn't add 'a': a cue needs at least two characters.",
    });
    expect(checkNewCue('x'.repeat(61), 'risk', builtIn, NO_LEXICON_EDITS)).toMatchObject({
      message: expect.stringContaining('a cue has at most 60 characters'),
    });
  });

  it('refuses a cue the list already has, and says where it is', () => {
    expect(checkNewCue('Risik', 'risk', builtIn, NO_LEXICON_EDITS)).toEqual({
      ok: false,
      message: "'risik' is already a built-in risk cue.",
    });
    expect(checkNewCue('streik', 'risk', builtIn, edits({ risk: ['streik'] }))).toEqual({
      ok: false,
      message: "'streik' is already one of your risk cues.",
    });
  });

  it('lets a removed built-in cue be added again (it comes back)', () => {
    expect(checkNewCue('verlust', 'risk', builtIn, edits({}, ['verlust']))).toEqual({
      ok: true,
      cue: 'verlust',
    });
  });

  it('stops at the 500 own cues main keeps per list', () => {
    const full = edits({ thesis: Array.from({ length: 500 }, (_, i) => `cue ${i}`) });
    expect(checkNewCue('rückenwind', 'thesis', [], full)).toMatchObject({ ok: false });
  });

  it('agrees with CueText, the schema main checks with', () => {
    const samples = [
      'streik',
      ' Rückgang ',
      'according to',
      "d'après",
      'd’après',
      'covid-19',
      '2g',
      'x',
      '  y ',
      '-minus',
      "'quoted",
      'a_b',
      '<x>',
      'zölle!',
      'ça',
      'x'.repeat(60),
      'x'.repeat(61),
    ];
    for (const typed of samples) {
      const schema = CueText.safeParse(typed);
      const ours = checkNewCue(typed, 'risk', [], NO_LEXICON_EDITS);
      expect(ours.ok, typed).toBe(schema.success);
      if (schema.success && ours.ok) expect(ours.cue).toBe(schema.data);
      if (!schema.success && !ours.ok) {
        expect(ours.message, typed).toContain(schema.error.issues[0]!.message);
      }
    }
  });
});
