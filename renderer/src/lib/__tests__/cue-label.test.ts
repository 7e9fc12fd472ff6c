import { describe, expect, it } from 'vitest';
import { PATTERN_CUES } from '../../../../shared/suggestions/score-sentence';
import { cueLabel } from '../cue-label';

describe('cueLabel', () => {
  it('shows a lexicon cue as stored', () => {
    expect(cueLabel('risik')).toEqual({ text: 'risik', pattern: false });
    expect(cueLabel('according to')).toEqual({ text: 'according to', pattern: false });
  });

  it('reads the figure patterns as what they find', () => {
    expect(cueLabel('#percentage')).toEqual({ text: 'a percentage', pattern: true });
    expect(cueLabel('#money').text).toBe('an amount of money');
    expect(cueLabel('#amount').text).toBe('an amount in bn/Mrd.');
    expect(cueLabel('#period-label').text).toBe('a period label (Q3, FY2026)');
    expect(cueLabel('#signed-change').text).toBe('a signed change (+12)');
    expect(cueLabel('#period').text).toBe('a reporting period (quarter…)');
    expect(cueLabel('#count').text).toBe('a count');
  });

  it('has a label for every pattern the scorer counts', () => {
    for (const cue of Object.values(PATTERN_CUES)) {
      expect(cueLabel(cue).text, cue).not.toContain('#');
      expect(cueLabel(cue).text, cue).not.toMatch(/^a figure/);
    }
  });

  it('still names a pattern it does not know yet', () => {
    expect(cueLabel('#growth-rate')).toEqual({ text: 'a figure (growth rate)', pattern: true });
  });
});
