import type { RevisionReason } from '../../../shared/domain/memo';

/** Revisions Margin took on its own; the analyst's own (and those taken before a restore) outlast them. */
const AUTOMATIC: ReadonlySet<RevisionReason> = new Set(['hourly', 'close']);

/**
 * Trims a revision list (oldest first) to `max`: the oldest automatic revisions go first,
 * the analyst's manual and before-restore revisions only when nothing else is left. The
 * newest revision, just taken, always stays.
 */
export function capRevisions<T extends { reason: RevisionReason }>(
  revisions: readonly T[],
  max: number,
): T[] {
  let excess = revisions.length - max;
  if (excess <= 0) return [...revisions];
  const older = revisions.length - 1;
  const dropped = new Set<number>();
  for (let i = 0; i < older && excess > 0; i++) {
    if (AUTOMATIC.has(revisions[i]!.reason)) {
      dropped.add(i);
      excess--;
    }
  }
  for (let i = 0; i < older && excess > 0; i++) {
    if (!dropped.has(i)) {
      dropped.add(i);
      excess--;
    }
  }
  return revisions.filter((_, i) => !dropped.has(i));
}
