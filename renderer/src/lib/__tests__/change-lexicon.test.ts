import { describe, expect, it } from 'vitest';
import type { LexiconEdits } from '../../../../shared/domain/suggestion';
import { changeLexicon } from '../change-lexicon';

const none = (): LexiconEdits => ({
  added: { risk: [], thesis: [], sources: [] },
  removed: { risk: [], thesis: [], sources: [] },
});
const builtIn = ['risik', 'verlust'];

describe('changeLexicon', () => {
  it('adds the analyst’s own cue once, to its list only', () => {
    const once = changeLexicon(none(), builtIn, { kind: 'add', list: 'risk', cue: 'streik' });
    const twice = changeLexicon(once, builtIn, { kind: 'add', list: 'risk', cue: 'streik' });
    expect(twice.added).toEqual({ risk: ['streik'], thesis: [], sources: [] });
    expect(twice.removed).toEqual(none().removed);
  });

  it('marks a built-in cue removed, and puts it back', () => {
    const removed = changeLexicon(none(), builtIn, { kind: 'remove', list: 'risk', cue: 'risik' });
    expect(removed.removed.risk).toEqual(['risik']);
    expect(removed.added.risk).toEqual([]);
    const back = changeLexicon(removed, builtIn, { kind: 'restore', list: 'risk', cue: 'risik' });
    expect(back).toEqual(none());
    // Typing a removed built-in cue again puts it back as well.
    expect(changeLexicon(removed, builtIn, { kind: 'add', list: 'risk', cue: 'risik' })).toEqual(
      none(),
    );
  });

  it('drops the analyst’s own cue when removed', () => {
    const start = none();
    start.added.thesis = ['rückenwind', 'kaufen'];
    const next = changeLexicon(start, [], { kind: 'remove', list: 'thesis', cue: 'rückenwind' });
    expect(next.added.thesis).toEqual(['kaufen']);
    expect(next.removed.thesis).toEqual([]);
    expect(start.added.thesis).toEqual(['rückenwind', 'kaufen']); // not changed in place
  });
});
