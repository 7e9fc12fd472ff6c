import { relative } from 'node:path';
import type { StoreNotice } from '../../../shared/domain/library-status';
import { AppError } from '../errors/app-error';

/**
 * A store file changed on disk since Margin read it (a sync tool, an editor, a second
 * copy of the library being synced in). Margin's version went to `conflictCopy` and the
 * other program's version stayed: the analyst is told where both are, and the change they
 * made is refused with CONFLICT, saying what to do next.
 */
export function externalChangeError(
  dataDir: string,
  path: string,
  conflictCopy: string,
  what: string,
  report: (notice: StoreNotice) => void,
  /** What the analyst does next, in a sentence. */
  next: string,
): AppError {
  const file = relative(dataDir, path);
  const copy = relative(dataDir, conflictCopy);
  report({
    title: `${file} changed outside Margin`,
    file,
    setAsideAs: null,
    reason: 'another program rewrote it after Margin had read it (a sync tool or an editor)',
    outcome: `Margin did not write over it: your change to ${what} is saved beside it as ${copy}, and the file keeps the other program's version.`,
  });
  return new AppError(
    'CONFLICT',
    `${file} was changed outside Margin since it was read, so your change to ${what} was not written over it; it is saved beside it as ${copy}. ${next}`,
  );
}
