import { AppError } from '../../errors/app-error';
import { describeWriteFailure } from '../../storage/describe-write-failure';

/**
 * A failed swap as the analyst should read it. The host has reopened the library as it
 * was, unless it could not open it at all (an AggregateError): then only a restart helps.
 */
export function describeRestoreFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AggregateError) {
    return new AppError(
      'STORE_WRITE_FAILED',
      'Margin could not open the library again after the restore. Quit Margin and start it again: if the restore was cut off, Margin puts your previous library back when it starts.',
      { cause: error },
    );
  }
  const failure = describeWriteFailure('the restored library', error);
  return new AppError(
    'STORE_WRITE_FAILED',
    `${failure.message} Your library is as it was before the restore.`,
    { cause: error },
  );
}
