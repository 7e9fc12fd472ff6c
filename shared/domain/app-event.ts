import { z } from 'zod';
import { ChosenFile } from './import-request';

/**
 * Something the operating system or the application menu asked of the page: files opened
 * with Margin (Finder's or Explorer's "Open with", a double-click, a second launch with a
 * path), or a Help menu item. Main queues them; the page asks for them (`app:nextEvents`) and acknowledges them by asking
 * again with a later cursor.
 */
export const AppEvent = z.discriminatedUnion('kind', [
  /** Import these files, as if the analyst had chosen them in the open dialog. */
  z.object({ kind: z.literal('openFiles'), files: z.array(ChosenFile).min(1).max(1000) }),
  z.object({ kind: z.literal('showAbout') }),
  z.object({ kind: z.literal('reportProblem') }),
]);
export type AppEvent = z.infer<typeof AppEvent>;

/** Which events the page has handled: those up to `after` (0 when it starts). */
export const NextAppEventsInput = z.object({ after: z.int().nonnegative() });
export type NextAppEventsInput = z.infer<typeof NextAppEventsInput>;

/** New events, and the cursor to send next time (which acknowledges these). */
export const AppEventBatch = z.object({
  events: z.array(AppEvent),
  through: z.int().nonnegative(),
});
export type AppEventBatch = z.infer<typeof AppEventBatch>;
