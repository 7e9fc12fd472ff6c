import { PATTERN_CUES } from '../../../shared/suggestions/score-sentence';

type PatternCue = (typeof PATTERN_CUES)[keyof typeof PATTERN_CUES];

const PATTERN_LABELS: Record<PatternCue, string> = {
  [PATTERN_CUES.percentage]: 'a percentage',
  [PATTERN_CUES.money]: 'an amount of money',
  [PATTERN_CUES.magnitude]: 'an amount in bn/Mrd.',
  [PATTERN_CUES.periodLabel]: 'a period label (Q3, FY2026)',
  [PATTERN_CUES.signedChange]: 'a signed change (+12)',
  [PATTERN_CUES.period]: 'a reporting period (quarter…)',
  [PATTERN_CUES.count]: 'a count',
};

/**
 * How a cue of the per-cue counts reads: a lexicon cue as stored ("risik", "according to"),
 * a figure pattern (`#percentage`) as what it finds ("a percentage").
 */
export function cueLabel(cue: string): { text: string; pattern: boolean } {
  if (!cue.startsWith('#')) return { text: cue, pattern: false };
  const known = (PATTERN_LABELS as Record<string, string | undefined>)[cue];
  return { text: known ?? `a figure (${cue.slice(1).replace(/-/g, ' ')})`, pattern: true };
}
