import type { Dialogs } from '../features/import/dialogs';

/**
 * Dialogs that "choose" whatever the test put in `choose`: the native dialog is the only
 * piece replaced, everything behind it (reading, parsing, storing) runs for real.
 */
export function chosenPathsDialogs(
  initial: string[] = [],
): Dialogs & { choose(paths: string[]): void } {
  let paths = initial;
  return {
    choose(next) {
      paths = next;
    },
    async chooseImportFiles() {
      return paths;
    },
  };
}
