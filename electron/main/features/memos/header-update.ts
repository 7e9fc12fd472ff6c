import type { Memo, MemoHeaderUpdate } from '../../../../shared/domain/memo';
import type { z } from 'zod';
import { AppError } from '../../errors/app-error';
import { loggedChanges } from '../../../../shared/memo/logged-fields';

/** The most entries a conviction log keeps (the schema's bound); the oldest go first. */
const LOG_MAX_ENTRIES = 2_000;

type ParsedHeaderUpdate = z.output<typeof MemoHeaderUpdate>;

/**
 * Applies a header edit to the memo as it is now. A recommendation must be on the
 * analyst's scale (one the memo already had stays valid after the scale changed); changing
 * the recommendation, price target or conviction needs a reason and is logged with the
 * claims named.
 */
export function headerUpdate(
  current: Memo,
  { title, header, reason, claimIds }: ParsedHeaderUpdate,
  scale: readonly string[],
  entryId: string,
  at: Date,
): Memo {
  let recommendation = header.recommendation;
  if (recommendation !== null && recommendation !== current.header.recommendation) {
    const onScale = scale.find((r) => r.toLowerCase() === recommendation!.toLowerCase());
    if (onScale === undefined) {
      throw new AppError(
        'INVALID_INPUT',
        `"${recommendation}" is not on your recommendation scale (${scale.join(', ')}). ` +
          'Choose one of those, or change the scale in Settings.',
      );
    }
    recommendation = onScale;
  }
  const next = { ...header, recommendation };
  const changes = loggedChanges(current.header, next);
  if (changes.length === 0) return { ...current, title, header: next };
  if (!reason) {
    throw new AppError(
      'INVALID_INPUT',
      'Give a one-line reason for changing the recommendation, price target or conviction: ' +
        "it goes into the memo's conviction log.",
    );
  }
  const entry = {
    id: entryId,
    at: at.toISOString(),
    changes,
    reason,
    claimIds: [...new Set(claimIds)],
  };
  return {
    ...current,
    title,
    header: next,
    convictionLog: [...current.convictionLog, entry].slice(-LOG_MAX_ENTRIES),
  };
}
