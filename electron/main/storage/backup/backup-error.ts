import type { ErrorCode } from '../../../../shared/ipc/error-codes';
import { AppError } from '../../errors/app-error';

/**
 * A backup that cannot be restored, and why, in words for the analyst ("This file is not a
 * Margin backup."). An AppError, so it reaches the page as it is; nothing was restored.
 */
export class BackupError extends AppError {
  constructor(
    code: Extract<ErrorCode, 'DAMAGED_FILE' | 'UNSUPPORTED_FORMAT' | 'TOO_LARGE'>,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'BackupError';
  }

  /** "The backup is damaged: articles/…/article.json does not match its checksum. …" */
  static damaged(what: string, options?: { cause?: unknown }): BackupError {
    return new BackupError(
      'DAMAGED_FILE',
      `The backup is damaged: ${what}. Nothing was restored; try another copy of the backup.`,
      options,
    );
  }
}
