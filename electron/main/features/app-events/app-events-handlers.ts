import type { AppEvent } from '../../../../shared/domain/app-event';
import type { ChannelHandlers } from '../../ipc/channel-handlers';
import type { ChosenFiles } from '../import/chosen-files';
import type { AppEventQueue } from './app-event-queue';

export interface AppEventsDeps {
  events: AppEventQueue;
  /** The same registry the import handlers resolve tokens with. */
  chosenFiles: ChosenFiles;
}

/**
 * `app:nextEvents`: the page's long poll for OS and menu events. Opened files reach the
 * page as tokens, like files from the open dialog, so the page never names a path.
 */
export function createAppEventsHandlers({
  events,
  chosenFiles,
}: AppEventsDeps): Pick<ChannelHandlers, 'app:nextEvents'> {
  return {
    'app:nextEvents': async ({ after }) => {
      const batch = await events.next(after);
      const delivered: AppEvent[] = [];
      for (const event of batch.events) {
        if (event.kind !== 'openFiles') {
          delivered.push(event);
          continue;
        }
        // Large batches (a whole folder dropped on the icon) go in dialog-sized slices.
        for (let at = 0; at < event.paths.length; at += 1000) {
          const files = await chosenFiles.register(event.paths.slice(at, at + 1000));
          delivered.push({ kind: 'openFiles', files });
        }
      }
      return { events: delivered, through: batch.through };
    },
  };
}
