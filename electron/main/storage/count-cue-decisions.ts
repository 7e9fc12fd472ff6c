import type { ClaimClass } from '../../../shared/domain/highlight';
import type { CueStat, SuggestionLanguage } from '../../../shared/domain/suggestion';

/** What the analyst did with one suggestion, for the counts of the cues that made it. */
export interface CueDecision {
  language: SuggestionLanguage;
  /** The class Margin suggested: the cues fired for it. */
  claimClass: ClaimClass;
  cues: readonly string[];
  outcome: 'accepted' | 'reclassed' | 'dismissed';
}

const keyOf = (s: Pick<CueStat, 'language' | 'claimClass' | 'cue'>) =>
  `${s.language}\u0000${s.claimClass}\u0000${s.cue}`;

/** The counts with `decisions` added: one per cue per decision, new cues appended. */
export function countCueDecisions(
  stats: readonly CueStat[],
  decisions: readonly CueDecision[],
): CueStat[] {
  const counted = new Map(stats.map((stat) => [keyOf(stat), { ...stat }]));
  for (const { language, claimClass, cues, outcome } of decisions) {
    for (const cue of cues) {
      const key = keyOf({ language, claimClass, cue });
      const stat = counted.get(key) ?? {
        language,
        claimClass,
        cue,
        accepted: 0,
        reclassed: 0,
        dismissed: 0,
      };
      stat[outcome] += 1;
      counted.set(key, stat);
    }
  }
  return [...counted.values()];
}
