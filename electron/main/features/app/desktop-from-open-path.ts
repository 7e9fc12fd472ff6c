import { AppError } from '../../errors/app-error';
import type { Desktop } from './desktop';

/**
 * The desktop over Electron's `shell.openPath`, which resolves to an error message when
 * the OS could not open the path (and to "" when it did).
 */
export function desktopFromOpenPath(openPath: (path: string) => Promise<string>): Desktop {
  return {
    async openFolder(path) {
      let problem: string;
      try {
        problem = await openPath(path);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      if (problem.trim() === '') return;
      throw new AppError(
        'OPEN_FAILED',
        `Margin could not show “${path}” in your file manager (${problem.trim()}). Open the folder yourself with this path.`,
        { cause: problem },
      );
    },
  };
}
