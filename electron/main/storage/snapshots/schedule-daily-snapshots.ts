import type { Logger } from '../../logging/logger';
import type { LibraryLayout } from '../library-layout';
import { takeDailySnapshot } from './daily-snapshots';

/** The day's snapshot waits this long after the library opens: starting up stays quick. */
export const DAILY_SNAPSHOT_DELAY_MS = 60_000;
/** After that, whether a new day has begun is checked this often. */
const RECHECK_MS = 60 * 60 * 1000;

export interface DailySnapshotSchedule {
  /** Cancels the next snapshot and waits for one under way. */
  stop(): Promise<void>;
}

/** Takes a daily snapshot a while after opening, then once a day while the library is open. */
export function scheduleDailySnapshots({
  layout,
  appVersion,
  now,
  logger,
  firstDelayMs,
  enabled,
  settle,
}: {
  layout: LibraryLayout;
  appVersion: string;
  now: () => Date;
  logger: Logger;
  firstDelayMs: number;
  enabled: boolean;
  /** Waits for the writes under way, so a snapshot holds what the analyst saw saved. */
  settle: () => Promise<unknown>;
}): DailySnapshotSchedule {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = !enabled || !Number.isFinite(firstDelayMs);

  function plan(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = settle()
        .then(() => takeDailySnapshot(layout, { appVersion, now }))
        .then((result) => {
          if (result === 'taken') logger.info("Store: took today's library snapshot.");
          if (result === 'no-space')
            logger.warn('Store: skipped the daily snapshot: the disk is nearly full.');
        })
        .catch((error: unknown) => logger.warn('Store: the daily snapshot failed.', error))
        .finally(() => {
          running = null;
          plan(RECHECK_MS);
        });
    }, delay);
    timer.unref();
  }
  plan(firstDelayMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
