import type { Desktop } from '../features/app/desktop';

export interface RecordingDesktop extends Desktop {
  /** The folders main asked the OS to show, oldest first. */
  readonly opened: readonly string[];
  /** Makes the next `openFolder` calls fail with this error (as the OS would); null: succeed. */
  failWith(error: Error | null): void;
}

/**
 * The OS desktop as a test sees it: every folder main asks to show is recorded instead of
 * opening a file manager on the test machine; everything before it runs for real.
 */
export function recordingDesktop(): RecordingDesktop {
  const opened: string[] = [];
  let failure: Error | null = null;
  return {
    opened,
    failWith(error) {
      failure = error;
    },
    async openFolder(path) {
      if (failure) throw failure;
      opened.push(path);
    },
  };
}
