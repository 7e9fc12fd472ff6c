import { notifications } from '@mantine/notifications';
import type { SaveOutcome } from '../../../../shared/domain/export';

const fileNameOf = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** A short toast naming the file written and where; nothing when the analyst cancelled. */
export function announceSaved(outcome: SaveOutcome, what: string): boolean {
  if (!outcome.saved) return false;
  notifications.show({
    color: 'green',
    title: `Saved ${what} as “${fileNameOf(outcome.path)}”`,
    message: outcome.path,
  });
  return true;
}
