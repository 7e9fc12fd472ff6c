import type { StoreNotice } from '../../../shared/domain/library-status';

/** Carries the notices already shown over a reload the page does itself (after a restore). */
const KEPT_KEY = 'margin.shownNotices';

function takeKept(): Set<string> {
  try {
    const kept = sessionStorage.getItem(KEPT_KEY);
    sessionStorage.removeItem(KEPT_KEY);
    const keys: unknown = kept ? JSON.parse(kept) : [];
    return new Set(Array.isArray(keys) ? keys.filter((k) => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

const shown = takeKept();

/**
 * Which store notices the analyst has seen a toast for. Main keeps every notice of its
 * session, so each poll returns them all: only the new ones are shown.
 */
export const shownNotices = {
  key: (notice: StoreNotice): string =>
    JSON.stringify([
      notice.file,
      notice.setAsideAs,
      notice.title ?? '',
      notice.reason,
      // A second conflict on one file differs only here (its own conflict copy).
      notice.outcome,
    ]),
  has: (key: string): boolean => shown.has(key),
  add: (key: string): void => void shown.add(key),
  /** Before the page reloads itself: main still holds these notices, so they are not new. */
  keepForReload(): void {
    try {
      sessionStorage.setItem(KEPT_KEY, JSON.stringify([...shown]));
    } catch {
      // Storage refused: the notices show once more after the reload, nothing is lost.
    }
  },
};
