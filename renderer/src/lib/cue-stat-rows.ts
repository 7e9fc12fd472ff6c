import type { ClaimClass } from '../../../shared/domain/highlight';
import type { CueStat, SuggestionLanguage } from '../../../shared/domain/suggestion';

export interface CueStatRow extends CueStat {
  key: string;
  /** Accepted + re-classed + dismissed. */
  total: number;
  /** The share accepted as suggested, 0–1; null without decisions. */
  helps: number | null;
}

const CLASS_ORDER: Record<ClaimClass, number> = { thesis: 0, risk: 1, evidence: 2 };

/**
 * The per-cue counts as table rows, for one language or all: the cues decided on most
 * first, then the ones that help most, then by language, class and cue (a stable order).
 */
export function cueStatRows(
  stats: readonly CueStat[],
  language: SuggestionLanguage | 'all' = 'all',
): CueStatRow[] {
  return stats
    .filter((s) => language === 'all' || s.language === language)
    .map((s) => {
      const total = s.accepted + s.reclassed + s.dismissed;
      return {
        ...s,
        key: `${s.language}:${s.claimClass}:${s.cue}`,
        total,
        helps: total === 0 ? null : s.accepted / total,
      };
    })
    .sort(
      (a, b) =>
        b.total - a.total ||
        (b.helps ?? -1) - (a.helps ?? -1) ||
        a.language.localeCompare(b.language) ||
        CLASS_ORDER[a.claimClass] - CLASS_ORDER[b.claimClass] ||
        a.cue.localeCompare(b.cue),
    );
}
